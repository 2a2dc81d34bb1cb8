# Installs the CMake package: the module, its scripts, and WamrBudgetConfig.cmake, so
# that consumers can find_package(WamrBudget CONFIG) and get wamr_add_module() and
# the imported WamrBudget::checker.  The checker, profiles and templates are installed
# by their own directories.
include(CMakePackageConfigHelpers)

set(WAMR_BUDGET_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/WamrBudget" CACHE STRING
  "Where the WamrBudget CMake package is installed, relative to the prefix")
set(_wb_profile_dir "${CMAKE_INSTALL_DATADIR}/wamr-budget/profiles")

# The checker is a build tool: it is exported only when built for this machine.
if(TARGET wamr-budget)
  set_target_properties(wamr-budget PROPERTIES EXPORT_NAME checker)
  install(EXPORT WamrBudgetTargets NAMESPACE WamrBudget::
    DESTINATION "${WAMR_BUDGET_INSTALL_CMAKEDIR}")
endif()

configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/WamrBudgetConfig.cmake.in"
  "${CMAKE_CURRENT_BINARY_DIR}/WamrBudgetConfig.cmake"
  INSTALL_DESTINATION "${WAMR_BUDGET_INSTALL_CMAKEDIR}"
  PATH_VARS _wb_profile_dir)
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/WamrBudgetConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}" COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)

install(FILES
  "${CMAKE_CURRENT_LIST_DIR}/WamrBudget.cmake"
  "${CMAKE_CURRENT_LIST_DIR}/WamrBudgetWasi.cmake"
  "${CMAKE_CURRENT_LIST_DIR}/WamrBudgetPostLink.cmake"
  "${CMAKE_CURRENT_LIST_DIR}/WamrBudgetStackAuto.cmake"
  "${CMAKE_CURRENT_LIST_DIR}/WamrBudgetBaseline.cmake"
  "${CMAKE_CURRENT_BINARY_DIR}/WamrBudgetConfig.cmake"
  "${CMAKE_CURRENT_BINARY_DIR}/WamrBudgetConfigVersion.cmake"
  DESTINATION "${WAMR_BUDGET_INSTALL_CMAKEDIR}")
install(DIRECTORY
  "${CMAKE_CURRENT_LIST_DIR}/toolchain"
  "${CMAKE_CURRENT_LIST_DIR}/Platform"
  "${CMAKE_CURRENT_LIST_DIR}/subbuild"
  DESTINATION "${WAMR_BUDGET_INSTALL_CMAKEDIR}")
