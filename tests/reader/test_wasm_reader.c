/* Unit tests of the WebAssembly reader: exact facts of fixtures, calibration modules, errors, malformed input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/wb_test.h"
#include "read/wasm_reader.h"

#define SKIP 77

/* Facts by name, so expectations read as a table. */
static int fact(const wb_wasm_facts *f, const char *key, uint64_t *v)
{
#define F(name, expr)                                                                          \
    if (strcmp(key, name) == 0) {                                                              \
        *v = (uint64_t)(expr);                                                                 \
        return 1;                                                                              \
    }
    F("file_bytes", f->file_bytes)
    F("type_count", f->type_count)
    F("type_params_total", f->type_params_total)
    F("type_results_total", f->type_results_total)
    F("import_count", f->import_count)
    F("import_func_count", f->import_func_count)
    F("import_global_count", f->import_global_count)
    F("import_memory_count", f->import_memory_count)
    F("import_global_value_bytes", f->import_global_value_bytes)
    F("import_tag_count", f->import_tag_count)
    F("imports_thread_spawn", f->imports_thread_spawn)
    F("imports_wasi", f->imports_wasi)
    F("func_count", f->func_count)
    F("code_section_bytes", f->section_bytes[10])
    F("code_body_bytes_total", f->code_body_bytes_total)
    F("code_expr_bytes_total", f->code_expr_bytes_total)
    F("code_body_bytes_max", f->code_body_bytes_max)
    F("instruction_count", f->instruction_count)
    F("func_params_total", f->func_params_total)
    F("func_locals_total", f->func_locals_total)
    F("func_locals_max", f->func_locals_max)
    F("func_params_plus_locals_max", f->func_params_plus_locals_max)
    F("func_local_cells_total", f->func_local_cells_total)
    F("funcs_with_params_or_locals", f->funcs_with_params_or_locals)
    F("has_memory_grow", f->has_memory_grow)
    F("has_table_grow", f->has_table_grow)
    F("table_count", f->table_count)
    F("tables_detailed", f->tables_detailed)
    F("table_initial_total", f->table_initial_total)
    F("table_max_total", f->table_max_total)
    F("tables_without_max", f->tables_without_max)
    F("memory_count", f->memory_count)
    F("memory_total", f->memory_total)
    F("memory_imported", f->memory_imported)
    F("memory.initial", f->memory.initial)
    F("memory.max", f->memory.max)
    F("memory.has_max", f->memory.has_max)
    F("memory.shared", f->memory.shared)
    F("memory.is64", f->memory.is64)
    F("memory.has_page_size", f->memory.has_page_size)
    F("memory.page_size_log2", f->memory.page_size_log2)
    F("global_count", f->global_count)
    F("global_mutable_count", f->global_mutable_count)
    F("global_value_bytes", f->global_value_bytes)
    F("stack_pointer_found", f->stack_pointer_found)
    F("stack_pointer_index", f->stack_pointer_index)
    F("stack_pointer_init", f->stack_pointer_init)
    F("export_count", f->export_count)
    F("export_func_count", f->export_func_count)
    F("export_global_count", f->export_global_count)
    F("exports_malloc", f->exports_malloc)
    F("exports_free", f->exports_free)
    F("exports_wasi_thread_start", f->exports_wasi_thread_start)
    F("exports_start", f->exports_start)
    F("exports_initialize", f->exports_initialize)
    F("exports_memory", f->exports_memory)
    F("heap_base.present", f->heap_base.present)
    F("heap_base.usable", f->heap_base.usable)
    F("heap_base", f->heap_base.value)
    F("data_end.present", f->data_end.present)
    F("data_end.usable", f->data_end.usable)
    F("data_end", f->data_end.value)
    F("has_start", f->has_start)
    F("start_function", f->start_function)
    F("elem_segment_count", f->elem_segment_count)
    F("elem_total_elements", f->elem_total_elements)
    F("has_datacount", f->has_datacount)
    F("datacount", f->datacount)
    F("data_segment_count", f->data_segment_count)
    F("data_bytes", f->data_bytes)
    F("data_segment_max_bytes", f->data_segment_max_bytes)
    F("passive_data_segments", f->passive_data_segments)
    F("has_name_section", f->has_name_section)
    F("has_function_names", f->has_function_names)
    F("data_lowest_offset", f->data_lowest_offset)
    F("data_placed_by_global", f->data_placed_by_global)
    F("stack_below_data", f->stack_below_data)
    F("has_target_features", f->has_target_features)
    F("features", f->features)
    F("declared_features", f->declared_features)
    F("custom_section_count", f->custom_section_count)
    F("tag_count", f->tag_count)
    F("ops.br_table_targets", f->ops.br_table_targets)
    F("ops.call_params", f->ops.call_params)
    F("ops.call_results", f->ops.call_results)
    F("ops.call_indirect_params", f->ops.call_indirect_params)
    F("ops.call_indirect_results", f->ops.call_indirect_results)
    F("ops.block_params", f->ops.block_params)
    F("ops.block_results", f->ops.block_results)
    F("ops.select_typed", f->ops.select_typed)
    F("ops.memory_grow", f->ops.op[0x40])
    F("ops.end", f->ops.op[0x0B])
    F("ops.fc", f->ops.op[0xFC])
    F("ops.fd", f->ops.op[0xFD])
    F("ops.fe", f->ops.op[0xFE])
    F("ops.fe.fence", f->ops.fe[0x03])
    F("ops.fe.wait32", f->ops.fe[0x01])
    F("ops.fd.v128_const", f->ops.fd[12])
    F("ops.fd.shuffle", f->ops.fd[13])
    F("ops.fd.relaxed_madd_f64x2", f->ops.fd[0x107])
    F("ops.fc.memory_init", f->ops.fc[8])
    F("ops.fc.table_fill", f->ops.fc[17])
    F("ops.return_call", f->ops.op[0x12])
    F("ops.return_call_indirect", f->ops.op[0x13])
    F("ops.try", f->ops.op[0x06])
    F("ops.delegate", f->ops.op[0x18])
#undef F
    return 0;
}

typedef struct expect {
    const char *file;
    const char *key;
    uint64_t value;
} expect;

/* ---- fixtures assembled from tests/reader/wat (numbers checked by hand and
 * against an independent decoder) ---- */
#define FEAT(x) ((uint64_t)(x))
static const expect wat_expect[] = {
    /* libc.wat: aux-stack globals, malloc/free, memory.grow, a WASI import */
    {"libc.wasm", "type_count", 4},
    {"libc.wasm", "import_func_count", 1},
    {"libc.wasm", "import_global_count", 1},
    {"libc.wasm", "import_global_value_bytes", 4},
    {"libc.wasm", "imports_wasi", 1},
    {"libc.wasm", "imports_thread_spawn", 0},
    {"libc.wasm", "func_count", 3},
    {"libc.wasm", "instruction_count", 28},
    {"libc.wasm", "code_body_bytes_total", 59},
    {"libc.wasm", "code_expr_bytes_total", 50},
    {"libc.wasm", "code_body_bytes_max", 40},
    {"libc.wasm", "func_params_total", 2},
    {"libc.wasm", "func_locals_total", 3},
    {"libc.wasm", "func_local_cells_total", 7}, /* malloc: i32 + i32 + i64 + f64; free: i32 */
    {"libc.wasm", "funcs_with_params_or_locals", 2},
    {"libc.wasm", "has_memory_grow", 1},
    {"libc.wasm", "ops.memory_grow", 1},
    {"libc.wasm", "ops.br_table_targets", 2},
    {"libc.wasm", "ops.call_params", 5},  /* malloc(1) + fd_write(4) */
    {"libc.wasm", "ops.call_results", 2},
    {"libc.wasm", "ops.call_indirect_params", 1},
    {"libc.wasm", "ops.call_indirect_results", 1},
    {"libc.wasm", "ops.block_results", 0},
    {"libc.wasm", "table_count", 1},
    {"libc.wasm", "table_initial_total", 2},
    {"libc.wasm", "table_max_total", 5},
    {"libc.wasm", "memory_total", 1},
    {"libc.wasm", "memory.initial", 2},
    {"libc.wasm", "memory.max", 16},
    {"libc.wasm", "memory.has_max", 1},
    {"libc.wasm", "memory.shared", 0},
    {"libc.wasm", "global_count", 4},
    {"libc.wasm", "global_mutable_count", 2},
    {"libc.wasm", "global_value_bytes", 20},
    {"libc.wasm", "heap_base.present", 1},
    {"libc.wasm", "heap_base.usable", 1},
    {"libc.wasm", "heap_base", 66576},
    {"libc.wasm", "data_end.usable", 1},
    {"libc.wasm", "data_end", 1040},
    {"libc.wasm", "stack_pointer_found", 1},
    {"libc.wasm", "stack_pointer_index", 1}, /* the imported global is index 0 */
    {"libc.wasm", "stack_pointer_init", 66576},
    {"libc.wasm", "exports_malloc", 1},
    {"libc.wasm", "exports_free", 1},
    {"libc.wasm", "exports_start", 1},
    {"libc.wasm", "exports_memory", 1},
    {"libc.wasm", "export_count", 6},
    {"libc.wasm", "elem_segment_count", 1},
    {"libc.wasm", "elem_total_elements", 1},
    {"libc.wasm", "data_segment_count", 1},
    {"libc.wasm", "data_bytes", 14},
    {"libc.wasm", "has_name_section", 1},
    {"libc.wasm", "has_function_names", 1},
    /* the stack (66576) above the data at 1024, as wasm-ld lays it out by default */
    {"libc.wasm", "data_lowest_offset", 1024},
    {"libc.wasm", "data_placed_by_global", 0},
    {"libc.wasm", "stack_below_data", 0},
    {"libc.wasm", "features", 0},
    /* threads.wat: wasi-threads shape, atomics */
    {"threads.wasm", "imports_thread_spawn", 1},
    {"threads.wasm", "exports_wasi_thread_start", 1},
    {"threads.wasm", "memory_imported", 1},
    {"threads.wasm", "import_memory_count", 1},
    {"threads.wasm", "memory.shared", 1},
    {"threads.wasm", "memory.initial", 1},
    {"threads.wasm", "memory.max", 4},
    {"threads.wasm", "instruction_count", 35},
    {"threads.wasm", "code_expr_bytes_total", 76},
    {"threads.wasm", "ops.fe", 8},
    {"threads.wasm", "ops.fe.fence", 1},
    {"threads.wasm", "ops.fe.wait32", 1},
    {"threads.wasm", "has_memory_grow", 0},
    {"threads.wasm", "features", FEAT(WB_FEAT_SHARED_MEMORY | WB_FEAT_ATOMICS)},
    /* simd.wat */
    {"simd.wasm", "instruction_count", 42},
    {"simd.wasm", "code_expr_bytes_total", 131},
    {"simd.wasm", "func_local_cells_total", 5},
    {"simd.wasm", "ops.fd", 12},
    {"simd.wasm", "ops.fd.v128_const", 1},
    {"simd.wasm", "ops.fd.shuffle", 1},
    {"simd.wasm", "ops.fd.relaxed_madd_f64x2", 1},
    {"simd.wasm", "features", FEAT(WB_FEAT_SIMD)},
    /* bulk_ref.wat */
    {"bulk_ref.wasm", "instruction_count", 65},
    {"bulk_ref.wasm", "code_expr_bytes_total", 135},
    {"bulk_ref.wasm", "elem_segment_count", 3},
    {"bulk_ref.wasm", "elem_total_elements", 5},
    {"bulk_ref.wasm", "passive_data_segments", 1},
    {"bulk_ref.wasm", "has_datacount", 1},
    {"bulk_ref.wasm", "datacount", 1},
    {"bulk_ref.wasm", "has_table_grow", 1},
    {"bulk_ref.wasm", "table_count", 2},
    {"bulk_ref.wasm", "ops.fc", 11},
    {"bulk_ref.wasm", "ops.fc.memory_init", 1},
    {"bulk_ref.wasm", "ops.fc.table_fill", 1},
    {"bulk_ref.wasm", "ops.select_typed", 1},
    {"bulk_ref.wasm", "ops.block_params", 2},
    {"bulk_ref.wasm", "ops.block_results", 2},
    {"bulk_ref.wasm", "ops.call_indirect_params", 2},
    {"bulk_ref.wasm", "ops.call_indirect_results", 2},
    {"bulk_ref.wasm", "type_results_total", 3},
    {"bulk_ref.wasm", "features",
     FEAT(WB_FEAT_BULK_MEMORY | WB_FEAT_REFERENCE_TYPES | WB_FEAT_MULTI_VALUE | WB_FEAT_SIGN_EXT |
          WB_FEAT_SAT_CONVERSIONS)},
    /* memory64.wat */
    {"memory64.wasm", "memory.is64", 1},
    {"memory64.wasm", "memory.initial", 1},
    {"memory64.wasm", "memory.max", 2},
    {"memory64.wasm", "instruction_count", 5},
    {"memory64.wasm", "features", FEAT(WB_FEAT_MEMORY64)},
    /* multi_memory.wat */
    {"multi_memory.wasm", "memory_count", 2},
    {"multi_memory.wasm", "memory_total", 2},
    {"multi_memory.wasm", "memory.initial", 1},
    {"multi_memory.wasm", "memory.has_max", 0},
    {"multi_memory.wasm", "data_segment_count", 1},
    {"multi_memory.wasm", "features", FEAT(WB_FEAT_MULTI_MEMORY)},
    /* tail_exc.wat */
    {"tail_exc.wasm", "tag_count", 1},
    {"tail_exc.wasm", "instruction_count", 20},
    {"tail_exc.wasm", "ops.return_call", 1},
    {"tail_exc.wasm", "ops.return_call_indirect", 1},
    {"tail_exc.wasm", "ops.try", 3},
    {"tail_exc.wasm", "ops.delegate", 1},
    {"tail_exc.wasm", "features", FEAT(WB_FEAT_EXCEPTIONS | WB_FEAT_TAIL_CALL)},
    /* stack_pointer.wat: how WAMR picks the aux stack pointer global */
    {"stack_pointer.wasm", "heap_base.usable", 1},
    {"stack_pointer.wasm", "heap_base", 70000},
    {"stack_pointer.wasm", "data_end.present", 1},
    {"stack_pointer.wasm", "data_end.usable", 0}, /* mutable: WAMR ignores it */
    {"stack_pointer.wasm", "stack_pointer_found", 1},
    {"stack_pointer.wasm", "stack_pointer_index", 3}, /* not the imported one, not 200000 */
    {"stack_pointer.wasm", "stack_pointer_init", 65536},
    {"stack_pointer.wasm", "exports_initialize", 1},
    {"stack_pointer.wasm", "features", FEAT(WB_FEAT_MUTABLE_GLOBALS)},
    /* all_sections.wat */
    {"all_sections.wasm", "instruction_count", 31},
    {"all_sections.wasm", "code_expr_bytes_total", 58},
    {"all_sections.wasm", "has_start", 1},
    {"all_sections.wasm", "start_function", 1},
    {"all_sections.wasm", "elem_total_elements", 4},
    {"all_sections.wasm", "data_bytes", 11},
    {"all_sections.wasm", "tag_count", 1},
    {"all_sections.wasm", "heap_base", 8192},
    {"all_sections.wasm", "data_end.present", 0},
    {"all_sections.wasm", "stack_pointer_init", 4096},
    /* an active segment at 16 and a passive one, which has no place */
    {"all_sections.wasm", "data_lowest_offset", 16},
    {"all_sections.wasm", "stack_below_data", 0},
};

static const expect calibration_expect[] = {
    /* c01_min: calibration/measurements.json facts.wasm */
    {"c01_min.wasm", "instruction_count", 5037},
    {"c01_min.wasm", "code_expr_bytes_total", 10714},
    {"c01_min.wasm", "code_body_bytes_total", 10767},
    {"c01_min.wasm", "code_body_bytes_max", 7046},
    {"c01_min.wasm", "func_params_total", 18},
    {"c01_min.wasm", "func_locals_total", 30},
    {"c01_min.wasm", "func_locals_max", 11},
    {"c01_min.wasm", "func_params_plus_locals_max", 12},
    {"c01_min.wasm", "type_count", 4},
    {"c01_min.wasm", "import_func_count", 1},
    {"c01_min.wasm", "func_count", 25},
    {"c01_min.wasm", "global_count", 3},
    {"c01_min.wasm", "global_mutable_count", 1},
    {"c01_min.wasm", "global_value_bytes", 12},
    {"c01_min.wasm", "export_count", 4},
    {"c01_min.wasm", "data_segment_count", 0},
    {"c01_min.wasm", "data_bytes", 0},
    {"c01_min.wasm", "elem_total_elements", 0},
    {"c01_min.wasm", "memory.initial", 2},
    {"c01_min.wasm", "memory.max", 4},
    {"c01_min.wasm", "memory.shared", 0},
    {"c01_min.wasm", "has_memory_grow", 1},
    {"c01_min.wasm", "heap_base", 22016},
    {"c01_min.wasm", "data_end", 5632},
    {"c01_min.wasm", "stack_pointer_init", 22016},
    {"c01_min.wasm", "imports_thread_spawn", 0},
    {"c01_min.wasm", "exports_wasi_thread_start", 0},
    /* no data segment: nothing tells where the data lies */
    {"c01_min.wasm", "data_lowest_offset", UINT64_MAX},
    {"c01_min.wasm", "stack_below_data", 0},
    /* c17_stackfirst: wasm-ld --stack-first, the stack [0, 65536) below the data */
    {"c17_stackfirst.wasm", "stack_pointer_init", 65536},
    {"c17_stackfirst.wasm", "data_lowest_offset", 65536},
    {"c17_stackfirst.wasm", "stack_below_data", 1},
    {"c17_stackfirst.wasm", "has_function_names", 1},
    /* c05_params_locals: calibration/measurements.json facts.wasm */
    {"c05_params_locals.wasm", "instruction_count", 83411},
    {"c05_params_locals.wasm", "code_expr_bytes_total", 195965},
    {"c05_params_locals.wasm", "code_body_bytes_total", 196468},
    {"c05_params_locals.wasm", "code_body_bytes_max", 7046},
    {"c05_params_locals.wasm", "func_params_total", 1008},
    {"c05_params_locals.wasm", "func_locals_total", 8020},
    {"c05_params_locals.wasm", "func_locals_max", 96},
    {"c05_params_locals.wasm", "func_params_plus_locals_max", 108},
    {"c05_params_locals.wasm", "type_count", 7},
    {"c05_params_locals.wasm", "import_func_count", 1},
    {"c05_params_locals.wasm", "func_count", 175},
    {"c05_params_locals.wasm", "global_count", 3},
    {"c05_params_locals.wasm", "global_mutable_count", 1},
    {"c05_params_locals.wasm", "global_value_bytes", 12},
    {"c05_params_locals.wasm", "export_count", 4},
    {"c05_params_locals.wasm", "data_segment_count", 0},
    {"c05_params_locals.wasm", "data_bytes", 0},
    {"c05_params_locals.wasm", "elem_total_elements", 0},
    {"c05_params_locals.wasm", "memory.initial", 1},
    {"c05_params_locals.wasm", "memory.max", 0},
    {"c05_params_locals.wasm", "memory.shared", 0},
    {"c05_params_locals.wasm", "has_memory_grow", 1},
    {"c05_params_locals.wasm", "heap_base", 18432},
    {"c05_params_locals.wasm", "data_end", 2048},
    {"c05_params_locals.wasm", "stack_pointer_init", 18432},
    {"c05_params_locals.wasm", "imports_thread_spawn", 0},
    {"c05_params_locals.wasm", "exports_wasi_thread_start", 0},
    /* c07_imports200: calibration/measurements.json facts.wasm */
    {"c07_imports200.wasm", "instruction_count", 21824},
    {"c07_imports200.wasm", "code_expr_bytes_total", 47070},
    {"c07_imports200.wasm", "code_body_bytes_total", 47215},
    {"c07_imports200.wasm", "code_body_bytes_max", 7046},
    {"c07_imports200.wasm", "func_params_total", 48},
    {"c07_imports200.wasm", "func_locals_total", 61},
    {"c07_imports200.wasm", "func_locals_max", 11},
    {"c07_imports200.wasm", "func_params_plus_locals_max", 12},
    {"c07_imports200.wasm", "type_count", 18},
    {"c07_imports200.wasm", "import_func_count", 201},
    {"c07_imports200.wasm", "func_count", 55},
    {"c07_imports200.wasm", "global_count", 3},
    {"c07_imports200.wasm", "global_mutable_count", 1},
    {"c07_imports200.wasm", "global_value_bytes", 12},
    {"c07_imports200.wasm", "export_count", 4},
    {"c07_imports200.wasm", "data_segment_count", 0},
    {"c07_imports200.wasm", "data_bytes", 0},
    {"c07_imports200.wasm", "elem_total_elements", 0},
    {"c07_imports200.wasm", "memory.initial", 2},
    {"c07_imports200.wasm", "memory.max", 16},
    {"c07_imports200.wasm", "memory.shared", 0},
    {"c07_imports200.wasm", "has_memory_grow", 1},
    {"c07_imports200.wasm", "heap_base", 22016},
    {"c07_imports200.wasm", "data_end", 5632},
    {"c07_imports200.wasm", "stack_pointer_init", 22016},
    {"c07_imports200.wasm", "imports_thread_spawn", 0},
    {"c07_imports200.wasm", "exports_wasi_thread_start", 0},
    /* c09_globals600: calibration/measurements.json facts.wasm */
    {"c09_globals600.wasm", "instruction_count", 13377},
    {"c09_globals600.wasm", "code_expr_bytes_total", 32249},
    {"c09_globals600.wasm", "code_body_bytes_total", 32393},
    {"c09_globals600.wasm", "code_body_bytes_max", 9754},
    {"c09_globals600.wasm", "func_params_total", 49},
    {"c09_globals600.wasm", "func_locals_total", 60},
    {"c09_globals600.wasm", "func_locals_max", 11},
    {"c09_globals600.wasm", "func_params_plus_locals_max", 12},
    {"c09_globals600.wasm", "type_count", 4},
    {"c09_globals600.wasm", "import_func_count", 1},
    {"c09_globals600.wasm", "func_count", 56},
    {"c09_globals600.wasm", "global_count", 603},
    {"c09_globals600.wasm", "global_mutable_count", 601},
    {"c09_globals600.wasm", "global_value_bytes", 3612},
    {"c09_globals600.wasm", "export_count", 4},
    {"c09_globals600.wasm", "data_segment_count", 0},
    {"c09_globals600.wasm", "data_bytes", 0},
    {"c09_globals600.wasm", "elem_total_elements", 0},
    {"c09_globals600.wasm", "memory.initial", 2},
    {"c09_globals600.wasm", "memory.max", 16},
    {"c09_globals600.wasm", "memory.shared", 0},
    {"c09_globals600.wasm", "has_memory_grow", 1},
    {"c09_globals600.wasm", "heap_base", 22016},
    {"c09_globals600.wasm", "data_end", 5632},
    {"c09_globals600.wasm", "stack_pointer_init", 22016},
    {"c09_globals600.wasm", "imports_thread_spawn", 0},
    {"c09_globals600.wasm", "exports_wasi_thread_start", 0},
    /* c16_nogrow: calibration/measurements.json facts.wasm */
    {"c16_nogrow.wasm", "instruction_count", 8598},
    {"c16_nogrow.wasm", "code_expr_bytes_total", 18930},
    {"c16_nogrow.wasm", "code_body_bytes_total", 19084},
    {"c16_nogrow.wasm", "code_body_bytes_max", 380},
    {"c16_nogrow.wasm", "func_params_total", 50},
    {"c16_nogrow.wasm", "func_locals_total", 51},
    {"c16_nogrow.wasm", "func_locals_max", 1},
    {"c16_nogrow.wasm", "func_params_plus_locals_max", 2},
    {"c16_nogrow.wasm", "type_count", 3},
    {"c16_nogrow.wasm", "import_func_count", 0},
    {"c16_nogrow.wasm", "func_count", 52},
    {"c16_nogrow.wasm", "global_count", 3},
    {"c16_nogrow.wasm", "global_mutable_count", 1},
    {"c16_nogrow.wasm", "global_value_bytes", 12},
    {"c16_nogrow.wasm", "export_count", 4},
    {"c16_nogrow.wasm", "data_segment_count", 2},
    {"c16_nogrow.wasm", "data_bytes", 10240},
    {"c16_nogrow.wasm", "elem_total_elements", 0},
    {"c16_nogrow.wasm", "memory.initial", 4},
    {"c16_nogrow.wasm", "memory.max", 0},
    {"c16_nogrow.wasm", "memory.shared", 0},
    {"c16_nogrow.wasm", "has_memory_grow", 0},
    {"c16_nogrow.wasm", "heap_base", 31760},
    {"c16_nogrow.wasm", "data_end", 15368},
    {"c16_nogrow.wasm", "stack_pointer_init", 31760},
    {"c16_nogrow.wasm", "imports_thread_spawn", 0},
    {"c16_nogrow.wasm", "exports_wasi_thread_start", 0},
    /* c18_branchy: calibration/measurements.json facts.wasm */
    {"c18_branchy.wasm", "instruction_count", 111094},
    {"c18_branchy.wasm", "code_expr_bytes_total", 215969},
    {"c18_branchy.wasm", "code_body_bytes_total", 216442},
    {"c18_branchy.wasm", "code_body_bytes_max", 7046},
    {"c18_branchy.wasm", "func_params_total", 158},
    {"c18_branchy.wasm", "func_locals_total", 171},
    {"c18_branchy.wasm", "func_locals_max", 11},
    {"c18_branchy.wasm", "func_params_plus_locals_max", 12},
    {"c18_branchy.wasm", "type_count", 4},
    {"c18_branchy.wasm", "import_func_count", 1},
    {"c18_branchy.wasm", "func_count", 165},
    {"c18_branchy.wasm", "global_count", 3},
    {"c18_branchy.wasm", "global_mutable_count", 1},
    {"c18_branchy.wasm", "global_value_bytes", 12},
    {"c18_branchy.wasm", "export_count", 4},
    {"c18_branchy.wasm", "data_segment_count", 0},
    {"c18_branchy.wasm", "data_bytes", 0},
    {"c18_branchy.wasm", "elem_total_elements", 0},
    {"c18_branchy.wasm", "memory.initial", 2},
    {"c18_branchy.wasm", "memory.max", 16},
    {"c18_branchy.wasm", "memory.shared", 0},
    {"c18_branchy.wasm", "has_memory_grow", 1},
    {"c18_branchy.wasm", "heap_base", 22016},
    {"c18_branchy.wasm", "data_end", 5632},
    {"c18_branchy.wasm", "stack_pointer_init", 22016},
    {"c18_branchy.wasm", "imports_thread_spawn", 0},
    {"c18_branchy.wasm", "exports_wasi_thread_start", 0},
    /* t01_threads1: calibration/measurements.json facts.wasm */
    {"t01_threads1.wasm", "instruction_count", 88},
    {"t01_threads1.wasm", "code_expr_bytes_total", 186},
    {"t01_threads1.wasm", "code_body_bytes_total", 190},
    {"t01_threads1.wasm", "code_body_bytes_max", 122},
    {"t01_threads1.wasm", "func_params_total", 2},
    {"t01_threads1.wasm", "func_locals_total", 2},
    {"t01_threads1.wasm", "func_locals_max", 2},
    {"t01_threads1.wasm", "func_params_plus_locals_max", 2},
    {"t01_threads1.wasm", "type_count", 3},
    {"t01_threads1.wasm", "import_func_count", 1},
    {"t01_threads1.wasm", "func_count", 2},
    {"t01_threads1.wasm", "global_count", 0},
    {"t01_threads1.wasm", "global_mutable_count", 0},
    {"t01_threads1.wasm", "global_value_bytes", 0},
    {"t01_threads1.wasm", "export_count", 3},
    {"t01_threads1.wasm", "data_segment_count", 0},
    {"t01_threads1.wasm", "data_bytes", 0},
    {"t01_threads1.wasm", "elem_total_elements", 0},
    {"t01_threads1.wasm", "memory.initial", 1},
    {"t01_threads1.wasm", "memory.max", 4},
    {"t01_threads1.wasm", "memory.shared", 1},
    {"t01_threads1.wasm", "has_memory_grow", 0},
    {"t01_threads1.wasm", "imports_thread_spawn", 1},
    {"t01_threads1.wasm", "exports_wasi_thread_start", 1},
    /* t02_threads3: calibration/measurements.json facts.wasm */
    {"t02_threads3.wasm", "instruction_count", 2215},
    {"t02_threads3.wasm", "code_expr_bytes_total", 4551},
    {"t02_threads3.wasm", "code_body_bytes_total", 4619},
    {"t02_threads3.wasm", "code_body_bytes_max", 471},
    {"t02_threads3.wasm", "func_params_total", 66},
    {"t02_threads3.wasm", "func_locals_total", 2},
    {"t02_threads3.wasm", "func_locals_max", 2},
    {"t02_threads3.wasm", "func_params_plus_locals_max", 2},
    {"t02_threads3.wasm", "type_count", 3},
    {"t02_threads3.wasm", "import_func_count", 1},
    {"t02_threads3.wasm", "func_count", 66},
    {"t02_threads3.wasm", "global_count", 20},
    {"t02_threads3.wasm", "global_mutable_count", 20},
    {"t02_threads3.wasm", "global_value_bytes", 120},
    {"t02_threads3.wasm", "export_count", 2},
    {"t02_threads3.wasm", "data_segment_count", 1},
    {"t02_threads3.wasm", "data_bytes", 8192},
    {"t02_threads3.wasm", "elem_total_elements", 64},
    {"t02_threads3.wasm", "memory.initial", 2},
    {"t02_threads3.wasm", "memory.max", 64},
    {"t02_threads3.wasm", "memory.shared", 1},
    {"t02_threads3.wasm", "has_memory_grow", 1},
    {"t02_threads3.wasm", "imports_thread_spawn", 1},
    {"t02_threads3.wasm", "exports_wasi_thread_start", 1},
    /* t03_threads2_aux: calibration/measurements.json facts.wasm */
    {"t03_threads2_aux.wasm", "instruction_count", 6696},
    {"t03_threads2_aux.wasm", "code_expr_bytes_total", 14131},
    {"t03_threads2_aux.wasm", "code_body_bytes_total", 14335},
    {"t03_threads2_aux.wasm", "code_body_bytes_max", 1347},
    {"t03_threads2_aux.wasm", "func_params_total", 202},
    {"t03_threads2_aux.wasm", "func_locals_total", 2},
    {"t03_threads2_aux.wasm", "func_locals_max", 2},
    {"t03_threads2_aux.wasm", "func_params_plus_locals_max", 2},
    {"t03_threads2_aux.wasm", "type_count", 3},
    {"t03_threads2_aux.wasm", "import_func_count", 1},
    {"t03_threads2_aux.wasm", "func_count", 202},
    {"t03_threads2_aux.wasm", "global_count", 7},
    {"t03_threads2_aux.wasm", "global_mutable_count", 5},
    {"t03_threads2_aux.wasm", "global_value_bytes", 36},
    {"t03_threads2_aux.wasm", "export_count", 5},
    {"t03_threads2_aux.wasm", "data_segment_count", 1},
    {"t03_threads2_aux.wasm", "data_bytes", 2048},
    {"t03_threads2_aux.wasm", "elem_total_elements", 16},
    {"t03_threads2_aux.wasm", "memory.initial", 4},
    {"t03_threads2_aux.wasm", "memory.max", 16},
    {"t03_threads2_aux.wasm", "memory.shared", 1},
    {"t03_threads2_aux.wasm", "has_memory_grow", 0},
    {"t03_threads2_aux.wasm", "heap_base", 19456},
    {"t03_threads2_aux.wasm", "data_end", 3072},
    {"t03_threads2_aux.wasm", "stack_pointer_init", 19456},
    {"t03_threads2_aux.wasm", "imports_thread_spawn", 1},
    {"t03_threads2_aux.wasm", "exports_wasi_thread_start", 1},
};

/* The code scan in parts on threads (forced for any code section of two
 * bodies or more) must read exactly what one piece reads: the same result,
 * facts and error. */
static int split_agrees(const uint8_t *b, size_t n, int r, const wb_wasm_facts *f,
                        const wb_error *e)
{
    static wb_wasm_facts g;
    wb_error ge;
    int gr;
    size_t part_bytes = wb_par_part_bytes();
    wb_par_set_part_bytes(1);
    gr = wb_wasm_read(b, n, &g, &ge);
    wb_par_set_part_bytes(part_bytes);
    if (gr != r)
        return 0;
    if (r != 0)
        return ge.offset == e->offset && strcmp(ge.section, e->section) == 0 &&
               strcmp(ge.message, e->message) == 0;
    return memcmp(&g, f, sizeof g) == 0;
}

static int check_table(const char *dir, const expect *tab, size_t n)
{
    const char *loaded = NULL;
    uint8_t *buf = NULL;
    size_t size = 0;
    static wb_wasm_facts f;
    wb_error err;
    int ok = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t v;
        if (loaded == NULL || strcmp(loaded, tab[i].file) != 0) {
            char path[4096];
            free(buf);
            loaded = tab[i].file;
            snprintf(path, sizeof path, "%s/%s", dir, loaded);
            buf = wb_test_load(path, &size);
            ok = 0;
            if (!buf) {
                CHECK(0, "%s: cannot read", path);
                continue;
            }
            ok = wb_wasm_read(buf, size, &f, &err) == 0;
            CHECK(ok, "%s: %s at %zu: %s", path, err.section, err.offset, err.message);
            CHECK(split_agrees(buf, size, ok ? 0 : -1, &f, &err),
                   "%s: the code scan in parts reads something else", path);
        }
        if (!ok)
            continue;
        CHECK(fact(&f, tab[i].key, &v), "unknown fact %s", tab[i].key);
        CHECK(v == tab[i].value, "%s: %s = %llu, expected %llu", tab[i].file, tab[i].key,
               (unsigned long long)v, (unsigned long long)tab[i].value);
    }
    free(buf);
    return 0;
}

/* ---- name section, lookups, code walking ---- */

typedef struct walk {
    const uint8_t *data;
    uint64_t insns;
    uint64_t bodies;
    uint64_t elems;
    int bad;
} walk;

static int count_body(void *ctx, const wb_func_body *b)
{
    walk *w = ctx;
    wb_cursor c = wb_cursor_make(w->data, (size_t)(b->end - w->data));
    c.p = b->expr;
    w->bodies++;
    while (c.ok && c.p < c.end) {
        wb_insn in;
        wb_wasm_decode(&c, &in);
        w->insns++;
    }
    if (!c.ok)
        w->bad++;
    return 0;
}

static int count_elem(void *ctx, uint32_t fi)
{
    walk *w = ctx;
    (void)fi;
    w->elems++;
    return 0;
}

static void test_lookups(const char *dir)
{
    char path[4096];
    size_t size;
    uint8_t *buf;
    static wb_wasm_facts f;
    wb_error err;
    char name[64];
    uint32_t p, r;
    walk w;

    snprintf(path, sizeof path, "%s/libc.wasm", dir);
    buf = wb_test_load(path, &size);
    CHECK(buf != NULL, "cannot read %s", path);
    if (!buf)
        return;
    CHECK(wb_wasm_read(buf, size, &f, &err) == 0, "libc.wasm: %s", err.message);
    /* wat2wasm --debug-names: $fd_write, $start, $malloc, $free */
    CHECK(wb_wasm_func_name(buf, size, &f, 0, name, sizeof name) &&
               strcmp(name, "fd_write") == 0, "name of function 0");
    CHECK(wb_wasm_func_name(buf, size, &f, 2, name, sizeof name) &&
               strcmp(name, "malloc") == 0, "name of function 2");
    CHECK(wb_wasm_func_name(buf, size, &f, 3, name, 3) && strcmp(name, "fr") == 0,
           "name truncated to the buffer");
    CHECK(wb_wasm_func_name(buf, size, &f, 9, name, sizeof name) == NULL, "no name for 9");
    CHECK(wb_wasm_func_type(buf, size, &f, 0) == 1, "type of import 0 = %u",
           wb_wasm_func_type(buf, size, &f, 0));
    CHECK(wb_wasm_func_type(buf, size, &f, 2) == 0, "type of malloc");
    CHECK(wb_wasm_func_type(buf, size, &f, 4) == UINT32_MAX, "type of function 4");
    CHECK(wb_wasm_type_arity(buf, size, &f, 1, &p, &r) == 0 && p == 4 && r == 1,
           "arity of fd_write");
    CHECK(wb_wasm_type_arity(buf, size, &f, 4, &p, &r) == -1, "arity of type 4");
    memset(&w, 0, sizeof w);
    w.data = buf;
    CHECK(wb_wasm_for_each_body(buf, size, &f, count_body, &w) == 0, "walk bodies");
    CHECK(w.bodies == 3 && w.insns == f.instruction_count && w.bad == 0,
           "walk: %llu bodies, %llu instructions", (unsigned long long)w.bodies,
           (unsigned long long)w.insns);
    CHECK(wb_wasm_for_each_elem_func(buf, size, &f, count_elem, &w) == 0 && w.elems == 1,
           "elements");
    free(buf);

    snprintf(path, sizeof path, "%s/bulk_ref.wasm", dir);
    buf = wb_test_load(path, &size);
    CHECK(buf != NULL, "cannot read %s", path);
    if (!buf)
        return;
    CHECK(wb_wasm_read(buf, size, &f, &err) == 0, "bulk_ref.wasm: %s", err.message);
    memset(&w, 0, sizeof w);
    /* $a $b (index form), declare $a, ref.func $a (expression form; ref.null yields nothing) */
    CHECK(wb_wasm_for_each_elem_func(buf, size, &f, count_elem, &w) == 0 && w.elems == 4,
           "bulk_ref elements: %llu", (unsigned long long)w.elems);
    free(buf);
}

/* ---- hand-made modules: custom page size, target_features, errors ---- */

typedef struct mod {
    uint8_t b[512];
    size_t n;
} mod;

static void put(mod *m, const uint8_t *bytes, size_t n)
{
    memcpy(m->b + m->n, bytes, n);
    m->n += n;
}

static void start(mod *m)
{
    static const uint8_t hdr[8] = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};
    m->n = 0;
    put(m, hdr, sizeof hdr);
}

static void section(mod *m, uint8_t id, const uint8_t *payload, size_t n)
{
    m->b[m->n++] = id;
    m->b[m->n++] = (uint8_t)n; /* small payloads only */
    put(m, payload, n);
}

#define SEC(m, id, ...)                                                                        \
    do {                                                                                       \
        static const uint8_t p_[] = {__VA_ARGS__};                                             \
        section((m), (id), p_, sizeof p_);                                                     \
    } while (0)

static void expect_error(const mod *m, const char *sec, const char *needle, size_t offset,
                         const char *what)
{
    static wb_wasm_facts f;
    wb_error e;
    int r = wb_wasm_read(m->b, m->n, &f, &e);
    CHECK(r == -1, "%s: accepted", what);
    if (r != -1)
        return;
    CHECK(e.section && strcmp(e.section, sec) == 0, "%s: section %s, expected %s", what,
           e.section ? e.section : "(null)", sec);
    CHECK(strstr(e.message, needle) != NULL, "%s: message \"%s\" lacks \"%s\"", what, e.message,
           needle);
    CHECK(e.offset == offset, "%s: offset %zu, expected %zu (%s)", what, e.offset, offset,
           e.message);
}

static void test_crafted(void)
{
    static wb_wasm_facts f;
    wb_error e;
    mod m;

    /* custom-page-sizes: memory flags 0x08, page size 2^0, 1 page */
    start(&m);
    SEC(&m, 5, 0x01, 0x08, 0x01, 0x00);
    CHECK(wb_wasm_read(m.b, m.n, &f, &e) == 0, "custom page size: %s", e.message);
    CHECK(f.memory.has_page_size && f.memory.page_size_log2 == 0 && f.memory.initial == 1,
           "custom page size recorded");
    CHECK(f.features & WB_FEAT_CUSTOM_PAGE_SIZE, "custom page size feature");

    /* a page size other than 1 or 65536 bytes is malformed */
    start(&m);
    SEC(&m, 5, 0x01, 0x08, 0x01, 0x0C);
    expect_error(&m, "memory", "bad custom page size 2^12", 13, "page size 2^12");

    /* limits flags are one byte: 0x80 0x00 is not a long form of 0 */
    start(&m);
    SEC(&m, 5, 0x01, 0x80, 0x00, 0x01);
    expect_error(&m, "memory", "bad memory limits flags 0x80", 11, "limits flags as a LEB");

    /* a 64-bit table is table64, not memory64 */
    start(&m);
    SEC(&m, 4, 0x01, 0x70, 0x04, 0x01);
    CHECK(wb_wasm_read(m.b, m.n, &f, &e) == 0, "table64: %s", e.message);
    CHECK((f.features & (WB_FEAT_TABLE64 | WB_FEAT_MEMORY64)) == WB_FEAT_TABLE64,
          "table64 features 0x%x", f.features);

    /* imported malloc and free exported again: WAMR only counts defined
     * functions, so its app heap stays on */
    start(&m);
    SEC(&m, 1, 0x02, 0x60, 0x01, 0x7f, 0x01, 0x7f, 0x60, 0x01, 0x7f, 0x00);
    SEC(&m, 2, 0x02, 0x03, 'e', 'n', 'v', 0x06, 'm', 'a', 'l', 'l', 'o', 'c', 0x00, 0x00,
        0x03, 'e', 'n', 'v', 0x04, 'f', 'r', 'e', 'e', 0x00, 0x01);
    SEC(&m, 7, 0x02, 0x06, 'm', 'a', 'l', 'l', 'o', 'c', 0x00, 0x00, 0x04, 'f', 'r', 'e', 'e',
        0x00, 0x01);
    CHECK(wb_wasm_read(m.b, m.n, &f, &e) == 0, "re-exported imports: %s", e.message);
    CHECK(!f.exports_malloc && !f.exports_free, "imported malloc/free counted as the module's");

    /* names are UTF-8: an overlong '/' (0xC0 0xAF) is not */
    start(&m);
    SEC(&m, 0, 0x02, 0xC0, 0xAF);
    expect_error(&m, "custom", "not valid UTF-8", 11, "custom section name 0xC0 0xAF");
    start(&m); /* a surrogate (U+D800) */
    SEC(&m, 0, 0x03, 0xED, 0xA0, 0x80);
    expect_error(&m, "custom", "not valid UTF-8", 11, "surrogate in a name");
    start(&m); /* U+00E9 and U+1F600 are fine */
    SEC(&m, 0, 0x06, 0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80);
    CHECK(wb_wasm_read(m.b, m.n, &f, &e) == 0, "valid UTF-8 name: %s", e.message);

    /* an export name used twice */
    start(&m);
    SEC(&m, 1, 0x01, 0x60, 0x00, 0x00);
    SEC(&m, 3, 0x01, 0x00);
    SEC(&m, 7, 0x02, 0x01, 'f', 0x00, 0x00, 0x01, 'f', 0x00, 0x00);
    SEC(&m, 10, 0x01, 0x02, 0x00, 0x0B);
    expect_error(&m, "export", "export name \"f\" is used twice", 26, "duplicate export");

    /* the start function takes and returns nothing */
    start(&m);
    SEC(&m, 1, 0x01, 0x60, 0x01, 0x7F, 0x00);
    SEC(&m, 3, 0x01, 0x00);
    SEC(&m, 8, 0x00);
    SEC(&m, 10, 0x01, 0x02, 0x00, 0x0B);
    expect_error(&m, "start", "must take and return nothing", 21, "start function with a param");

    /* global.get in a constant expression names an earlier global */
    start(&m);
    SEC(&m, 6, 0x02, 0x7F, 0x00, 0x23, 0x01, 0x0B, 0x7F, 0x00, 0x41, 0x00, 0x0B);
    expect_error(&m, "global", "global.get 1 in a constant expression", 13, "global.get of a later global");

    /* an active element segment for table 0 needs a table */
    start(&m);
    SEC(&m, 1, 0x01, 0x60, 0x00, 0x00);
    SEC(&m, 3, 0x01, 0x00);
    SEC(&m, 9, 0x01, 0x00, 0x41, 0x00, 0x0B, 0x01, 0x00);
    SEC(&m, 10, 0x01, 0x02, 0x00, 0x0B);
    expect_error(&m, "element", "active segment but no table", 21, "element segment without a table");

    /* shared memory without maximum: invalid */
    start(&m);
    SEC(&m, 5, 0x01, 0x02, 0x01);
    expect_error(&m, "memory", "maximum", 11, "shared without max");

    /* memory64 sizes beyond 32 bits are read, not misread */
    start(&m);
    SEC(&m, 5, 0x01, 0x05, 0x01, 0x80, 0x80, 0x80, 0x80, 0x10);
    CHECK(wb_wasm_read(m.b, m.n, &f, &e) == 0, "memory64 big max: %s", e.message);
    CHECK(f.memory.is64 && f.memory.max == (uint64_t)1 << 32, "memory64 max");
    CHECK(f.features & WB_FEAT_MEMORY64, "memory64 feature");

    /* the same limits on a 32-bit memory are an error */
    start(&m);
    SEC(&m, 5, 0x01, 0x01, 0x01, 0x80, 0x80, 0x80, 0x80, 0x10);
    expect_error(&m, "memory", "LEB128", 18, "32-bit memory max too large");

    /* target_features: +atomics, +bulk-memory, -simd128 (not declared) */
    start(&m);
    SEC(&m, 0, 0x0F, 't', 'a', 'r', 'g', 'e', 't', '_', 'f', 'e', 'a', 't', 'u', 'r', 'e', 's',
        0x03, '+', 0x07, 'a', 't', 'o', 'm', 'i', 'c', 's', '+', 0x0B, 'b', 'u', 'l', 'k', '-',
        'm', 'e', 'm', 'o', 'r', 'y', '-', 0x07, 's', 'i', 'm', 'd', '1', '2', '8');
    CHECK(wb_wasm_read(m.b, m.n, &f, &e) == 0, "target_features: %s", e.message);
    CHECK(f.has_target_features && f.custom_section_count == 1, "target_features seen");
    CHECK(f.declared_features == (WB_FEAT_ATOMICS | WB_FEAT_BULK_MEMORY),
           "declared features 0x%x", f.declared_features);
    /* declared is not used: a build with -mexception-handling that throws
     * nothing loads in WAMR */
    CHECK(f.features == 0, "declared features counted as used: 0x%x", f.features);

    /* a malformed target_features section is advisory: ignored */
    start(&m);
    SEC(&m, 0, 0x0F, 't', 'a', 'r', 'g', 'e', 't', '_', 'f', 'e', 'a', 't', 'u', 'r', 'e', 's',
        0x05, '+', 0x7F);
    CHECK(wb_wasm_read(m.b, m.n, &f, &e) == 0 && !f.has_target_features,
           "bad target_features ignored");

    /* section order: memory (5) after global (6) */
    start(&m);
    SEC(&m, 6, 0x00);
    SEC(&m, 5, 0x00);
    expect_error(&m, "memory", "out of order", 11, "section order");

    /* a repeated section */
    start(&m);
    SEC(&m, 1, 0x00);
    SEC(&m, 1, 0x00);
    expect_error(&m, "type", "out of order or repeated", 11, "repeated section");

    /* section size mismatch: a type section with a byte too many */
    start(&m);
    SEC(&m, 1, 0x01, 0x60, 0x00, 0x00, 0x00);
    expect_error(&m, "type", "section size mismatch", 14, "size mismatch");

    /* a section running past the end of the file */
    start(&m);
    SEC(&m, 1, 0x01, 0x60, 0x00, 0x00);
    m.b[9] = 0x20;
    expect_error(&m, "type", "runs past the end of the file", 8, "truncated section");

    /* unknown section id */
    start(&m);
    SEC(&m, 14, 0x00);
    expect_error(&m, "header", "unknown section id 14", 8, "unknown section");

    /* bad magic, bad version, short file */
    start(&m);
    m.b[1] = 'b';
    expect_error(&m, "header", "bad magic", 0, "magic");
    start(&m);
    m.b[4] = 2;
    expect_error(&m, "header", "version 2", 4, "version");
    start(&m);
    m.n = 5;
    expect_error(&m, "header", "too short", 0, "short");

    /* an unknown opcode is named: type ()->(), one function, body 0x14 0x0B */
    start(&m);
    SEC(&m, 1, 0x01, 0x60, 0x00, 0x00);
    SEC(&m, 3, 0x01, 0x00);
    SEC(&m, 10, 0x01, 0x03, 0x00, 0x14, 0x0B);
    expect_error(&m, "code", "unknown opcode 0x14", 23, "unknown opcode");

    /* an unknown SIMD sub-opcode is named with its number */
    start(&m);
    SEC(&m, 1, 0x01, 0x60, 0x00, 0x00);
    SEC(&m, 3, 0x01, 0x00);
    SEC(&m, 10, 0x01, 0x05, 0x00, 0xFD, 0x9A, 0x01, 0x0B);
    expect_error(&m, "code", "unknown opcode 0xfd 0x9a", 23, "unknown SIMD op");

    /* a body without its final end */
    start(&m);
    SEC(&m, 1, 0x01, 0x60, 0x00, 0x00);
    SEC(&m, 3, 0x01, 0x00);
    SEC(&m, 10, 0x01, 0x03, 0x00, 0x02, 0x40);
    expect_error(&m, "code", "does not end with end", 25, "missing end");

    /* code after the final end */
    start(&m);
    SEC(&m, 1, 0x01, 0x60, 0x00, 0x00);
    SEC(&m, 3, 0x01, 0x00);
    SEC(&m, 10, 0x01, 0x03, 0x00, 0x0B, 0x01);
    expect_error(&m, "code", "continues after its final end", 24, "trailing code");

    /* function and code counts differ */
    start(&m);
    SEC(&m, 1, 0x01, 0x60, 0x00, 0x00);
    SEC(&m, 3, 0x02, 0x00, 0x00);
    SEC(&m, 10, 0x01, 0x02, 0x00, 0x0B);
    expect_error(&m, "code", "declares 2", 21, "count mismatch");

    /* functions without a code section */
    start(&m);
    SEC(&m, 1, 0x01, 0x60, 0x00, 0x00);
    SEC(&m, 3, 0x01, 0x00);
    expect_error(&m, "code", "no code section", m.n, "no code");

    /* a call to a function that does not exist */
    start(&m);
    SEC(&m, 1, 0x01, 0x60, 0x00, 0x00);
    SEC(&m, 3, 0x01, 0x00);
    SEC(&m, 10, 0x01, 0x04, 0x00, 0x10, 0x05, 0x0B);
    expect_error(&m, "code", "call to function 5", 23, "call out of range");

    /* atomic.fence needs its zero byte */
    start(&m);
    SEC(&m, 1, 0x01, 0x60, 0x00, 0x00);
    SEC(&m, 3, 0x01, 0x00);
    SEC(&m, 10, 0x01, 0x05, 0x00, 0xFE, 0x03, 0x01, 0x0B);
    expect_error(&m, "code", "zero byte", 25, "fence byte");

    /* a count that cannot fit: 2^31 types in a 5-byte section */
    start(&m);
    SEC(&m, 1, 0x80, 0x80, 0x80, 0x80, 0x08);
    expect_error(&m, "type", "runs past the end of the section", 10, "huge count");

    /* data count disagrees with the data section */
    start(&m);
    SEC(&m, 5, 0x01, 0x00, 0x01);
    SEC(&m, 12, 0x02);
    SEC(&m, 11, 0x01, 0x01, 0x00);
    expect_error(&m, "data", "data count section says 2", 18, "datacount");

    /* a constant expression with a non-constant opcode */
    start(&m);
    SEC(&m, 6, 0x01, 0x7F, 0x00, 0x20, 0x00, 0x0B);
    expect_error(&m, "global", "not allowed in a constant expression", 13, "const expr");
}

/* ---- malformed input: every prefix and single-byte change ---- */

static uint64_t sink;

static int exercise_body(void *ctx, const wb_func_body *b)
{
    const uint8_t *data = ctx;
    wb_cursor c = wb_cursor_make(data, (size_t)(b->end - data));
    c.p = b->expr;
    while (c.ok && c.p < c.end) {
        wb_insn in;
        wb_wasm_decode(&c, &in);
        sink += in.imm0 + in.opcode;
    }
    return 0;
}

static int exercise_elem(void *ctx, uint32_t fi)
{
    (void)ctx;
    sink += fi;
    return 0;
}

/* Read one candidate: a clean error or a success (then every lookup must
 * stay inside the buffer too). */
static void read_candidate(const uint8_t *b, size_t n, const char *what, size_t pos, int val)
{
    static wb_wasm_facts f;
    wb_error e;
    char name[32];
    int r = wb_wasm_read(b, n, &f, &e);
    CHECK(split_agrees(b, n, r, &f, &e), "%s at %zu (value %d): the code scan in parts "
           "reads something else", what, pos, val);
    if (r != 0) {
        CHECK(r == -1 && e.offset <= n && e.message[0] != '\0' && e.section != NULL,
               "%s at %zu (value %d): unclean error (r=%d offset=%zu)", what, pos, val, r,
               e.offset);
        return;
    }
    wb_wasm_for_each_body(b, n, &f, exercise_body, (void *)b);
    wb_wasm_for_each_elem_func(b, n, &f, exercise_elem, NULL);
    for (uint32_t i = 0; i < f.import_func_count + f.func_count + 2 && i < 64; i++) {
        uint32_t p, q, t;
        if (wb_wasm_func_name(b, n, &f, i, name, sizeof name))
            sink += (uint64_t)name[0];
        t = wb_wasm_func_type(b, n, &f, i);
        if (t != UINT32_MAX)
            CHECK(wb_wasm_type_arity(b, n, &f, t, &p, &q) == 0,
                   "%s at %zu: function %u has type %u without arity", what, pos, i, t);
    }
}

static void test_mutations(const char *path)
{
    size_t size;
    uint8_t *orig = wb_test_load(path, &size), *buf;
    static wb_wasm_facts f;
    wb_error e;
    unsigned long cases = 0;
    CHECK(orig != NULL, "cannot read %s", path);
    if (!orig)
        return;
    CHECK(wb_wasm_read(orig, size, &f, &e) == 0, "%s must be valid: %s", path, e.message);
    for (size_t n = 0; n < size; n++) {
        /* every proper prefix, in its own exact-size buffer so ASan sees overreads */
        buf = malloc(n ? n : 1);
        memcpy(buf, orig, n);
        read_candidate(buf, n, "prefix", n, -1);
        free(buf);
        cases++;
    }
    buf = malloc(size);
    for (size_t i = 0; i < size; i++) {
        uint8_t b = orig[i];
        const int vals[8] = {0x00, 0xFF, b ^ 0x01, b ^ 0x80, 0x7F, 0x80, b + 1, b - 1};
        for (int k = 0; k < 8; k++) {
            memcpy(buf, orig, size);
            buf[i] = (uint8_t)vals[k];
            read_candidate(buf, size, "byte change", i, vals[k] & 0xFF);
            cases++;
        }
    }
    free(buf);
    free(orig);
    printf("%s: %lu malformed candidates read cleanly\n", path, cases);
}

/* ---- many types: function type indexes of two LEB bytes ---- */

typedef struct big {
    uint8_t b[4096];
    size_t n;
} big;

static void big_leb(big *m, uint32_t v)
{
    do {
        uint8_t c = (uint8_t)(v & 0x7f);
        v >>= 7;
        m->b[m->n++] = (uint8_t)(c | (v ? 0x80 : 0));
    } while (v);
}

static void big_section(big *m, uint8_t id, const big *payload)
{
    m->b[m->n++] = id;
    big_leb(m, (uint32_t)payload->n);
    memcpy(m->b + m->n, payload->b, payload->n);
    m->n += payload->n;
}

/* 200 types, an imported function of type 150, three defined functions of
 * types 160..180; each body calls the import and the last function.  The
 * scan looks callee types up from one table here (two-byte type indexes),
 * and must find the same as with seek points; a call past the last
 * function is an error either way. */
static void build_two_byte_types(big *m, uint32_t callee)
{
    big p;
    static const uint8_t hdr[8] = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};
    memcpy(m->b, hdr, 8);
    m->n = 8;
    p.n = 0;
    big_leb(&p, 200);
    for (int i = 0; i < 200; i++) {
        p.b[p.n++] = 0x60;
        p.b[p.n++] = 0x00;
        p.b[p.n++] = 0x00;
    }
    big_section(m, 1, &p);
    p.n = 0;
    big_leb(&p, 1);
    p.b[p.n++] = 1;
    p.b[p.n++] = 'e';
    p.b[p.n++] = 1;
    p.b[p.n++] = 'f';
    p.b[p.n++] = 0x00;
    big_leb(&p, 150);
    big_section(m, 2, &p);
    p.n = 0;
    big_leb(&p, 3);
    for (uint32_t t = 160; t <= 180; t += 10)
        big_leb(&p, t);
    big_section(m, 3, &p);
    p.n = 0;
    big_leb(&p, 3);
    for (int i = 0; i < 3; i++) {
        big_leb(&p, 6);
        p.b[p.n++] = 0x00; /* no locals */
        p.b[p.n++] = 0x10;
        p.b[p.n++] = 0x00;
        p.b[p.n++] = 0x10;
        p.b[p.n++] = (uint8_t)callee;
        p.b[p.n++] = 0x0B;
    }
    big_section(m, 10, &p);
}

static void test_two_byte_types(void)
{
    static wb_wasm_facts f;
    static big m;
    wb_error e;
    build_two_byte_types(&m, 3);
    CHECK(wb_wasm_read(m.b, m.n, &f, &e) == 0, "two-byte type indexes: %s", e.message);
    CHECK(f.ops.op[0x10] == 6 && f.instruction_count == 9, "two-byte type indexes: %llu calls",
          (unsigned long long)f.ops.op[0x10]);
    CHECK(wb_wasm_func_type(m.b, m.n, &f, 3) == 180 && wb_wasm_func_type(m.b, m.n, &f, 0) == 150,
          "function types 0 and 3");
    build_two_byte_types(&m, 4);
    CHECK(wb_wasm_read(m.b, m.n, &f, &e) != 0 && strstr(e.message, "call to function 4 out of range"),
          "call past the last function: %s", e.message);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s skip [REASON] | facts DIR | calibration DIR | crafted | mutate FILE...\n",
                argv[0]);
        return 2;
    }
    if (strcmp(argv[1], "skip") == 0) {
        fprintf(stderr, "SKIPPED: %s\n",
                argc > 2 ? argv[2] : "a tool the fixtures need is missing");
        return SKIP;
    }
    if (strcmp(argv[1], "facts") == 0 && argc == 3) {
        check_table(argv[2], wat_expect, sizeof wat_expect / sizeof wat_expect[0]);
        test_lookups(argv[2]);
    } else if (strcmp(argv[1], "calibration") == 0 && argc == 3) {
        check_table(argv[2], calibration_expect,
                    sizeof calibration_expect / sizeof calibration_expect[0]);
    } else if (strcmp(argv[1], "crafted") == 0) {
        test_crafted();
        test_two_byte_types();
    } else if (strcmp(argv[1], "mutate") == 0 && argc > 2) {
        for (int i = 2; i < argc; i++)
            test_mutations(argv[i]);
    } else {
        fprintf(stderr, "unknown test %s\n", argv[1]);
        return 2;
    }
    if (failures) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("ok\n");
    return 0;
}
