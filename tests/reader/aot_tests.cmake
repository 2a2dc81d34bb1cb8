# The .aot reader: exact facts of wamrc files from the calibration set,
# every prefix and single-byte change of small files (clean error or success).
set(_wb_aot_data "${WB_TEST_DATA}/aot")

add_executable(test_aot test_aot.c)
target_link_libraries(test_aot PRIVATE wamr_budget_core)
_wb_c11_target(test_aot)

# Fixtures larger than 64 KiB are stored xz-compressed and unpacked at build time.
set(_wb_aot_xz_dir "")
if(XZ_EXECUTABLE)
  set(_wb_aot_xz_dir "${CMAKE_CURRENT_BINARY_DIR}/aot")
  wb_test_fixtures(_wb_aot_unpacked "${_wb_aot_xz_dir}"
    "${_wb_aot_data}/c19_float_mem.x86_64.aot.xz" "${_wb_aot_data}/c08_exports_malloc.x86_64.aot.xz")
  add_custom_target(test_aot_fixtures ALL DEPENDS ${_wb_aot_unpacked})
  add_dependencies(test_aot test_aot_fixtures)
  wb_test_corpus_dir("${_wb_aot_xz_dir}")
else()
  message(STATUS "xz not found: the compressed .aot fixtures are not tested")
endif()

add_test(NAME reader.aot COMMAND test_aot "${_wb_aot_data}" "${_wb_aot_xz_dir}")
