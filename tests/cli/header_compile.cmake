# The generated header compiles into a host C program whose constants equal the JSON.
#   -DTOOL= -DMODULE= -DPROFILE= -DMODE= -DBUDGET= -DCC=<host C compiler> -DWORK=<dir>
cmake_minimum_required(VERSION 3.25)

file(MAKE_DIRECTORY "${WORK}")
set(h "${WORK}/app_budget.h")
set(j "${WORK}/app.json")
execute_process(COMMAND "${TOOL}" check "${MODULE}" --profile "${PROFILE}" --mode "${MODE}"
  --budget "${BUDGET}" --stack-size 8K --json "${j}" --header "${h}" --prefix app --quiet
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "check did not pass (${rc}): ${err}")
endif()
file(READ "${j}" json)
string(JSON stack GET "${json}" settings stack_size)
string(JSON heap GET "${json}" settings heap_size)
string(JSON pages GET "${json}" settings memory_max_pages)
string(JSON pool GET "${json}" estimate recommended_pool)
string(JSON total GET "${json}" estimate total)
string(JSON budget GET "${json}" budget)
string(JSON profile GET "${json}" profile)
if(NOT stack EQUAL 8192)
  message(FATAL_ERROR "--stack-size 8K gave stack_size ${stack}")
endif()

file(WRITE "${WORK}/host.c" "
#include <stdio.h>
#include <string.h>
#include \"app_budget.h\"
_Static_assert(APP_STACK_SIZE == ${stack}u, \"stack_size\");
_Static_assert(APP_HEAP_SIZE == ${heap}u, \"heap_size\");
_Static_assert(APP_MAX_MEMORY_PAGES == ${pages}u, \"max pages\");
_Static_assert(APP_GLOBAL_HEAP_POOL_SIZE == ${pool}u, \"pool\");
_Static_assert(APP_ESTIMATE_TOTAL == ${total}u, \"total\");
_Static_assert(APP_BUDGET == ${budget}u, \"budget\");
_Static_assert(APP_ESTIMATE_TOTAL <= APP_BUDGET, \"fits\");
char pool[APP_GLOBAL_HEAP_POOL_SIZE]; /* RuntimeInitArgs.mem_alloc_option.pool.heap_buf */
int main(void)
{
    unsigned stack_size = APP_STACK_SIZE, heap_size = APP_HEAP_SIZE;
    if (strcmp(APP_PROFILE, \"${profile}\") != 0)
        return 1;
    pool[0] = 1;
    printf(\"pool %zu stack %u heap %u pages %u\\n\", sizeof pool, stack_size, heap_size,
           (unsigned)APP_MAX_MEMORY_PAGES);
    return 0;
}
")
execute_process(COMMAND "${CC}" -std=c11 -Wall -Wextra -Werror -o "${WORK}/host" "${WORK}/host.c"
  WORKING_DIRECTORY "${WORK}" RESULT_VARIABLE crc OUTPUT_VARIABLE cout ERROR_VARIABLE cerr)
if(NOT crc EQUAL 0)
  message(FATAL_ERROR "the generated header does not compile:\n${cout}${cerr}")
endif()
execute_process(COMMAND "${WORK}/host" RESULT_VARIABLE hrc OUTPUT_VARIABLE hout)
if(NOT hrc EQUAL 0)
  message(FATAL_ERROR "host program failed (${hrc}): ${hout}")
endif()
message(STATUS "${hout}")
