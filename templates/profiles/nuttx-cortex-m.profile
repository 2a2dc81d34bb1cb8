# nuttx-cortex-m: WAMR on Apache NuttX on a Cortex-M4F board (flat build), derived from the
# two measured simulator builds.  Measured there, and the same port on any NuttX target:
# linear memory and AOT code and data outside WAMR's pool (linear memory and data on the
# NuttX heap; text in the text heap where the chip has one, else on the NuttX heap too),
# memory.grow holding old + new, the module buffer in the pool when iwasm loads the module,
# the cost of an os_mmap on the NuttX heap.  Inferred, not measured: the ARM struct layout
# (WAMR's ilp32-align8 tables), NuttX's 32-bit lock sizes, the thumb PLT.  Sources:
# nuttx-sim32.profile, WAMR's NuttX port and wamr.mk (THUMBV7EM for CONFIG_ARCH_ARMV7M),
# core/config.h.  Not measured on a device.

include = nuttx-sim32

name = nuttx-cortex-m
description = "NuttX on Cortex-M4F (placeholder board), WAMR 2.1.0: AOT + fast interp, libc-wasi, WAMR's pool"

wamr_version = 2.1.0              # NuttX's WAMR package default (CONFIG_INTERPRETERS_WAMR_VERSION)
abi = ilp32-align8                # AAPCS: uint64 aligned to 8 (inferred: WAMR's ARM tables)
lib_pthread = no                  # CONFIG_INTERPRETERS_WAMR_LIB_PTHREAD defaults to n (sim:wamr's
                                  # defconfig sets it: then yes, and the aux stack is cut into
                                  # slices)
default_wasm_stack = 12K          # DEFAULT_WASM_STACK_SIZE off x86-64 (core/config.h)
page_size = 1                     # flat build: no CONFIG_MM_PGSIZE, getpagesize() is 1 (as
                                  # measured on the simulator); a kernel build with an MMU has
                                  # CONFIG_MM_PGSIZE: set it then
mmap_overhead = 372               # as measured on the 32-bit simulator (NuttX's mm, the same
                                  # allocator on ARM: 72 B for linear memory, 372 B for AOT text
                                  # in the text heap); not measured on a device
main_native_stack = 8K            # CONFIG_INTERPRETERS_WAMR_STACKSIZE default (NuttX's Kconfig)
aot_plt_bytes = auto              # the version's thumb PLT for this build (bulk memory and the AOT
                                  # intrinsics, no reference types or shared memory): 20 B x 188
                                  # symbols in 2.4.5, x 169 in 2.1.0 (aot_reloc_thumb.c, aot_reloc.h)
ram = 0                           # board-specific: set it (e.g. 192K for an STM32F407)
aot_target = thumbv7em            # wamrc --target=thumbv7em (wamr.mk: THUMBV7EM for ARMV7M)
aot_cpu = cortex-m4               # wamrc --cpu=cortex-m4
aot_target_abi = gnu              # soft-float calls; with CONFIG_ARCH_FPU wamr.mk builds
                                  # BUILD_TARGET_THUMB_VFP, whose ABI (eabihf) is not established
