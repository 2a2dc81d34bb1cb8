# esp32: Espressif ESP32 (dual-core Xtensa LX6, 240 MHz) running WAMR 2.4.5 on
# ESP-IDF.  Sources: ESP32 datasheet (520 KB SRAM); WAMR 2.4.5's ESP-IDF port
# (core/shared/platform/esp-idf), its ESP-IDF component (build-scripts/esp-idf/wamr:
# Kconfig and CMakeLists.txt), its product-mini/platforms/esp-idf sample and its
# core/config.h defaults.  Nothing in this file was measured on a device.

name = esp32
description = "ESP32 (Xtensa LX6), ESP-IDF, WAMR 2.4.5: AOT + fast interp, libc-wasi"

# the WAMR version (README: WAMR versions)
wamr_version = 2.4.5              # assumed: the newest release; Espressif's WAMR component
                                  # follows WAMR's releases: set the one your project pins
ref_types = no                    # the component's Kconfig WAMR_ENABLE_REF_TYPES defaults to n
                                  # (build-scripts/esp-idf/wamr/Kconfig); modules from LLVM 19 or
                                  # later use reference types: set yes if you enable it

# runtime build
platform = esp-idf                # linear memory and AOT code come from the IDF heap, outside
                                  # the WAMR pool (os_mmap in espidf_memmap.c)
abi = ilp32-align8                # 32-bit; Xtensa is believed to align uint64 to 8 like
                                  # thumb/riscv32 (not established: no Xtensa compiler to check)
locks = newlib                    # ESP-IDF's newlib pthread types are 4-byte handles
modes = aot fast-interp           # the component's Kconfig defaults: WAMR_ENABLE_AOT and the fast
                                  # interpreter (WAMR_INTERP_FAST)
mode = aot                        # default: the faster engine, and no interpreter code in the
                                  # heap; --mode fast-interp checks the other
hw_bound_check = no               # OS_ENABLE_HW_BOUND_CHECK: no MCU port defines it
libc_wasi = yes                   # Kconfig WAMR_ENABLE_LIBC_WASI, default y (espidf_file.c)
wasi_threads = no                 # the component has no Kconfig entry for it: set yes if your
                                  # own CMake adds WAMR_BUILD_LIB_WASI_THREADS=1
lib_pthread = yes                 # Kconfig WAMR_ENABLE_LIB_PTHREAD, default y: WAMR's pthread
                                  # library and thread manager.  Without wasi-threads the thread
                                  # manager cuts the module's aux stack into max_threads + 1
                                  # slices and the main thread runs in one (README: NuttX and
                                  # lib-pthread); set no if you turn it off
shared_memory = default           # WAMR's CMake turns shared memory on with lib-pthread
simd = no                         # WAMR_BUILD_SIMD is not set by build-scripts/esp-idf

# runtime constants
default_wasm_stack = 12K          # DEFAULT_WASM_STACK_SIZE off x86-64 (core/config.h)
app_thread_stack = 6K             # APP_THREAD_STACK_SIZE_DEFAULT for ESP-IDF: pthread with a 6 KiB
                                  # stack from the IDF heap (core/config.h, espidf_thread.c)
max_threads = 4                   # CLUSTER_MAX_THREAD_NUM (core/config.h)
page_size = 4K                    # hard-coded 4096 in the ESP-IDF port
aot_plt_bytes = auto              # the version's PLT for aot_target: none on xtensa
                                  # (get_plt_table_size, aot_reloc_xtensa.c)
signal_stack_bytes = 0            # no signal stack without HW bound check
mmap_overhead = 8                 # os_mmap asks heap_caps_malloc for size + 4 + a pointer
                                  # (espidf_memmap.c); the IDF heap's own block header is extra
                                  # and not established
main_native_stack = 5K            # product-mini esp-idf sample runs wasm in a pthread with a
                                  # 5,120 B stack (IWASM_MAIN_STACK_SIZE, main/main.c)

# embedder defaults
wasm_stack_size = 32K             # product-mini esp-idf sample: stack_size 32 KiB (main/main.c;
                                  # its global heap is the IDF heap: no pool)
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
