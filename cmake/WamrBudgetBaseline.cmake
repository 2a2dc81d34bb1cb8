# The <name>-baseline target, and SAVE_BASELINE after each check (included by
# WamrBudgetPostLink.cmake): the estimate of the module's last check becomes its
# baseline.  Run as
#   cmake -DWAMR_JSON=<name.budget.json> -DWAMR_BASELINE=<file> -DWAMR_NAME=<name>
#         -P WamrBudgetBaseline.cmake
# It takes the JSON the last build wrote, also when that build failed MAX_GROWTH:
# saving it is how a growth is accepted.

cmake_minimum_required(VERSION 3.25)

foreach(var IN ITEMS WAMR_JSON WAMR_BASELINE WAMR_NAME)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "WamrBudgetBaseline.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT EXISTS "${WAMR_JSON}")
  message(FATAL_ERROR "wamr-budget: ${WAMR_NAME} has no estimate yet (${WAMR_JSON}): build the "
    "target ${WAMR_NAME} first, then ${WAMR_NAME}-baseline.")
endif()
get_filename_component(_dir "${WAMR_BASELINE}" DIRECTORY)
file(MAKE_DIRECTORY "${_dir}")
file(COPY_FILE "${WAMR_JSON}" "${WAMR_BASELINE}" ONLY_IF_DIFFERENT)
message(STATUS "wamr-budget: ${WAMR_BASELINE} is the new baseline of ${WAMR_NAME}")
