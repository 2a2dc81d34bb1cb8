/* A device's console log: WAMR's memory-profiling dumps and the pool statistics in it, as facts. */
#ifndef WB_DEVICE_LOG_H
#define WB_DEVICE_LOG_H

#include <stddef.h>
#include <stdint.h>

/*
 * Two kinds of lines are read; everything else in the log is skipped:
 *
 * - the dump of wasm_runtime_dump_mem_consumption() (and of its three parts,
 *   module, module instance and exec env, printed on their own): each
 *   figure by the words WAMR prints before it, "funcs size: 4184318".  A
 *   line may carry a prefix (a timestamp, a log tag: "[00:00:01:167 - 5]: ")
 *   and other lines may come in between.  A dump ends with its last line,
 *   "Total app heap used", or where the next one starts, or at the end of
 *   the log; one that ends early is kept as far as it goes.
 * - pool statistics, as an embedder prints the fields of
 *   wasm_runtime_get_mem_alloc_info(): one line with total, free and
 *   highmark (also total_size, total_free_size, highmark_size), each as
 *   "key=value" or "key: value", and optionally used.
 *
 * Lines end with LF or CRLF; a lone CR inside a line starts a new piece of
 * it (as a terminal shows it) under the same line number.
 */

typedef enum wb_dump_section {
    WB_SEC_NONE = 0,
    WB_SEC_MODULE,      /* "WASM module memory consumption, total size: N" and its lines */
    WB_SEC_INSTANCE,    /* "WASM module inst memory consumption, total size: N" */
    WB_SEC_EXEC_ENV,    /* "Exec env memory consumption, total size: N" */
    WB_SEC_TAIL         /* "Total memory consumption of ..." and the stack and heap lines */
} wb_dump_section;

typedef enum wb_dump_field {
    WB_DF_MODULE_TOTAL = 0,
    WB_DF_MODULE_STRUCT,
    WB_DF_TYPES,
    WB_DF_IMPORTS,
    WB_DF_FUNCS,
    WB_DF_TABLES,
    WB_DF_MEMORIES,
    WB_DF_GLOBALS,
    WB_DF_EXPORTS,
    WB_DF_TABLE_SEGS,
    WB_DF_DATA_SEGS,
    WB_DF_CONST_STRINGS,
    WB_DF_CUSTOM_SECTIONS,
    WB_DF_AOT_CODE,
    WB_DF_INST_TOTAL,
    WB_DF_INST_STRUCT,
    WB_DF_INST_MEMORIES,
    WB_DF_INST_APP_HEAP,
    WB_DF_INST_TABLES,
    WB_DF_INST_FUNCTIONS,
    WB_DF_INST_GLOBALS,
    WB_DF_INST_EXPORTS,
    WB_DF_EXEC_ENV_TOTAL,
    WB_DF_EXEC_ENV_STRUCT,
    WB_DF_BLOCK_ADDR_CACHE,
    WB_DF_EXEC_ENV_STACK,
    WB_DF_TOTAL,
    WB_DF_INTERP_STACK_USED,
    WB_DF_AUX_STACK_USED,
    WB_DF_NATIVE_STACK_LEFT,
    WB_DF_APP_HEAP_USED,
    WB_DF_COUNT
} wb_dump_field;

typedef enum wb_dump_state {
    WB_DV_ABSENT = 0,
    WB_DV_VALUE,
    WB_DV_NO_INFO      /* "no enough info to profile" */
} wb_dump_state;

typedef struct wb_dump_value {
    wb_dump_state state;
    int negative;      /* only "Native stack left" may be below 0 */
    uint64_t value;
    uint32_t line;
} wb_dump_value;

/* A "<words> size: N" line of a section that this reader does not know (a
 * field another WAMR version prints). */
typedef struct wb_dump_extra {
    wb_dump_section section;
    char name[48];
    uint64_t value;
    uint32_t line;
} wb_dump_extra;

#define WB_DUMP_MAX_EXTRA 8

typedef struct wb_device_dump {
    uint32_t first_line, last_line;
    int complete;             /* its last line ("Total app heap used") was read */
    int summary_header;       /* it began with "Memory consumption summary (bytes):" */
    uint32_t repeat_line;     /* 0, or the line that gave one of its figures a second, other value */
    wb_dump_field repeat_field;
    wb_dump_section last_section;
    wb_dump_value v[WB_DF_COUNT];
    wb_dump_extra extra[WB_DUMP_MAX_EXTRA];
    unsigned extra_count;
} wb_device_dump;

typedef struct wb_pool_sample {
    uint32_t line;
    char label[48];           /* the text before the figures ("[pool] after_load"), printable ASCII */
    uint64_t total, free, highmark;
    int has_used;
    uint64_t used;
} wb_pool_sample;

#define WB_LOG_MAX_DUMPS 1024
#define WB_LOG_MAX_SAMPLES 65536

typedef struct wb_device_log {
    wb_device_dump *dumps;
    unsigned dump_count;
    wb_pool_sample *samples;
    unsigned sample_count;
    uint32_t line_count;
    uint32_t crlf_lines;      /* lines that ended in CRLF */
} wb_device_log;

typedef struct wb_log_error {
    uint32_t line;
    char message[160];
} wb_log_error;

/* Read text[0..len).  A log with neither kind of line reads fine (zero of
 * each).  -1 with err only when the log is beyond the limits (more dumps,
 * samples or lines than kept) or memory runs out. */
int wb_device_log_read(const char *text, size_t len, wb_device_log *log, wb_log_error *err);
void wb_device_log_free(wb_device_log *log);

/* The words WAMR prints before a figure ("funcs size"). */
const char *wb_dump_field_text(wb_dump_field f);

#endif
