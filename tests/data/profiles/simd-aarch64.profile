# A 64-bit Arm Linux build (wamrc --target=aarch64v8): wamrc keeps SIMD for every aarch64.
include = linux-x86_64
name = simd-aarch64
aot_target = aarch64v8
aot_cpu = cortex-a53
