# Exits 0 when a WebAssembly C toolchain is found (-DWASI_SDK_PREFIX=... as the
cmake_minimum_required(VERSION 3.25)
# projects get it), else fails saying what to install.
include("${CMAKE_CURRENT_LIST_DIR}/../../cmake/WamrBudgetWasi.cmake")
_wamr_find_wasi_toolchain()
message(STATUS "${_wamr_wasi_clang} ${_wamr_wasi_triple}")
