/* libFuzzer entry point for the JSON reader and the estimate file: parse, read back, diff, reconcile, write. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/diff.h"
#include "check/reconcile.h"
#include "model/dump_match.h"
#include "out/compare_out.h"
#include "read/device_log.h"
#include "read/estimate_file.h"
#include "read/json_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *sink_file(void)
{
    static FILE *f;
    if (!f)
        f = fopen("/dev/null", "w");
    return f;
}

/* A dump and pool lines to set each estimate against. */
static const char device_log[] =
    "[pool] init: total=100000 free=99800 highmark=200\n"
    "WASM module memory consumption, total size: 500\n"
    "    aot code size: 100\n"
    "WASM module inst memory consumption, total size: 70000\n"
    "    memories size: 65600\n"
    "        app heap size: 0\n"
    "Exec env memory consumption, total size: 4352\n"
    "    stack size: 4096\n"
    "Total memory consumption of module, module inst and exec env: 74852\n"
    "Total interpreter stack used: 96\n"
    "Total auxiliary stack used: 32\n"
    "Native stack left: 1000\n"
    "Total app heap used: 0\n"
    "[pool] end: total=100000 free=100100 highmark=9000\n";

static void tree_invariants(const wb_json_doc *d, const wb_json_node *n, size_t size)
{
    uint32_t count = 0;
    for (const wb_json_node *c = wb_json_child(d, n); c; c = wb_json_next(d, c)) {
        count++;
        if ((n->type == WB_JSON_OBJECT) != (c->key != NULL))
            __builtin_trap(); /* members have keys, elements do not */
        if (c->offset > size || c->line == 0 || c->column == 0)
            __builtin_trap();
        tree_invariants(d, c, size);
    }
    if (count != n->count)
        __builtin_trap();
    if (n->type == WB_JSON_STRING && strlen(n->str) != n->len)
        __builtin_trap(); /* no NUL inside a string */
    if (n->type == WB_JSON_NUMBER && (n->len == 0 || n->len > WB_JSON_MAX_NUMBER))
        __builtin_trap();
}

/* What a writer produced must read back as JSON. */
static void reads_back(char *buf, size_t len)
{
    wb_json_doc d;
    wb_json_error e;
    if (wb_json_parse(buf, len, &d, &e) != 0)
        __builtin_trap();
    wb_json_free(&d);
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wb_json_doc d;
    wb_json_error e;
    const char *text = (const char *)data;

    if (wb_json_parse(text, size, &d, &e) == 0) {
        tree_invariants(&d, wb_json_root(&d), size);
        wb_json_free(&d);
    } else if (e.offset > size || e.message[0] == '\0' || e.line == 0 || e.column == 0) {
        __builtin_trap(); /* a clean error: where, and why */
    }

    wb_estimate_file f;
    if (wb_estimate_file_read(text, size, &f, &e) != 0)
        return 0;
    /* a diff with itself changes nothing */
    wb_diff self;
    if (wb_diff_make(&f, &f, &self) == 0) {
        uint64_t x;
        for (unsigned i = 0; i < self.item_count; i++)
            if (wb_diff_delta(&self.items[i], &x) != 0)
                __builtin_trap();
        if (self.setting_count || self.result_count || wb_diff_delta(&self.total, &x) != 0)
            __builtin_trap();
        wb_growth_limit g = {1, 0, 0};
        if (wb_growth_exceeded(&self.total, &g))
            __builtin_trap();
        wb_diff_report r = {&self, "a.json", "b.json", "0%", "total", 0};
        wb_colour col = {1};
        wb_diff_report_write(sink_file(), &r, &col);
        char *buf = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&buf, &len);
        if (mem) {
            wb_diff_json_write(mem, &r);
            fclose(mem);
            reads_back(buf, len);
        }
        wb_diff_free(&self);
    }

    /* the estimate beside a fixed dump */
    wb_device_log log;
    wb_log_error le;
    if (wb_device_log_read(device_log, sizeof device_log - 1, &log, &le) == 0) {
        wb_device_run runs[4];
        wb_recon_run recon[4];
        unsigned n = wb_device_runs(&log, runs);
        wb_wamr_dump_facts dump_facts;
        int known = wb_wamr_dump_facts_for(f.wamr_version, &dump_facts);
        const wb_wamr_dump_facts *facts = &dump_facts;
        wb_recon_options opt = {1};
        for (unsigned i = 0; i < n && i < 4; i++) {
            wb_recon_match(&runs[i], &f, facts, &opt, &recon[i]);
            wb_reconcile_judge(&recon[i]);
        }
        wb_reconcile_report r = {"log", "est.json", 0, &f, facts->version, !f.wamr_version, known,
                                 recon, n < 4 ? n : 4, 1, n, 1};
        wb_colour col = {1};
        wb_reconcile_report_write(sink_file(), &r, &col);
        char *buf = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&buf, &len);
        if (mem) {
            wb_reconcile_json_write(mem, &r);
            fclose(mem);
            reads_back(buf, len);
        }
        wb_device_log_free(&log);
    }
    wb_estimate_file_free(&f);
    return 0;
}
