# A failed check leaves nothing a later build could take for a pass, whatever
# made it fail (bad usage, a malformed module, an unknown profile, over
# budget); outputs reached through a symbolic link keep the link; the default
# header prefix keeps every part of a dotted module name.
#   -DTOOL=<wamr-budget> -DGOOD=<a module that fits> -DBAD=<a truncated module> -DWORK=<dir>
cmake_minimum_required(VERSION 3.25)

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(J "${WORK}/out.json")
set(H "${WORK}/out.h")

function(run expect)
  execute_process(COMMAND "${TOOL}" ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc STREQUAL "${expect}")
    message(FATAL_ERROR "wamr-budget ${ARGN}\nexpected exit ${expect}, got ${rc}\n${out}\n${err}")
  endif()
endfunction()

function(expect_gone why)
  foreach(f "${J}" "${H}")
    if(EXISTS "${f}")
      message(FATAL_ERROR "${f} is still there after ${why}")
    endif()
  endforeach()
endfunction()

# a passing run writes both
macro(pass)
  run(0 check "${GOOD}" --profile linux-x86_64 --budget 64M --json "${J}" --header "${H}")
  if(NOT EXISTS "${J}" OR NOT EXISTS "${H}")
    message(FATAL_ERROR "a passing check did not write ${J} and ${H}")
  endif()
endmacro()

pass()
run(2 check "${GOOD}" --profile linux-x86_64 --budget 512Q --json "${J}" --header "${H}")
expect_gone("a bad size")
pass()
run(2 check "${GOOD}" --json "${J}" --header "${H}" --profile linux-x86_64 --bogus)
expect_gone("an unknown option after the outputs")
pass()
run(2 check "${BAD}" --profile linux-x86_64 --budget 64M --json "${J}" --header "${H}")
expect_gone("a malformed module")
pass()
run(2 check "${GOOD}" --profile no-such-board --budget 64M --json "${J}" --header "${H}")
expect_gone("an unknown profile")
pass()
run(2 check "${GOOD}" --profile linux-x86_64 --json "${J}" --header "${H}")
expect_gone("a missing budget")

# over budget: the JSON shows the numbers with fits false, the header goes
pass()
run(1 check "${GOOD}" --profile linux-x86_64 --budget 1K --json "${J}" --header "${H}")
if(EXISTS "${H}")
  message(FATAL_ERROR "the header is still there after an over-budget check")
endif()
file(READ "${J}" json)
string(JSON fits GET "${json}" fits)
if(fits)
  message(FATAL_ERROR "an over-budget check wrote fits = ${fits}")
endif()

# through a symbolic link: the link stays, the file it points to is written,
# and a failed check empties that file
file(WRITE "${WORK}/real.json" "old")
file(CREATE_LINK "real.json" "${WORK}/link.json" SYMBOLIC)
run(0 check "${GOOD}" --profile linux-x86_64 --budget 64M --json "${WORK}/link.json")
if(NOT IS_SYMLINK "${WORK}/link.json")
  message(FATAL_ERROR "the symbolic link link.json was replaced by a file")
endif()
file(READ "${WORK}/real.json" json)
string(JSON schema GET "${json}" schema)
run(2 check "${GOOD}" --profile linux-x86_64 --budget 512Q --json "${WORK}/link.json")
file(SIZE "${WORK}/real.json" left)
if(NOT IS_SYMLINK "${WORK}/link.json" OR NOT left EQUAL 0)
  message(FATAL_ERROR "after a failed check: link kept? real.json has ${left} bytes (expected 0)")
endif()

# the default prefix: "app.v2.wasm" -> APP_V2_..., distinct from app.v1
file(COPY_FILE "${GOOD}" "${WORK}/app.v2.wasm")
run(0 check "${WORK}/app.v2.wasm" --profile linux-x86_64 --budget 64M --header "${WORK}/v2.h")
file(READ "${WORK}/v2.h" header)
if(NOT header MATCHES "#define APP_V2_STACK_SIZE ")
  message(FATAL_ERROR "default prefix of app.v2.wasm is not APP_V2:\n${header}")
endif()
# a prefix ending in _ is not doubled
run(0 check "${GOOD}" --profile linux-x86_64 --budget 64M --header "${WORK}/p.h" --prefix fw_)
file(READ "${WORK}/p.h" header)
if(NOT header MATCHES "#define FW_STACK_SIZE ")
  message(FATAL_ERROR "--prefix fw_ does not give FW_STACK_SIZE:\n${header}")
endif()

# a report that cannot be written is an error, not a pass
if(EXISTS /dev/full)
  execute_process(COMMAND "${TOOL}" check "${GOOD}" --profile linux-x86_64 --budget 64M
    OUTPUT_FILE /dev/full RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "cannot write the report")
    message(FATAL_ERROR "report to a full device: exit ${rc}, expected 2\n${err}")
  endif()
  execute_process(COMMAND "${TOOL}" check "${GOOD}" --profile linux-x86_64 --budget 64M --json -
    OUTPUT_FILE /dev/full RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "cannot write the JSON to standard output")
    message(FATAL_ERROR "JSON to a full device: exit ${rc}, expected 2\n${err}")
  endif()
endif()
message(STATUS "stale outputs: none left by any failed check")
