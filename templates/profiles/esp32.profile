# esp32: Espressif ESP32 (dual-core Xtensa LX6, 240 MHz) running WAMR 2.4.3 on
# ESP-IDF.  Sources: ESP32 datasheet (520 KB SRAM); WAMR 2.4.3's ESP-IDF port
# (core/shared/platform/esp-idf), its product-mini/platforms/esp-idf sample and
# its core/config.h defaults.  Nothing in this file was measured on a device.

name = esp32
description = "ESP32 (Xtensa LX6), ESP-IDF, WAMR 2.4.3: AOT + fast interp, libc-wasi"

# runtime build
platform = esp-idf                # linear memory and AOT code come from the IDF heap, outside
                                  # the WAMR pool (os_mmap in espidf_memmap.c)
abi = ilp32-align8                # 32-bit; Xtensa is believed to align uint64 to 8 like
                                  # thumb/riscv32 (not established: no Xtensa compiler to check)
locks = newlib                    # ESP-IDF's newlib pthread types are 4-byte handles
modes = aot fast-interp           # one interpreter per build; AOT for speed and smaller RAM
mode = aot                        # default: the faster engine, and no interpreter code in the
                                  # heap; --mode fast-interp checks the other
hw_bound_check = no               # OS_ENABLE_HW_BOUND_CHECK: no MCU port defines it
libc_wasi = yes                   # wasi-sdk programs import WASI; the ESP-IDF component's
                                  # default for it is not established
wasi_threads = yes                # no Kconfig entry: needs WAMR_BUILD_LIB_WASI_THREADS=1 in your
                                  # own CMake; set no if your build lacks it
simd = no                         # WAMR_BUILD_SIMD is not set by build-scripts/esp-idf

# runtime constants
default_wasm_stack = 12K          # DEFAULT_WASM_STACK_SIZE off x86-64 (core/config.h)
app_thread_stack = 6K             # APP_THREAD_STACK_SIZE_DEFAULT for ESP-IDF: pthread with a 6 KiB
                                  # stack from the IDF heap (core/config.h, espidf_thread.c)
max_threads = 4                   # CLUSTER_MAX_THREAD_NUM (core/config.h)
page_size = 4K                    # hard-coded 4096 in the ESP-IDF port
aot_plt_bytes = 0                 # no PLT on xtensa (get_plt_table_size, aot_reloc_xtensa.c)
signal_stack_bytes = 0            # no signal stack without HW bound check
mmap_overhead = 8                 # os_mmap asks heap_caps_malloc for size + 8 on 32-bit
                                  # (espidf_memmap.c); the IDF heap's own block header is extra
                                  # and not established
main_native_stack = 5K            # product-mini esp-idf sample runs wasm in a pthread with a
                                  # 5,120 B stack (its main/main.c)

# embedder defaults
wasm_stack_size = 32K             # product-mini esp-idf sample: stack_size 32 KiB
heap_size = 0                     # the sample passes 32 KiB, but wasi-libc programs have their
                                  # own heap (README: App heap): 0 unless the module needs WAMR's
ram = 320K                        # usable DRAM of the 520 KB SRAM (the rest is IRAM, cache and
                                  # ROM data); what is free after the IDF boots is less and
                                  # not established
budget = 0                        # none: --budget, else all of ram is the budget

# wamrc (needs an LLVM with the Xtensa back end)
aot_target = xtensa               # wamrc --target=xtensa
aot_cpu = esp32                   # wamrc --cpu=esp32
aot_target_abi =                  # wamrc default
aot_bounds_checks = yes           # wamrc --bounds-checks=1: required without HW bound check
aot_xip = no                      # text goes to IRAM (MALLOC_CAP_EXEC heap, espidf_memmap.c);
                                  # how much IRAM is free is not established
aot_simd = auto                   # wamrc's rule: no SIMD for xtensa
