# STACK_SIZE AUTO: bound the aux stack of a probe link and write the clang response
# file the module links with.  Run as
#   cmake -DWAMR_CHECKER=<wamr-budget> -DWAMR_WASM=<probe.wasm> -DWAMR_OUTPUT=<file.rsp>
#         -DWAMR_MARGIN=<bytes> -DWAMR_NAME=<module> [-DWAMR_ANNOTATIONS=<file>]
#         [-DWAMR_SLICES=<n>] -P WamrBudgetStackAuto.cmake
# The stack size is the bound plus the margin, rounded up to 16 (wasm-ld's alignment),
# times WAMR_SLICES (default 1): a runtime with WAMR's lib-pthread and without
# wasi-threads cuts the aux stack into max_threads + 1 slices and runs the main
# thread in one, which must hold the bound and be at least 256 B
# (WASM_THREAD_AUX_STACK_SIZE_MIN).

cmake_minimum_required(VERSION 3.25)

set(_notes "")
if(DEFINED WAMR_ANNOTATIONS AND NOT WAMR_ANNOTATIONS STREQUAL "")
  set(_notes --stack-annotations "${WAMR_ANNOTATIONS}")
endif()
execute_process(COMMAND "${WAMR_CHECKER}" stack-bound "${WAMR_WASM}" ${_notes}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
  OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0 OR NOT out MATCHES "^[0-9]+$")
  file(REMOVE "${WAMR_OUTPUT}")
  message(FATAL_ERROR "wamr-budget: STACK_SIZE AUTO of ${WAMR_NAME}: the aux stack has no "
    "static bound: ${err}\nGive STACK_SIZE a size instead of AUTO, annotate the recursion's "
    "depth or the indirect call's targets (STACK_ANNOTATIONS), or remove the recursion or "
    "dynamic stack allocation named above.")
endif()
if(NOT WAMR_MARGIN MATCHES "^[0-9]+$")
  set(WAMR_MARGIN 0)
endif()
if(NOT WAMR_SLICES MATCHES "^[1-9][0-9]*$")
  set(WAMR_SLICES 1)
endif()
math(EXPR size "(${out} + ${WAMR_MARGIN} + 15) / 16 * 16")
if(size LESS 16)
  set(size 16)
endif()
if(WAMR_SLICES GREATER 1)
  if(size LESS 256)
    set(size 256)
  endif()
  set(slice ${size})
  math(EXPR size "${slice} * ${WAMR_SLICES}")
  message(STATUS "wamr-budget: ${WAMR_NAME}: aux stack bound ${out} B + margin ${WAMR_MARGIN} B "
    "-> a slice of ${slice} B for the main thread, x ${WAMR_SLICES} slices (lib-pthread) "
    "-> -z stack-size=${size}")
else()
  message(STATUS "wamr-budget: ${WAMR_NAME}: aux stack bound ${out} B + margin ${WAMR_MARGIN} B "
    "-> -z stack-size=${size}")
endif()
file(WRITE "${WAMR_OUTPUT}" "-Wl,-z,stack-size=${size}\n")
