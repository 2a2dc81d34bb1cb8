# STACK_SIZE AUTO: bound the aux stack of a probe link and write the clang response
# file the module links with.  Run as
#   cmake -DWAMR_CHECKER=<wamr-budget> -DWAMR_WASM=<probe.wasm> -DWAMR_OUTPUT=<file.rsp>
#         -DWAMR_MARGIN=<bytes> -DWAMR_NAME=<module> [-DWAMR_ANNOTATIONS=<file>]
#         -P WamrBudgetStackAuto.cmake
# The stack size is the bound plus the margin, rounded up to 16 (wasm-ld's alignment).

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
math(EXPR size "(${out} + ${WAMR_MARGIN} + 15) / 16 * 16")
if(size LESS 16)
  set(size 16)
endif()
message(STATUS "wamr-budget: ${WAMR_NAME}: aux stack bound ${out} B + margin ${WAMR_MARGIN} B "
  "-> -z stack-size=${size}")
file(WRITE "${WAMR_OUTPUT}" "-Wl,-z,stack-size=${size}\n")
