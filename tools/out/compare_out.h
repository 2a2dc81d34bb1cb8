/* Outputs of the comparisons: an estimate against another (diff) and against the device (reconcile). */
#ifndef WB_COMPARE_OUT_H
#define WB_COMPARE_OUT_H

#include <stdio.h>

#include "check/diff.h"
#include "check/reconcile.h"
#include "out/format.h"

typedef struct wb_diff_report {
    const wb_diff *diff;
    const char *old_path, *new_path;
    const char *limit_text;   /* --fail-on-growth as given; NULL without it */
    const char *limit_pool;   /* "total" or a pool key */
    int exceeded;
} wb_diff_report;

/* Settings that changed, then pools, items (largest change first), other
 * figures and the total: old, new, change in bytes and percent. */
void wb_diff_report_write(FILE *out, const wb_diff_report *r, const wb_colour *c);
/* The same for machines: settings_diff, results_diff, pools_diff,
 * items_diff, figures_diff, total_diff, growth. */
void wb_diff_json_write(FILE *out, const wb_diff_report *r);

typedef struct wb_reconcile_report {
    const char *log_path;
    const char *estimate_path;      /* the estimate file, or the module that was checked */
    int estimate_checked;           /* the estimate was made here, from check's arguments */
    const wb_estimate_file *estimate;
    const char *wamr_version;
    int version_assumed;            /* the estimate has no wamr_version */
    int version_known;              /* wamr-budget knows how this version's dump differs */
    const wb_recon_run *runs;
    unsigned run_count;
    unsigned first_index;           /* the number of runs[0] in the log, from 1 */
    unsigned runs_in_log;
    int buffer_in_pool;
} wb_reconcile_report;

/* Each run: its figures beside the estimate lines, the differences explained,
 * under-estimates marked (in red with colour). */
void wb_reconcile_report_write(FILE *out, const wb_reconcile_report *r, const wb_colour *c);
void wb_reconcile_json_write(FILE *out, const wb_reconcile_report *r);

/* A note in words. */
void wb_note_text(const wb_note *n, char *buf, size_t cap);
/* Its stable code: "dump-leaves-out-load", ... */
const char *wb_note_code_name(wb_note_code code);

#endif
