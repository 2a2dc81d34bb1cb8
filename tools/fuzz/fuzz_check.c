/* libFuzzer entry point for the whole check: readers, stack bounds, model, verdict and outputs. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/aot_reader.h"
#include "model/model.h"
#include "model/model_fast_interp.h"
#include "out/outputs.h"
#include "read/profile.h"
#include "stack/stack_bound.h"
#include "check/verdict.h"
#include "read/wasm_reader.h"

/* A bounded operand bound covers its whole worst path: the host call's
 * frame and each frame as many times as it may stand at once. */
static int path_within(const wb_stack_bound *b)
{
    uint64_t sum = b->entry_bytes;
    if (!b->analysed || !b->bounded || b->path_truncated)
        return 1;
    for (unsigned i = 0; i < b->path_len; i++)
        sum += b->path[i].frame_bytes * (b->path[i].times ? b->path[i].times : 1);
    return b->max_bytes >= sum;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *sink_file(void)
{
    static FILE *f;
    if (!f)
        f = fopen("/dev/null", "w");
    return f;
}

/* Two runtime builds that differ in every way the model branches on. */
static void profiles(wb_profile *linux64, wb_profile *mcu)
{
    wb_profile_defaults(linux64);
    wb_profile_defaults(mcu);
    snprintf(mcu->name, sizeof mcu->name, "fuzz-mcu");
    mcu->platform = WB_PLATFORM_ZEPHYR;
    mcu->abi = WB_ABI_ILP32_ALIGN8;
    mcu->locks = WB_LOCKS_ZEPHYR;
    mcu->hw_bound_check = 0;
    mcu->signal_stack_bytes = 0;
    mcu->default_wasm_stack = 12288;
    mcu->app_thread_stack = 6144;
    mcu->aot_plt_bytes = 3980;
    snprintf(mcu->aot_target, sizeof mcu->aot_target, "thumbv7em");
}

static void check_once(const wb_module_facts *mf, const uint8_t *wasm, size_t wasm_size,
                       const wb_stack_result *stack, const wb_profile *p, wb_mode mode,
                       uint32_t threads, uint64_t heap)
{
    wb_settings s;
    wb_estimate e;
    wb_verdict v;
    wb_check c;
    const char *why = NULL;
    FILE *out = sink_file();

    memset(&s, 0, sizeof s);
    s.mode = mode;
    s.mode_given = 1;
    s.threads = threads;
    s.heap_size = heap;
    s.heap_size_given = heap != 0;
    s.budget = 256 * 1024;
    s.budget_given = 1;
    if (wb_model_estimate_bytes(mf, wasm, wasm_size, p, &s, &e, &why) != 0) {
        if (!why || !*why)
            __builtin_trap(); /* a refusal must say why */
        return;
    }
    if (e.total < e.module_buffer || e.module_load_peak < e.module_load)
        __builtin_trap(); /* the estimate contradicts itself */
    memset(&c, 0, sizeof c);
    c.module_path = "fuzz.wasm";
    c.wasm = wasm;
    c.wasm_size = wasm_size;
    c.wasm_facts = mf->wasm;
    c.aot_facts = mf->aot;
    c.profile = p;
    c.settings = &s;
    c.estimate = &e;
    c.stack = stack;
    c.main_stack_size = e.aux_stack_bytes;
    c.budget = s.budget;
    wb_verdict_make(&c, &v);
    if (out) {
        wb_report_write(out, &c, &v);
        wb_json_write(out, &c, &v);
        wb_header_write(out, &c, "FUZZ");
    }
}

/* The facts an init data layout decides, equal in two reads of one file. */
static int same_shape(const wb_aot_facts *a, const wb_aot_facts *b)
{
    return a->memory_count == b->memory_count && a->memory_init_pages == b->memory_init_pages &&
           a->memory_max_pages == b->memory_max_pages &&
           a->mem_init_data_count == b->mem_init_data_count &&
           a->mem_init_data_bytes == b->mem_init_data_bytes &&
           a->table_slots_total == b->table_slots_total &&
           a->table_init_data_count == b->table_init_data_count &&
           a->table_init_elements == b->table_init_elements && a->elem_offsets == b->elem_offsets &&
           a->extended_const_exprs == b->extended_const_exprs && a->type_count == b->type_count &&
           a->global_value_bytes == b->global_value_bytes &&
           a->import_func_count == b->import_func_count && a->func_count == b->func_count &&
           a->export_count == b->export_count && a->aux_stack_size == b->aux_stack_size &&
           a->data_section_count == b->data_section_count &&
           a->data_section_bytes_total == b->data_section_bytes_total;
}

/*
 * An .aot read as each format 3..6 (the number patched): format 4 has both
 * layouts, 3 the first, 5 and 6 the second.  So 5 and 6 agree; where only
 * one of 3 and 5 reads the file, 4 reads it the same way; where both do,
 * 4 reads it too (nothing tells the layouts apart) or refuses it as
 * ambiguous (element segments that decode both ways).
 */
static void check_formats(const uint8_t *data, size_t size)
{
    uint8_t *copy;
    wb_aot_facts f[7];
    wb_error err[7];
    int ok[7];

    if (size < 8)
        return;
    copy = malloc(size);
    if (!copy)
        return;
    memcpy(copy, data, size);
    for (uint32_t v = 3; v <= 6; v++) {
        copy[4] = (uint8_t)v;
        copy[5] = copy[6] = copy[7] = 0;
        ok[v] = wb_aot_read(copy, size, &f[v], &err[v]) == 0;
        if (ok[v] && f[v].version != v)
            __builtin_trap();
    }
    free(copy);
    if (ok[5] != ok[6] || (ok[5] && !same_shape(&f[5], &f[6])))
        __builtin_trap();
    if (ok[3] != ok[5]) {
        const wb_aot_facts *one = ok[3] ? &f[3] : &f[5];
        if (!ok[4] || !same_shape(&f[4], one))
            __builtin_trap();
    } else if (ok[3]) {
        if (ok[4] ? f[4].elem_offsets != WB_AOT_ELEM_OFFSETS_NONE
                  : strstr(err[4].message, "read both as") == NULL)
            __builtin_trap();
    }
}

/* Every stack bound of a module for one interpreter build, with the
 * built-in annotations: build the graph, the aux bounds, the frames and the
 * operand bounds.  0, or -1 with err set (a module the walk refuses). */
static int analyse(const uint8_t *data, size_t size, const wb_wasm_facts *w, const wb_profile *p,
                   wb_mode mode, wb_stack_result *r, wb_error *err)
{
    wb_stack_graph *g;
    wb_interp_load il;
    int rc;
    memset(r, 0, sizeof *r);
    if (wb_stack_graph_build(data, size, w, NULL, &g, err) != 0)
        return -1;
    rc = wb_stack_bounds(g, NULL, r, err);
    if (rc == 0 && wb_model_interp_load(w, data, size, p, mode, 1, &il) == 0) {
        if (il.frames.count)
            rc = wb_stack_operand(g, il.frames.frame, il.frames.entry, il.frames.count, r, err);
        wb_interp_load_free(&il);
    }
    wb_stack_graph_free(g);
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wb_profile linux64, mcu;
    wb_error err;

    profiles(&linux64, &mcu);
    if (wb_aot_is_aot(data, size)) {
        wb_aot_facts a;
        check_formats(data, size);
        if (wb_aot_read(data, size, &a, &err) != 0)
            return 0;
        wb_module_facts mf = {NULL, &a};
        check_once(&mf, NULL, 0, NULL, &linux64, WB_MODE_AOT, 0, 0);
        check_once(&mf, NULL, 0, NULL, &mcu, WB_MODE_AOT, 2, 4096);
        return 0;
    }

    wb_wasm_facts w;
    static wb_stack_result st, fast, fast_mcu, classic;
    wb_error err_fast, err_classic;
    if (wb_wasm_read(data, size, &w, &err) != 0)
        return 0;
    wb_par_set_part_bytes(0);
    int have_stack = wb_stack_analyse(data, size, &w, NULL, &st, &err) == 0;
    int have_fast = analyse(data, size, &w, &linux64, WB_MODE_FAST_INTERP, &fast, &err_fast) == 0;
    int have_fast_mcu = analyse(data, size, &w, &mcu, WB_MODE_FAST_INTERP, &fast_mcu, &err_fast) == 0;
    int have_classic =
        analyse(data, size, &w, &mcu, WB_MODE_CLASSIC_INTERP, &classic, &err_classic) == 0;
    wb_fast_interp_size fi;
    int have_fi = wb_fast_interp_replay(data, size, &w, 8, 1, &fi) == 0;
    /* the walks in parts on threads (any code section of two bodies or more)
     * must give the same bounds and sizes, or the same error */
    {
        static wb_stack_result st2, fast2, classic2;
        wb_fast_interp_size fi2;
        wb_error err2, err2_fast, err2_classic;
        wb_par_set_part_bytes(1);
        int have2 = wb_stack_analyse(data, size, &w, NULL, &st2, &err2) == 0;
        int have_fast2 =
            analyse(data, size, &w, &linux64, WB_MODE_FAST_INTERP, &fast2, &err2_fast) == 0;
        int have_classic2 =
            analyse(data, size, &w, &mcu, WB_MODE_CLASSIC_INTERP, &classic2, &err2_classic) == 0;
        int have_fi2 = wb_fast_interp_replay(data, size, &w, 8, 1, &fi2) == 0;
        wb_par_set_part_bytes((size_t)1 << 20);
        if (have2 != have_stack || have_fast2 != have_fast || have_classic2 != have_classic)
            __builtin_trap();
        if (have_stack && memcmp(&st, &st2, sizeof st) != 0)
            __builtin_trap();
        if (have_fast && memcmp(&fast, &fast2, sizeof fast) != 0)
            __builtin_trap();
        if (have_classic && memcmp(&classic, &classic2, sizeof classic) != 0)
            __builtin_trap();
        if (!have_stack && (err.offset != err2.offset || strcmp(err.message, err2.message) != 0))
            __builtin_trap();
        if (!have_fast && (err_fast.offset != err2_fast.offset ||
                           strcmp(err_fast.message, err2_fast.message) != 0))
            __builtin_trap();
        if (!have_classic && (err_classic.offset != err2_classic.offset ||
                              strcmp(err_classic.message, err2_classic.message) != 0))
            __builtin_trap();
        if (have_fi2 != have_fi || (have_fi && memcmp(&fi, &fi2, sizeof fi) != 0))
            __builtin_trap();
    }
    /* an operand bound never below what its worst path's frames add up to */
    const wb_stack_bound *ob[] = {&fast.operand_main, &fast.operand_thread, &classic.operand_main,
                                  &classic.operand_thread};
    for (size_t i = 0; i < sizeof ob / sizeof ob[0]; i++)
        if ((i < 2 ? have_fast : have_classic) && !path_within(ob[i]))
            __builtin_trap();
    wb_module_facts mf = {&w, NULL};
    const wb_stack_result *sp = have_stack ? &st : NULL;
    check_once(&mf, data, size, have_fast ? &fast : sp, &linux64, WB_MODE_FAST_INTERP, 0, 0);
    check_once(&mf, data, size, sp, &linux64, WB_MODE_AOT, 1, 0);
    check_once(&mf, data, size, have_fast_mcu ? &fast_mcu : sp, &mcu, WB_MODE_FAST_INTERP, 2, 8192);
    check_once(&mf, data, size, have_classic ? &classic : sp, &mcu, WB_MODE_CLASSIC_INTERP, 0, 0);
    return 0;
}
