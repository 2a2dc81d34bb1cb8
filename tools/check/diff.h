/* What changed between two estimates, and whether the growth stays within a limit. */
#ifndef WB_DIFF_H
#define WB_DIFF_H

#include <stdint.h>

#include "read/estimate_file.h"

/* A number of bytes in the old and the new estimate.  An item only one
 * file has is 0 B in the other (the JSON leaves items of 0 B out); other
 * fields are compared only when both files have them. */
/* The text of a setting a file does not have, "(none)" (compare the
 * pointer: JSON writes null for it). */
extern const char wb_diff_none[];

typedef struct wb_diff_change {
    const char *key;        /* pools: "global_heap"; items: their key; figures: the field's path */
    const char *label;      /* items: the label (the new file's, else the old's); else "" */
    const char *pool;       /* items: their pool; else "" */
    int in_old, in_new;
    uint64_t old_bytes, new_bytes;
} wb_diff_change;

/* A setting or a result whose value differs: as each file writes it. */
typedef struct wb_diff_value {
    const char *path;
    const wb_est_field *old_field, *new_field; /* NULL: the file has no such field */
    const char *old_text, *new_text; /* the value as a person reads it */
} wb_diff_value;

typedef struct wb_diff {
    wb_diff_value *settings;   /* profile, mode, wamr_version, budget, settings.* */
    unsigned setting_count;
    wb_diff_value *results;    /* fits, stack.bounded, ...: other values that are not byte counts */
    unsigned result_count;
    wb_diff_change *pools;     /* every pool either file has, largest change first */
    unsigned pool_count;
    wb_diff_change *items;     /* every item either file has, largest change first */
    unsigned item_count;
    wb_diff_change *figures;   /* byte counts of estimate.*, stack.*, operand_stack.* both have */
    unsigned figure_count;
    wb_diff_change total;
    const char *old_version, *new_version;
    int old_version_assumed, new_version_assumed; /* the file has no wamr_version */
} wb_diff;

/* 0, or -1 when memory runs out. */
int wb_diff_make(const wb_estimate_file *old_f, const wb_estimate_file *new_f, wb_diff *d);
void wb_diff_free(wb_diff *d);

/* new - old as a sign and a size: 1 grew, -1 shrank, 0 same; *bytes the size. */
int wb_diff_delta(const wb_diff_change *c, uint64_t *bytes);
/* The change in percent of the old figure; 0 and no value (returns 0) when
 * the old figure is 0. */
int wb_diff_percent(const wb_diff_change *c, double *percent);

/* A limit on growth: --fail-on-growth 5% or 12K. */
typedef struct wb_growth_limit {
    int is_percent;
    uint64_t milli_percent;   /* percent x 1000 */
    uint64_t bytes;
} wb_growth_limit;

/* "5%", "2.5%" (three decimals at most) or a size ("12K").  0, or -1. */
int wb_growth_parse(const char *text, wb_growth_limit *g);
/* Whether the change grew by more than the limit (from 0 B, any growth
 * is more than any percentage). */
int wb_growth_exceeded(const wb_diff_change *c, const wb_growth_limit *g);

/* The pool named key ("global_heap", ...), "total" for the total, or NULL. */
const wb_diff_change *wb_diff_pool(const wb_diff *d, const char *key);

#endif
