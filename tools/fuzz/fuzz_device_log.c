/* libFuzzer entry point for the device log reader: read, split into runs, reconcile, write. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* An estimate of round figures with every field the matching reads. */
static const char estimate_text[] =
    "{\"schema\": \"wamr-budget/1\", \"wamr_version\": \"2.4.5\", \"mode\": \"fast-interp\",\n"
    " \"settings\": {\"stack_size\": 16384, \"heap_size\": 0, \"aux_stack_bytes\": 8192},\n"
    " \"estimate\": {\"runtime_init\": 800, \"module_load\": 40000, \"module_load_peak\": 50000,\n"
    "  \"exec_memory\": 0, \"instance\": 3000, \"exec_env\": 17000, \"per_thread\": 0,\n"
    "  \"linear_memory_initial\": 131072, \"linear_memory_max\": 131072, \"native_stacks\": 0,\n"
    "  \"module_buffer\": 11000, \"app_heap\": 0, \"global_heap_peak\": 60000,\n"
    "  \"recommended_pool\": 66000, \"total\": 400000,\n"
    "  \"items\": [{\"key\": \"instance.module_inst\", \"pool\": \"global_heap\", \"bytes\": 2100}]},\n"
    " \"stack\": {\"bounded\": true, \"max_depth\": 96, \"stack_size\": 8192},\n"
    " \"operand_stack\": {\"bounded\": true, \"max_bytes\": 640}}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static wb_estimate_file est;
    static int have_est;
    wb_json_error je;
    if (!have_est) {
        if (wb_estimate_file_read(estimate_text, sizeof estimate_text - 1, &est, &je) != 0)
            __builtin_trap();
        have_est = 1;
    }

    wb_device_log log;
    wb_log_error err;
    if (wb_device_log_read((const char *)data, size, &log, &err) != 0) {
        if (err.message[0] == '\0')
            __builtin_trap();
        return 0;
    }
    /* facts in order, on lines of the log */
    for (unsigned i = 0; i < log.dump_count; i++) {
        const wb_device_dump *d = &log.dumps[i];
        if (d->first_line == 0 || d->first_line > d->last_line || d->last_line > log.line_count)
            __builtin_trap();
        if (i && d->first_line < log.dumps[i - 1].first_line)
            __builtin_trap();
        for (int f = 0; f < WB_DF_COUNT; f++)
            if (d->v[f].state != WB_DV_ABSENT && (d->v[f].line < d->first_line || d->v[f].line > d->last_line))
                __builtin_trap();
        if (d->extra_count > WB_DUMP_MAX_EXTRA)
            __builtin_trap();
    }
    for (unsigned i = 1; i < log.sample_count; i++)
        if (log.samples[i].line < log.samples[i - 1].line)
            __builtin_trap();

    unsigned cap = log.dump_count + log.sample_count;
    wb_device_run *runs = calloc(cap ? cap : 1, sizeof *runs);
    wb_recon_run *recon = calloc(cap ? cap : 1, sizeof *recon);
    if (runs && recon) {
        unsigned n = wb_device_runs(&log, runs);
        unsigned dumps = 0, samples = 0;
        for (unsigned i = 0; i < n; i++) {
            dumps += runs[i].dump != NULL;
            samples += runs[i].sample_count;
        }
        if (n > cap || dumps != log.dump_count || samples != log.sample_count)
            __builtin_trap(); /* every fact in exactly one run */
        for (int version = 0; version < 2; version++) {
            wb_wamr_dump_facts dump_facts;
            int known = wb_wamr_dump_facts_for(version ? "2.1.0" : "2.4.5", &dump_facts);
            const wb_wamr_dump_facts *facts = &dump_facts;
            wb_recon_options opt = {version};
            for (unsigned i = 0; i < n; i++) {
                wb_recon_match(&runs[i], &est, facts, &opt, &recon[i]);
                wb_reconcile_judge(&recon[i]);
                for (unsigned k = 0; k < recon[i].count; k++) {
                    const wb_recon_line *l = &recon[i].lines[k];
                    if (l->status == WB_RS_UNDER && !(l->has_device && l->has_estimate && l->device > l->estimate))
                        __builtin_trap();
                }
            }
            wb_reconcile_report r = {"log", "est.json", 0, &est, facts->version, 0, known,
                                     recon, n, 1, n, version};
            wb_colour col = {version};
            wb_reconcile_report_write(sink_file(), &r, &col);
            char *buf = NULL;
            size_t len = 0;
            FILE *mem = open_memstream(&buf, &len);
            if (mem) {
                wb_reconcile_json_write(mem, &r);
                fclose(mem);
                wb_json_doc d;
                if (wb_json_parse(buf, len, &d, &je) != 0)
                    __builtin_trap(); /* the JSON written reads back */
                wb_json_free(&d);
                free(buf);
            }
        }
    }
    free(runs);
    free(recon);
    wb_device_log_free(&log);
    return 0;
}
