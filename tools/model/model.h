/* The model of WAMR's allocations: pure arithmetic from facts to an estimate. */
#ifndef WB_MODEL_H
#define WB_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "model/model_fast_interp.h"
#include "read/aot_reader.h"
#include "read/profile.h"
#include "read/wasm_reader.h"

/* What the user asked for; zero/absent fields take the profile's defaults. */
typedef struct wb_settings {
    wb_mode mode;
    int mode_given;
    uint64_t wasm_stack_size;     /* instantiate stack_size (operand stack) */
    int wasm_stack_given;
    uint64_t heap_size;           /* instantiate heap_size (app heap) */
    int heap_size_given;
    uint32_t threads;             /* wasi-threads the app spawns at most at once */
    uint64_t budget;
    int budget_given;
} wb_settings;

/* The pools of README: How the estimate is computed. */
typedef enum wb_pool {
    WB_POOL_GLOBAL_HEAP = 0,   /* wasm_runtime_malloc */
    WB_POOL_EXEC_MEMORY,       /* AOT text + data mappings */
    WB_POOL_LINEAR_MEMORY,
    WB_POOL_NATIVE_STACK,
    WB_POOL_MODULE_BUFFER,
    WB_POOL_COUNT
} wb_pool;

/* One line of the breakdown. */
typedef struct wb_item {
    const char *key;           /* stable id, e.g. "load.fast_interp_code" */
    const char *label;         /* for people */
    wb_pool pool;
    const char *phase;         /* "runtime_init", "load", "instantiate", "exec_env", "thread", "run" */
    uint64_t bytes;
    int upper_bound;           /* 1: a bound, not a formula (say so in the report) */
} wb_item;

#define WB_MAX_ITEMS 64

typedef struct wb_estimate {
    /* the JSON contract fields (PRODUCT.md), bytes */
    uint64_t runtime_init;
    uint64_t module_load;
    uint64_t module_load_peak;
    uint64_t exec_memory;
    uint64_t exec_memory_peak;
    uint64_t aot_plt;             /* the PLT the AOT loader appends to the text (AOT mode) */
    uint64_t exec_text;           /* the part of exec_memory that holds code (text + PLT, its
                                     block); the rest is data sections */
    uint64_t instance;
    uint64_t exec_env;
    uint64_t per_thread;          /* global heap per spawned wasi-thread */
    uint64_t per_thread_native;   /* native stack (+ signal stack) per thread */
    uint64_t linear_memory_initial;
    uint64_t linear_memory_max;   /* worst case for the configuration (incl. grow copy peaks) */
    uint64_t native_stacks;
    uint64_t module_buffer;
    uint64_t app_heap;            /* app heap inside linear memory (0 when disabled) */
    uint64_t global_heap_peak;    /* highest global-heap use over all phases */
    uint64_t recommended_pool;    /* global heap pool for RuntimeInitArgs, with allocator overhead */
    uint64_t total;               /* RAM the module may use on the device, worst case */
    uint64_t pool_totals[WB_POOL_COUNT];

    /* settings as the runtime will see them */
    wb_mode mode;
    uint64_t wasm_stack_size;     /* effective operand stack (0 replaced by the default) */
    uint64_t heap_size;           /* effective app heap (0 when malloc/free are exported) */
    int app_heap_disabled_by_exports;
    uint32_t threads;
    uint64_t memory_initial_pages;
    uint64_t memory_max_pages;    /* effective, after WAMR's own caps */
    uint64_t bytes_per_page;      /* 65536, or less when WAMR shrinks the memory */
    int memory_shrunk;
    int memory_unbounded;         /* no declared max and memory.grow present */
    uint64_t aux_stack_bytes;     /* the module's C stack as WAMR resolves it; 0 unknown */
    uint64_t aux_stack_main;      /* what the main thread gets of it: all, or with WAMR's
                                     lib-pthread one slice (aux_stack_split); 0 unknown or none */
    int aux_stack_split;          /* the thread manager cuts it into max_threads + 1 slices */
    uint64_t aux_stack_slice_min; /* a smaller slice makes creating the exec env fail */

    int fast_interp_exact;        /* 1: code replayed from the bytes; 0: per-opcode bound */
    uint64_t fast_interp_code;    /* compiled code + constant areas (interpreter modes) */
    int aot_code_bounded;         /* 1: AOT mode without an .aot: code bounded from the wasm */

    /* savings the report may suggest */
    uint64_t operand_stack_unused; /* AOT: operand stack bytes AOT code does not use */

    wb_item items[WB_MAX_ITEMS];
    unsigned item_count;
} wb_estimate;

/* Module facts as the model sees them: the wasm, the .aot, or both. */
typedef struct wb_module_facts {
    const wb_wasm_facts *wasm;    /* may be NULL when only an .aot was given */
    const wb_aot_facts *aot;      /* NULL when no .aot */
} wb_module_facts;

/* The frames WAMR's interpreter allocates on the operand stack, per function. */
typedef struct wb_interp_frames {
    uint32_t count;               /* functions, imports first; 0 when not known (why says) */
    uint32_t *frame;              /* bytes of the frame a call of the function takes */
    uint32_t *entry;              /* bytes of the frame below it when the host calls it */
    const char *why;
} wb_interp_frames;

/* What the interpreter's loader computes for a module, replayed once: the
 * fast interpreter's code and constants, and per-function frames. */
typedef struct wb_interp_load {
    int code_exact;               /* 1: code replayed from the bytes; 0: per-opcode bound */
    wb_fast_interp_size code;
    wb_interp_frames frames;      /* when asked for and the replay models the module */
} wb_interp_load;

/* The running mode of a check: the one asked for, else the profile's (AOT
 * for an .aot alone). */
wb_mode wb_model_mode(const wb_module_facts *m, const wb_profile *p, const wb_settings *s);

/*
 * Replay the loader of the interpreter `mode` over the module bytes (wasm
 * may be NULL: the code is then bounded from the opcode counts), with the
 * per-function frames of the profile's build when want_frames.  Allocates
 * the frame arrays (free with wb_interp_load_free) and scratch it frees;
 * runs in parts on threads for a large module.  Nothing to do in AOT mode.
 * Returns 0, or -1 for an unknown WAMR version or no memory.
 */
int wb_model_interp_load(const wb_wasm_facts *w, const uint8_t *wasm, size_t size,
                         const wb_profile *p, wb_mode mode, int want_frames, wb_interp_load *r);
void wb_interp_load_free(wb_interp_load *r);

/*
 * Compute the estimate.  Pure arithmetic: no I/O; the only allocation is the
 * scratch memory of the fast-interpreter replay, freed before it returns.  Returns 0, or -1 when
 * the inputs cannot be modelled (e.g. interpreter mode without a .wasm), with
 * a static reason in *why.
 */
int wb_model_estimate(const wb_module_facts *m, const wb_profile *p, const wb_settings *s,
                      wb_estimate *e, const char **why);

/*
 * The same, given also the .wasm bytes the facts were read from: the
 * fast-interpreter code is then replayed exactly as WAMR's loader emits it
 * (e->fast_interp_exact = 1) instead of bounded from the opcode counts.
 * wasm may be NULL (then this is wb_model_estimate).
 */
int wb_model_estimate_bytes(const wb_module_facts *m, const uint8_t *wasm, size_t wasm_size,
                            const wb_profile *p, const wb_settings *s, wb_estimate *e,
                            const char **why);

/* The estimate from a replayed load (il may be NULL: the code is then
 * bounded from the opcode counts); no allocation. */
int wb_model_estimate_loaded(const wb_module_facts *m, const wb_interp_load *il,
                             const wb_profile *p, const wb_settings *s, wb_estimate *e,
                             const char **why);

/* A pool's name for people ("global heap") and its key in the JSON
 * ("global_heap"). */
const char *wb_pool_name(wb_pool pool);
const char *wb_pool_key(wb_pool pool);

/* The struct sizes the model charges for the profile's runtime build (its
 * WAMR version, layout, lock types and build options), as the estimate
 * uses them.  0, or -1 for a version the model does not know. */
struct wb_wamr_sizes;
int wb_model_struct_sizes(const wb_profile *p, struct wb_wamr_sizes *out);

#endif
