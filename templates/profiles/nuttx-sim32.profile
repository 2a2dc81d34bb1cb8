# nuttx-sim32: WAMR in Apache NuttX's simulator, board sim:wamr built 32-bit
# (CONFIG_SIM_M32) without WAMR's threads: the measured 32-bit NuttX build.  Everything
# the NuttX port decides comes from nuttx-sim64.profile.  Sources: measured
# (tests/data/nuttx-sim, WAMR 2.4.5 with WAMR's pool; README: NuttX), the .config of that
# build, WAMR's NuttX port and core/config.h.

include = nuttx-sim64

name = nuttx-sim32
description = "NuttX sim:wamr, 32-bit (SIM_M32), WAMR 2.4.5: AOT + fast interp, libc-wasi, WAMR's pool (measured)"

wamr_version = 2.4.5              # the version measured on this build (NuttX's package default
                                  # is 2.1.0: --wamr 2.1.0; not measured in 32 bits)
abi = ilp32                       # WAMR_BUILD_TARGET X86_32 (wamr.mk with CONFIG_SIM_M32):
                                  # uint64 aligned to 4, as on i386
lib_pthread = no                  # the measured 32-bit build has neither lib-pthread nor the
                                  # thread manager (set yes if yours has
                                  # CONFIG_INTERPRETERS_WAMR_LIB_PTHREAD)
default_wasm_stack = 12K          # DEFAULT_WASM_STACK_SIZE off x86-64 (core/config.h)
aot_plt_bytes = auto              # the version's PLT for aot_target: none on i386 (measured on the
                                  # Linux i386 build)
aot_target = i386                 # wamrc --target=i386
aot_cpu =                         # LLVM's generic CPU
