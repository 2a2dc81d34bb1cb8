# The .aot reader: exact facts of wamrc files from the calibration set,
# every prefix and single-byte change of small files (clean error or success).
set(_wb_aot_data "${WB_TEST_DATA}/aot")

add_executable(test_aot test_aot.c)
target_link_libraries(test_aot PRIVATE wamr_budget_core)
set_target_properties(test_aot PROPERTIES C_STANDARD 11 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
target_compile_options(test_aot PRIVATE -Wall -Wextra -Wshadow -Wstrict-prototypes
  -Wmissing-prototypes -Wvla -Wformat=2 -Wconversion -Wno-sign-conversion
  $<$<BOOL:${WAMR_BUDGET_WERROR}>:-Werror>)

# Fixtures larger than 64 KiB are stored xz-compressed and unpacked at build time.
find_program(XZ_EXECUTABLE xz)
set(_wb_aot_xz_dir "")
if(XZ_EXECUTABLE)
  set(_wb_aot_xz_dir "${CMAKE_CURRENT_BINARY_DIR}/aot")
  set(_wb_aot_unpacked "")
  foreach(_f c19_float_mem.x86_64.aot c08_exports_malloc.x86_64.aot)
    add_custom_command(OUTPUT "${_wb_aot_xz_dir}/${_f}"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${_wb_aot_xz_dir}"
      COMMAND ${XZ_EXECUTABLE} -dc "${_wb_aot_data}/${_f}.xz" > "${_wb_aot_xz_dir}/${_f}"
      DEPENDS "${_wb_aot_data}/${_f}.xz"
      COMMENT "Unpacking ${_f}"
      VERBATIM)
    list(APPEND _wb_aot_unpacked "${_wb_aot_xz_dir}/${_f}")
  endforeach()
  add_custom_target(test_aot_fixtures ALL DEPENDS ${_wb_aot_unpacked})
  add_dependencies(test_aot test_aot_fixtures)
else()
  message(STATUS "xz not found: the compressed .aot fixtures are not tested")
endif()

add_test(NAME reader.aot COMMAND test_aot "${_wb_aot_data}" "${_wb_aot_xz_dir}")
