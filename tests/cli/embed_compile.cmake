# `wamr-budget embed` output compiles, is writable, and holds the module byte for byte.
#   -DTOOL= -DMODULE= -DCC= -DWORK=
cmake_minimum_required(VERSION 3.25)
file(MAKE_DIRECTORY "${WORK}")
execute_process(COMMAND "${TOOL}" embed "${MODULE}" --output "${WORK}/module.c" --symbol app_wasm
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "embed failed (${rc}): ${err}")
endif()
file(READ "${WORK}/module.c" src)
if(NOT src MATCHES "WAMR may patch")
  message(FATAL_ERROR "the generated source does not say why the array is writable")
endif()
file(SIZE "${MODULE}" size)
file(WRITE "${WORK}/main.c" "
#include <stdio.h>
#include <string.h>
extern unsigned char app_wasm[];
extern const unsigned int app_wasm_len;
int main(int argc, char **argv)
{
    FILE *f = fopen(argv[1], \"rb\");
    static unsigned char buf[1 << 20];
    size_t n = f ? fread(buf, 1, sizeof buf, f) : 0;
    (void)argc;
    app_wasm[0] = app_wasm[0]; /* writable */
    if (n != app_wasm_len || n != ${size}u || memcmp(buf, app_wasm, n) != 0)
        return 1;
    return 0;
}
")
execute_process(COMMAND "${CC}" -std=c11 -Wall -Wextra -Werror -o "${WORK}/embed_test" "${WORK}/main.c" "${WORK}/module.c"
  RESULT_VARIABLE crc ERROR_VARIABLE cerr)
if(NOT crc EQUAL 0)
  message(FATAL_ERROR "embedded module does not compile: ${cerr}")
endif()
execute_process(COMMAND "${WORK}/embed_test" "${MODULE}" RESULT_VARIABLE trc)
if(NOT trc EQUAL 0)
  message(FATAL_ERROR "embedded bytes differ from the module")
endif()
