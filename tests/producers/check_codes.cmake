# Runs `wamr-budget check` and compares the diagnostics it prints, by
# severity, with the expected codes: no false error, and the real ones.
#   cmake -DTOOL=<wamr-budget> -DARGS=<check arguments separated by |>
#         -DEXPECT_RC=<n> -DERRORS=<code,...> -DWARNINGS=<code,...>
#         -DNOTES=<code,...> [-DSTDOUT_REGEX=<re>] -P check_codes.cmake
# A severity whose variable is not given is not compared.
cmake_minimum_required(VERSION 3.25)
string(REPLACE "|" ";" args "${ARGS}")
execute_process(COMMAND "${TOOL}" ${args} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("---- ${TOOL} ${ARGS}\n---- exit ${rc}\n---- stdout:\n${out}\n---- stderr:\n${err}")

set(failures "")
if(NOT rc STREQUAL "${EXPECT_RC}")
  list(APPEND failures "exit code ${rc}, expected ${EXPECT_RC}")
endif()
if(DEFINED STDOUT_REGEX AND NOT out MATCHES "${STDOUT_REGEX}")
  list(APPEND failures "the report does not match: ${STDOUT_REGEX}")
endif()
foreach(sev IN ITEMS error warning note)
  string(TOUPPER "${sev}S" var)
  if(NOT DEFINED ${var})
    continue()
  endif()
  string(REGEX MATCHALL ": ${sev}\\[[a-z0-9-]+\\]:" found "${err}")
  list(TRANSFORM found REPLACE "^: ${sev}\\[([a-z0-9-]+)\\]:$" "\\1")
  list(SORT found)
  string(REPLACE "," ";" want "${${var}}")
  list(SORT want)
  if(NOT "${found}" STREQUAL "${want}")
    list(APPEND failures "${sev}s: [${found}], expected [${want}]")
  endif()
endforeach()
if(failures)
  list(JOIN failures "\n  " failures)
  message(FATAL_ERROR "FAILED:\n  ${failures}")
endif()
message("PASSED")
