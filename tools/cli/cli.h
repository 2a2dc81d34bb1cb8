/* The command line's shared pieces: exit codes, files in and out, argument helpers. */
#ifndef WB_CLI_H
#define WB_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "read/profile.h"
#include "read/stack_notes.h"
#include "read/wasm_reader.h"

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

/* ---- arguments ---- */

int cli_take_size(const char *opt, const char *val, uint64_t *out);
int cli_take_count(const char *opt, const char *val, uint32_t *out);
int cli_valid_identifier(const char *s);

/* Default macro prefix from a module path: "sensor-app.wasm" -> "SENSOR_APP". */
void cli_prefix_from_path(const char *path, char *buf, size_t cap);

/* A profile by name or path: --profile-dir, WAMR_BUDGET_PROFILE_PATH, the
 * installed profiles, the source tree's.  0, or -1 with the error on stderr. */
int cli_load_profile(const char *name, const char *extra_dir, wb_profile *p);

#endif
