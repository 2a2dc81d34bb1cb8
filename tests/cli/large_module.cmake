# A module of several MiB, generated at test time: the checker reads it the way it reads
# large files (one read into huge pages where the system has them) and walks its bodies
# in parts on threads.  The counts must be the generator's, and a check in both
# modes must succeed: the interpreter keeps the .wasm as the module buffer, AOT
# without an .aot bounds the .aot it would keep (more than the .wasm).
#   -DGEN=<wb_gen_module> -DTOOL=<wamr-budget> -DOUT=<dir>
cmake_minimum_required(VERSION 3.25)

set(module "${OUT}/large.wasm")
execute_process(COMMAND "${GEN}" "${module}" 9 RESULT_VARIABLE rc OUTPUT_VARIABLE gen_out)
if(NOT rc EQUAL 0 OR NOT gen_out MATCHES ": ([0-9]+) bytes, ([0-9]+) functions")
  message(FATAL_ERROR "the generator failed (${rc}): ${gen_out}")
endif()
set(bytes ${CMAKE_MATCH_1})
set(functions ${CMAKE_MATCH_2})
if(bytes LESS 8388608)
  message(FATAL_ERROR "the module is ${bytes} bytes: too small to take the large-file path")
endif()

execute_process(COMMAND "${TOOL}" inspect "${module}" RESULT_VARIABLE rc OUTPUT_VARIABLE out
  ERROR_VARIABLE err)
message(STATUS "inspect: exit code ${rc}\n${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "inspect failed")
endif()
if(NOT out MATCHES "file bytes +${bytes}\n" OR NOT out MATCHES "functions +${functions} defined")
  message(FATAL_ERROR "inspect does not report the generator's ${bytes} bytes and ${functions} functions")
endif()

# a runtime with the classic interpreter, for its replay in parts
file(WRITE "${OUT}/large-classic.profile"
  "include = linux-x86_64\nname = large-classic\nmodes = aot classic-interp\n")
foreach(mode aot fast-interp classic-interp)
  set(profile linux-x86_64)
  if(mode STREQUAL "classic-interp")
    set(profile "${OUT}/large-classic.profile")
  endif()
  execute_process(COMMAND "${TOOL}" check "${module}" --profile ${profile} --budget 1G
    --mode ${mode} --json "${OUT}/large-${mode}.json"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message(STATUS "check --mode ${mode}: exit code ${rc}\n${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "check --mode ${mode} failed")
  endif()
  file(READ "${OUT}/large-${mode}.json" json)
  string(JSON buffer GET "${json}" estimate module_buffer)
  string(JSON analysed GET "${json}" stack analysed)
  if(mode STREQUAL "aot")
    set(buffer_ok FALSE)
    if(buffer GREATER bytes)
      set(buffer_ok TRUE)
    endif()
    set(expected "more than ${bytes}")
  else()
    set(buffer_ok FALSE)
    if(buffer EQUAL bytes)
      set(buffer_ok TRUE)
    endif()
    set(expected "${bytes}")
  endif()
  if(NOT buffer_ok OR NOT analysed)
    message(FATAL_ERROR "check --mode ${mode}: module buffer ${buffer} (expected ${expected}), "
      "stack analysed ${analysed}")
  endif()
  # the interpreters' frames come from the replays in parts: an operand bound
  # (the generated module recurses, so the reason)
  string(JSON operand GET "${json}" operand_stack analysed)
  string(JSON reason GET "${json}" operand_stack unbounded_reason)
  if(NOT mode STREQUAL "aot" AND (NOT operand OR reason STREQUAL ""))
    message(FATAL_ERROR "check --mode ${mode}: operand stack analysed ${operand}, reason '${reason}'")
  endif()
endforeach()
file(REMOVE "${module}")
