# Touches one source, then builds: -DTOUCH=<file> -DBUILD=<build dir>
cmake_minimum_required(VERSION 3.25)
file(TOUCH "${TOUCH}")
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${BUILD}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "build failed (${rc})")
endif()
