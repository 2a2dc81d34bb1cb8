# Target profiles: every shipped profile parses and checks, every error class
# names its line and reason, includes resolve and stop on cycles.
add_executable(test_profile test_profile.c)
target_link_libraries(test_profile PRIVATE wamr_budget_core)
_wb_c11_target(test_profile)

add_test(NAME reader.profile
  COMMAND test_profile "${WAMR_BUDGET_PROFILE_DIR}" "${WB_TEST_DATA}/profiles")
