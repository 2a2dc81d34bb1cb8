/* The checker's own JSON read back: every scalar by its dotted path, and the itemised estimate. */
#ifndef WB_ESTIMATE_FILE_H
#define WB_ESTIMATE_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "read/json_reader.h"

/*
 * What `wamr-budget check --json` writes (README: "The JSON holds ..."),
 * flattened: each scalar outside an array becomes a field named by its
 * path ("settings.stack_size", "estimate.pools.global_heap"), and
 * estimate.items[] becomes a list of items.  Fields this reader does not
 * know are kept like the others, so a file from a newer or older checker
 * reads, and two files can be compared on what both have.  The file must
 * say schema "wamr-budget/1" and hold the estimate fields of the contract
 * (PRODUCT.md); anything else about it is optional.
 */

typedef enum wb_est_kind {
    WB_EST_U64 = 0,   /* a whole number from 0 to UINT64_MAX */
    WB_EST_NUMBER,    /* any other number */
    WB_EST_STRING,
    WB_EST_BOOL,
    WB_EST_NULL
} wb_est_kind;

typedef struct wb_est_field {
    const char *path;
    wb_est_kind kind;
    uint64_t u64;        /* WB_EST_U64 */
    int boolean;         /* WB_EST_BOOL */
    const char *text;    /* strings as decoded; numbers as written; "true", "false", "null" */
    uint32_t line;
} wb_est_field;

typedef struct wb_est_item {
    const char *key;     /* stable, e.g. "load.fast_interp_code" */
    const char *label;   /* "" when absent */
    const char *pool;    /* "global_heap", ... */
    const char *phase;   /* "" when absent */
    uint64_t bytes;
    int upper_bound;
    uint32_t line;
} wb_est_item;

/* The WAMR version of an estimate whose file has no wamr_version: the one
 * the checker modelled before it wrote the field. */
#define WB_EST_VERSION_UNNAMED "main-646b5a9bc"

#define WB_EST_MAX_FIELDS 4096
#define WB_EST_MAX_ITEMS 1024
#define WB_EST_MAX_PATH 256

typedef struct wb_estimate_file {
    wb_json_doc doc;
    char *paths;                /* the fields' paths */
    wb_est_field *fields;
    unsigned field_count;
    wb_est_item *items;
    unsigned item_count;
    const char *wamr_version;   /* NULL when the file has none (a checker from before the field) */
} wb_estimate_file;

/* Read text[0..len).  0, or -1 with err filled: a JSON syntax error, or a
 * field of the contract missing or of the wrong type (line and column of
 * the value, or of the object that lacks it). */
int wb_estimate_file_read(const char *text, size_t len, wb_estimate_file *f, wb_json_error *err);
void wb_estimate_file_free(wb_estimate_file *f);

/* The field at path, or NULL. */
const wb_est_field *wb_est_field_get(const wb_estimate_file *f, const char *path);
/* 1 and *out when path is a whole number of bytes; 0 otherwise. */
int wb_est_u64(const wb_estimate_file *f, const char *path, uint64_t *out);
/* 1 and *out when path is true or false; 0 otherwise. */
int wb_est_bool(const wb_estimate_file *f, const char *path, int *out);
/* The string at path, or NULL. */
const char *wb_est_str(const wb_estimate_file *f, const char *path);

#endif
