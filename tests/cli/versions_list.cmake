# The WAMR versions `wamr-budget --version` lists are the ones the CMake module
# accepts for WAMR_VERSION (WAMR_BUDGET_WAMR_VERSIONS), in the same order.
#   cmake -DTOOL=<wamr-budget> "-DEXPECTED=<v1;v2;...>" -P versions_list.cmake
execute_process(COMMAND "${TOOL}" --version OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "wamr-budget --version exited ${rc}")
endif()
string(REGEX MATCHALL "\n  [^ \n]+ +AOT format [0-9]+ \\(loads [0-9, ]+\\)" rows "${out}")
set(listed "")
foreach(row IN LISTS rows)
  string(REGEX REPLACE "^\n  ([^ ]+) .*" "\\1" name "${row}")
  list(APPEND listed "${name}")
endforeach()
if(NOT listed STREQUAL EXPECTED)
  message(FATAL_ERROR "wamr-budget --version lists '${listed}' but the CMake module accepts "
    "'${EXPECTED}' (WAMR_BUDGET_WAMR_VERSIONS in cmake/WamrBudget.cmake)")
endif()
if(NOT out MATCHES "default 2\\.4\\.5")
  message(FATAL_ERROR "wamr-budget --version does not name the default version:\n${out}")
endif()
# each version says where it comes from; a mapped one why its tables fit
if(NOT out MATCHES "\n  2\\.4\\.4 [^\n]*tables of 2\\.4\\.5\n    tag WAMR-2\\.4\\.4: [^\n]+\n    mapped: [^\n]+")
  message(FATAL_ERROR "wamr-budget --version does not say where 2.4.4 comes from and why it is "
    "mapped:\n${out}")
endif()
