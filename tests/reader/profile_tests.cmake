# Target profiles: every shipped profile parses and checks, every error class
# names its line and reason, includes resolve and stop on cycles.
add_executable(test_profile test_profile.c)
target_link_libraries(test_profile PRIVATE wamr_budget_core)
set_target_properties(test_profile PROPERTIES C_STANDARD 11 C_STANDARD_REQUIRED ON
  C_EXTENSIONS OFF)
target_compile_definitions(test_profile PRIVATE _POSIX_C_SOURCE=200809L)
target_compile_options(test_profile PRIVATE -Wall -Wextra -Wshadow -Wstrict-prototypes
  -Wmissing-prototypes -Wvla -Wformat=2 -Wconversion -Wno-sign-conversion
  $<$<BOOL:${WAMR_BUDGET_WERROR}>:-Werror>)

add_test(NAME reader.profile
  COMMAND test_profile "${WAMR_BUDGET_PROFILE_DIR}" "${WB_TEST_DATA}/profiles")
