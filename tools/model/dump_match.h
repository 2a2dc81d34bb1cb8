/* WAMR's own memory figures beside the estimate: what each dump line counts, and what it leaves out. */
#ifndef WB_DUMP_MATCH_H
#define WB_DUMP_MATCH_H

#include <stdint.h>

#include "read/device_log.h"
#include "read/estimate_file.h"

/* What differs between WAMR versions in what the dump and the pool show
 * (calibration: nuttx-sim/README.md, versions/WAMR-*, DIFF.md), from the
 * version's tables (model/wamr_versions.h). */
typedef struct wb_wamr_dump_facts {
    const char *version;            /* as in the JSON's wamr_version */
    /* AOT load copies every data segment into the global heap, and the dump
     * leaves them out (2.1.0; later versions borrow them from the buffer). */
    int aot_copies_data_segments;
    /* The fast-interpreter loader grows blocks in place; WAMR's pool
     * allocator merges the next free block without lowering its free
     * counter, so "free" is over-credited and the highmark is low by as much. */
    int loader_grows_in_place;
} wb_wamr_dump_facts;

/* The facts of the version the JSON names (a release mapped to a measured
 * one included) into *out: 1, or 0 with main's facts for a version the
 * checker does not model. */
int wb_wamr_dump_facts_for(const char *version, wb_wamr_dump_facts *out);

/* One run of the program on the device: a dump and the pool statistics
 * printed with it.  A run ends where the next dump begins, or where the
 * pool's highmark falls or its size changes (a new pool: the runtime was
 * initialised again). */
typedef struct wb_device_run {
    const wb_device_dump *dump;     /* NULL: pool statistics only */
    const wb_pool_sample *samples;
    unsigned sample_count;
    uint32_t first_line, last_line;
} wb_device_run;

/* The runs of a log, in order; runs must hold dump_count + sample_count
 * entries.  Returns how many. */
unsigned wb_device_runs(const wb_device_log *log, wb_device_run *runs);

/* Why a device figure and its estimate line differ, or what to do about it.
 * The numbers are in the note; the writers say it in words. */
typedef enum wb_note_code {
    WB_NOTE_DUMP_LEAVES_OUT_LOAD = 0, /* a: module buffer, b: load peak */
    WB_NOTE_AOT_CODE_MOVED,           /* a: the dump's aot code size */
    WB_NOTE_AOT_DATA_COPIED,          /* s: version */
    WB_NOTE_LINEAR_CURRENT,
    WB_NOTE_INSTANCE_PARTS,
    WB_NOTE_EXEC_ENV_PARTS,
    WB_NOTE_STACK_SIZE_DIFFERS,       /* a: device stack_size, b: estimated */
    WB_NOTE_HEAP_SIZE_DIFFERS,        /* a: device app heap, b: estimated */
    WB_NOTE_OPERAND_NO_BOUND,
    WB_NOTE_OPERAND_AOT,
    WB_NOTE_AUX_NO_BOUND,
    WB_NOTE_AUX_NO_INFO,
    WB_NOTE_NATIVE_NOT_ESTIMATED,
    WB_NOTE_POOL_WITH_BUFFER,         /* a: module buffer */
    WB_NOTE_POOL_BUFFER_MAYBE,        /* a: module buffer */
    WB_NOTE_POOL_BUFFER_IN_ESTIMATE,  /* a: module buffer */
    WB_NOTE_POOL_OVERCREDIT,          /* a: over-credit, b: highmark as printed, line */
    WB_NOTE_POOL_MAY_OVERCREDIT,      /* s: version */
    WB_NOTE_POOL_RECOMMENDED,         /* a: the estimate's peak without the allocator's overhead */
    WB_NOTE_POOL_EMBEDDER,
    WB_NOTE_POOL_SMALLER,             /* a: shortfall */
    WB_NOTE_TOTAL_LEAVES_OUT,         /* a: the estimate's total */
    /* about a run as a whole */
    WB_NOTE_RUN_TRUNCATED,            /* line: last line of the dump */
    WB_NOTE_RUN_STARTS_LATE,          /* line: first line of the dump */
    WB_NOTE_RUN_REPEAT,               /* line, s: the figure's words */
    WB_NOTE_RUN_SUMS,                 /* s: section, a: sum of its lines, b: its total */
    WB_NOTE_RUN_MODE_AOT,             /* s: the estimate's mode */
    WB_NOTE_RUN_MODE_INTERP,
    WB_NOTE_RUN_EXTRA,                /* s: words, a: value, line */
    WB_NOTE_RUN_NO_DUMP,
    WB_NOTE_COUNT
} wb_note_code;

typedef struct wb_note {
    wb_note_code code;
    uint64_t a, b;
    const char *s;
    uint32_t line;
} wb_note;

typedef enum wb_recon_status {
    WB_RS_COVERED = 0,   /* device figure at or below the estimate */
    WB_RS_UNDER,         /* device figure above the estimate: an under-estimate */
    WB_RS_INFO,          /* shown, not compared */
    WB_RS_MISSING        /* the device did not print it */
} wb_recon_status;

#define WB_RECON_LINE_NOTES 4

typedef struct wb_recon_line {
    const char *key;             /* stable: "module", "aot_code", "instance", ... */
    const char *label;
    int sub;                     /* a part of the line above it */
    int compared;                /* the device figure must not exceed the estimate */
    int has_device;
    uint64_t device;
    int device_negative;
    uint32_t device_line;
    int has_estimate;
    uint64_t estimate;
    const char *estimate_from;   /* the estimate fields it is made of */
    wb_recon_status status;      /* set by wb_reconcile_judge (check/reconcile.h) */
    wb_note notes[WB_RECON_LINE_NOTES];
    unsigned note_count;
} wb_recon_line;

#define WB_RECON_MAX_LINES 16
#define WB_RECON_RUN_NOTES 12

typedef struct wb_recon_run {
    const wb_device_run *run;
    wb_recon_line lines[WB_RECON_MAX_LINES];
    unsigned count;
    wb_note notes[WB_RECON_RUN_NOTES];
    unsigned note_count;
    unsigned under, covered;     /* set by wb_reconcile_judge */
} wb_recon_run;

typedef struct wb_recon_options {
    int buffer_in_pool;          /* the embedder reads the module into the pool (iwasm does) */
} wb_recon_options;

/* Set each figure of the run beside its estimate line, with the notes that
 * explain the difference.  Pure: no I/O, no allocation. */
void wb_recon_match(const wb_device_run *run, const wb_estimate_file *est,
                    const wb_wamr_dump_facts *facts, const wb_recon_options *opt, wb_recon_run *out);

#endif
