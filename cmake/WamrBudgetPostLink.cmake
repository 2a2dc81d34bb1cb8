# After the link of a wamr_add_module() target: wasm-opt (and the twin with names),
# wamrc, the budget check, the header and the embedded module.  Run as
#   cmake -DWAMR_SETTINGS=<settings.cmake> -DWAMR_WASM=<module.wasm> -DWAMR_CHECKER=<wamr-budget>
#         -P WamrBudgetPostLink.cmake
# On any failure the module and everything made from it are removed, so the
# next build links and checks again instead of finding a stale, unchecked module.

cmake_minimum_required(VERSION 3.25)

foreach(var IN ITEMS WAMR_SETTINGS WAMR_WASM WAMR_CHECKER)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "WamrBudgetPostLink.cmake: -D${var}=... is required")
  endif()
endforeach()
include("${WAMR_SETTINGS}")

set(_outputs "${WAMR_WASM}")
foreach(f IN ITEMS "${WAMR_AOT_FILE}" "${WAMR_EMBED_OUTPUT}" "${WAMR_HEADER}")
  if(NOT f STREQUAL "")
    list(APPEND _outputs "${f}")
  endif()
endforeach()

# Stop the build, leaving nothing that looks up to date.
function(_wamr_post_link_fail text)
  file(REMOVE ${_outputs})
  message(FATAL_ERROR "wamr-budget: ${text}\n"
    "${WAMR_WASM} was removed: the next build links and checks ${WAMR_NAME} again.")
endfunction()

function(_wamr_run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    list(JOIN ARGN " " cmd)
    _wamr_post_link_fail("${what} failed (${rc}): ${cmd}")
  endif()
endfunction()

# wasm-opt drops the name section unless given -g.  The module for the device
# goes without it (the module buffer is RAM); the report keeps the function
# names through a twin optimised the same way with -g (NAMES_FILE,
# <name>.named.wasm), which the check takes with --names after making sure
# that every other section is the same.  With DEBUG_INFO (no NAMES_FILE) the
# module keeps its names and DWARF itself.
set(_names "")
if(NOT WAMR_OPTIMIZE STREQUAL "")
  set(_g -g)
  if(NOT WAMR_NAMES_FILE STREQUAL "")
    set(_g "")
    file(REMOVE "${WAMR_NAMES_FILE}")
    # only when the link left names to keep (not with --strip-all): wasm-opt
    # -g would otherwise make up names from its own numbering
    execute_process(COMMAND "${WAMR_CHECKER}" inspect "${WAMR_WASM}"
      OUTPUT_VARIABLE _facts ERROR_QUIET)
    if(_facts MATCHES "name section +yes, with function names")
      set(_names "${WAMR_NAMES_FILE}")
      list(APPEND _outputs "${_names}")
      _wamr_run("wasm-opt (keeping names)" "${WAMR_WASM_OPT}" "-${WAMR_OPTIMIZE}" -g
        "${WAMR_WASM}" -o "${_names}")
    endif()
  endif()
  _wamr_run("wasm-opt" "${WAMR_WASM_OPT}" "-${WAMR_OPTIMIZE}" ${_g} "${WAMR_WASM}"
    -o "${WAMR_WASM}.opt")
  file(RENAME "${WAMR_WASM}.opt" "${WAMR_WASM}")
endif()

set(_aot_args "")
if(NOT WAMR_WAMRC STREQUAL "")
  get_filename_component(_su_dir "${WAMR_STACK_USAGE}" DIRECTORY)
  file(MAKE_DIRECTORY "${_su_dir}")
  _wamr_run("wamrc" "${WAMR_WAMRC}" ${WAMR_WAMRC_FLAGS} "--stack-usage=${WAMR_STACK_USAGE}"
    -o "${WAMR_AOT_FILE}" "${WAMR_WASM}")
  list(APPEND _aot_args --aot "${WAMR_AOT_FILE}")
  if(EXISTS "${WAMR_STACK_USAGE}")
    list(APPEND _aot_args --stack-usage "${WAMR_STACK_USAGE}")
  endif()
endif()

set(_check "${WAMR_CHECKER}" check "${WAMR_WASM}" ${_aot_args} --profile "${WAMR_PROFILE}"
  --budget "${WAMR_BUDGET}" --json "${WAMR_JSON}")
if(NOT _names STREQUAL "")
  list(APPEND _check --names "${_names}")
endif()
if(NOT WAMR_MODE STREQUAL "")
  list(APPEND _check --mode "${WAMR_MODE}")
endif()
if(NOT WAMR_WAMR_VERSION STREQUAL "")
  list(APPEND _check --wamr "${WAMR_WAMR_VERSION}")
endif()
if(WAMR_WASM_STACK_SIZE STREQUAL "auto")
  # the interpreter's operand-stack bound + the margin (1 KiB under AOT)
  list(APPEND _check --stack-size auto --stack-margin "${WAMR_WASM_STACK_MARGIN}")
elseif(NOT WAMR_WASM_STACK_SIZE STREQUAL "")
  list(APPEND _check --stack-size "${WAMR_WASM_STACK_SIZE}")
endif()
if(NOT WAMR_STACK_ANNOTATIONS STREQUAL "")
  list(APPEND _check --stack-annotations "${WAMR_STACK_ANNOTATIONS}")
endif()
if(NOT WAMR_HEAP_SIZE STREQUAL "")
  list(APPEND _check --heap-size "${WAMR_HEAP_SIZE}")
endif()
if(WAMR_THREADS GREATER 0)
  list(APPEND _check --threads "${WAMR_THREADS}")
endif()
if(NOT WAMR_HEADER STREQUAL "")
  get_filename_component(_hdir "${WAMR_HEADER}" DIRECTORY)
  file(MAKE_DIRECTORY "${_hdir}")
  list(APPEND _check --header "${WAMR_HEADER}" --prefix "${WAMR_PREFIX}")
endif()
execute_process(COMMAND ${_check} RESULT_VARIABLE _rc)

# The baseline: what changed since it, and whether the growth is within MAX_GROWTH.
# Shown whenever the check ran (a failing check still shows its numbers).
set(_growth_rc 0)
if(NOT WAMR_BASELINE STREQUAL "" AND (_rc EQUAL 0 OR _rc EQUAL 1))
  if(EXISTS "${WAMR_BASELINE}")
    set(_diff "${WAMR_CHECKER}" diff "${WAMR_BASELINE}" "${WAMR_JSON}")
    if(NOT WAMR_MAX_GROWTH STREQUAL "")
      list(APPEND _diff --fail-on-growth "${WAMR_MAX_GROWTH}")
    endif()
    execute_process(COMMAND ${_diff} RESULT_VARIABLE _growth_rc)
  elseif(NOT WAMR_SAVE_BASELINE)
    message(STATUS "wamr-budget: ${WAMR_NAME} has no baseline ${WAMR_BASELINE} yet: "
      "build the target ${WAMR_NAME}-baseline to save this estimate as one.")
  endif()
endif()

if(NOT _rc EQUAL 0)
  if(_rc EQUAL 1)
    set(_why "${WAMR_NAME} does not fit its budget or is misconfigured (see the report above)")
  else()
    set(_why "the check of ${WAMR_NAME} could not run (exit ${_rc}, see above)")
  endif()
  _wamr_post_link_fail("${_why}.")
endif()
if(_growth_rc EQUAL 1)
  _wamr_post_link_fail("the estimate of ${WAMR_NAME} grew by more than MAX_GROWTH ${WAMR_MAX_GROWTH} over the baseline ${WAMR_BASELINE} (see the diff above). If the growth is meant, build the target ${WAMR_NAME}-baseline to accept it.")
elseif(NOT _growth_rc EQUAL 0)
  _wamr_post_link_fail("the baseline ${WAMR_BASELINE} could not be compared (exit ${_growth_rc}, see above): fix it, or build the target ${WAMR_NAME}-baseline to write it again.")
endif()
if(WAMR_SAVE_BASELINE)
  include("${CMAKE_CURRENT_LIST_DIR}/WamrBudgetBaseline.cmake") # what <name>-baseline does
endif()

if(NOT WAMR_EMBED_OUTPUT STREQUAL "")
  set(_payload "${WAMR_WASM}")
  if(NOT WAMR_AOT_FILE STREQUAL "")
    set(_payload "${WAMR_AOT_FILE}")
  endif()
  get_filename_component(_edir "${WAMR_EMBED_OUTPUT}" DIRECTORY)
  file(MAKE_DIRECTORY "${_edir}")
  _wamr_run("embedding the module" "${WAMR_CHECKER}" embed "${_payload}"
    --output "${WAMR_EMBED_OUTPUT}" --symbol "${WAMR_EMBED_SYMBOL}")
endif()
