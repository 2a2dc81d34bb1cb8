# esp32s3: Espressif ESP32-S3 (dual-core Xtensa LX7, 240 MHz) running WAMR 2.4.5
# on ESP-IDF.  Everything the ESP-IDF port decides comes from esp32.profile;
# this file changes the chip.  Sources: ESP32-S3 datasheet (512 KB SRAM);
# WAMR 2.4.5's ESP-IDF port (core/shared/platform/esp-idf).  Not measured on a
# device.

include = esp32

name = esp32s3
description = "ESP32-S3 (Xtensa LX7), ESP-IDF, WAMR 2.4.5: AOT + fast interp, libc-wasi"

ram = 512K                        # on-chip SRAM (datasheet); ESP-IDF takes part of it for IRAM
                                  # code and caches, so the free heap is less (not established).
                                  # With PSRAM and CONFIG_ESP32S3_SPIRAM_SUPPORT, the port builds
                                  # WASM_MEM_DUAL_BUS_MIRROR (shared_platform.cmake) and puts AOT
                                  # code and linear memory in PSRAM (espidf_memmap.c)
aot_cpu = esp32s3                 # wamrc --cpu=esp32s3
