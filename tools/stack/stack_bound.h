/* Static bounds of the aux (C shadow) stack, the interpreters' operand stack and, with wamrc --stack-usage, the native stack. */
#ifndef WB_STACK_BOUND_H
#define WB_STACK_BOUND_H

#include <stddef.h>
#include <stdint.h>

#include "read/stack_notes.h"
#include "read/stack_usage.h"
#include "read/wasm_reader.h"

#define WB_STACK_PATH_MAX 32
#define WB_STACK_ASSUME_MAX 16
#define WB_STACK_NOTES_MAX 32

typedef struct wb_stack_frame {
    uint32_t func_index;          /* imports counted */
    uint64_t frame_bytes;
    uint32_t times;               /* > 1: at most this many at once (an annotated recursion) */
} wb_stack_frame;

/* An edge of the call graph: an indirect call in `from` that may reach `to`. */
typedef struct wb_stack_edge {
    uint32_t from, to;
} wb_stack_edge;

/* The bound over the paths that do not take the indirect calls which close
 * a possible recursion (only computed for one). */
typedef struct wb_stack_conditional {
    int computed;
    int bounded;                  /* 0: a recursion of direct calls or a dynamic frame remains */
    uint64_t max_bytes;
    wb_stack_edge assumes[WB_STACK_ASSUME_MAX]; /* calls assumed not to be taken */
    unsigned assume_count;        /* how many there are (only the first are stored) */
} wb_stack_conditional;

/* The worst path from one class of entry points. */
typedef struct wb_stack_bound {
    int analysed;                 /* 0: nothing to analyse (no entry, no stack pointer, no frames) */
    int bounded;                  /* 0: recursion or a dynamic frame on a reachable path */
    uint64_t max_bytes;           /* worst-case depth in bytes (when bounded); for the operand
                                     stack the smallest stack_size WAMR runs it with */
    uint64_t entry_bytes;         /* operand stack: the host call's frame below the path */
    uint32_t entry;               /* function index of the worst entry */
    wb_stack_frame path[WB_STACK_PATH_MAX];
    unsigned path_len;
    int path_truncated;
    /* when unbounded: why, with function indexes (names are the report's job) */
    int unbounded_kind;           /* WB_STACK_* */
    uint32_t cycle[WB_STACK_PATH_MAX];  /* the recursion cycle, or [0] = the dynamic-frame function */
    unsigned cycle_len;
    int cycle_truncated;          /* the cycle is longer than cycle[] */
    wb_stack_conditional conditional;
} wb_stack_bound;

/* wb_stack_bound.unbounded_kind */
enum {
    WB_STACK_RECURSION = 1,       /* cycle[] = f0 -> f1 -> ... -> f0 (the first not repeated): a
                                     cycle of direct calls */
    WB_STACK_DYNAMIC_FRAME = 2,   /* cycle[0]: alloca/VLA (aux), or a `dynamic` line (native) */
    WB_STACK_UNRESOLVED_CALL = 3, /* reserved: every indirect call is resolved conservatively */
    WB_STACK_UNKNOWN_FRAME = 4,   /* cycle[0]: no line for it in the stack-usage file */
    WB_STACK_POSSIBLE_RECURSION = 5 /* every cycle passes through an indirect call matched by type */
};

typedef struct wb_stack_result {
    wb_stack_bound aux_main;      /* _start / exported functions, on the main thread's aux stack */
    wb_stack_bound aux_thread;    /* from wasi_thread_start (or lib-pthread start routines) */
    wb_stack_bound native_main;   /* with a stack-usage file: AOT native frames */
    wb_stack_bound native_thread;
    wb_stack_bound operand_main;  /* with interpreter frames (wb_stack_operand) */
    wb_stack_bound operand_thread;
    uint32_t functions_analysed;
    uint32_t dynamic_frames;      /* functions with a non-constant frame */
    uint32_t frame_functions;     /* functions that take a frame (constant or dynamic) on the
                                     stack-pointer global: 0 means the module has no C shadow
                                     stack that any code uses */
    uint32_t stack_switches;      /* functions that install a loaded or constant stack pointer */
    uint32_t indirect_call_sites; /* call_indirect / call_ref sites matched by type (after
                                     de-duplication per function) */
    uint32_t indirect_targets;    /* functions an indirect call may reach (table elements, ref.func) */
    uint32_t narrowed_sites;      /* call_indirect sites resolved from the module: a constant
                                     table index, or one loaded from memory nothing writes */
    int types_by_arity;           /* indirect calls matched by param/result counts only (GC or
                                     typed-reference types), a superset of the exact match */
    int pthread_entries;          /* the thread entries are lib-pthread start routines */
    /* the annotations the bounds relied on (indexes into the notes) */
    uint32_t notes_used[WB_STACK_NOTES_MAX];
    unsigned notes_used_count;    /* how many (only the first are stored) */
} wb_stack_result;

/* The call graph of a module and its aux frames, kept for several bounds. */
typedef struct wb_stack_graph wb_stack_graph;

/*
 * Walk every function body of a module that wb_wasm_read accepted and
 * build its call graph, applying the annotations (notes may be NULL).  The
 * graph borrows data, facts and notes.  Returns 0, or -1 with err set: a
 * malformed body, no memory, or an annotation that names no function or
 * does not fit the module (err->section "annotations", err->offset its line).
 */
int wb_stack_graph_build(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                         const wb_stack_notes *notes, wb_stack_graph **out, wb_error *err);

/* The same, with a copy of the module that keeps the name section the
 * module was stripped of (the --names file): the annotations, built-in and
 * the file's, find functions by name in it.  The copy must have the
 * module's sections (wb_wasm_same_sections); names may be NULL. */
int wb_stack_graph_build_named(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                               const uint8_t *names, size_t names_size,
                               const wb_wasm_facts *names_facts, const wb_stack_notes *notes,
                               wb_stack_graph **out, wb_error *err);
void wb_stack_graph_free(wb_stack_graph *g);

/* The annotations the graph applies: the file's, then the ones the checker
 * knows for the module's libc (their `builtin` says from where).  The
 * indexes of wb_stack_result.notes_used point into this list; it lives as
 * long as the graph. */
const wb_stack_notes *wb_stack_graph_notes(const wb_stack_graph *g);

/* The aux bounds, and the native bounds with a stack-usage file (su may be
 * NULL); fills r except the operand bounds.  Returns 0 or -1 with err set. */
int wb_stack_bounds(wb_stack_graph *g, const wb_stack_usage *su, wb_stack_result *r, wb_error *err);

/* The operand-stack bounds of an interpreter: frame[f] is what a call of
 * function f takes (imports first), entry[f] what the host's call of f takes
 * below it; both with count entries, the module's function count.  WAMR
 * allocates a frame only while twice its size is free above the stack top,
 * so a path's need is the largest of (its frames below a frame + twice that
 * frame).  Fills r->operand_main and r->operand_thread. */
int wb_stack_operand(wb_stack_graph *g, const uint32_t *frame, const uint32_t *entry,
                     uint32_t count, wb_stack_result *r, wb_error *err);

/* The operand bound that sets the smallest stack_size: the main thread's,
 * and with threads (threads may run) the threads' when it is unbounded or
 * larger.  Bounded: stack_size max_bytes suffices; not analysed: the main
 * thread has no entry to bound. */
const wb_stack_bound *wb_stack_operand_worst(const wb_stack_result *r, int threads);

/*
 * Build, the aux and native bounds, free: one call.  su may be NULL.
 * Returns 0, or -1 with err set.
 */
int wb_stack_analyse(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                     const wb_stack_usage *su, wb_stack_result *r, wb_error *err);

/* Render a bound for people: "main -> foo (48 B) -> bar (16 B)" with names from
 * the name section ("func[12]" without one), or "recursion: a -> b -> a" /
 * "possible recursion: a -> b -> a" / "dynamic frame in f" / "no frame size
 * for f in the stack-usage file" when unbounded.  Always NUL-terminated when
 * cap > 0, cut with "..." when it does not fit.  Returns buf. */
const char *wb_stack_format_path(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                                 const wb_stack_bound *b, char *buf, size_t cap);

/* A function's name for people: the name section's, else "func[N]". */
const char *wb_stack_func_name(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                               uint32_t func, char *buf, size_t cap);

/* The JSON word of an unbounded kind: "recursion", "possible-recursion",
 * "dynamic-frame", "unknown-frame"; "" for 0. */
const char *wb_stack_reason(int unbounded_kind);

#endif
