# The .aot reader: exact facts of wamrc files from the calibration set (every AOT format),
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

# Every AOT format (3, 4, 5, 6: format<N>/): the facts of each fixture against
# the measured ones in formats.txt (written by extract_facts.py).
file(GLOB _wb_aot_format_dirs LIST_DIRECTORIES true "${_wb_aot_data}/format*")
set(_wb_aot_formats_dir "${CMAKE_CURRENT_BINARY_DIR}/aot-formats")
set(_wb_aot_format_files "")
set(_wb_aot_format_prepared "")
foreach(_dir IN LISTS _wb_aot_format_dirs)
  if(NOT IS_DIRECTORY "${_dir}")
    continue()
  endif()
  get_filename_component(_format "${_dir}" NAME)
  file(GLOB _files "${_dir}/*.aot" "${_dir}/*.aot.xz")
  wb_test_fixtures(_prepared "${_wb_aot_formats_dir}/${_format}" ${_files})
  list(APPEND _wb_aot_format_prepared ${_prepared})
  foreach(_f IN LISTS _files)
    get_filename_component(_name "${_f}" NAME)
    string(REGEX REPLACE "\\.xz$" "" _name "${_name}")
    list(APPEND _wb_aot_format_files "${_format}/${_name}")
  endforeach()
endforeach()
add_custom_target(test_aot_format_fixtures ALL DEPENDS ${_wb_aot_format_prepared})
add_dependencies(test_aot test_aot_format_fixtures)
if(XZ_EXECUTABLE)
  add_test(NAME reader.aot.formats COMMAND test_aot formats "${_wb_aot_data}/formats.txt"
    "${_wb_aot_formats_dir}" ${_wb_aot_format_files})
else()
  add_test(NAME reader.aot.formats COMMAND test_aot skip
    "xz not found (install xz-utils): the compressed .aot fixtures cannot be unpacked")
endif()
set_tests_properties(reader.aot.formats PROPERTIES SKIP_RETURN_CODE 77)

# Each format's layouts (files read as every other format, an extended
# constant expression spliced in, crafted init data), and every prefix and
# single-byte change of its small files: a clean error or success.
add_test(NAME reader.aot.layouts COMMAND test_aot layouts "${_wb_aot_data}")
