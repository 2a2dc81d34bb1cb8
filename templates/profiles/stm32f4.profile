# stm32f4: STM32F4 (Cortex-M4F, e.g. STM32F407/F417, 168 MHz) running WAMR 2.4.5
# on the Zephyr port (assumed: WAMR 2.4.5 has no STM32Cube/FreeRTOS platform, and
# its FreeRTOS helpers in core/shared/platform/common/freertos are not a
# complete port: no os_mmap).  On NuttX, see nuttx-cortex-m.profile.  Everything the Zephyr port decides comes from
# zephyr-generic32.profile.  Sources: STM32F407 datasheet (192 KB SRAM incl.
# 64 KB CCM).  Not measured on a device.

include = zephyr-generic32

name = stm32f4
description = "STM32F4 (Cortex-M4F), Zephyr, WAMR 2.4.5: AOT + fast interp"

ram = 192K                        # 112 + 16 KB SRAM and 64 KB CCM (datasheet); CCM is data-only
                                  # (not executable, no DMA): AOT code needs the 128 KB main SRAM
aot_target = thumbv7em            # wamrc --target=thumbv7em (as the calibration's thumbv7em files)
aot_cpu = cortex-m4               # wamrc --cpu=cortex-m4
