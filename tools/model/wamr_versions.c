/* The WAMR versions the model knows: struct sizes and behaviours per version and layout. */
#include "model/wamr_versions.h"

#include <stdio.h>
#include <string.h>

/*
 * Sources.  LP64 and ILP32 (x86-64 and x86-32 builds): the compile-time
 * sizeof probe of each version's headers and the calibration runs of each
 * measured version (tests/data/calibration, README: WAMR versions).
 * ILP32_ALIGN8 (Arm, Thumb, RISC-V 32, Xtensa): a sizeof probe of main's
 * headers for thumb; for the releases, main's sizes changed by the fields
 * each release lacks, as on x86-32 (those fields are pointers, 32-bit
 * counters and one lock, whose sizes and alignment are the same there).
 *
 * Interpreter frames (frame_fast, frame_classic, branch_block): the
 * offsets of WASMInterpFrame's operand area and sizeof(WASMBranchBlock)
 * from wasm_interp.h and wasm.h, the same in every version here (the probe's
 * sizeof(WASMInterpFrame), 48 [24], is the fast interpreter's 40 [20] + one
 * cell, padded); checked against the frames of the stack calibration runs.
 *
 * Every field is named: a version differs from another only where its
 * table says so, and adding a version adds tables, not branches.
 */

/* main at 646b5a9bc (July 2026; its version.h says 2.4.3): the first version measured. */
static const wb_wamr_tables main_646b5a9bc = {
    .ref_types_default = 1,
    .shrunk_memory_option = 1,
    .fast_interp_simd = 1,
    .fast_interp_consts_by_bits = 1,
    .aot_data_copied = 0,
    .aot_text_mapped_twice = 1,
    .app_heap_size_max = 1024u * 1024u * 1024u,
    .thread_aux_stack_min = 256,
    .sizes = {
        [WB_LAYOUT_LP64] = {
            .ptr = 8, .module = 392, .functype_hdr = 24, .import = 64, .function = 96,
            .table = 12, .memory = 16, .global = 32, .export_ = 16, .table_seg = 56,
            .init_expr = 24, .data_seg = 56, .inst_extra = 184, .aot_inst_extra = 184,
            .table_slot = 8, .func_inst = 48, .export_func_inst = 16, .aot_func_inst = 12,
            .aot_export = 32, .aot_module = 552, .aot_mem_init = 48, .aot_import_mem = 32,
            .aot_import_table = 32, .aot_table_init_hdr = 48, .aot_import_global = 56,
            .aot_global = 40, .aot_import_func = 64, .aot_data_section = 24, .exec_env = 288,
            .cluster = 72, .thread_args = 40, .heap_struct = 384, .runtime_init = 792,
            .wasi_ctx = 900, .label = 8, .byte = 1, .ref_types_runtime_init = 304,
            .ref_types_inst_extra = 8,
            .frame_fast = 40, .frame_classic = 72, .branch_block = 32,
        },
        [WB_LAYOUT_ILP32] = {
            .ptr = 4, .module = 260, .functype_hdr = 16, .import = 32, .function = 56,
            .table = 12, .memory = 16, .global = 24, .export_ = 12, .table_seg = 40,
            .init_expr = 20, .data_seg = 40, .inst_extra = 104, .aot_inst_extra = 116,
            .table_slot = 4, .func_inst = 32, .export_func_inst = 8, .aot_func_inst = 8,
            .aot_export = 20, .aot_module = 300, .aot_mem_init = 36, .aot_import_mem = 24,
            .aot_import_table = 20, .aot_table_init_hdr = 36, .aot_import_global = 40,
            .aot_global = 32, .aot_import_func = 32, .aot_data_section = 12, .exec_env = 172,
            .cluster = 44, .thread_args = 20, .heap_struct = 204, .runtime_init = 424,
            .wasi_ctx = 640, .label = 4, .byte = 1, .ref_types_runtime_init = 152,
            .ref_types_inst_extra = 4,
            .frame_fast = 20, .frame_classic = 36, .branch_block = 16,
        },
        [WB_LAYOUT_ILP32_ALIGN8] = {
            .ptr = 4, .module = 272, .functype_hdr = 16, .import = 40, .function = 56,
            .table = 12, .memory = 16, .global = 32, .export_ = 12, .table_seg = 48,
            .init_expr = 24, .data_seg = 48, .inst_extra = 96, .aot_inst_extra = 112,
            .table_slot = 4, .func_inst = 32, .export_func_inst = 8, .aot_func_inst = 8,
            .aot_export = 20, .aot_module = 312, .aot_mem_init = 40, .aot_import_mem = 24,
            .aot_import_table = 20, .aot_table_init_hdr = 48, .aot_import_global = 48,
            .aot_global = 40, .aot_import_func = 32, .aot_data_section = 12, .exec_env = 144,
            .cluster = 40, .thread_args = 20, .heap_struct = 200, .runtime_init = 448,
            .wasi_ctx = 640, .label = 4, .byte = 2, .ref_types_runtime_init = 152,
            .ref_types_inst_extra = 4,
            .frame_fast = 20, .frame_classic = 36, .branch_block = 16,
        },
    },
};

/* 2.4.5 (2026-06-29): main less its per-instance exception lock (a
 * korp_mutex in both instance extras) and 8 [4] B of WASMModule/AOTModule. */
static const wb_wamr_tables release_2_4_5 = {
    .ref_types_default = 1,
    .shrunk_memory_option = 1,
    .fast_interp_simd = 1,
    .fast_interp_consts_by_bits = 1,
    .aot_data_copied = 0,
    .aot_text_mapped_twice = 1,
    .app_heap_size_max = 1024u * 1024u * 1024u,
    .thread_aux_stack_min = 256,
    .sizes = {
        [WB_LAYOUT_LP64] = {
            .ptr = 8, .module = 384, .functype_hdr = 24, .import = 64, .function = 96,
            .table = 12, .memory = 16, .global = 32, .export_ = 16, .table_seg = 56,
            .init_expr = 24, .data_seg = 56, .inst_extra = 144, .aot_inst_extra = 144,
            .table_slot = 8, .func_inst = 48, .export_func_inst = 16, .aot_func_inst = 12,
            .aot_export = 32, .aot_module = 544, .aot_mem_init = 48, .aot_import_mem = 32,
            .aot_import_table = 32, .aot_table_init_hdr = 48, .aot_import_global = 56,
            .aot_global = 40, .aot_import_func = 64, .aot_data_section = 24, .exec_env = 288,
            .cluster = 72, .thread_args = 40, .heap_struct = 384, .runtime_init = 792,
            .wasi_ctx = 900, .label = 8, .byte = 1, .ref_types_runtime_init = 304,
            .ref_types_inst_extra = 8,
            .frame_fast = 40, .frame_classic = 72, .branch_block = 32,
        },
        [WB_LAYOUT_ILP32] = {
            .ptr = 4, .module = 256, .functype_hdr = 16, .import = 32, .function = 56,
            .table = 12, .memory = 16, .global = 24, .export_ = 12, .table_seg = 40,
            .init_expr = 20, .data_seg = 40, .inst_extra = 80, .aot_inst_extra = 92,
            .table_slot = 4, .func_inst = 32, .export_func_inst = 8, .aot_func_inst = 8,
            .aot_export = 20, .aot_module = 296, .aot_mem_init = 36, .aot_import_mem = 24,
            .aot_import_table = 20, .aot_table_init_hdr = 36, .aot_import_global = 40,
            .aot_global = 32, .aot_import_func = 32, .aot_data_section = 12, .exec_env = 172,
            .cluster = 44, .thread_args = 20, .heap_struct = 204, .runtime_init = 424,
            .wasi_ctx = 640, .label = 4, .byte = 1, .ref_types_runtime_init = 152,
            .ref_types_inst_extra = 4,
            .frame_fast = 20, .frame_classic = 36, .branch_block = 16,
        },
        [WB_LAYOUT_ILP32_ALIGN8] = {
            .ptr = 4, .module = 268, .functype_hdr = 16, .import = 40, .function = 56,
            .table = 12, .memory = 16, .global = 32, .export_ = 12, .table_seg = 48,
            .init_expr = 24, .data_seg = 48, .inst_extra = 72, .aot_inst_extra = 88,
            .table_slot = 4, .func_inst = 32, .export_func_inst = 8, .aot_func_inst = 8,
            .aot_export = 20, .aot_module = 308, .aot_mem_init = 40, .aot_import_mem = 24,
            .aot_import_table = 20, .aot_table_init_hdr = 48, .aot_import_global = 48,
            .aot_global = 40, .aot_import_func = 32, .aot_data_section = 12, .exec_env = 144,
            .cluster = 40, .thread_args = 20, .heap_struct = 200, .runtime_init = 448,
            .wasi_ctx = 640, .label = 4, .byte = 2, .ref_types_runtime_init = 152,
            .ref_types_inst_extra = 4,
            .frame_fast = 20, .frame_classic = 36, .branch_block = 16,
        },
    },
};

/* 2.3.1 (2025-06-02): as 2.4.5, with an AOT instance extra 16 B smaller. */
static const wb_wamr_tables release_2_3_1 = {
    .ref_types_default = 1,
    .shrunk_memory_option = 1,
    .fast_interp_simd = 1,
    .fast_interp_consts_by_bits = 1,
    .aot_data_copied = 0,
    .aot_text_mapped_twice = 1,
    .app_heap_size_max = 1024u * 1024u * 1024u,
    .thread_aux_stack_min = 256,
    .sizes = {
        [WB_LAYOUT_LP64] = {
            .ptr = 8, .module = 384, .functype_hdr = 24, .import = 64, .function = 96,
            .table = 12, .memory = 16, .global = 32, .export_ = 16, .table_seg = 56,
            .init_expr = 24, .data_seg = 56, .inst_extra = 144, .aot_inst_extra = 128,
            .table_slot = 8, .func_inst = 48, .export_func_inst = 16, .aot_func_inst = 12,
            .aot_export = 32, .aot_module = 544, .aot_mem_init = 48, .aot_import_mem = 32,
            .aot_import_table = 32, .aot_table_init_hdr = 48, .aot_import_global = 56,
            .aot_global = 40, .aot_import_func = 64, .aot_data_section = 24, .exec_env = 288,
            .cluster = 72, .thread_args = 40, .heap_struct = 384, .runtime_init = 792,
            .wasi_ctx = 900, .label = 8, .byte = 1, .ref_types_runtime_init = 304,
            .ref_types_inst_extra = 8,
            .frame_fast = 40, .frame_classic = 72, .branch_block = 32,
        },
        [WB_LAYOUT_ILP32] = {
            .ptr = 4, .module = 256, .functype_hdr = 16, .import = 32, .function = 56,
            .table = 12, .memory = 16, .global = 24, .export_ = 12, .table_seg = 40,
            .init_expr = 20, .data_seg = 40, .inst_extra = 80, .aot_inst_extra = 76,
            .table_slot = 4, .func_inst = 32, .export_func_inst = 8, .aot_func_inst = 8,
            .aot_export = 20, .aot_module = 296, .aot_mem_init = 36, .aot_import_mem = 24,
            .aot_import_table = 20, .aot_table_init_hdr = 36, .aot_import_global = 40,
            .aot_global = 32, .aot_import_func = 32, .aot_data_section = 12, .exec_env = 172,
            .cluster = 44, .thread_args = 20, .heap_struct = 204, .runtime_init = 424,
            .wasi_ctx = 640, .label = 4, .byte = 1, .ref_types_runtime_init = 152,
            .ref_types_inst_extra = 4,
            .frame_fast = 20, .frame_classic = 36, .branch_block = 16,
        },
        [WB_LAYOUT_ILP32_ALIGN8] = {
            .ptr = 4, .module = 268, .functype_hdr = 16, .import = 40, .function = 56,
            .table = 12, .memory = 16, .global = 32, .export_ = 12, .table_seg = 48,
            .init_expr = 24, .data_seg = 48, .inst_extra = 72, .aot_inst_extra = 72,
            .table_slot = 4, .func_inst = 32, .export_func_inst = 8, .aot_func_inst = 8,
            .aot_export = 20, .aot_module = 308, .aot_mem_init = 40, .aot_import_mem = 24,
            .aot_import_table = 20, .aot_table_init_hdr = 48, .aot_import_global = 48,
            .aot_global = 40, .aot_import_func = 32, .aot_data_section = 12, .exec_env = 144,
            .cluster = 40, .thread_args = 20, .heap_struct = 200, .runtime_init = 448,
            .wasi_ctx = 640, .label = 4, .byte = 2, .ref_types_runtime_init = 152,
            .ref_types_inst_extra = 4,
            .frame_fast = 20, .frame_classic = 36, .branch_block = 16,
        },
    },
};

/* 2.1.0 (2024-06-06), NuttX's default: reference types off by default, no
 * SIMD in the fast interpreter, a fast-interpreter constant area of one
 * entry per distinct (type, value), memories always shrunk (no option), AOT data
 * segments copied into the global heap (AOTMemInitData and its bytes in one
 * block) and AOT text mapped once, a 512 MiB app heap limit, smaller
 * instance extras and exec env. */
static const wb_wamr_tables release_2_1_0 = {
    .ref_types_default = 0,
    .shrunk_memory_option = 0,
    .fast_interp_simd = 0,
    .fast_interp_consts_by_bits = 0,
    .aot_data_copied = 1,
    .aot_text_mapped_twice = 0,
    .app_heap_size_max = 512u * 1024u * 1024u,
    .thread_aux_stack_min = 256,
    .sizes = {
        [WB_LAYOUT_LP64] = {
            .ptr = 8, .module = 384, .functype_hdr = 24, .import = 64, .function = 96,
            .table = 12, .memory = 16, .global = 32, .export_ = 16, .table_seg = 56,
            .init_expr = 24, .data_seg = 56, .inst_extra = 144, .aot_inst_extra = 88,
            .table_slot = 8, .func_inst = 48, .export_func_inst = 16, .aot_func_inst = 12,
            .aot_export = 32, .aot_module = 504, .aot_mem_init = 36, .aot_import_mem = 32,
            .aot_import_table = 32, .aot_table_init_hdr = 48, .aot_import_global = 56,
            .aot_global = 40, .aot_import_func = 64, .aot_data_section = 24, .exec_env = 280,
            .cluster = 72, .thread_args = 40, .heap_struct = 384, .runtime_init = 792,
            .wasi_ctx = 900, .label = 8, .byte = 1, .ref_types_runtime_init = 304,
            .ref_types_inst_extra = 8,
            .frame_fast = 40, .frame_classic = 72, .branch_block = 32,
        },
        [WB_LAYOUT_ILP32] = {
            .ptr = 4, .module = 252, .functype_hdr = 16, .import = 32, .function = 56,
            .table = 12, .memory = 16, .global = 24, .export_ = 12, .table_seg = 40,
            .init_expr = 20, .data_seg = 40, .inst_extra = 80, .aot_inst_extra = 48,
            .table_slot = 4, .func_inst = 32, .export_func_inst = 8, .aot_func_inst = 8,
            .aot_export = 20, .aot_module = 276, .aot_mem_init = 32, .aot_import_mem = 24,
            .aot_import_table = 20, .aot_table_init_hdr = 36, .aot_import_global = 40,
            .aot_global = 32, .aot_import_func = 32, .aot_data_section = 12, .exec_env = 168,
            .cluster = 44, .thread_args = 20, .heap_struct = 204, .runtime_init = 424,
            .wasi_ctx = 640, .label = 4, .byte = 1, .ref_types_runtime_init = 152,
            .ref_types_inst_extra = 4,
            .frame_fast = 20, .frame_classic = 36, .branch_block = 16,
        },
        [WB_LAYOUT_ILP32_ALIGN8] = {
            .ptr = 4, .module = 264, .functype_hdr = 16, .import = 40, .function = 56,
            .table = 12, .memory = 16, .global = 32, .export_ = 12, .table_seg = 48,
            .init_expr = 24, .data_seg = 48, .inst_extra = 72, .aot_inst_extra = 44,
            .table_slot = 4, .func_inst = 32, .export_func_inst = 8, .aot_func_inst = 8,
            .aot_export = 20, .aot_module = 288, .aot_mem_init = 36, .aot_import_mem = 24,
            .aot_import_table = 20, .aot_table_init_hdr = 48, .aot_import_global = 48,
            .aot_global = 40, .aot_import_func = 32, .aot_data_section = 12, .exec_env = 140,
            .cluster = 40, .thread_args = 20, .heap_struct = 200, .runtime_init = 448,
            .wasi_ctx = 640, .label = 4, .byte = 2, .ref_types_runtime_init = 152,
            .ref_types_inst_extra = 4,
            .frame_fast = 20, .frame_classic = 36, .branch_block = 16,
        },
    },
};

/* The versions a user may select, newest first. */
static const wb_wamr_version versions[] = {
    {
        .name = "2.4.5",
        .source = "tag WAMR-2.4.5 (25bd7eb63, 2026-06-29)",
        .aot_format = 5,
        .measured = 1,
        .differs = "the newest release: the default",
        .t = &release_2_4_5,
    },
    {
        .name = "2.3.1",
        .source = "tag WAMR-2.3.1 (2a303861c, 2025-06-02)",
        .aot_format = 4,
        .measured = 1,
        .differs = "AOT format 4; AOT instance 16 [16] B smaller",
        .t = &release_2_3_1,
    },
    {
        .name = "2.1.0",
        .source = "tag WAMR-2.1.0 (2024-06-06)",
        .aot_format = 3,
        .measured = 1,
        .differs = "AOT format 3; AOT data segments copied into the global heap; AOT text "
                   "mapped once; reference types off and no fast-interpreter SIMD by default; "
                   "smaller instances and exec env; app heap at most 512 MiB",
        .t = &release_2_1_0,
    },
    {
        .name = "main-646b5a9bc",
        .source = "main at 646b5a9bc (July 2026; version.h says 2.4.3)",
        .aot_format = 6,
        .measured = 1,
        .differs = "AOT format 6, which no release loads; a per-instance exception lock "
                   "(+40 [24] B per instance); WASMModule and AOTModule 8 [4] B larger",
        .t = &main_646b5a9bc,
    },
};

#define VERSION_COUNT (sizeof versions / sizeof versions[0])

const wb_wamr_version *wb_wamr_versions(size_t *count)
{
    if (count)
        *count = VERSION_COUNT;
    return versions;
}

const wb_wamr_version *wb_wamr_version_find(const char *name)
{
    for (size_t i = 0; name && i < VERSION_COUNT; i++)
        if (strcmp(versions[i].name, name) == 0)
            return &versions[i];
    return NULL;
}

void wb_wamr_version_list(char *buf, size_t cap)
{
    size_t used = 0;
    if (cap == 0)
        return;
    buf[0] = '\0';
    for (size_t i = 0; i < VERSION_COUNT; i++) {
        int n = snprintf(buf + used, cap - used, "%s%s", i ? ", " : "", versions[i].name);
        if (n < 0 || (size_t)n >= cap - used)
            break;
        used += (size_t)n;
    }
}
