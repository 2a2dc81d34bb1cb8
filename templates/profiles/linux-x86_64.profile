# linux-x86_64: the measured WAMR runtime build on Linux x86-64.
# Sources: measured with WAMR 2.4.5, 2.3.1, 2.1.0 and main on Linux (the calibration runs in
# tests/data/calibration; cmake WAMR_BUILD_TARGET=X86_64 INTERP=1 FAST_INTERP=1
# AOT=1 LIBC_WASI=1 LIB_WASI_THREADS=1, everything else default), WAMR's
# core/config.h, and README: How the estimate is computed.

name = linux-x86_64
description = "WAMR 2.4.5, Linux x86-64 (LP64): fast interp + AOT, libc-wasi, wasi-threads, HW bound check"

# the WAMR version (README: WAMR versions)
wamr_version = 2.4.5              # the newest release; this build was measured on 2.4.5, 2.3.1,
                                  # 2.1.0 and main: --wamr (or WAMR_VERSION) selects another
ref_types = default               # WAMR_BUILD_REF_TYPES as that version's CMake sets it
shrunk_memory = default           # WAMR_BUILD_SHRUNK_MEMORY as that version's CMake sets it

# runtime build
platform = linux                  # core/shared/platform/linux
abi = lp64                        # 8-byte pointers (sizeof table: x86-64 column)
locks = glibc                     # pthread types of glibc 2.36 (korp_mutex 40 B)
modes = aot fast-interp           # WAMR_BUILD_AOT=1, WAMR_BUILD_FAST_INTERP=1
mode = aot                        # the configuration WAMR's memory doc assumes
hw_bound_check = yes              # OS_ENABLE_HW_BOUND_CHECK defined in the measured build
libc_wasi = yes                   # WAMR_BUILD_LIBC_WASI=1
wasi_threads = yes                # WAMR_BUILD_LIB_WASI_THREADS=1 (thread manager, shared memory)
simd = yes                        # WAMR_BUILD_SIMD=1, product-mini/platforms/linux's default:
                                  # SIMD in the fast interpreter and in .aot files

# runtime constants
default_wasm_stack = 16K          # DEFAULT_WASM_STACK_SIZE on x86-64 (core/config.h: 16384)
app_thread_stack = 128K           # APP_THREAD_STACK_SIZE_DEFAULT (core/config.h: 131072)
max_threads = 4                   # CLUSTER_MAX_THREAD_NUM (core/config.h)
page_size = 4K                    # os_getpagesize() on x86-64 Linux
aot_plt_bytes = auto              # the version's PLT for aot_target (README: AOT code): 99 symbols
                                  # x 12 B from 2.3.0, 90 or 95 (reference types) in 2.1.0: measured
signal_stack_bytes = 32K          # sigaltstack per thread running wasm: measured runtime_init
                                  # mmap_kept_bytes 32768 (HW bound check builds only)
mmap_overhead = 0                 # os_mmap is mmap: page rounding only (page_size)
main_native_stack = 8M            # host thread stack (ulimit -s 8192 in the measurement); the HW
                                  # stack bound check touches all of it (measured RSS)

# embedder defaults
wasm_stack_size = 16K             # stack_size of wasm_runtime_instantiate in the calibration runs
heap_size = 0                     # none: wasi-libc has its own malloc (README: App heap)
ram = 0                           # a host, not a device: no RAM figure
budget = 0                        # none: pass --budget (no ram to fall back on)

# wamrc, as for the .aot files in tests/data/calibration/aot
aot_target = x86_64               # wamrc --target=x86_64
aot_cpu = x86-64                  # wamrc --cpu=x86-64: pinned, wamrc's default is the host CPU
aot_target_abi =                  # wamrc default
aot_bounds_checks = no            # --bounds-checks default off on x86_64: the HW bound check traps
aot_xip = no                      # text is copied into executable memory
aot_simd = auto                   # wamrc's rule: SIMD on x86_64 needs SSE4.1, which x86-64
                                  # lacks, so SIMD modules need aot_cpu = x86-64-v2 or newer
