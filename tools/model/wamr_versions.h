/* The WAMR versions the model knows: one table of struct sizes and behaviours per version and layout. */
#ifndef WB_WAMR_VERSIONS_H
#define WB_WAMR_VERSIONS_H

#include <stddef.h>
#include <stdint.h>

#include "model/simd_rule.h"

/*
 * Struct sizes and runtime constants of one WAMR version on one struct
 * layout (pointer width and 64-bit alignment), as the model charges them.
 * Every field is a byte count, for the build the table was measured or
 * read for: reference types on, libc-wasi on, wasi-threads (with the thread
 * manager and shared memory) on, lib-pthread off, hardware bound check as the
 * layout's build had it, and
 * that build's lock types (`mutex`, `cond`: glibc on x86 and, on the
 * ARM/RISC-V/Xtensa layout, glibc's armhf sizes, the largest of the ports':
 * the instance extras there are the largest any lock type gives, since
 * their padding takes up a smaller lock only in part).  The ref_types_*, wasi_threads_*,
 * shared_memory_*, exec_env_* and libc_wasi_* fields say what a build without those options
 * leaves out, lib_pthread_* and cluster_slices what lib-pthread adds, and the model
 * adjusts the structs that hold locks for the profile's lock types.
 */
typedef struct wb_wamr_sizes {
    unsigned ptr;                 /* pointer */
    /* interpreter loader (wasm_loader.c) */
    unsigned module;              /* WASMModule */
    unsigned functype_hdr;        /* WASMFuncType up to its value types */
    unsigned import;              /* WASMImport */
    unsigned function;            /* WASMFunction */
    unsigned table;               /* WASMTable */
    unsigned memory;              /* WASMMemory */
    unsigned global;              /* WASMGlobal */
    unsigned export_;             /* WASMExport */
    unsigned table_seg;           /* WASMTableSeg */
    unsigned init_expr;           /* InitializerExpression (one per element) */
    unsigned data_seg;            /* WASMDataSeg */
    /* instances (wasm_runtime.c, aot_runtime.c) */
    unsigned inst_extra;          /* WASMModuleInstanceExtra */
    unsigned aot_inst_extra;      /* AOTModuleInstanceExtra */
    unsigned table_slot;          /* table_elem_type_t */
    unsigned func_inst;           /* WASMFunctionInstance */
    unsigned export_func_inst;    /* WASMExportFuncInstance */
    unsigned aot_func_inst;       /* per AOT function: func_ptrs + func_type_indexes */
    unsigned aot_export;          /* AOTFunctionInstance per exported function */
    /* AOT loader (aot_loader.c) */
    unsigned aot_module;          /* AOTModule */
    unsigned aot_mem_init;        /* AOTMemInitData; where data segments are copied, the
                                     bytes follow it in the same block: its offset of them */
    unsigned aot_import_mem;      /* AOTImportMemory */
    unsigned aot_import_table;    /* AOTImportTable */
    unsigned aot_table_init_hdr;  /* AOTTableInitData up to its init values */
    unsigned aot_import_global;   /* AOTImportGlobal */
    unsigned aot_global;          /* AOTGlobal */
    unsigned aot_import_func;     /* AOTImportFunc */
    unsigned aot_data_section;    /* AOTObjectDataSection */
    /* exec env, threads, the pool allocator */
    unsigned exec_env;            /* WASMExecEnv up to its operand stack */
    unsigned cluster;             /* WASMCluster (thread manager builds), heap aux-stack
                                     variant (wasi-threads) */
    unsigned thread_args;         /* wasi-threads' per-thread argument block */
    unsigned heap_struct;         /* the app heap's gc_heap_t (mem_allocator_get_heap_struct_size) */
    /* measured allocations */
    unsigned runtime_init;        /* wasm_runtime_full_init's live heap */
    unsigned wasi_ctx;            /* WASI context for a short argv[0], no preopens: a bound */
    /* fast-interpreter code (model_fast_interp.c) */
    unsigned label;               /* an emitted handler label */
    unsigned byte;                /* an emitted byte (2 without unaligned access) */
    /* interpreter frames on the operand stack (wasm_interp.h, wasm.h) */
    unsigned frame_fast;          /* offsetof(WASMInterpFrame, operand), fast interpreter */
    unsigned frame_classic;       /* offsetof(WASMInterpFrame, lp), classic interpreter */
    unsigned branch_block;        /* WASMBranchBlock (classic label stack entry) */
    /* what reference types add (WASM_ENABLE_REF_TYPES); without them the
     * instance also has no bitmap of dropped element segments */
    unsigned ref_types_runtime_init; /* the externref map at runtime init */
    unsigned ref_types_inst_extra;   /* in WASMModuleInstanceExtra */
    unsigned ref_types_aot_inst_extra; /* in AOTModuleInstanceExtra (its padding differs) */
    /* what wasi-threads adds at runtime init: its natives and the thread id
     * allocator */
    unsigned wasi_threads_runtime_init;
    /* what shared memory adds at runtime init: the atomic wait map with its
     * lock (WASM_ENABLE_SHARED_MEMORY, which WAMR's CMake turns on with
     * wasi-threads and with lib-pthread) */
    unsigned shared_memory_runtime_init;
    /* what WAMR's lib-pthread adds at runtime init: its natives and the
     * thread manager's destroy callback */
    unsigned lib_pthread_runtime_init;
    /* what WASMCluster adds where the thread manager cuts the aux stack into
     * slices (lib-pthread without heap aux-stack allocation): the pointers to
     * the slice tops and to their occupied flags */
    unsigned cluster_slices;
    /* what libc-wasi adds at runtime init: its two natives modules */
    unsigned libc_wasi_runtime_init;
    /* parts of exec_env: the thread manager's fields (with a korp_mutex and
     * a korp_cond) and hardware bound check's jump buffer and guard page */
    unsigned exec_env_thread_mgr;
    unsigned exec_env_hw_bound_check;
    /* the lock types of the build these sizes are for; korp_mutex sits once
     * in gc_heap_t (heap_struct), WASMCluster, the wait map and the thread
     * manager's part of the exec env (with a korp_cond), and
     * inst_extra_locks times in each instance extra */
    unsigned mutex;
    unsigned cond;
    unsigned inst_extra_locks;
} wb_wamr_sizes;

/* The smallest heap_size WAMR takes (core/config.h APP_HEAP_SIZE_MIN, the
 * same in every version): its app heap allocator refuses a smaller pool
 * after WAMR rounds heap_size up to 8 ("init app heap failed").  The largest
 * is the version's (wb_wamr_tables.app_heap_size_max). */
#define WB_APP_HEAP_SIZE_MIN 256u

/* The struct layouts a runtime build can have (the profile's abi). */
enum { WB_LAYOUT_LP64 = 0, WB_LAYOUT_ILP32 = 1, WB_LAYOUT_ILP32_ALIGN8 = 2, WB_LAYOUT_COUNT = 3 };

/* The symbols of the PLT the AOT loader appends to the text, per target
 * family (the target_sym_map of core/iwasm/aot/arch/aot_reloc_<arch>.c);
 * targets that call symbols directly (i386, riscv32, xtensa) have none. */
typedef struct wb_wamr_plt {
    unsigned x86_64, aarch64, arm, thumb, riscv64; /* each target's table: its own symbols and
                                                     the common ones (REG_COMMON_SYMBOLS) */
    unsigned intrinsics;   /* the AOT intrinsics every target lists (WASM_ENABLE_AOT_INTRINSICS) */
    unsigned bulk_memory;  /* memory.init, data.drop */
    unsigned shared_memory; /* atomic wait and notify */
    unsigned ref_types;    /* the table instructions */
} wb_wamr_plt;

/* What a measured version does and allocates; a release that was not
 * measured points at the tables of the measured version it matches. */
typedef struct wb_wamr_tables {
    /* defaults of WAMR's CMake at that version */
    int ref_types_default;        /* WAMR_BUILD_REF_TYPES */
    int shrunk_memory_option;     /* WAMR_BUILD_SHRUNK_MEMORY exists (before it: always shrinks) */
    wb_simd_facts simd;           /* what runs SIMD: its fast interpreter, wamrc's targets */
    int fast_interp_consts_by_bits; /* the fast interpreter's constant area holds distinct raw
                                       bits (sorted pools), not distinct (type, value) */
    /* behaviours */
    int aot_data_copied;          /* AOT load copies data segments into the global heap */
    int loader_grows_in_place;    /* the fast-interpreter loader grows blocks with
                                     wasm_runtime_realloc (from 2.3.0, commit 831e4bbfd): the
                                     pool allocator then over-credits its free counter, and
                                     the pool's highmark is low by as much */
    int aot_text_mapped_twice;    /* AOT load maps text and data twice while it merges them
                                     (on the ports that merge them) */
    int aot_data_sections_merged; /* AOT data sections in one block, each page-rounded; else
                                     one os_mmap of its exact size per section */
    uint64_t app_heap_size_max;   /* APP_HEAP_SIZE_MAX */
    wb_wamr_plt plt;
    uint64_t thread_aux_stack_min; /* WASM_THREAD_AUX_STACK_SIZE_MIN: the smallest aux-stack slice
                                      the thread manager accepts */
    wb_wamr_sizes sizes[WB_LAYOUT_COUNT];
} wb_wamr_tables;

/* One WAMR version a user may select. */
typedef struct wb_wamr_version {
    const char *name;             /* "2.4.5", or "main-646b5a9bc" */
    const char *source;           /* the git tag or commit, and its date */
    unsigned aot_format;          /* the AOT file format its wamrc writes (AOT_CURRENT_VERSION) */
    unsigned aot_formats_loaded;  /* bit n: its loader takes format n (aot_compatible_version) */
    int aot_elem_offset_expr;     /* its loader reads element segment offsets as initializer
                                     expressions, not as a type and a u64 value */
    int measured;                 /* 1: measured (calibration runs); 0: mapped */
    const char *same_as;          /* mapped: the measured version whose tables it uses */
    const char *why;              /* mapped: why its structs and allocation paths are the same */
    const char *differs;          /* for people: what differs from the newest release */
    const wb_wamr_tables *t;
} wb_wamr_version;

/* The version the model assumes when none is given: the newest release. */
#define WB_WAMR_DEFAULT_VERSION "2.4.5"

/* The version called `name` ("2.4.5", "main-646b5a9bc"), or NULL. */
const wb_wamr_version *wb_wamr_version_find(const char *name);

/* The versions in the order a list should show them (newest first);
 * *count gets how many. */
const wb_wamr_version *wb_wamr_versions(size_t *count);

/* For a WAMR release that exists but is not modelled, why; else NULL. */
const char *wb_wamr_version_unmodelled(const char *name);

/* "2.4.5, 2.4.4, ..., main-646b5a9bc" into buf (always NUL-terminated). */
void wb_wamr_version_list(char *buf, size_t cap);

/* Why a name is no version the checker models, with the list of those it
 * does: "WAMR 2.2.0 is not modelled: ... (supported: ...)" or "unknown WAMR
 * version '2.0.0' (supported: ...)". */
void wb_wamr_version_refusal(const char *name, char *buf, size_t cap);

#endif
