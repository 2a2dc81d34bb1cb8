# wasi-sdk discovery and triple choice, against stand-in installations.
#   cmake -DWORK=<scratch dir> -P discovery.cmake
cmake_minimum_required(VERSION 3.25)
include("${CMAKE_CURRENT_LIST_DIR}/../../cmake/WamrBudgetWasi.cmake")
file(REMOVE_RECURSE "${WORK}")

# fake_sdk(<dir> <version file text or ""> <lib triple>...)
function(fake_sdk dir version)
  file(MAKE_DIRECTORY "${dir}/bin")
  file(TOUCH "${dir}/bin/clang")
  if(NOT version STREQUAL "")
    file(WRITE "${dir}/VERSION" "${version}")
  endif()
  foreach(t IN LISTS ARGN)
    file(MAKE_DIRECTORY "${dir}/share/wasi-sysroot/lib/${t}")
    file(TOUCH "${dir}/share/wasi-sysroot/lib/${t}/libc.a")
  endforeach()
endfunction()

set(bad "")
# expect_sdk(<what> <prefix> <version> <triple> <threads triple>)
function(expect_sdk what prefix version triple threads)
  _wamr_find_wasi_toolchain()
  foreach(field IN ITEMS prefix version triple threads)
    set(got_var "_wamr_wasi_${field}")
    if(field STREQUAL "threads")
      set(got_var _wamr_wasi_threads_triple)
    endif()
    if(NOT "${${got_var}}" STREQUAL "${${field}}")
      set(bad "${bad}\n  ${what}: ${field} is '${${got_var}}', expected '${${field}}'" PARENT_SCOPE)
    endif()
  endforeach()
endfunction()

# wasi-sdk 20: wasm32-wasi and wasm32-wasi-threads, version in VERSION.
fake_sdk("${WORK}/wasi-sdk-20.0" "20.0\n" wasm32-wasi wasm32-wasi-threads)
# wasi-sdk 25: both names; the wasip1 ones are preferred.
fake_sdk("${WORK}/sdk25" "wasi-sdk: 25.0\nllvm: 19.1.5\n" wasm32-wasi wasm32-wasip1
  wasm32-wasi-threads wasm32-wasip1-threads)
# wasi-sdk 34 layout: wasip1 names only, no VERSION file: version from the directory.
fake_sdk("${WORK}/wasi-sdk-34.0-x86_64-linux" "" wasm32-wasip1 wasm32-wasip2)

set(WASI_SDK_PREFIX "${WORK}/wasi-sdk-20.0")
expect_sdk("WASI_SDK_PREFIX, wasi-sdk 20" "${WORK}/wasi-sdk-20.0" 20.0 wasm32-wasi wasm32-wasi-threads)
set(WASI_SDK_PREFIX "${WORK}/sdk25")
expect_sdk("WASI_SDK_PREFIX, wasi-sdk 25" "${WORK}/sdk25" 25.0 wasm32-wasip1 wasm32-wasip1-threads)
set(WASI_SDK_PREFIX "")
set(ENV{WASI_SDK_PATH} "${WORK}/wasi-sdk-34.0-x86_64-linux")
expect_sdk("WASI_SDK_PATH, wasi-sdk 34" "${WORK}/wasi-sdk-34.0-x86_64-linux" 34.0 wasm32-wasip1 "")
# The cache variable wins over the environment.
set(WASI_SDK_PREFIX "${WORK}/sdk25")
expect_sdk("WASI_SDK_PREFIX over WASI_SDK_PATH" "${WORK}/sdk25" 25.0 wasm32-wasip1 wasm32-wasip1-threads)

# A prefix without clang is an error naming the variable and the fix.
execute_process(COMMAND "${CMAKE_COMMAND}" "-DWASI_SDK_PREFIX=${WORK}/nothing-here"
  -P "${CMAKE_CURRENT_LIST_DIR}/has_toolchain.cmake"
  RESULT_VARIABLE rc ERROR_VARIABLE err)
string(REGEX REPLACE "[ \t\n]+" " " err "${err}")
if(rc EQUAL 0 OR NOT err MATCHES "WASI_SDK_PREFIX points to '[^']*nothing-here', which has no bin/clang")
  set(bad "${bad}\n  a WASI_SDK_PREFIX without clang gave exit ${rc}: ${err}")
endif()

if(bad)
  message(FATAL_ERROR "discovery:${bad}")
endif()
message("discovery as expected")
