# The measured Linux x86-64 build, AOT compiled for a CPU with SSE4.1: wamrc keeps SIMD.
include = linux-x86_64
name = simd-x86-64-v2
aot_cpu = x86-64-v2
