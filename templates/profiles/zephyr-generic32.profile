# zephyr-generic32: a generic 32-bit Zephyr board running WAMR 2.4.5.  A base
# for boards: `include = zephyr-generic32`, then set ram and the wamrc target.
# Sources: WAMR 2.4.5's Zephyr port (core/shared/platform/zephyr), its
# product-mini/platforms/zephyr samples (simple, user-mode) and its core/config.h
# defaults.  Not measured on a device.  WAMR 2.4.5 has no WASI on Zephyr: run
# freestanding modules, or a WAMR after 2.4.5 (main-646b5a9bc) with libc_wasi = yes.

name = zephyr-generic32
description = "Generic 32-bit Zephyr board (Cortex-M3 placeholder), WAMR 2.4.5: AOT + fast interp, no WASI"

# the WAMR version (README: WAMR versions)
wamr_version = 2.4.5              # assumed: the newest release; WAMR joins a Zephyr workspace as
                                  # a module at the tag you choose: set yours
ref_types = no                    # WAMR's build-scripts leave WAMR_BUILD_REF_TYPES off (only the
                                  # root and Linux CMake turn it on); modules from LLVM 19 or
                                  # later use reference types: set yes if your build has it

# runtime build
platform = zephyr                 # os_mmap is wasm_runtime_malloc: linear memory and AOT code and
                                  # data live in the WAMR global heap pool (zephyr_platform.c)
abi = ilp32-align8                # AAPCS / RISC-V psABI: uint64 aligned to 8
locks = zephyr                    # korp_mutex is a k_mutex (20 B), korp_cond a k_mutex and a list
                                  # (24 B): platform_internal.h, Zephyr defaults
modes = aot fast-interp           # one interpreter per build; the samples use the classic one,
                                  # change modes if yours does
mode = aot                        # default: the faster engine, and no interpreter code in the
                                  # heap; --mode fast-interp checks the other
hw_bound_check = no               # OS_ENABLE_HW_BOUND_CHECK: no MCU port defines it
libc_wasi = no                    # 2.4.5's Zephyr port has no file, socket or clock layer for
                                  # libc-wasi (zephyr/simple sets WAMR_BUILD_LIBC_WASI 0 until it
                                  # has); wasi-sdk programs import WASI: error wasi-not-in-runtime
wasi_threads = no                 # needs WASI programs; no zephyr sample sets it
simd = no                         # WAMR_BUILD_SIMD is off in the zephyr samples (not set)

# runtime constants
default_wasm_stack = 12K          # DEFAULT_WASM_STACK_SIZE off x86-64 (core/config.h)
app_thread_stack = 4K             # one of 4 static stacks of APP_THREAD_STACK_SIZE_MIN, 4 KiB
                                  # (BH_ZEPHYR_MPU_STACK_SIZE, on with CONFIG_ARM_MPU or Zephyr after
                                  # 2.3); the 6 KiB default is ignored (zephyr_thread.c)
max_threads = 4                   # CLUSTER_MAX_THREAD_NUM (core/config.h); only 4 static stacks
page_size = 4K                    # os_getpagesize(): CONFIG_MMU_PAGE_SIZE, 4096 without CONFIG_MMU
                                  # (platform_internal.h)
aot_plt_bytes = auto              # the version's thumb PLT for this build: 20 B x 188 symbols in
                                  # 2.4.5 (120 of aot_reloc_thumb.c and aot_reloc.h's common ones,
                                  # 66 AOT intrinsics, 2 of bulk memory; + 5 with reference types)
signal_stack_bytes = 0            # no signal stack without HW bound check
mmap_overhead = 0                 # os_mmap adds nothing; the pool's 4 B block header and 8-byte
                                  # rounding apply as to any allocation (core/shared/mem-alloc/ems)
main_native_stack = 8K            # product-mini zephyr/simple sample: CONFIG_MAIN_THREAD_STACK_SIZE
                                  # 8,192 B for the thread that runs wasm (src/main.c)

# embedder defaults
wasm_stack_size = 8K              # zephyr/simple sample: CONFIG_APP_STACK_SIZE 8,192 (src/main.c)
heap_size = 0                     # the sample passes 8 KiB (CONFIG_APP_HEAP_SIZE); a module with a
                                  # malloc of its own needs none (README: App heap)
ram = 0                           # board-specific: set it in the board profile
budget = 0                        # none: --budget, else all of ram is the budget

# wamrc: a placeholder Cortex-M3 (Zephyr's qemu_cortex_m3); set your board's
aot_target = thumbv7m             # wamrc --target=thumbv7m
aot_cpu = cortex-m3               # wamrc --cpu=cortex-m3
aot_target_abi = gnu              # as the calibration's thumbv7em files (--target-abi=gnu);
                                  # soft-float calling convention, matches Zephyr without FPU
aot_bounds_checks = yes           # wamrc --bounds-checks=1: required without HW bound check
aot_xip = no                      # text is copied into the pool (zephyr merges text and data)
aot_simd = auto                   # wamrc's rule: no SIMD for thumb targets
