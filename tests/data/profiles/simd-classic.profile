# The measured Linux x86-64 build with the classic interpreter instead of the fast one.
include = linux-x86_64
name = simd-classic
modes = aot classic-interp
mode = classic-interp
