# nuttx-sim64: WAMR in Apache NuttX's simulator, board sim:wamr on a 64-bit (x86-64) host:
# the measured NuttX build.  Sources: measured (tests/data/nuttx-sim: WAMR 2.1.0 and 2.4.5
# with WAMR's pool, 2.4.5 also without it, calibration modules; README: NuttX), the
# .config of those builds (NuttX's WAMR package, CONFIG_INTERPRETERS_WAMR_*), WAMR's NuttX
# port (core/shared/platform/nuttx, product-mini/platforms/nuttx/wamr.mk) and core/config.h.

name = nuttx-sim64
description = "NuttX sim:wamr, 64-bit host, WAMR 2.1.0: AOT + fast interp, libc-wasi, WAMR's pool (measured)"

# the WAMR version (README: WAMR versions)
wamr_version = 2.1.0              # NuttX's WAMR package fetches 2.1.0 unless
                                  # CONFIG_INTERPRETERS_WAMR_VERSION says otherwise; 2.4.5 was
                                  # measured too (--wamr 2.4.5)
ref_types = no                    # CONFIG_INTERPRETERS_WAMR_REF_TYPES is not set (measured build)
shrunk_memory = default           # 2.1.0 always shrinks a memory without memory.grow

# runtime build
platform = nuttx                  # measured: linear memory is posix_memalign on the NuttX heap,
                                  # AOT text comes from the text heap (CONFIG_ARCH_USE_TEXT_HEAP)
                                  # and AOT data from the NuttX heap: none of it in WAMR's pool
abi = lp64                        # x86-64 host (WAMR_BUILD_TARGET X86_64 in wamr.mk)
locks = nuttx                     # NuttX pthread types: mutex + cond 72 B (measured exec env)
modes = aot fast-interp           # CONFIG_INTERPRETERS_WAMR_AOT, CONFIG_INTERPRETERS_WAMR_FAST
mode = aot                        # --mode fast-interp checks the other engine
hw_bound_check = no               # CONFIG_INTERPRETERS_WAMR_DISABLE_HW_BOUND_CHECK=y: the NuttX
                                  # port has no signal-based bound check
libc_wasi = yes                   # CONFIG_INTERPRETERS_WAMR_LIBC_WASI=y
wasi_threads = no                 # CONFIG_INTERPRETERS_WAMR_LIB_WASI_THREADS is not set
lib_pthread = yes                 # sim:wamr builds WAMR's lib-pthread and thread manager
                                  # (CONFIG_INTERPRETERS_WAMR_LIB_PTHREAD, _THREAD_MGR): the main
                                  # thread runs in one of max_threads + 1 slices of the module's
                                  # aux stack (measured; README: NuttX)
shared_memory = no                # wamr.mk, unlike WAMR's CMake, does not turn it on with
                                  # lib-pthread (CONFIG_INTERPRETERS_WAMR_SHARED_MEMORY not set)
bulk_memory = yes                 # CONFIG_INTERPRETERS_WAMR_BULK_MEMORY=y in the measured builds
                                  # (the Kconfig default is n: set no if yours is)

# runtime constants
default_wasm_stack = 16K          # DEFAULT_WASM_STACK_SIZE for X86_64 (core/config.h)
app_thread_stack = 2K             # APP_THREAD_STACK_SIZE_DEFAULT is NuttX's PTHREAD_STACK_DEFAULT
                                  # (CONFIG_PTHREAD_STACK_DEFAULT=2048; core/config.h)
max_threads = 4                   # CLUSTER_MAX_THREAD_NUM (core/config.h)
page_size = 1                     # getpagesize() is sysconf(_SC_PAGESIZE): 1 without
                                  # CONFIG_MM_PGSIZE; measured: linear memory not page-rounded
aot_plt_bytes = auto              # the version's x86-64 PLT for this build (bulk memory and the AOT
                                  # intrinsics, no reference types or shared memory): 12 B x 92
                                  # symbols in 2.4.5, x 88 in 2.1.0, as the text heap measured
signal_stack_bytes = 0            # no signal stack without HW bound check
mmap_overhead = 372               # measured, the costliest os_mmap of the runs: AOT text took
                                  # its size + 372 B of the text heap (32-bit simulator, every
                                  # module); linear memory, a posix_memalign(32, n) on the NuttX
                                  # heap, n + 72 B (64- and 32-bit); the 64-bit text heap's cost
                                  # was not measured (those runs' .aot files were not kept)
main_native_stack = 32K           # CONFIG_INTERPRETERS_WAMR_STACKSIZE: iwasm's task stack

# embedder defaults: NuttX's iwasm command
wasm_stack_size = 64K             # iwasm's default --stack-size (product-mini posix/main.c)
heap_size = 0                     # pass --heap-size=0: wasi-libc programs have their own heap
                                  # (README: App heap); the runs did
module_buffer_in_pool = yes       # iwasm reads the file with bh_read_file_to_buffer, which is
                                  # wasm_runtime_malloc (BH_MALLOC in wamr.mk), and frees it after
                                  # unload: measured in the pool (file size + 4..11 B)
ram = 0                           # a simulator: no RAM figure
budget = 0                        # none: pass --budget

# wamrc, as the measured .aot files
aot_target = x86_64               # wamrc --target=x86_64
aot_cpu = x86-64                  # wamrc --cpu=x86-64
aot_target_abi =                  # wamrc default
aot_bounds_checks = yes           # wamrc --bounds-checks=1: no HW bound check on NuttX. The runs
                                  # also passed --size-level=1: the sim's text heap lies above
                                  # 2 GiB, where the default code model's relocations fail
aot_xip = no                      # text is copied into the text heap
