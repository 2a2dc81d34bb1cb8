# nrf52840: Nordic nRF52840 (Cortex-M4F, 64 MHz) running WAMR 2.4.5 on Zephyr
# (nRF Connect SDK).  Everything the Zephyr port decides comes from
# zephyr-generic32.profile.  Sources: nRF52840 product specification (256 KB
# RAM, 1 MB flash).  Not measured on a device.

include = zephyr-generic32

name = nrf52840
description = "nRF52840 (Cortex-M4F), Zephyr, WAMR 2.4.5: AOT + fast interp"

ram = 256K                        # on-chip RAM (product specification); the BLE controller and
                                  # Zephyr kernel take part of it (not established)
aot_target = thumbv7em            # wamrc --target=thumbv7em
aot_cpu = cortex-m4               # wamrc --cpu=cortex-m4
aot_target_abi = gnu              # soft-float calls; with CONFIG_FPU + CONFIG_FP_HARDABI the
                                  # right ABI is not established
