# linux-x86: the measured WAMR runtime build on Linux x86-32 (gcc -m32).
# Sources: measured with WAMR 2.4.5, 2.3.1, 2.1.0 and main on Linux (the calibration runs in
# tests/data/calibration; cmake WAMR_BUILD_TARGET=X86_32, same features as
# linux-x86_64), WAMR's core/config.h, and README: How the estimate is computed.

name = linux-x86
description = "WAMR 2.4.5, Linux x86-32 (ILP32): fast interp + AOT, libc-wasi, wasi-threads, no HW bound check"

# the WAMR version (README: WAMR versions)
wamr_version = 2.4.5              # the newest release; this build was measured on 2.4.5, 2.3.1,
                                  # 2.1.0 and main: --wamr (or WAMR_VERSION) selects another
ref_types = default               # WAMR_BUILD_REF_TYPES as that version's CMake sets it
shrunk_memory = default           # WAMR_BUILD_SHRUNK_MEMORY as that version's CMake sets it

# runtime build
platform = linux                  # core/shared/platform/linux
abi = ilp32                       # i386 System V: 4-byte pointers, uint64 aligned to 4
locks = glibc                     # pthread types of glibc, 32-bit (korp_mutex 24 B)
modes = aot fast-interp           # WAMR_BUILD_AOT=1, WAMR_BUILD_FAST_INTERP=1
mode = aot                        # the configuration WAMR's memory doc assumes
hw_bound_check = no               # no OS_ENABLE_HW_BOUND_CHECK in the measured x86-32 build
libc_wasi = yes                   # WAMR_BUILD_LIBC_WASI=1
wasi_threads = yes                # WAMR_BUILD_LIB_WASI_THREADS=1
simd = yes                        # WAMR_BUILD_SIMD=1, product-mini/platforms/linux's default:
                                  # SIMD in the fast interpreter and in .aot files

# runtime constants
default_wasm_stack = 12K          # DEFAULT_WASM_STACK_SIZE off x86-64 (core/config.h: 12288)
app_thread_stack = 128K           # APP_THREAD_STACK_SIZE_DEFAULT (core/config.h: 131072)
max_threads = 4                   # CLUSTER_MAX_THREAD_NUM (core/config.h)
page_size = 4K                    # os_getpagesize() on x86 Linux
aot_plt_bytes = auto              # the version's PLT for aot_target: none on i386 (measured)
signal_stack_bytes = 0            # no sigaltstack without HW bound check: measured
                                  # runtime_init mmap_kept_bytes 0 on i386
mmap_overhead = 0                 # os_mmap is mmap: page rounding only (page_size)
main_native_stack = 8M            # host thread stack (ulimit -s 8192 in the measurement); not
                                  # touched in full without the HW stack bound check

# embedder defaults
wasm_stack_size = 16K             # stack_size of wasm_runtime_instantiate in the calibration runs
heap_size = 0                     # none: wasi-libc has its own malloc (README: App heap)
ram = 0                           # a host, not a device: no RAM figure
budget = 0                        # none: pass --budget (no ram to fall back on)

# wamrc, as for the .aot files in tests/data/calibration/aot
aot_target = i386                 # wamrc --target=i386
aot_cpu =                         # none, as measured: LLVM's generic CPU for a non-host target
aot_target_abi =                  # wamrc default
aot_bounds_checks = yes           # wamrc's --bounds-checks default is on for i386 (software checks)
aot_xip = no                      # text is copied into executable memory
aot_simd = auto                   # wamrc's rule: no SIMD for i386
