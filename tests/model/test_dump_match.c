/* WAMR's dump beside the estimate: runs of a log, the lines matched, the pool corrected, the verdict. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/reconcile.h"
#include "model/dump_match.h"
#include "../common/wb_test.h"

/* An estimate with round figures, so that every line's estimate is known. */
static const char estimate_text[] =
    "{\"schema\": \"wamr-budget/1\", \"wamr_version\": \"%s\", \"mode\": \"%s\",\n"
    " \"settings\": {\"stack_size\": 16384, \"heap_size\": 0, \"aux_stack_bytes\": 8192},\n"
    " \"estimate\": {\"runtime_init\": 800, \"module_load\": 40000, \"module_load_peak\": 50000,\n"
    "  \"exec_memory\": %s, \"instance\": 3000, \"exec_env\": 17000, \"per_thread\": 0,\n"
    "  \"linear_memory_initial\": 131072, \"linear_memory_max\": 131072, \"native_stacks\": 0,\n"
    "  \"module_buffer\": 11000, \"app_heap\": 0, \"global_heap_peak\": 60000,\n"
    "  \"recommended_pool\": 66000, \"total\": 400000,\n"
    "  \"items\": [{\"key\": \"instance.module_inst\", \"pool\": \"global_heap\", \"bytes\": 2100},\n"
    "            {\"key\": \"instance.wasi_ctx\", \"pool\": \"global_heap\", \"bytes\": 900}]},\n"
    " \"stack\": {\"analysed\": true, \"bounded\": true, \"max_depth\": 96, \"stack_size\": 8192}}";

static int make_estimate(const char *version, const char *mode, const char *exec, wb_estimate_file *f)
{
    char text[2048];
    wb_json_error e;
    snprintf(text, sizeof text, estimate_text, version, mode, exec);
    int rc = wb_estimate_file_read(text, strlen(text), f, &e);
    CHECK(rc == 0, "estimate: %s (line %u)", e.message, (unsigned)e.line);
    return rc;
}

static const char dump_text[] =
    "[pool] init: total=1000000 free=999800 highmark=200\n"
    "Memory consumption summary (bytes):\n"
    "WASM module memory consumption, total size: %u\n"
    "    module struct size: 384\n"
    "    funcs size: %u\n"
    "    aot code size: %u\n"
    "WASM module inst memory consumption, total size: 133100\n"
    "    module inst struct size: 640\n"
    "    memories size: 131464\n"
    "        app heap size: 0\n"
    "    tables size: 8\n"
    "    functions size: 900\n"
    "    globals size: 72\n"
    "    exports size: 16\n"
    "Exec env memory consumption, total size: %u\n"
    "    exec env struct size: 256\n"
    "    stack size: %u\n"
    "Total memory consumption of module, module inst and exec env: %u\n"
    "Total interpreter stack used: 208\n"
    "Total auxiliary stack used: %u\n"
    "Native stack left: 95000\n"
    "Total app heap used: 0\n"
    "[pool] run: total=1000000 free=%u highmark=%u\n"
    "[pool] unload: total=1000000 free=%u highmark=%u\n";

typedef struct run_figures {
    unsigned funcs, aot, stack, aux, free_run, high, free_unload;
} run_figures;

static int make_log(const run_figures *r, wb_device_log *log)
{
    char text[4096];
    unsigned module = 384 + r->funcs + r->aot, exec = 256 + r->stack;
    snprintf(text, sizeof text, dump_text, module, r->funcs, r->aot, exec, r->stack, module + 133100 + exec,
             r->aux, r->free_run, r->high, r->free_unload, r->high);
    wb_log_error err;
    int rc = wb_device_log_read(text, strlen(text), log, &err);
    CHECK(rc == 0, "log: %s", err.message);
    return rc;
}

static const wb_recon_line *line_of(const wb_recon_run *r, const char *key)
{
    for (unsigned i = 0; i < r->count; i++)
        if (strcmp(r->lines[i].key, key) == 0)
            return &r->lines[i];
    return NULL;
}

static int has_note(const wb_note *notes, unsigned n, wb_note_code code)
{
    for (unsigned i = 0; i < n; i++)
        if (notes[i].code == code)
            return 1;
    return 0;
}

static void match(const wb_device_log *log, const wb_estimate_file *est, int buffer_in_pool, wb_recon_run *out)
{
    wb_device_run runs[8];
    unsigned n = wb_device_runs(log, runs);
    CHECK(n == 1, "one run, got %u", n);
    wb_wamr_dump_facts dump_facts;
    int known = wb_wamr_dump_facts_for(est->wamr_version, &dump_facts);
    const wb_wamr_dump_facts *facts = &dump_facts;
    CHECK(known, "version %s known", est->wamr_version);
    wb_recon_options opt = {buffer_in_pool};
    static wb_device_run keep; /* the run must outlive out */
    keep = runs[0];
    wb_recon_match(&keep, est, facts, &opt, out);
    wb_reconcile_judge(out);
}

static void test_covered_and_under(void)
{
    wb_estimate_file est;
    wb_device_log log;
    wb_recon_run r;
    if (make_estimate("2.4.5", "fast-interp", "0", &est))
        return;
    /* within the estimate everywhere; used falls 600 B below its first value at unload */
    run_figures ok = {39000, 0, 16384, 64, 940000, 60000, 1000400};
    if (make_log(&ok, &log) == 0) {
        match(&log, &est, 0, &r);
        const wb_recon_line *l = line_of(&r, "module");
        CHECK(l && l->device == 39384 && l->estimate == 40000 && l->status == WB_RS_COVERED, "module covered");
        l = line_of(&r, "instance");
        CHECK(l && l->device == 133100 && l->estimate == 2100 + 900 + 131072 && l->status == WB_RS_COVERED,
              "instance: the instance items plus linear memory's worst case");
        l = line_of(&r, "aux_stack_used");
        CHECK(l && l->device == 64 && l->estimate == 96 && l->status == WB_RS_COVERED, "aux stack against the bound");
        l = line_of(&r, "pool_highmark");
        /* 2.4.5 reallocs in place: used (total - free) went to -400 from 200: 600 B over-credited */
        CHECK(l && l->device == 60600 && l->estimate == 66000 && l->status == WB_RS_COVERED,
              "pool highmark corrected by 600 B: %llu", l ? (unsigned long long)l->device : 0);
        CHECK(l && has_note(l->notes, l->note_count, WB_NOTE_POOL_OVERCREDIT), "over-credit explained");
        CHECK(!line_of(&r, "aot_code"), "no AOT line for an interpreter");
        CHECK(r.under == 0 && wb_reconcile_exit_code(&r, 1) == 0, "no under-estimate");
        CHECK(r.note_count == 0, "no run notes: the sums add up (%u notes)", r.note_count);
        wb_device_log_free(&log);
    }
    /* over it: the operand stack the device ran with, the aux stack, the pool */
    run_figures over = {39000, 0, 32768, 200, 900000, 99000, 999800};
    if (make_log(&over, &log) == 0) {
        match(&log, &est, 0, &r);
        const wb_recon_line *l = line_of(&r, "stack_size");
        CHECK(l && l->status == WB_RS_UNDER && has_note(l->notes, l->note_count, WB_NOTE_STACK_SIZE_DIFFERS),
              "a bigger stack_size on the device is an under-estimate");
        l = line_of(&r, "aux_stack_used");
        CHECK(l && l->status == WB_RS_UNDER, "aux stack above the static bound");
        l = line_of(&r, "pool_highmark");
        CHECK(l && l->device == 99000 && l->status == WB_RS_UNDER, "pool above the recommended pool");
        CHECK(r.under >= 3 && wb_reconcile_exit_code(&r, 1) == 1, "under-estimates give exit 1");
        wb_device_log_free(&log);
    }
    /* the module buffer in the pool (as iwasm reads it) */
    run_figures buffer = {39000, 0, 16384, 64, 930000, 70000, 999800};
    if (make_log(&buffer, &log) == 0) {
        match(&log, &est, 0, &r);
        const wb_recon_line *l = line_of(&r, "pool_highmark");
        CHECK(l && l->status == WB_RS_UNDER && has_note(l->notes, l->note_count, WB_NOTE_POOL_BUFFER_MAYBE),
              "within the buffer: under, with the hint");
        match(&log, &est, 1, &r);
        l = line_of(&r, "pool_highmark");
        CHECK(l && l->estimate == 77000 && l->status == WB_RS_COVERED, "--buffer-in-pool counts it");
        wb_device_log_free(&log);
    }
    wb_estimate_file_free(&est);

    /* 2.1.0: no in-place realloc, so a dip is no over-credit; AOT data copied */
    if (make_estimate("2.1.0", "aot", "20480", &est))
        return;
    run_figures aot = {300, 19580, 16384, 0, 990000, 10000, 999900};
    if (make_log(&aot, &log) == 0) {
        match(&log, &est, 0, &r);
        const wb_recon_line *l = line_of(&r, "aot_code");
        CHECK(l && l->device == 19580 && l->estimate == 20480 && l->status == WB_RS_COVERED, "AOT code line");
        l = line_of(&r, "module");
        CHECK(l && l->device == 684 && has_note(l->notes, l->note_count, WB_NOTE_AOT_CODE_MOVED) &&
                  has_note(l->notes, l->note_count, WB_NOTE_AOT_DATA_COPIED),
              "module without the AOT code, and 2.1.0's copied data segments explained");
        l = line_of(&r, "pool_highmark");
        CHECK(l && l->device == 10000 && !has_note(l->notes, l->note_count, WB_NOTE_POOL_OVERCREDIT),
              "2.1.0: no correction for a dip");
        wb_device_log_free(&log);
    }
    wb_estimate_file_free(&est);
}

static void test_runs(void)
{
    /* a dump, samples after it, a new pool (highmark falls), a dump, a third
     * dump in the same pool, pool lines with no dump */
    static const char text[] =
        "total=100 free=90 highmark=10\n"
        "Total app heap used: 0\n"
        "total=100 free=50 highmark=60\n"
        "total=100 free=95 highmark=5\n"
        "Total app heap used: 0\n"
        "Total app heap used: 0\n"
        "total=100 free=40 highmark=70\n"
        "total=200 free=190 highmark=10\n"
        "total=200 free=100 highmark=100\n";
    wb_device_log log;
    wb_log_error err;
    if (wb_device_log_read(text, sizeof text - 1, &log, &err) != 0)
        return;
    wb_device_run runs[16];
    unsigned n = wb_device_runs(&log, runs);
    CHECK(n == 4, "4 runs, got %u", n);
    if (n == 4) {
        CHECK(runs[0].dump && runs[0].sample_count == 2 && runs[0].first_line == 1 && runs[0].last_line == 3,
              "run 1: lines 1-3");
        CHECK(runs[1].dump && runs[1].sample_count == 1 && runs[1].first_line == 4 && runs[1].last_line == 5,
              "run 2: a new pool at line 4");
        CHECK(runs[2].dump && runs[2].sample_count == 1 && runs[2].first_line == 6 && runs[2].last_line == 7,
              "run 3: the next dump in the same pool");
        CHECK(!runs[3].dump && runs[3].sample_count == 2 && runs[3].first_line == 8,
              "run 4: another pool size, no dump");
    }
    wb_device_log_free(&log);
}

static void test_versions(void)
{
    wb_wamr_dump_facts f;
    int known = wb_wamr_dump_facts_for("2.1.0", &f);
    CHECK(known && f.aot_copies_data_segments, "2.1.0");
    CHECK(!f.loader_grows_in_place, "2.1.0 copies on realloc");
    known = wb_wamr_dump_facts_for("2.4.5", &f);
    CHECK(known && f.loader_grows_in_place && !f.aot_copies_data_segments, "2.4.5");
    CHECK(wb_wamr_dump_facts_for(WB_EST_VERSION_UNNAMED, &f), "main");
    /* releases mapped to a measured one have its facts */
    known = wb_wamr_dump_facts_for("2.4.4", &f);
    CHECK(known && f.loader_grows_in_place && strcmp(f.version, "2.4.4") == 0, "2.4.4 as 2.4.5");
    known = wb_wamr_dump_facts_for("2.3.0", &f);
    CHECK(known && f.loader_grows_in_place && !f.aot_copies_data_segments, "2.3.0 as 2.3.1");
    known = wb_wamr_dump_facts_for("9.9.9", &f);
    CHECK(!known && strcmp(f.version, WB_EST_VERSION_UNNAMED) == 0, "unknown: main's facts");
}

int main(void)
{
    test_covered_and_under();
    test_runs();
    test_versions();
    if (failures)
        fprintf(stderr, "%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
