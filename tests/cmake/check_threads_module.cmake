# Checks a wasi-threads module: shared memory with a maximum, thread-spawn import,
cmake_minimum_required(VERSION 3.25)
# wasi_thread_start export.  -DWASM=<file> -DWASM_OBJDUMP=<wasm-objdump>
execute_process(COMMAND "${WASM_OBJDUMP}" -x "${WASM}" OUTPUT_VARIABLE dump RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "wasm-objdump failed on ${WASM}")
endif()
set(bad "")
foreach(want IN ITEMS "<- wasi\\.thread-spawn" "memory\\[0\\] pages: initial=4 max=8 shared"
                      "-> \"wasi_thread_start\"" "-> \"__heap_base\"" "-> \"__data_end\"")
  if(NOT dump MATCHES "${want}")
    list(APPEND bad "${want}")
  endif()
endforeach()
if(bad)
  message(FATAL_ERROR "${WASM} lacks: ${bad}\n${dump}")
endif()
message("threads module as expected")
