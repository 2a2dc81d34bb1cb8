# A runtime built with WAMR's own pthread library and no wasi-threads, as
# NuttX's sim:wamr: the thread manager cuts the aux stack into
# max_threads + 1 slices (calibration/nuttx-sim, item 5).
include = linux-x86_64
name = lib-pthread
wasi_threads = no
lib_pthread = yes
max_threads = 4
modes = aot fast-interp
