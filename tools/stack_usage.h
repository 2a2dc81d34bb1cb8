/* Reader of the per-function stack-usage file that `wamrc --stack-usage` writes. */
#ifndef WB_STACK_USAGE_H
#define WB_STACK_USAGE_H

#include <stddef.h>
#include <stdint.h>

#include "wasm_reader.h" /* wb_error */

/* Frame sizes indexed by AOT function number (defined functions, from 0). */
typedef struct wb_stack_usage {
    uint64_t *frame_bytes;        /* owned; count entries; UINT64_MAX where a line is missing */
    uint32_t count;
    uint64_t max_frame;
} wb_stack_usage;

/* Parse `WASM Module:aot_func#N<TAB>bytes<TAB>static|dynamic...` lines.
 * Returns 0, or -1 with err set (line number in offset, reason). */
int wb_stack_usage_parse(const char *text, size_t len, wb_stack_usage *su, wb_error *err);
void wb_stack_usage_free(wb_stack_usage *su);

#endif
