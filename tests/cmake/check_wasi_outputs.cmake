# Checks what the WASI sample project's build left: JSON, header, STACK_SIZE AUTO.
cmake_minimum_required(VERSION 3.25)
#   -DDIR=<build dir> -DCHECKER=<wamr-budget> -DSOURCE=<the sample project's sources>
set(bad "")
macro(expect what got want)
  if(NOT "${got}" STREQUAL "${want}")
    list(APPEND bad "${what}: ${got}, expected ${want}")
  endif()
endmacro()

# fits: the JSON holds the settings of the call, in bytes and pages.
file(READ "${DIR}/fits.budget.json" json)
string(JSON fits GET "${json}" fits)
string(JSON budget GET "${json}" budget)
string(JSON total GET "${json}" estimate total)
expect("fits.fits" "${fits}" ON)
expect("fits.budget" "${budget}" 4194304)
string(JSON v GET "${json}" settings stack_size)
expect("fits.settings.stack_size (WASM_STACK_SIZE 8K)" "${v}" 8192)
string(JSON v GET "${json}" settings heap_size)
expect("fits.settings.heap_size" "${v}" 0)
string(JSON v GET "${json}" settings memory_initial_pages)
expect("fits.settings.memory_initial_pages (192K)" "${v}" 3)
string(JSON v GET "${json}" settings memory_max_pages)
expect("fits.settings.memory_max_pages (256K)" "${v}" 4)
if(total GREATER budget)
  list(APPEND bad "fits: total ${total} above budget ${budget} yet the build passed")
endif()

# The header exists (written only when the module fits) and agrees with the JSON.
if(NOT EXISTS "${DIR}/fits_budget.h")
  list(APPEND bad "fits_budget.h was not generated")
else()
  file(READ "${DIR}/fits_budget.h" header)
  if(NOT header MATCHES "#define FITS_BUDGET 4194304u")
    list(APPEND bad "fits_budget.h: no FITS_BUDGET 4194304u")
  endif()
  if(NOT header MATCHES "#define FITS_ESTIMATE_TOTAL ${total}u")
    list(APPEND bad "fits_budget.h: FITS_ESTIMATE_TOTAL is not the JSON total ${total}")
  endif()
endif()

# workers: two threads checked.
file(READ "${DIR}/workers.budget.json" json)
string(JSON v GET "${json}" settings threads)
expect("workers.settings.threads" "${v}" 2)

# chain: STACK_SIZE AUTO linked with the probe's bound + 256 rounded up to 16.
execute_process(COMMAND "${CHECKER}" stack-bound "${DIR}/wamr-budget/chain/_wamr_chain_probe.wasm"
  OUTPUT_VARIABLE bound OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT bound MATCHES "^[0-9]+$")
  list(APPEND bad "stack-bound of the chain probe failed (${rc}): ${bound}")
else()
  if(bound LESS 1800)
    list(APPEND bad "chain: bound ${bound} is below its three frames (200 + 600 + 1000 bytes)")
  endif()
  math(EXPR want "(${bound} + 256 + 15) / 16 * 16")
  file(READ "${DIR}/wamr-budget/chain/stack-size.rsp" rsp)
  string(STRIP "${rsp}" rsp)
  expect("chain stack-size.rsp" "${rsp}" "-Wl,-z,stack-size=${want}")
  file(READ "${DIR}/chain.budget.json" json)
  string(JSON v GET "${json}" settings aux_stack_bytes)
  expect("chain.settings.aux_stack_bytes" "${v}" "${want}")
endif()

# recurse: WASM_STACK_SIZE AUTO is the operand-stack bound (with the
# annotated depth) + 256 rounded up to 16, in the JSON and the header; the
# aux stack is sized from the same annotation.
execute_process(COMMAND "${CHECKER}" stack-bound "${DIR}/recurse.wasm" --operand
    --profile linux-x86_64 --mode fast-interp --stack-annotations "${SOURCE}/recurse.annotations"
  OUTPUT_VARIABLE obound OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT obound MATCHES "^[0-9]+$")
  list(APPEND bad "stack-bound --operand of recurse failed (${rc}): ${obound}")
else()
  math(EXPR want "(${obound} + 256 + 15) / 16 * 16")
  file(READ "${DIR}/recurse.budget.json" json)
  string(JSON v GET "${json}" settings stack_size)
  expect("recurse.settings.stack_size (WASM_STACK_SIZE AUTO)" "${v}" "${want}")
  string(JSON v GET "${json}" operand_stack max_bytes)
  expect("recurse.operand_stack.max_bytes" "${v}" "${obound}")
  string(JSON v GET "${json}" operand_stack auto)
  expect("recurse.operand_stack.auto" "${v}" ON)
  string(JSON v GET "${json}" stack annotations_used 0 function)
  expect("recurse.stack.annotations_used[0]" "${v}" "walk")
  file(READ "${DIR}/recurse_budget.h" header)
  if(NOT header MATCHES "#define RECURSE_STACK_SIZE ${want}u")
    list(APPEND bad "recurse_budget.h: RECURSE_STACK_SIZE is not ${want}u")
  endif()
  # walk(8) .. walk(0): nine frames of the walker in the operand bound
  if(obound LESS 900)
    list(APPEND bad "recurse: operand bound ${obound} is below nine interpreter frames")
  endif()
endif()

if(bad)
  list(JOIN bad "\n  " bad)
  message(FATAL_ERROR "wasi sample outputs:\n  ${bad}")
endif()
message("all outputs as expected")
