# One AssemblyScript runtime: sensor.ts compiled with asc twice, as asc links
# by default (memory without a maximum) and with --maximumMemory, each
# checked: the real error (no maximum) is reported, nothing else is, and the
# report says the module has no aux stack.
#   cmake -DASC=<path or empty> -DPREFIX=<npm prefix> -DTOOL=<wamr-budget>
#         -DSRC=<sensor.ts> -DRUNTIME=stub|minimal|incremental -DWORK=<dir>
#         -DCHECK=<check_codes.cmake> -P as_case.cmake
cmake_minimum_required(VERSION 3.25)
set(asc "${ASC}")
if(NOT asc)
  set(asc "${PREFIX}/node_modules/.bin/asc")
endif()
if(NOT EXISTS "${asc}")
  message("SKIPPED: no AssemblyScript compiler (${asc}): the test producers.as.install "
    "says why")
  return()
endif()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

set(none "aux stack \\(C shadow stack\\): none")
foreach(variant IN ITEMS unbounded bounded)
  set(wasm "${WORK}/sensor-${RUNTIME}-${variant}.wasm")
  set(flags --runtime "${RUNTIME}" -O3)
  if(variant STREQUAL "bounded")
    list(APPEND flags --maximumMemory 2)
  endif()
  execute_process(COMMAND "${asc}" "${SRC}" ${flags} --outFile "${wasm}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message("---- asc ${SRC} ${flags}: exit ${rc}\n${out}${err}")
  if(NOT rc EQUAL 0 OR NOT EXISTS "${wasm}")
    message(FATAL_ERROR "asc failed")
  endif()
endforeach()

# name, arguments, exit code, errors, warnings, notes
set(checks
  "fast-interp, no maximum|${WORK}/sensor-${RUNTIME}-unbounded.wasm|--mode|fast-interp|1|memory-unbounded,over-budget||operand-stack-unused,names-missing"
  "fast-interp|${WORK}/sensor-${RUNTIME}-bounded.wasm|--mode|fast-interp|0|||operand-stack-unused,names-missing"
  "aot (estimated)|${WORK}/sensor-${RUNTIME}-bounded.wasm|--mode|aot|0|||aot-code-estimated,operand-stack-unused,names-missing")
set(failed "")
foreach(c IN LISTS checks)
  string(REPLACE "|" ";" c "${c}")
  list(GET c 0 what)
  list(GET c 1 wasm)
  list(GET c 2 o1)
  list(GET c 3 o2)
  list(GET c 4 rc_want)
  list(GET c 5 errors)
  list(GET c 6 warnings)
  list(GET c 7 notes)
  execute_process(COMMAND "${CMAKE_COMMAND}" "-DTOOL=${TOOL}"
      "-DARGS=check|${wasm}|--profile|esp32s3|--budget|384K|${o1}|${o2}"
      "-DEXPECT_RC=${rc_want}" "-DERRORS=${errors}" "-DWARNINGS=${warnings}" "-DNOTES=${notes}"
      "-DSTDOUT_REGEX=${none}" -P "${CHECK}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message("==== ${RUNTIME}, ${what}:\n${out}${err}")
  if(NOT rc EQUAL 0)
    list(APPEND failed "${what}")
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "FAILED (${RUNTIME} runtime): ${failed}")
endif()
message("PASSED: ${RUNTIME} runtime")
