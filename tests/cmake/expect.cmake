# Runs one command and checks its exit code and output, RunCMake style.
#   cmake "-DCOMMAND=<argv|...>" [-DEXPECT_RC=<n>|nonzero] [-DEXPECT_STDERR=<regex>]
#         [-DEXPECT_OUTPUT=<regex>] [-DREJECT_OUTPUT=<regex>] [-DWORKING_DIRECTORY=<dir>]
#         [-DREMOVE=<dir>] -P expect.cmake
# REMOVE is deleted first (a build tree to start from scratch).
# COMMAND separates its arguments with '|'; runs of white space in the output count
# as one space.  EXPECT_STDERR matches standard error
# alone; EXPECT_OUTPUT and REJECT_OUTPUT match standard output and error together
# (a build tool such as ninja reports its commands' diagnostics on its own output).
cmake_minimum_required(VERSION 3.25)
if(NOT DEFINED COMMAND)
  message(FATAL_ERROR "expect.cmake: -DCOMMAND=... is required")
endif()
string(REPLACE "|" ";" COMMAND "${COMMAND}")
if(NOT DEFINED EXPECT_RC)
  set(EXPECT_RC 0)
endif()
if(NOT DEFINED WORKING_DIRECTORY)
  set(WORKING_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}")
endif()
if(DEFINED REMOVE AND NOT REMOVE STREQUAL "")
  file(REMOVE_RECURSE "${REMOVE}")
endif()
execute_process(COMMAND ${COMMAND} WORKING_DIRECTORY "${WORKING_DIRECTORY}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
# Shown in the test log whatever happens.
message("---- command: ${COMMAND}\n---- exit: ${rc}\n---- stdout:\n${out}\n---- stderr:\n${err}")

# CMake wraps long messages: match against the text with its white space collapsed.
string(REGEX REPLACE "[ \t\r\n]+" " " out_flat "${out}")
string(REGEX REPLACE "[ \t\r\n]+" " " err_flat "${err}")
set(out "${out_flat}")
set(err "${err_flat}")

set(failures "")
if(EXPECT_RC STREQUAL "nonzero")
  if(rc EQUAL 0 OR NOT rc MATCHES "^[0-9]+$")
    list(APPEND failures "exit code ${rc}, expected a failure (non-zero)")
  endif()
elseif(NOT rc STREQUAL EXPECT_RC)
  list(APPEND failures "exit code ${rc}, expected ${EXPECT_RC}")
endif()
if(DEFINED EXPECT_STDERR AND NOT err MATCHES "${EXPECT_STDERR}")
  list(APPEND failures "stderr does not match: ${EXPECT_STDERR}")
endif()
if(DEFINED EXPECT_OUTPUT AND NOT "${out}${err}" MATCHES "${EXPECT_OUTPUT}")
  list(APPEND failures "output does not match: ${EXPECT_OUTPUT}")
endif()
if(DEFINED REJECT_OUTPUT AND "${out}${err}" MATCHES "${REJECT_OUTPUT}")
  list(APPEND failures "output matches what it must not: ${REJECT_OUTPUT}")
endif()
if(failures)
  list(JOIN failures "\n  " failures)
  message(FATAL_ERROR "FAILED:\n  ${failures}")
endif()
message("PASSED")
