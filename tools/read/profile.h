/* Target profiles: the runtime build and board a module is checked against. */
#ifndef WB_PROFILE_H
#define WB_PROFILE_H

#include <stddef.h>
#include <stdint.h>

typedef enum wb_mode {
    WB_MODE_AOT = 0,
    WB_MODE_FAST_INTERP = 1,
    WB_MODE_CLASSIC_INTERP = 2
} wb_mode;

/* Struct layout of the runtime build: pointer width and 64-bit alignment. */
typedef enum wb_abi {
    WB_ABI_LP64 = 0,          /* x86-64, aarch64, riscv64 */
    WB_ABI_ILP32 = 1,         /* i386: 4-byte pointers, uint64 aligned to 4 */
    WB_ABI_ILP32_ALIGN8 = 2   /* arm, thumb, riscv32, xtensa: uint64 aligned to 8 */
} wb_abi;

/* The WAMR platform port: decides which pool pays for linear memory, AOT
 * code and thread stacks (its os_mmap and thread code in WAMR's
 * core/shared/platform/<port>). */
typedef enum wb_platform {
    WB_PLATFORM_LINUX = 0,
    WB_PLATFORM_ZEPHYR,
    WB_PLATFORM_ESP_IDF,
    WB_PLATFORM_NUTTX,
    WB_PLATFORM_RT_THREAD,
    WB_PLATFORM_RIOT
} wb_platform;

/* Lock types, which size several runtime structs. */
typedef enum wb_locks {
    WB_LOCKS_GLIBC = 0,   /* pthread, glibc (size by ABI) */
    WB_LOCKS_ZEPHYR,      /* k_mutex 20 B, korp_cond 24 B */
    WB_LOCKS_NEWLIB,      /* ESP-IDF: 4-byte handles */
    WB_LOCKS_NUTTX        /* NuttX pthread types (model/platforms.c) */
} wb_locks;

enum { WB_MODE_BIT_AOT = 1, WB_MODE_BIT_FAST_INTERP = 2, WB_MODE_BIT_CLASSIC_INTERP = 4 };

/* A size key whose value the model works out (`auto` in a profile). */
#define WB_PROFILE_AUTO UINT64_MAX

typedef struct wb_profile {
    char name[64];
    char description[160];
    char path[512];               /* file it was read from, "" for none */

    /* the WAMR version the runtime is built from (model/wamr_versions.c) */
    char wamr_version[24];
    /* build options whose default changed between versions: -1 the
     * version's default, else 0/1 (wb_profile_ref_types() resolves) */
    int ref_types;                /* WAMR_BUILD_REF_TYPES */
    int shrunk_memory;            /* WAMR_BUILD_SHRUNK_MEMORY */

    /* runtime build */
    wb_platform platform;
    wb_abi abi;
    wb_locks locks;
    unsigned modes;               /* WB_MODE_BIT_*: engines compiled into the runtime */
    wb_mode mode;                 /* default engine */
    int hw_bound_check;           /* OS_ENABLE_HW_BOUND_CHECK */
    int libc_wasi;                /* WASM_ENABLE_LIBC_WASI */
    int wasi_threads;             /* WASM_ENABLE_LIB_WASI_THREADS */
    int bulk_memory;              /* WASM_ENABLE_BULK_MEMORY: memory.init/copy/fill, data.drop */
    int tail_call;                /* WASM_ENABLE_TAIL_CALL: return_call, return_call_indirect */
    int simd;                     /* WAMR_BUILD_SIMD (WASM_ENABLE_SIMD): the fast interpreter
                                     runs SIMD (from WAMR 2.3.0), the AOT loader takes an .aot
                                     that uses it */
    int lib_pthread;              /* WASM_ENABLE_LIB_PTHREAD: the thread manager splits the aux
                                     stack (no heap aux-stack allocation without wasi-threads) */
    int shared_memory;            /* WASM_ENABLE_SHARED_MEMORY: -1 as WAMR's CMake sets it (on
                                     with wasi-threads or lib-pthread), else 0/1
                                     (wb_profile_shared_memory() resolves) */

    /* runtime constants (config.h and platform headers) */
    uint64_t default_wasm_stack;  /* DEFAULT_WASM_STACK_SIZE: what stack_size 0 means */
    uint64_t app_thread_stack;    /* APP_THREAD_STACK_SIZE_DEFAULT: native stack per wasi-thread */
    uint32_t max_threads;         /* CLUSTER_MAX_THREAD_NUM or the runtime's max_thread_num */
    uint64_t page_size;           /* os_getpagesize() */
    uint64_t aot_plt_bytes;       /* PLT the AOT loader appends to the text;
                                     WB_PROFILE_AUTO: the version's, for the target */
    uint64_t signal_stack_bytes;  /* per thread running wasm (POSIX with HW bound check) */
    uint64_t mmap_overhead;       /* extra bytes per os_mmap on heap-backed ports */
    uint64_t main_native_stack;   /* native stack of the host thread that runs wasm */

    /* embedder defaults: what the firmware passes when the user says nothing */
    uint64_t wasm_stack_size;     /* stack_size argument of wasm_runtime_instantiate */
    uint64_t heap_size;           /* heap_size argument */
    uint64_t ram;                 /* RAM of the device, for the report; 0 unknown */
    uint64_t budget;              /* default budget when --budget is absent; 0 none */
    int module_buffer_in_pool;    /* the embedder reads the module into WAMR's global heap
                                     (wasm_runtime_malloc, as iwasm does) and keeps it there */

    /* wamrc */
    char aot_target[32];
    char aot_cpu[48];
    char aot_target_abi[16];
    int aot_bounds_checks;        /* --bounds-checks=0/1 */
    int aot_xip;                  /* --xip */
    int aot_simd;                 /* wamrc keeps SIMD for aot_target/aot_cpu: 1 yes, 0 no,
                                     -1 auto (wamrc's rule, model/simd_rule.h) */
} wb_profile;

/* Fill p with the defaults of a Linux x86-64 build (the measured one). */
void wb_profile_defaults(wb_profile *p);

/*
 * Parse profile text (`key = value` lines, `#` comments, sizes like 64K).
 * Unknown keys and bad values are errors naming the line: on failure returns
 * -1 and writes "<origin>:<line>: <reason>" into err.  origin names the file.
 * p starts from wb_profile_defaults; keys absent from the text keep those
 * values.  `include = NAME|PATH` (first key only) is looked up beside origin.
 * The format is documented in templates/profiles/README.md.
 */
int wb_profile_parse(const char *text, size_t len, const char *origin, wb_profile *p,
                     char *err, size_t errcap);

/*
 * Load a profile by NAME (looked up as NAME.profile in each directory of
 * search_dirs, a NULL-terminated list) or by PATH (contains '/' or ends in
 * ".profile").  Returns 0 or -1 with err set.
 */
int wb_profile_load(const char *name_or_path, const char *const *search_dirs, wb_profile *p,
                    char *err, size_t errcap);

/* The build options with per-version defaults, resolved for p's version. */
int wb_profile_ref_types(const wb_profile *p);
/* Whether the runtime build has shared memory (and atomics). */
int wb_profile_shared_memory(const wb_profile *p);
int wb_profile_shrunk_memory(const wb_profile *p);

const char *wb_mode_name(wb_mode m);
int wb_mode_parse(const char *s, wb_mode *m);   /* 0 ok, -1 unknown */
const char *wb_platform_name(wb_platform p);
const char *wb_abi_name(wb_abi a);
const char *wb_locks_name(wb_locks l);
unsigned wb_mode_bit(wb_mode m);                /* WB_MODE_BIT_* of one engine */

/*
 * The consistency rules a WAMR build cannot break (mode among modes, one
 * interpreter, hardware bound check only on 64-bit Linux, ...), for a
 * profile changed after loading (e.g. by command-line settings).  Returns 0
 * or -1 with "<profile>: <reason>" in err.  wb_profile_parse and
 * wb_profile_load apply the same rules and name the offending line.
 */
int wb_profile_check(const wb_profile *p, char *err, size_t errcap);

#endif
