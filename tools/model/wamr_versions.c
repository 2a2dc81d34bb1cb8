/* The WAMR versions the model knows: struct sizes and behaviours per version and layout. */
#include "model/wamr_versions.h"

#include <stdio.h>
#include <string.h>

/*
 * Sources.  LP64 and ILP32 (x86-64 and x86-32 builds): the compile-time
 * sizeof probe of each version's headers and the calibration runs of each
 * measured version (tests/data/calibration, README: WAMR versions).
 * ILP32_ALIGN8 (Arm, Thumb, RISC-V 32, Xtensa): a sizeof probe of each
 * version's headers for thumbv7em and riscv32 (they agree) with each port's
 * lock types; not measured on a device.  Its tables use glibc's armhf locks
 * (korp_mutex 24, korp_cond 48 aligned to 8), the largest, so that the
 * model's lock adjustment only takes bytes away where a port's locks are
 * smaller; the instance extras hold the largest size of any lock type (on
 * main, which has a lock in them, the padding after a smaller lock is not
 * the lock's difference).
 *
 * The option parts were read from the source and add up to the
 * measurements: runtime init is a NativeSymbolsNode (32 [20] B) per natives
 * module registered (env, wasi_unstable, wasi_snapshot_preview1, and wasi
 * with wasi-threads), wasi-threads' thread id array (4 x
 * CLUSTER_MAX_THREAD_NUM), shared memory's wait map (a bh_hash_map of 32
 * buckets with its korp_mutex: 344 [176]) and the externref map (the same
 * map without a lock: 304 [152]): 792 [424] on Linux, 96 [60] in NuttX's
 * simulator without the last three; libc-wasi's two modules are 64 [40].  The exec env is 144 [76] B without the thread
 * manager and hardware bound check (measured in NuttX's simulator), + 16 B
 * for hardware bound check on x86-64, + the thread manager's 128 [96] B with
 * glibc locks (112 B with NuttX's, measured).  On the ARM layout the exec
 * env is 80 [72 in 2.1.0] B without the thread manager, whose part is 96 B
 * with glibc's armhf locks; runtime init with shared memory's wait map and
 * Zephyr's 20-byte lock is 420 B, with NuttX's or glibc's 424 B.
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
    .simd = {.fast_interp_simd = 1, .wamrc_arc_simd = 1},
    .fast_interp_consts_by_bits = 1,
    .aot_data_copied = 0,
    .loader_grows_in_place = 1,
    .aot_text_mapped_twice = 1,
    .aot_data_sections_merged = 1,
    .app_heap_size_max = 1024u * 1024u * 1024u,
    .plt = {.x86_64 = 24, .aarch64 = 24, .arm = 120, .thumb = 124, .riscv64 = 61,
            .intrinsics = 66, .bulk_memory = 2, .shared_memory = 2, .ref_types = 5},
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
            .ref_types_aot_inst_extra = 8, .ref_types_inst_extra = 8,
            .wasi_threads_runtime_init = 48, .shared_memory_runtime_init = 344,
            .lib_pthread_runtime_init = 48, .libc_wasi_runtime_init = 64, .cluster_slices = 16,
            .exec_env_thread_mgr = 128, .exec_env_hw_bound_check = 16, .mutex = 40,
            .cond = 48, .inst_extra_locks = 1,
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
            .ref_types_aot_inst_extra = 4, .ref_types_inst_extra = 4,
            .wasi_threads_runtime_init = 36, .shared_memory_runtime_init = 176,
            .lib_pthread_runtime_init = 28, .libc_wasi_runtime_init = 40, .cluster_slices = 8,
            .exec_env_thread_mgr = 96, .exec_env_hw_bound_check = 0, .mutex = 24,
            .cond = 48, .inst_extra_locks = 1,
            .frame_fast = 20, .frame_classic = 36, .branch_block = 16,
        },
        [WB_LAYOUT_ILP32_ALIGN8] = {
            .ptr = 4, .module = 272, .functype_hdr = 16, .import = 40, .function = 56,
            .table = 12, .memory = 16, .global = 32, .export_ = 12, .table_seg = 48,
            .init_expr = 24, .data_seg = 48, .inst_extra = 100, .aot_inst_extra = 120,
            .table_slot = 4, .func_inst = 32, .export_func_inst = 8, .aot_func_inst = 8,
            .aot_export = 20, .aot_module = 312, .aot_mem_init = 40, .aot_import_mem = 24,
            .aot_import_table = 20, .aot_table_init_hdr = 48, .aot_import_global = 48,
            .aot_global = 40, .aot_import_func = 32, .aot_data_section = 12, .exec_env = 176,
            .cluster = 44, .thread_args = 20, .heap_struct = 204, .runtime_init = 424,
            .wasi_ctx = 640, .label = 4, .byte = 2, .ref_types_runtime_init = 152,
            .ref_types_aot_inst_extra = 8, .ref_types_inst_extra = 4,
            .wasi_threads_runtime_init = 36, .shared_memory_runtime_init = 176,
            .lib_pthread_runtime_init = 28, .libc_wasi_runtime_init = 40, .cluster_slices = 8,
            .exec_env_thread_mgr = 96, .exec_env_hw_bound_check = 0, .mutex = 24,
            .cond = 48, .inst_extra_locks = 1,
            .frame_fast = 20, .frame_classic = 36, .branch_block = 16,
        },
    },
};

/* 2.4.5 (2026-06-29): main less its per-instance exception lock (a
 * korp_mutex in both instance extras) and 8 [4] B of WASMModule/AOTModule. */
static const wb_wamr_tables release_2_4_5 = {
    .ref_types_default = 1,
    .shrunk_memory_option = 1,
    .simd = {.fast_interp_simd = 1, .wamrc_arc_simd = 1},
    .fast_interp_consts_by_bits = 1,
    .aot_data_copied = 0,
    .loader_grows_in_place = 1,
    .aot_text_mapped_twice = 1,
    .aot_data_sections_merged = 1,
    .app_heap_size_max = 1024u * 1024u * 1024u,
    .plt = {.x86_64 = 24, .aarch64 = 24, .arm = 120, .thumb = 120, .riscv64 = 61,
            .intrinsics = 66, .bulk_memory = 2, .shared_memory = 2, .ref_types = 5},
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
            .ref_types_aot_inst_extra = 8, .ref_types_inst_extra = 8,
            .wasi_threads_runtime_init = 48, .shared_memory_runtime_init = 344,
            .lib_pthread_runtime_init = 48, .libc_wasi_runtime_init = 64, .cluster_slices = 16,
            .exec_env_thread_mgr = 128, .exec_env_hw_bound_check = 16, .mutex = 40,
            .cond = 48, .inst_extra_locks = 0,
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
            .ref_types_aot_inst_extra = 4, .ref_types_inst_extra = 4,
            .wasi_threads_runtime_init = 36, .shared_memory_runtime_init = 176,
            .lib_pthread_runtime_init = 28, .libc_wasi_runtime_init = 40, .cluster_slices = 8,
            .exec_env_thread_mgr = 96, .exec_env_hw_bound_check = 0, .mutex = 24,
            .cond = 48, .inst_extra_locks = 0,
            .frame_fast = 20, .frame_classic = 36, .branch_block = 16,
        },
        [WB_LAYOUT_ILP32_ALIGN8] = {
            .ptr = 4, .module = 264, .functype_hdr = 16, .import = 40, .function = 56,
            .table = 12, .memory = 16, .global = 32, .export_ = 12, .table_seg = 48,
            .init_expr = 24, .data_seg = 48, .inst_extra = 76, .aot_inst_extra = 96,
            .table_slot = 4, .func_inst = 32, .export_func_inst = 8, .aot_func_inst = 8,
            .aot_export = 20, .aot_module = 304, .aot_mem_init = 40, .aot_import_mem = 24,
            .aot_import_table = 20, .aot_table_init_hdr = 48, .aot_import_global = 48,
            .aot_global = 40, .aot_import_func = 32, .aot_data_section = 12, .exec_env = 176,
            .cluster = 44, .thread_args = 20, .heap_struct = 204, .runtime_init = 424,
            .wasi_ctx = 640, .label = 4, .byte = 2, .ref_types_runtime_init = 152,
            .ref_types_aot_inst_extra = 8, .ref_types_inst_extra = 4,
            .wasi_threads_runtime_init = 36, .shared_memory_runtime_init = 176,
            .lib_pthread_runtime_init = 28, .libc_wasi_runtime_init = 40, .cluster_slices = 8,
            .exec_env_thread_mgr = 96, .exec_env_hw_bound_check = 0, .mutex = 24,
            .cond = 48, .inst_extra_locks = 0,
            .frame_fast = 20, .frame_classic = 36, .branch_block = 16,
        },
    },
};

/* 2.3.1 (2025-06-02): as 2.4.5, with an AOT instance extra 16 B smaller. */
static const wb_wamr_tables release_2_3_1 = {
    .ref_types_default = 1,
    .shrunk_memory_option = 1,
    .simd = {.fast_interp_simd = 1, .wamrc_arc_simd = 1},
    .fast_interp_consts_by_bits = 1,
    .aot_data_copied = 0,
    .loader_grows_in_place = 1,
    .aot_text_mapped_twice = 1,
    .aot_data_sections_merged = 1,
    .app_heap_size_max = 1024u * 1024u * 1024u,
    .plt = {.x86_64 = 24, .aarch64 = 24, .arm = 120, .thumb = 120, .riscv64 = 61,
            .intrinsics = 66, .bulk_memory = 2, .shared_memory = 2, .ref_types = 5},
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
            .ref_types_aot_inst_extra = 8, .ref_types_inst_extra = 8,
            .wasi_threads_runtime_init = 48, .shared_memory_runtime_init = 344,
            .lib_pthread_runtime_init = 48, .libc_wasi_runtime_init = 64, .cluster_slices = 16,
            .exec_env_thread_mgr = 128, .exec_env_hw_bound_check = 16, .mutex = 40,
            .cond = 48, .inst_extra_locks = 0,
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
            .ref_types_aot_inst_extra = 4, .ref_types_inst_extra = 4,
            .wasi_threads_runtime_init = 36, .shared_memory_runtime_init = 176,
            .lib_pthread_runtime_init = 28, .libc_wasi_runtime_init = 40, .cluster_slices = 8,
            .exec_env_thread_mgr = 96, .exec_env_hw_bound_check = 0, .mutex = 24,
            .cond = 48, .inst_extra_locks = 0,
            .frame_fast = 20, .frame_classic = 36, .branch_block = 16,
        },
        [WB_LAYOUT_ILP32_ALIGN8] = {
            .ptr = 4, .module = 264, .functype_hdr = 16, .import = 40, .function = 56,
            .table = 12, .memory = 16, .global = 32, .export_ = 12, .table_seg = 48,
            .init_expr = 24, .data_seg = 48, .inst_extra = 76, .aot_inst_extra = 80,
            .table_slot = 4, .func_inst = 32, .export_func_inst = 8, .aot_func_inst = 8,
            .aot_export = 20, .aot_module = 304, .aot_mem_init = 40, .aot_import_mem = 24,
            .aot_import_table = 20, .aot_table_init_hdr = 48, .aot_import_global = 48,
            .aot_global = 40, .aot_import_func = 32, .aot_data_section = 12, .exec_env = 176,
            .cluster = 44, .thread_args = 20, .heap_struct = 204, .runtime_init = 424,
            .wasi_ctx = 640, .label = 4, .byte = 2, .ref_types_runtime_init = 152,
            .ref_types_aot_inst_extra = 8, .ref_types_inst_extra = 4,
            .wasi_threads_runtime_init = 36, .shared_memory_runtime_init = 176,
            .lib_pthread_runtime_init = 28, .libc_wasi_runtime_init = 40, .cluster_slices = 8,
            .exec_env_thread_mgr = 96, .exec_env_hw_bound_check = 0, .mutex = 24,
            .cond = 48, .inst_extra_locks = 0,
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
    .simd = {.fast_interp_simd = 0, .wamrc_arc_simd = 0},
    .fast_interp_consts_by_bits = 0,
    .aot_data_copied = 1,
    .loader_grows_in_place = 0,
    .aot_text_mapped_twice = 0,
    .aot_data_sections_merged = 0,
    .app_heap_size_max = 512u * 1024u * 1024u,
    .plt = {.x86_64 = 24, .aarch64 = 24, .arm = 105, .thumb = 105, .riscv64 = 59,
            .intrinsics = 62, .bulk_memory = 2, .shared_memory = 2, .ref_types = 5},
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
            .ref_types_aot_inst_extra = 8, .ref_types_inst_extra = 8,
            .wasi_threads_runtime_init = 48, .shared_memory_runtime_init = 344,
            .lib_pthread_runtime_init = 48, .libc_wasi_runtime_init = 64, .cluster_slices = 16,
            .exec_env_thread_mgr = 128, .exec_env_hw_bound_check = 16, .mutex = 40,
            .cond = 48, .inst_extra_locks = 0,
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
            .ref_types_aot_inst_extra = 4, .ref_types_inst_extra = 4,
            .wasi_threads_runtime_init = 36, .shared_memory_runtime_init = 176,
            .lib_pthread_runtime_init = 28, .libc_wasi_runtime_init = 40, .cluster_slices = 8,
            .exec_env_thread_mgr = 96, .exec_env_hw_bound_check = 0, .mutex = 24,
            .cond = 48, .inst_extra_locks = 0,
            .frame_fast = 20, .frame_classic = 36, .branch_block = 16,
        },
        [WB_LAYOUT_ILP32_ALIGN8] = {
            .ptr = 4, .module = 264, .functype_hdr = 16, .import = 40, .function = 56,
            .table = 12, .memory = 16, .global = 32, .export_ = 12, .table_seg = 48,
            .init_expr = 24, .data_seg = 48, .inst_extra = 76, .aot_inst_extra = 48,
            .table_slot = 4, .func_inst = 32, .export_func_inst = 8, .aot_func_inst = 8,
            .aot_export = 20, .aot_module = 288, .aot_mem_init = 36, .aot_import_mem = 24,
            .aot_import_table = 20, .aot_table_init_hdr = 48, .aot_import_global = 48,
            .aot_global = 40, .aot_import_func = 32, .aot_data_section = 12, .exec_env = 168,
            .cluster = 44, .thread_args = 20, .heap_struct = 204, .runtime_init = 424,
            .wasi_ctx = 640, .label = 4, .byte = 2, .ref_types_runtime_init = 152,
            .ref_types_aot_inst_extra = 4, .ref_types_inst_extra = 4,
            .wasi_threads_runtime_init = 36, .shared_memory_runtime_init = 176,
            .lib_pthread_runtime_init = 28, .libc_wasi_runtime_init = 40, .cluster_slices = 8,
            .exec_env_thread_mgr = 96, .exec_env_hw_bound_check = 0, .mutex = 24,
            .cond = 48, .inst_extra_locks = 0,
            .frame_fast = 20, .frame_classic = 36, .branch_block = 16,
        },
    },
};

/* The versions a user may select, newest first.  A release that was not
 * measured is listed where its source shows the structs and allocation
 * paths of a measured one (README: WAMR versions); 2.1.1, 2.1.2 and 2.2.0
 * match none and are not listed. */
static const wb_wamr_version versions[] = {
    {
        .name = "2.4.5",
        .source = "tag WAMR-2.4.5 (25bd7eb63, 2026-06-29)",
        .aot_format = 5,
        .aot_formats_loaded = 1u << 5,
        .aot_elem_offset_expr = 1,
        .measured = 1,
        .differs = "the newest release: the default",
        .t = &release_2_4_5,
    },
#define RELEASE_2_4_X(n, tag)                                                                    \
    {                                                                                            \
        .name = n,                                                                               \
        .source = tag,                                                                           \
        .aot_format = 5,                                                                         \
        .aot_formats_loaded = 1u << 5,                                                           \
        .aot_elem_offset_expr = 1,                                                               \
        .same_as = "2.4.5",                                                                      \
        .why = "2.4.1 to 2.4.5 are one release branch: from 2.4.1 on it changes loader "         \
               "validation and libc-wasi checks, no struct and no allocation on the modelled "   \
               "paths",                                                                          \
        .differs = "as 2.4.5",                                                                   \
        .t = &release_2_4_5,                                                                     \
    }
    RELEASE_2_4_X("2.4.4", "tag WAMR-2.4.4"),
    RELEASE_2_4_X("2.4.3", "tag WAMR-2.4.3"),
    RELEASE_2_4_X("2.4.2", "tag WAMR-2.4.2"),
    RELEASE_2_4_X("2.4.1", "tag WAMR-2.4.1"),
#undef RELEASE_2_4_X
    {
        .name = "2.4.0",
        .source = "tag WAMR-2.4.0",
        .aot_format = 4,
        .aot_formats_loaded = 1u << 3 | 1u << 4,
        .aot_elem_offset_expr = 1,
        .same_as = "2.4.5",
        .why = "2.4.1 only renumbered the AOT format (4 to 5) and made the check strict: the "
               "structs and allocations are 2.4.5's",
        .differs = "AOT format 4 in 2.4.0's own layout (element offsets as expressions); "
                   "loads formats 3 and 4",
        .t = &release_2_4_5,
    },
    {
        .name = "2.3.1",
        .source = "tag WAMR-2.3.1 (2a303861c, 2025-06-02)",
        .aot_format = 4,
        .aot_formats_loaded = 1u << 3 | 1u << 4,
        .aot_elem_offset_expr = 0,
        .measured = 1,
        .differs = "AOT format 4 (loads 3 and 4); AOT instance 16 [16] B smaller",
        .t = &release_2_3_1,
    },
    {
        .name = "2.3.0",
        .source = "tag WAMR-2.3.0",
        .aot_format = 4,
        .aot_formats_loaded = 1u << 3 | 1u << 4,
        .aot_elem_offset_expr = 0,
        .same_as = "2.3.1",
        .why = "2.3.1 changed validation, UVWASI defaults and an instruction-metering field "
               "that is off by default: no struct and no allocation on the modelled paths",
        .differs = "as 2.3.1",
        .t = &release_2_3_1,
    },
    {
        .name = "2.1.0",
        .source = "tag WAMR-2.1.0 (8f86b3761, 2024-06-06)",
        .aot_format = 3,
        .aot_formats_loaded = 1u << 3,
        .aot_elem_offset_expr = 0,
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
        .aot_formats_loaded = 1u << 6,
        .aot_elem_offset_expr = 1,
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

/* Releases that exist but are not modelled, and why (their own structs). */
static const struct {
    const char *name;
    const char *why;
} unmodelled[] = {
    {"2.2.0", "its structs and allocation paths match no measured release: AOT data segments "
              "copied as in 2.1.0 but text and data merged as in 2.3.1, and an AOT instance "
              "between the two"},
    {"2.1.2", "its structs match no measured release: WASMModule, AOTModule and the AOT "
              "instance are larger than 2.1.0's"},
    {"2.1.1", "its structs match no measured release: WASMModule, AOTModule and the AOT "
              "instance are larger than 2.1.0's"},
};

const char *wb_wamr_version_unmodelled(const char *name)
{
    for (size_t i = 0; name && i < sizeof unmodelled / sizeof unmodelled[0]; i++)
        if (strcmp(unmodelled[i].name, name) == 0)
            return unmodelled[i].why;
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

void wb_wamr_version_refusal(const char *name, char *buf, size_t cap)
{
    char list[256];
    const char *why = wb_wamr_version_unmodelled(name);
    wb_wamr_version_list(list, sizeof list);
    if (why)
        snprintf(buf, cap, "WAMR %.24s is not modelled: %s (supported: %s)", name, why, list);
    else
        snprintf(buf, cap, "unknown WAMR version '%.24s' (supported: %s)", name, list);
}
