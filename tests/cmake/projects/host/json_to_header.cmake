# Writes expected.h: the values of the check's JSON, and the module's file size.
cmake_minimum_required(VERSION 3.25)
#   cmake -DJSON=<module.budget.json> -DMODULE=<module.wasm> -DOUT=<expected.h> -P json_to_header.cmake
file(READ "${JSON}" json)
set(text "/* From ${JSON} */\n")
foreach(pair IN ITEMS
    "STACK_SIZE;settings;stack_size" "HEAP_SIZE;settings;heap_size"
    "MAX_MEMORY_PAGES;settings;memory_max_pages" "BYTES_PER_PAGE;settings;bytes_per_page"
    "MAX_THREADS;settings;threads" "RUNTIME_MAX_THREADS;settings;max_threads"
    "GLOBAL_HEAP_POOL_SIZE;estimate;recommended_pool" "GLOBAL_HEAP_PEAK;estimate;global_heap_peak"
    "LINEAR_MEMORY_MAX;estimate;linear_memory_max" "EXEC_MEMORY;estimate;exec_memory"
    "MODULE_SIZE;estimate;module_buffer" "ESTIMATE_TOTAL;estimate;total")
  list(GET pair 0 macro)
  list(SUBLIST pair 1 -1 path)
  string(JSON value GET "${json}" ${path})
  string(APPEND text "#define EXPECT_${macro} ${value}u\n")
endforeach()
string(JSON budget GET "${json}" budget)
string(JSON fits GET "${json}" fits)
string(JSON profile GET "${json}" profile)
string(JSON mode GET "${json}" mode)
file(SIZE "${MODULE}" module_size)
string(APPEND text "#define EXPECT_BUDGET ${budget}u\n#define EXPECT_FITS \"${fits}\"\n"
  "#define EXPECT_PROFILE \"${profile}\"\n#define EXPECT_MODE \"${mode}\"\n"
  "#define EXPECT_MODULE_FILE_SIZE ${module_size}u\n")
file(WRITE "${OUT}" "${text}")
