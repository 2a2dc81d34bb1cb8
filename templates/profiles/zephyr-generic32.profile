# zephyr-generic32: a generic 32-bit Zephyr board running WAMR 2.4.3.  A base
# for boards: `include = zephyr-generic32`, then set ram and the wamrc target.
# Sources: WAMR 2.4.3's Zephyr port (core/shared/platform/zephyr), its
# product-mini/platforms/zephyr samples and its core/config.h defaults.
# Not measured on a device.

name = zephyr-generic32
description = "Generic 32-bit Zephyr board (Cortex-M3 placeholder), WAMR 2.4.3: AOT + fast interp"

# runtime build
platform = zephyr                 # os_mmap is wasm_runtime_malloc: linear memory and AOT code and
                                  # data live in the WAMR global heap pool (zephyr_platform.c)
abi = ilp32-align8                # AAPCS / RISC-V psABI: uint64 aligned to 8
locks = zephyr                    # k_mutex 20 B, k_sem 16 B: Zephyr defaults, CONFIG_POLL off
modes = aot fast-interp           # one interpreter per build; the samples use the classic one,
                                  # change modes if yours does
mode = aot                        # default: the faster engine, and no interpreter code in the
                                  # heap; --mode fast-interp checks the other
hw_bound_check = no               # OS_ENABLE_HW_BOUND_CHECK: no MCU port defines it
libc_wasi = yes                   # wasi-sdk programs import WASI; on in the zephyr/simple-file
                                  # sample, off in zephyr/simple (product-mini/platforms/zephyr)
wasi_threads = yes                # supported through CMake options; no zephyr sample sets it
simd = no                         # WAMR_BUILD_SIMD is off in the zephyr samples (not set)

# runtime constants
default_wasm_stack = 12K          # DEFAULT_WASM_STACK_SIZE off x86-64 (core/config.h)
app_thread_stack = 4K             # one of 4 static 4 KiB stacks (BH_ZEPHYR_MPU_STACK_SIZE); the
                                  # 6 KiB APP_THREAD_STACK_SIZE_DEFAULT is ignored (zephyr_thread.c)
max_threads = 4                   # CLUSTER_MAX_THREAD_NUM (core/config.h); only 4 static stacks
page_size = 4K                    # CONFIG_MMU_PAGE_SIZE, or 4096 without it (Zephyr port)
aot_plt_bytes = 3980              # thumb PLT: 20 B x 199 symbols, counted for thumbv7em
                                  # (aot_reloc_thumb.c); other thumb sub-arches not established
signal_stack_bytes = 0            # no signal stack without HW bound check
mmap_overhead = 0                 # os_mmap adds nothing; the pool's 4 B block header and 8-byte
                                  # rounding apply as to any allocation (core/shared/mem-alloc/ems)
main_native_stack = 8K            # product-mini zephyr/simple sample: k_thread with 8,192 B

# embedder defaults
wasm_stack_size = 8K              # product-mini zephyr/simple sample: stack_size 8,192
heap_size = 0                     # the sample passes 8 KiB, but wasi-libc programs have their own
                                  # heap (README: App heap): 0 unless the module needs WAMR's
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
