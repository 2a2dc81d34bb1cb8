/* Static bounds of the aux (C shadow) stack and, with wamrc --stack-usage, the native stack. */
#ifndef WB_STACK_BOUND_H
#define WB_STACK_BOUND_H

#include <stddef.h>
#include <stdint.h>

#include "read/stack_usage.h"
#include "read/wasm_reader.h"

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
    int cycle_truncated;          /* the cycle is longer than cycle[] */
} wb_stack_bound;

/* wb_stack_bound.unbounded_kind */
enum {
    WB_STACK_RECURSION = 1,       /* cycle[] = f0 -> f1 -> ... -> f0 (the first not repeated) */
    WB_STACK_DYNAMIC_FRAME = 2,   /* cycle[0]: alloca/VLA (aux), or a `dynamic` line (native) */
    WB_STACK_UNRESOLVED_CALL = 3, /* reserved: every indirect call is resolved conservatively */
    WB_STACK_UNKNOWN_FRAME = 4    /* cycle[0]: no line for it in the stack-usage file */
};

typedef struct wb_stack_result {
    wb_stack_bound aux_main;      /* _start / exported functions, on the main thread's aux stack */
    wb_stack_bound aux_thread;    /* from wasi_thread_start */
    wb_stack_bound native_main;   /* with a stack-usage file: AOT native frames */
    wb_stack_bound native_thread;
    uint32_t functions_analysed;
    uint32_t dynamic_frames;      /* functions with a non-constant frame */
    uint32_t frame_functions;     /* functions that take a frame (constant or dynamic) on the
                                     stack-pointer global: 0 means the module has no C shadow
                                     stack that any code uses */
    uint32_t stack_switches;      /* functions that install a loaded or constant stack pointer */
    uint32_t indirect_call_sites; /* call_indirect / call_ref sites (after de-duplication per function) */
    uint32_t indirect_targets;    /* functions an indirect call may reach (table elements, ref.func) */
    int types_by_arity;           /* indirect calls matched by param/result counts only (GC or
                                     typed-reference types), a superset of the exact match */
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
 * "dynamic frame in f" / "no frame size for f in the stack-usage file" when
 * unbounded.  Always NUL-terminated when cap > 0, cut with "..." when it does
 * not fit.  Returns buf. */
const char *wb_stack_format_path(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                                 const wb_stack_bound *b, char *buf, size_t cap);

#endif
