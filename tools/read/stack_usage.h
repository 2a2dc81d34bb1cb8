/* Reader of the per-function stack-usage file that `wamrc --stack-usage` writes. */
#ifndef WB_STACK_USAGE_H
#define WB_STACK_USAGE_H

#include <stddef.h>
#include <stdint.h>

#include "read/wasm_reader.h" /* wb_error */

/* Frame sizes indexed by AOT function number (defined functions, from 0). */
typedef struct wb_stack_usage {
    uint64_t *frame_bytes;        /* owned; count entries; UINT64_MAX where a line is missing */
    uint32_t count;
    uint64_t max_frame;
    uint8_t *dynamic;             /* owned; count entries; 1 where the frame is `dynamic` (unbounded) */
    uint32_t dynamic_count;       /* functions with an unbounded (`dynamic`) frame */
    uint32_t missing_count;       /* numbers below count with no line */
    uint32_t lines;               /* aot_func#N / aot_func_internal#N lines read */
    /* Added to every frame by the native-stack bound: LLVM's frame size does
     * not include the return address the call pushes.  The parser sets 8
     * (x86-64, and an upper bound for the targets WAMR supports); a caller
     * that knows the target may set 4 (i386) or 0 where the return address
     * is saved inside the frame (ARM, RISC-V, Xtensa). */
    uint32_t call_bytes;
} wb_stack_usage;

/* Parse `WASM Module:aot_func#N<TAB>bytes<TAB>static|dynamic...` lines.
 * A function's frame is its `aot_func#N` line plus its `aot_func_internal#N`
 * line when wamrc split it into a wrapper and a body (both are on the stack
 * at once).  `dynamic,bounded` frames count with their bound; plain `dynamic`
 * frames are marked in dynamic[].  Lines naming other symbols are ignored.
 * Returns 0, or -1 with err set (line number in offset, reason). */
int wb_stack_usage_parse(const char *text, size_t len, wb_stack_usage *su, wb_error *err);
void wb_stack_usage_free(wb_stack_usage *su);

#endif
