# Golden test of the report: every pool row and the total equal the JSON figures,
# the RAM bar's percentage is total/budget, and every contract field is a number.
#   -DTOOL= -DMODULE= -DPROFILE= -DMODE= -DBUDGET= -DWORK=<dir>
cmake_minimum_required(VERSION 3.25)

file(MAKE_DIRECTORY "${WORK}")
set(json_file "${WORK}/report.json")
execute_process(COMMAND "${TOOL}" check "${MODULE}" --profile "${PROFILE}" --mode "${MODE}"
  --budget "${BUDGET}" --json "${json_file}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "exit ${rc}\n${out}\n${err}")
if(NOT rc MATCHES "^[01]$")
  message(FATAL_ERROR "check failed to run: ${rc}")
endif()
file(READ "${json_file}" json)

set(contract runtime_init module_load module_load_peak exec_memory instance exec_env
  per_thread linear_memory_initial linear_memory_max native_stacks module_buffer total)
foreach(f IN LISTS contract)
  string(JSON v GET "${json}" estimate ${f})
  if(NOT v MATCHES "^[0-9]+$")
    message(FATAL_ERROR "estimate.${f} is not a byte count: '${v}'")
  endif()
  set(est_${f} ${v})
endforeach()
foreach(f budget fits diagnostics)
  string(JSON t TYPE "${json}" ${f})
endforeach()
string(JSON est_global_heap_peak GET "${json}" estimate global_heap_peak)
# executable memory counts in the total at its load peak (text and data
# mapped twice while relocating); the row shows that figure
string(JSON est_exec_memory_peak GET "${json}" estimate exec_memory_peak)
if(est_exec_memory_peak LESS est_exec_memory)
  set(est_exec_memory_peak ${est_exec_memory})
endif()

# rows: "  <name>   1,234 B  detail"
set(rows "global heap \\(peak\\)=global_heap_peak" "executable memory=exec_memory_peak"
  "linear memory=linear_memory_max" "native stacks=native_stacks"
  "module buffer=module_buffer" "total=total")
foreach(r IN LISTS rows)
  string(REPLACE "=" ";" r "${r}")
  list(GET r 0 name)
  list(GET r 1 field)
  if(NOT out MATCHES "\n  ${name} +([0-9,]+) B")
    message(FATAL_ERROR "report has no row '${name}'")
  endif()
  string(REPLACE "," "" shown "${CMAKE_MATCH_1}")
  if(NOT shown STREQUAL est_${field})
    message(FATAL_ERROR "report row '${name}' shows ${shown}, JSON estimate.${field} is ${est_${field}}")
  endif()
endforeach()

# the RAM bar: percentage of the budget, one decimal
string(JSON budget GET "${json}" budget)
math(EXPR permille "(${est_total} * 1000 + ${budget} / 2) / ${budget}")
if(NOT out MATCHES "RAM \\[[#.]+\\] +([0-9]+)\\.([0-9])% of ([0-9,]+) B budget")
  message(FATAL_ERROR "report has no RAM bar")
endif()
math(EXPR shown_permille "${CMAKE_MATCH_1} * 10 + ${CMAKE_MATCH_2}")
math(EXPR diff "${shown_permille} - ${permille}")
if(diff GREATER 1 OR diff LESS -1)
  message(FATAL_ERROR "RAM bar shows ${shown_permille} permille, expected ${permille}")
endif()
if(est_total GREATER budget)
  if(NOT out MATCHES "over budget by ([0-9,]+) B")
    message(FATAL_ERROR "report does not say by how much it is over budget")
  endif()
else()
  if(NOT out MATCHES "headroom ([0-9,]+) B")
    message(FATAL_ERROR "report shows no headroom")
  endif()
  string(REPLACE "," "" headroom "${CMAKE_MATCH_1}")
  math(EXPR want "${budget} - ${est_total}")
  if(NOT headroom EQUAL want)
    message(FATAL_ERROR "headroom ${headroom}, expected ${want}")
  endif()
endif()

# the total is the sum of the pools, each counted once; a pool paid from the
# global heap says so on its row
set(sum 0)
foreach(pool global_heap exec_memory linear_memory native_stack module_buffer)
  string(JSON v GET "${json}" estimate pools ${pool})
  math(EXPR sum "${sum} + ${v}")
endforeach()
if(NOT sum EQUAL est_total)
  message(FATAL_ERROR "pools add up to ${sum}, total is ${est_total}")
endif()
# and the rows a person reads add up to the total too: every row not paid
# from the global heap counts once
set(row_sum ${est_global_heap_peak})
foreach(r "executable memory=exec_memory_peak" "linear memory=linear_memory_max"
    "native stacks=native_stacks" "module buffer=module_buffer")
  string(REPLACE "=" ";" r "${r}")
  list(GET r 0 name)
  list(GET r 1 field)
  if(NOT out MATCHES "\n  ${name} [^\n]*inside the global heap")
    math(EXPR row_sum "${row_sum} + ${est_${field}}")
  endif()
endforeach()
if(NOT row_sum EQUAL est_total)
  message(FATAL_ERROR "the report's rows add up to ${row_sum}, its total is ${est_total}")
endif()
string(JSON buf_pool GET "${json}" estimate pools module_buffer)
if(buf_pool EQUAL 0 AND est_module_buffer GREATER 0 AND NOT out MATCHES "module buffer[^\n]*inside the global heap")
  message(FATAL_ERROR "the module buffer is kept in the global heap but its row does not say so")
endif()
string(JSON lin_pool GET "${json}" estimate pools linear_memory)
if(lin_pool EQUAL 0 AND est_linear_memory_max GREATER 0 AND NOT out MATCHES "linear memory[^\n]*inside the global heap")
  message(FATAL_ERROR "linear memory is paid from the global heap but its row does not say so")
endif()
