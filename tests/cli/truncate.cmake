# Writes the first KEEP bytes of IN to OUT (a truncated module fixture).
execute_process(COMMAND head -c ${KEEP} "${IN}" OUTPUT_FILE "${OUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cannot truncate ${IN}")
endif()
