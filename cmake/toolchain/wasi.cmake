# Toolchain file for WebAssembly modules run by WAMR (wasm32-wasi / wasm32-wasip1).
#
#   cmake -DCMAKE_TOOLCHAIN_FILE=<wamr-budget>/cmake/toolchain/wasi.cmake ...
#
# Uses a wasi-sdk (WASI_SDK_PREFIX, then $ENV{WASI_SDK_PATH}, then /opt/wasi-sdk*)
# or the system clang + wasm-ld + wasi-libc.  WAMR_WASI_TRIPLE overrides the
# triple picked from the sysroot.  wamr_add_module(THREADS) switches a single
# target to the -threads triple, so one build tree holds both kinds of module.

include("${CMAKE_CURRENT_LIST_DIR}/../WamrBudgetWasi.cmake")

set(CMAKE_SYSTEM_NAME WASI)
set(CMAKE_SYSTEM_VERSION 1)
set(CMAKE_SYSTEM_PROCESSOR wasm32)
# Platform/WASI.cmake (.wasm executables) lives next to this directory.
list(APPEND CMAKE_MODULE_PATH "${CMAKE_CURRENT_LIST_DIR}/..")

# try_compile projects re-read this file: give them the same choices.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES WASI_SDK_PREFIX WAMR_WASI_TRIPLE)

_wamr_find_wasi_toolchain()
if(NOT DEFINED WAMR_WASI_TRIPLE OR WAMR_WASI_TRIPLE STREQUAL "")
  set(WAMR_WASI_TRIPLE "${_wamr_wasi_triple}")
endif()

set(CMAKE_C_COMPILER "${_wamr_wasi_clang}")
set(CMAKE_ASM_COMPILER "${_wamr_wasi_clang}")
if(EXISTS "${_wamr_wasi_clang}++")
  set(CMAKE_CXX_COMPILER "${_wamr_wasi_clang}++")
endif()
set(CMAKE_C_COMPILER_TARGET "${WAMR_WASI_TRIPLE}")
set(CMAKE_CXX_COMPILER_TARGET "${WAMR_WASI_TRIPLE}")
set(CMAKE_ASM_COMPILER_TARGET "${WAMR_WASI_TRIPLE}")
if(NOT _wamr_wasi_sysroot STREQUAL "")
  set(CMAKE_SYSROOT "${_wamr_wasi_sysroot}")
endif()
if(NOT _wamr_wasi_ar STREQUAL "")
  set(CMAKE_AR "${_wamr_wasi_ar}" CACHE FILEPATH "Archiver for wasm objects")
endif()
if(NOT _wamr_wasi_ranlib STREQUAL "")
  set(CMAKE_RANLIB "${_wamr_wasi_ranlib}" CACHE FILEPATH "Archive indexer for wasm objects")
endif()

# Host programs are never wasm.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
