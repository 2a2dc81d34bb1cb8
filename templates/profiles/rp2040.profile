# rp2040: Raspberry Pi RP2040 (dual Cortex-M0+, 133 MHz) running WAMR 2.4.5 on
# Zephyr (board rpi_pico).  Everything the Zephyr port decides comes from
# zephyr-generic32.profile.  Sources: RP2040 datasheet (264 KB SRAM in six
# banks, code in external QSPI flash).  Not measured on a device.

include = zephyr-generic32

name = rp2040
description = "RP2040 (Cortex-M0+), Zephyr, WAMR 2.4.5: fast interp (AOT for thumbv6m not established)"

ram = 264K                        # on-chip SRAM (datasheet)
mode = fast-interp                # wamrc output for thumbv6m (ARMv6-M) has not been checked
                                  # against WAMR's thumb relocations: not established, so the
                                  # interpreter is the default here
aot_target = thumbv6m             # wamrc --target=thumbv6m
aot_cpu = cortex-m0plus           # wamrc --cpu=cortex-m0plus
aot_plt_bytes = auto              # the thumb PLT of zephyr-generic32.profile: a runtime built for
                                  # ARMv6-M lists 16 symbols fewer (aot_reloc_thumb.c), so this is
                                  # 320 B more than it needs
