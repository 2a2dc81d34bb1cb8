# A FIFO given as a module or a profile is refused at once (it would block
# the check or never end), and so is a directory.
#   -DTOOL=<wamr-budget> -DGOOD=<a module that fits> -DWORK=<dir>
cmake_minimum_required(VERSION 3.25)

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
find_program(MKFIFO mkfifo)
if(NOT MKFIFO)
  message(STATUS "SKIPPED: mkfifo not found")
  return()
endif()
execute_process(COMMAND "${MKFIFO}" "${WORK}/pipe.wasm" "${WORK}/pipe.profile" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "mkfifo failed")
endif()

function(refused what)
  execute_process(COMMAND "${TOOL}" ${ARGN} TIMEOUT 20
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "not a regular file")
    message(FATAL_ERROR "${what}: exit ${rc} (expected 2, 'not a regular file')\n${err}")
  endif()
endfunction()

refused("a FIFO as the module" inspect "${WORK}/pipe.wasm")
refused("a FIFO as the module of check" check "${WORK}/pipe.wasm" --profile linux-x86_64 --budget 1M)
refused("a FIFO as the profile" check "${GOOD}" --profile "${WORK}/pipe.profile" --budget 1M)
refused("a directory as the module" inspect "${WORK}")
message(STATUS "special files: refused")
