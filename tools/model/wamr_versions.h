/* The WAMR versions the model knows: one table of struct sizes and behaviours per version and layout. */
#ifndef WB_WAMR_VERSIONS_H
#define WB_WAMR_VERSIONS_H

#include <stddef.h>
#include <stdint.h>

/*
 * Struct sizes and runtime constants of one WAMR version on one struct
 * layout (pointer width and 64-bit alignment), as the model charges them.
 * Every field is a byte count, for a build with reference types on and the
 * lock types of the layout's measured build (glibc on x86); the ref_types_*
 * fields say what a build without reference types saves, and the model
 * adjusts the lock-sized structs for other lock types.
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
    unsigned cluster;             /* WASMCluster (thread manager builds) */
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
    unsigned ref_types_runtime_init; /* the externref map and its lock at runtime init */
    unsigned ref_types_inst_extra;   /* in both instance extras */
} wb_wamr_sizes;

/* The struct layouts a runtime build can have (the profile's abi). */
enum { WB_LAYOUT_LP64 = 0, WB_LAYOUT_ILP32 = 1, WB_LAYOUT_ILP32_ALIGN8 = 2, WB_LAYOUT_COUNT = 3 };

/* What a measured version does and allocates; a release that was not
 * measured points at the tables of the measured version it matches. */
typedef struct wb_wamr_tables {
    /* defaults of WAMR's CMake at that version */
    int ref_types_default;        /* WAMR_BUILD_REF_TYPES */
    int shrunk_memory_option;     /* WAMR_BUILD_SHRUNK_MEMORY exists (before it: always shrinks) */
    int fast_interp_simd;         /* the fast interpreter runs SIMD (SIMDe) */
    int fast_interp_consts_by_bits; /* the fast interpreter's constant area holds distinct raw
                                       bits (sorted pools), not distinct (type, value) */
    /* behaviours */
    int aot_data_copied;          /* AOT load copies data segments into the global heap */
    int aot_text_mapped_twice;    /* AOT load maps text and data twice while it merges them */
    uint64_t app_heap_size_max;   /* APP_HEAP_SIZE_MAX */
    uint64_t thread_aux_stack_min; /* WASM_THREAD_AUX_STACK_SIZE_MIN: the smallest aux-stack slice
                                      the thread manager accepts */
    wb_wamr_sizes sizes[WB_LAYOUT_COUNT];
} wb_wamr_tables;

/* One WAMR version a user may select. */
typedef struct wb_wamr_version {
    const char *name;             /* "2.4.5", or "main-646b5a9bc" */
    const char *source;           /* the git tag or commit, and its date */
    unsigned aot_format;          /* the AOT file format it loads (core/config.h AOT_CURRENT_VERSION) */
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

/* "2.4.5, 2.4.4, ..., main-646b5a9bc" into buf (always NUL-terminated). */
void wb_wamr_version_list(char *buf, size_t cap);

#endif
