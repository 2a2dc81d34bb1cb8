# The Linux x86-64 build with the classic interpreter instead of the fast one.
include = linux-x86_64
name = linux-x86_64-classic
modes = aot classic-interp
