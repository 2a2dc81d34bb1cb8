/* Static bounds of the aux (C shadow) stack and, with wamrc --stack-usage, the native stack. */
#ifndef WB_STACK_BOUND_H
#define WB_STACK_BOUND_H

#include <stddef.h>
#include <stdint.h>

#include "stack_usage.h"
#include "wasm_reader.h"

#define WB_STACK_PATH_MAX 32

typedef struct wb_stack_frame {
    uint32_t func_index;          /* imports counted */
    uint64_t frame_bytes;
} wb_stack_frame;

/* The worst path from one class of entry points. */
typedef struct wb_stack_bound {
    int analysed;                 /* 0: nothing to analyse (no entry, no stack pointer) */
    int bounded;                  /* 0: recursion or a dynamic frame on a reachable path */
    uint64_t max_bytes;           /* worst-case depth in bytes (when bounded) */
    uint32_t entry;               /* function index of the worst entry */
    wb_stack_frame path[WB_STACK_PATH_MAX];
    unsigned path_len;
    int path_truncated;
    /* when unbounded: why, with function indexes (names are the report's job) */
    int unbounded_kind;           /* 1 recursion, 2 dynamic frame, 3 unresolved indirect call */
    uint32_t cycle[WB_STACK_PATH_MAX];  /* the recursion cycle, or [0] = the dynamic-frame function */
    unsigned cycle_len;
} wb_stack_bound;

typedef struct wb_stack_result {
    wb_stack_bound aux_main;      /* _start / exported functions, on the main thread's aux stack */
    wb_stack_bound aux_thread;    /* from wasi_thread_start */
    wb_stack_bound native_main;   /* with a stack-usage file: AOT native frames */
    wb_stack_bound native_thread;
    uint32_t functions_analysed;
    uint32_t dynamic_frames;      /* functions with a non-constant frame */
} wb_stack_result;

/*
 * Analyse every function body of a module that wb_wasm_read accepted.  su may
 * be NULL.  Allocates working memory sized by the (already checked) function
 * count and frees it before returning.  Returns 0, or -1 with err set.
 */
int wb_stack_analyse(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                     const wb_stack_usage *su, wb_stack_result *r, wb_error *err);

/* Render a bound for people: "main -> foo (48 B) -> bar (16 B)" with names from
 * the name section ("func[12]" without one), or "recursion: a -> b -> a" /
 * "dynamic frame in f" when unbounded.  Returns buf. */
const char *wb_stack_format_path(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                                 const wb_stack_bound *b, char *buf, size_t cap);

#endif
