# Configures and builds one examples/ project on its own, as a user who copied
# it would, and checks the outcome.
#
#   cmake -DSOURCE=<example dir> -DBINARY=<build dir> -DGENERATOR=<generator>
#         [-DCHECKER=<wamr-budget>] [-DPREFIX=<install prefix> -DCOPY_TO=<dir>]
#         -DEXPECT=pass|fail|threads
#         [-DOUTPUT_REGEX=<regex>...] [-DRUN=<program in BINARY>] [-DRUN_REGEX=<regex>]
#         -P build_example.cmake
#
# CHECKER:        the checker the example's wamr_add_module() runs (the one
#                 this build made, sanitized in the asan preset); without it
#                 the example builds its own from the source tree.
# PREFIX, COPY_TO: the example's folder (with its siblings) is first copied
#                 to COPY_TO, out of this source tree, and finds wamr-budget installed in PREFIX through
#                 find_package, as in a user's own project.
# EXPECT pass:    configure and build succeed; the build output matches each
#                 OUTPUT_REGEX (`|`-free regexes joined with `;;`).
# EXPECT fail:    configure succeeds, the build fails, and its output matches
#                 each OUTPUT_REGEX.
# EXPECT threads: like pass, but when the WASI toolchain has no wasi-threads
#                 sysroot the configure error must say so; the script then
#                 leaves BINARY.skipped, which run_example.sh turns into
#                 exit code 77 (skipped).

foreach(v SOURCE BINARY GENERATOR EXPECT)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "build_example.cmake: ${v} is not set")
  endif()
endforeach()

string(REPLACE ";;" "\n" _regexes "${OUTPUT_REGEX}")
string(REPLACE "\n" ";" _regexes "${_regexes}")

file(REMOVE_RECURSE "${BINARY}")
file(REMOVE "${BINARY}.skipped")

function(_must_match what text)
  foreach(re IN LISTS _regexes)
    if(NOT text MATCHES "${re}")
      message(FATAL_ERROR "${what}: the output does not match '${re}':\n${text}")
    endif()
  endforeach()
endfunction()

set(configure_args "")
if(DEFINED CHECKER AND NOT CHECKER STREQUAL "")
  list(APPEND configure_args "-DWAMR_BUDGET_CHECKER=${CHECKER}")
endif()
if(DEFINED COPY_TO AND NOT COPY_TO STREQUAL "")
  # The whole examples/ folder: host builds ../sensor/sensor.c.
  file(REMOVE_RECURSE "${COPY_TO}")
  file(MAKE_DIRECTORY "${COPY_TO}")
  get_filename_component(parent "${SOURCE}" DIRECTORY)
  get_filename_component(leaf "${SOURCE}" NAME)
  file(COPY "${parent}/" DESTINATION "${COPY_TO}")
  set(SOURCE "${COPY_TO}/${leaf}")
  list(APPEND configure_args "-DCMAKE_PREFIX_PATH=${PREFIX}")
endif()
execute_process(
  COMMAND "${CMAKE_COMMAND}" -S "${SOURCE}" -B "${BINARY}" -G "${GENERATOR}" ${configure_args}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(configure_log "${out}${err}")
if(NOT rc EQUAL 0)
  if(EXPECT STREQUAL "threads"
     AND configure_log MATCHES "wasi-threads"
     AND configure_log MATCHES "wasi-sdk")
    message("${configure_log}")
    message("SKIPPED: the WASI toolchain has no wasi-threads sysroot; install wasi-sdk >= 20 "
            "(it ships the wasm32-wasi-threads / wasm32-wasip1-threads sysroot) and set "
            "WASI_SDK_PREFIX to build this example.")
    # run_example.sh turns the marker into exit code 77, which CTest shows
    # as skipped (SKIP_RETURN_CODE); cmake -P alone cannot exit with 77.
    file(WRITE "${BINARY}.skipped" "no wasi-threads sysroot\n")
    message(FATAL_ERROR "skipped")
  endif()
  message(FATAL_ERROR "configure of ${SOURCE} failed (${rc}):\n${configure_log}")
endif()

execute_process(
  COMMAND "${CMAKE_COMMAND}" --build "${BINARY}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(build_log "${out}${err}")
message("${build_log}")

if(EXPECT STREQUAL "fail")
  if(rc EQUAL 0)
    message(FATAL_ERROR "the build of ${SOURCE} succeeded but must fail")
  endif()
  _must_match("build of ${SOURCE}" "${build_log}")
  # A failed check must leave nothing that looks up to date: build again.
  execute_process(
    COMMAND "${CMAKE_COMMAND}" --build "${BINARY}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(rc EQUAL 0)
    message(FATAL_ERROR "the second build of ${SOURCE} succeeded: the failed module looks up to date")
  endif()
  return()
endif()

if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the build of ${SOURCE} failed (${rc})")
endif()
_must_match("build of ${SOURCE}" "${build_log}")

if(DEFINED RUN AND NOT RUN STREQUAL "")
  file(GLOB_RECURSE program LIST_DIRECTORIES FALSE "${BINARY}/${RUN}")
  list(FILTER program EXCLUDE REGEX "/CMakeFiles/")
  if(NOT program)
    message(FATAL_ERROR "no program '${RUN}' was built in ${BINARY}")
  endif()
  list(GET program 0 program)
  execute_process(COMMAND "${program}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message("${program}:\n${out}${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${program} exited with ${rc}")
  endif()
  if(DEFINED RUN_REGEX)
    string(REPLACE ";;" "\n" _regexes "${RUN_REGEX}")
    string(REPLACE "\n" ";" _regexes "${_regexes}")
    _must_match("${program}" "${out}${err}")
  endif()
endif()
