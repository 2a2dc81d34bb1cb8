/* The command line's shared pieces: exit codes, files in and out, the check as a step, argument helpers. */
#ifndef WB_CLI_H
#define WB_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "check/verdict.h"
#include "model/model.h"
#include "out/format.h"
#include "read/aot_reader.h"
#include "read/estimate_file.h"
#include "read/profile.h"
#include "read/stack_usage.h"
#include "read/stack_notes.h"
#include "read/wasm_reader.h"
#include "stack/stack_bound.h"

#define CLI_EXIT_FITS 0
#define CLI_EXIT_FAIL 1
#define CLI_EXIT_USAGE 2

/* What --stack-size auto (WASM_STACK_SIZE AUTO) adds to the operand-stack
 * bound before rounding up to 16; --stack-margin changes it. */
#define CLI_STACK_MARGIN 256u

extern const char cli_prog[];

/* "wamr-budget: <message>" and a pointer to --help on stderr; returns CLI_EXIT_USAGE. */
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
int cli_usage_error(const char *fmt, ...);

/* ---- the commands ---- */

int cli_check(int argc, char **argv);
int cli_inspect(int argc, char **argv);
int cli_embed(int argc, char **argv);
int cli_stack_bound(int argc, char **argv);
int cli_diff(int argc, char **argv);
int cli_reconcile(int argc, char **argv);

/* ---- input files: mapped, or read once; borrowed read-only, never copied ---- */

typedef struct mapped {
    const uint8_t *data;
    size_t size;
    void *map;       /* what to unmap, and its length */
    size_t map_len;
} mapped;

/* A regular file's bytes; -1 (with the reason on stderr) for anything else. */
int cli_map_file(const char *path, mapped *m);
void cli_unmap_file(mapped *m);

/* "<path>: error: offset ..., <section> section: <message>" on stderr. */
void cli_read_error(const char *path, const wb_error *err);

/* A stack annotations file, parsed; 0, or -1 with "<path>:<line>: error: ..."
 * on stderr. */
int cli_load_notes(const char *path, wb_stack_notes *notes);

/* An error building the stack graph: an annotation names its file and line,
 * anything else is the module's (cli_read_error). */
void cli_stack_error(const char *module, const char *notes_path, const wb_error *err);

/* ---- output files: written whole or not at all ---- */

typedef void (*cli_writer_fn)(FILE *out, const void *ctx);

/* fn writes the content; a regular file is replaced atomically, a device or
 * FIFO written in place.  0, or -1 with the reason on stderr. */
int cli_write_file(const char *path, cli_writer_fn fn, const void *ctx);

/* Remove the files named by the output options (--json, --header) before
 * anything can fail, so a failed run leaves no stale output. */
void cli_clear_outputs(int argc, char **argv);

/* ---- the check as a step: what `check` runs, and `reconcile` too ---- */

/* What the estimate depends on: the module and check's options that shape it. */
typedef struct cli_check_args {
    const char *module;
    const char *aot;
    const char *names;            /* --names: the module with its name section */
    const char *profile;
    const char *profile_dir;
    const char *stack_usage;
    const char *wamr;             /* --wamr: the WAMR version in place of the profile's */
    const char *notes;            /* --stack-annotations */
    int stack_auto;               /* --stack-size auto */
    uint64_t stack_margin;        /* --stack-margin (CLI_STACK_MARGIN unless given) */
    int stack_margin_given;
    wb_settings settings;
} cli_check_args;

/* One of check's estimate options at argv[*i] (--aot, --profile, --mode,
 * --budget, ...): taken into a, *i moved past its value.  0 when taken, 1
 * when argv[*i] is not one of them, CLI_EXIT_USAGE (message printed) for a
 * bad value. */
int cli_check_option(int argc, char **argv, int *i, cli_check_args *a);

/* Everything one check reads and computes; check points into the rest. */
typedef struct cli_check_state {
    mapped mod, aotm, sum, namesm;
    wb_wasm_facts wasm_facts, names_facts;
    int have_names;
    wb_aot_facts aot_facts;
    wb_profile profile;
    wb_estimate est;
    wb_stack_usage su;
    wb_stack_result stack;
    wb_stack_notes notes;
    wb_stack_graph *graph;
    wb_interp_load il;
    int have_su, have_notes;
    wb_check check;
    wb_verdict verdict;
} cli_check_state;

/* Read the module (and .aot, profile, stack usage), bound the stacks,
 * estimate and judge.  CLI_EXIT_FITS or CLI_EXIT_FAIL (the verdict's), or
 * CLI_EXIT_USAGE with the reason on stderr.  a->settings is completed
 * (mode, budget).  cli_check_done frees st whatever this returned; st must
 * not move in between. */
int cli_check_run(cli_check_args *a, cli_check_state *st);
void cli_check_done(cli_check_state *st);

/* ---- the comparisons: diff and reconcile ---- */

/* The JSON of `check --json` from a file: 0, or -1 with the file, line,
 * column and reason on stderr. */
int cli_read_estimate(const char *path, wb_estimate_file *f);

/* --color auto|always|never (NULL: auto) for the stream the report goes to:
 * auto is a terminal other than TERM=dumb, and NO_COLOR unset. */
int cli_colour_of(const char *when, FILE *out, wb_colour *c);

/* Whether two paths name the same existing file. */
int cli_same_file(const char *a, const char *b);

/* ---- arguments ---- */

int cli_take_size(const char *opt, const char *val, uint64_t *out);
int cli_take_count(const char *opt, const char *val, uint32_t *out);
int cli_valid_identifier(const char *s);

/* Default macro prefix from a module path: "sensor-app.wasm" -> "SENSOR_APP". */
void cli_prefix_from_path(const char *path, char *buf, size_t cap);

/* A profile by name or path: --profile-dir, WAMR_BUDGET_PROFILE_PATH, the
 * installed profiles, the source tree's.  0, or -1 with the error on stderr. */
int cli_load_profile(const char *name, const char *extra_dir, wb_profile *p);

/* --wamr VERSION: the runtime's version in place of the profile's (NULL:
 * none); 0, or CLI_EXIT_USAGE after saying why. */
int cli_set_wamr(wb_profile *p, const char *wamr);

#endif
