# Makes an AssemblyScript compiler available to the producer tests: the one
# given (WAMR_BUDGET_ASC), else one installed before into PREFIX, else
# `npm install <PACKAGE>` into PREFIX (inside the build tree).  Without npm,
# or when the npm registry cannot be reached, it says why and is skipped;
# the tests that need asc then skip too, saying so.
#   cmake -DASC=<path or empty> -DNPM=<npm or empty> -DPREFIX=<dir>
#         -DPACKAGE=assemblyscript@<version> -P asc_install.cmake
cmake_minimum_required(VERSION 3.25)
if(ASC)
  if(NOT EXISTS "${ASC}")
    message(FATAL_ERROR "WAMR_BUDGET_ASC is ${ASC}, which does not exist")
  endif()
  message("asc: ${ASC} (WAMR_BUDGET_ASC)")
  return()
endif()
set(asc "${PREFIX}/node_modules/.bin/asc")
if(EXISTS "${asc}")
  message("asc: ${asc} (installed before)")
  return()
endif()
if(NOT NPM)
  message("SKIPPED: npm not found, so the AssemblyScript compiler cannot be installed: "
    "install Node.js and npm (apt-get install nodejs npm), or set WAMR_BUDGET_ASC to an asc")
  return()
endif()
file(MAKE_DIRECTORY "${PREFIX}")
execute_process(
  COMMAND "${NPM}" install --prefix "${PREFIX}" --no-save --no-audit --no-fund
          --update-notifier=false --fetch-retries=1 --fetch-timeout=60000 "${PACKAGE}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 600)
if(NOT rc EQUAL 0)
  message("SKIPPED: npm could not install ${PACKAGE} (exit ${rc}; is the npm registry "
    "reachable?):\n${out}${err}")
  return()
endif()
if(NOT EXISTS "${asc}")
  message(FATAL_ERROR "npm installed ${PACKAGE} but there is no ${asc}:\n${out}${err}")
endif()
message("asc: ${asc} (installed from npm: ${PACKAGE})")
