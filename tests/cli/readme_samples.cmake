# The sample diff and the sample reconciliation in README.md are what the checker prints:
# each "$ wamr-budget ..." block is run on copies of its files and compared line by line.
#   -DTOOL=<wamr-budget> -DREADME=<README.md> -DDATA=<tests/data> -DWORK=<dir>
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
foreach(f json/c01_min.fast-interp.16k.json json/c01_min.fast-interp.32k.json
          device/w245_pool_interp.c01_min_s16384.log calibration/wasm/c01_min.wasm)
  file(COPY "${DATA}/${f}" DESTINATION "${WORK}")
endforeach()

file(READ "${README}" text)
string(REPLACE "\\\n" "" text "${text}") # shell line continuations
set(samples 0)
while(text MATCHES "\n\\$ wamr-budget ([^\n]*)\n(.*)$")
  set(command "${CMAKE_MATCH_1}")
  set(rest "${CMAKE_MATCH_2}")
  string(FIND "${rest}" "\n```" end)
  string(SUBSTRING "${rest}" 0 ${end} expected)
  math(EXPR end "${end} + 4")
  string(SUBSTRING "${rest}" ${end} -1 text)
  separate_arguments(args UNIX_COMMAND "${command}")
  execute_process(COMMAND "${TOOL}" ${args} WORKING_DIRECTORY "${WORK}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  string(REGEX REPLACE "[ \t]+\n" "\n" out "${out}")
  string(REGEX REPLACE "\n+$" "" out "${out}")
  string(REGEX REPLACE "[ \t]+\n" "\n" expected "${expected}")
  if(NOT out STREQUAL expected)
    file(WRITE "${WORK}/expected.txt" "${expected}\n")
    file(WRITE "${WORK}/actual.txt" "${out}\n")
    message(FATAL_ERROR "README's sample of 'wamr-budget ${command}' is not what it prints "
      "(exit ${rc}); compare ${WORK}/expected.txt with ${WORK}/actual.txt:\n${out}\n${err}")
  endif()
  math(EXPR samples "${samples} + 1")
endwhile()
if(samples LESS 2)
  message(FATAL_ERROR "README.md has ${samples} sample command(s), expected the diff and the reconciliation")
endif()
message(STATUS "${samples} README samples as printed")
