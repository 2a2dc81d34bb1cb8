/* `wamr-budget reconcile`: the device's own memory figures beside the estimate. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/reconcile.h"
#include "cli/cli.h"
#include "model/dump_match.h"
#include "out/compare_out.h"
#include "out/outputs.h"
#include "read/device_log.h"
#include "read/estimate_file.h"

typedef struct reconcile_args {
    const char *log;
    const char *estimate;      /* --estimate FILE.json */
    const char *json;
    const char *colour;
    unsigned run;              /* 0: every run */
    int buffer_in_pool;
    int quiet;
    int check_options;         /* check's options were given */
    cli_check_args check;      /* MODULE and check's options, without --estimate */
} reconcile_args;

static int parse_reconcile_args(int argc, char **argv, reconcile_args *a)
{
    memset(a, 0, sizeof *a);
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (arg[0] != '-' || arg[1] == '\0') {
            if (!a->log)
                a->log = arg;
            else if (!a->check.module)
                a->check.module = arg;
            else
                return cli_usage_error("unexpected argument '%s' (reconcile takes DEVICE_LOG, and MODULE "
                                       "when it runs the check)", arg);
            continue;
        }
        if (strcmp(arg, "--buffer-in-pool") == 0) {
            a->buffer_in_pool = 1;
            continue;
        }
        if (strcmp(arg, "--quiet") == 0 || strcmp(arg, "-q") == 0) {
            a->quiet = 1;
            continue;
        }
        const char **dest = strcmp(arg, "--estimate") == 0 ? &a->estimate
                            : strcmp(arg, "--json") == 0   ? &a->json
                            : strcmp(arg, "--color") == 0  ? &a->colour
                                                           : NULL;
        if (dest) {
            if (!val)
                return cli_usage_error("%s needs a value", arg);
            *dest = val;
            i++;
            continue;
        }
        if (strcmp(arg, "--run") == 0) {
            uint32_t n;
            int rc = cli_take_count(arg, val, &n);
            if (rc)
                return rc;
            if (n == 0)
                return cli_usage_error("--run counts from 1");
            a->run = n;
            i++;
            continue;
        }
        int rc = cli_check_option(argc, argv, &i, &a->check);
        if (rc == 1)
            return cli_usage_error("unknown option '%s'", arg);
        if (rc)
            return rc;
        a->check_options = 1;
    }
    if (!a->log)
        return cli_usage_error("reconcile needs DEVICE_LOG: the console output with WAMR's memory dump");
    if (a->estimate && (a->check.module || a->check_options))
        return cli_usage_error("give either --estimate FILE.json or check's MODULE and options, not both");
    if (!a->estimate && !a->check.module)
        return cli_usage_error("reconcile needs --estimate FILE.json (from check --json) or MODULE "
                               "--profile NAME to check it now");
    if (!a->estimate && !a->check.profile)
        return cli_usage_error("reconcile MODULE needs --profile NAME|PATH, as check does");
    if (a->json && (cli_same_file(a->json, a->log) || (a->estimate && cli_same_file(a->json, a->estimate))))
        return cli_usage_error("--json %s is one of the files read", a->json);
    return 0;
}

/* The estimate made here: check's JSON, written to memory and read back as a
 * file would be, so both ways give the same figures. */
static int estimate_by_check(reconcile_args *a, wb_estimate_file *f)
{
    static cli_check_state st;
    char *buf = NULL;
    size_t size = 0;
    int rc = cli_check_run(&a->check, &st);
    if (rc == CLI_EXIT_USAGE) {
        cli_check_done(&st);
        return -1;
    }
    FILE *mem = open_memstream(&buf, &size);
    if (!mem) {
        fprintf(stderr, "%s: out of memory\n", cli_prog);
        cli_check_done(&st);
        return -1;
    }
    wb_json_write(mem, &st.check, &st.verdict);
    int bad = ferror(mem);
    bad |= fclose(mem) != 0;
    cli_check_done(&st);
    wb_json_error err;
    if (bad) {
        fprintf(stderr, "%s: %s: out of memory writing the check's JSON\n", cli_prog, a->check.module);
        free(buf);
        return -1;
    }
    if (wb_estimate_file_read(buf, size, f, &err) != 0) {
        fprintf(stderr, "%s: %s: the check's own JSON does not read back (line %u: %s)\n", cli_prog,
                a->check.module, (unsigned)err.line, err.message);
        free(buf);
        return -1;
    }
    free(buf);
    return 0;
}

typedef struct reconcile_out {
    const wb_reconcile_report *report;
} reconcile_out;

static void reconcile_json_writer(FILE *f, const void *ctx)
{
    wb_reconcile_json_write(f, ((const reconcile_out *)ctx)->report);
}

int cli_reconcile(int argc, char **argv)
{
    reconcile_args a;
    wb_estimate_file est;
    wb_device_log log;
    wb_log_error lerr;
    mapped m;
    int rc = parse_reconcile_args(argc, argv, &a);
    if (rc)
        return rc;
    cli_clear_outputs(argc, argv);

    if (a.estimate ? cli_read_estimate(a.estimate, &est) != 0 : estimate_by_check(&a, &est) != 0)
        return CLI_EXIT_USAGE;
    rc = CLI_EXIT_USAGE;
    if (cli_map_file(a.log, &m) != 0)
        goto out_est;
    int read_rc = wb_device_log_read((const char *)m.data, m.size, &log, &lerr);
    cli_unmap_file(&m);
    if (read_rc != 0) {
        fprintf(stderr, "%s:%u: error: %s\n", a.log, (unsigned)lerr.line, lerr.message);
        goto out_est;
    }

    unsigned cap = log.dump_count + log.sample_count;
    wb_device_run *runs = calloc(cap ? cap : 1, sizeof *runs);
    wb_recon_run *recon = calloc(cap ? cap : 1, sizeof *recon);
    if (!runs || !recon) {
        fprintf(stderr, "%s: out of memory\n", cli_prog);
        goto out_runs;
    }
    unsigned n = wb_device_runs(&log, runs);
    if (n == 0) {
        fprintf(stderr,
                "%s: %s: no memory dump of WAMR (\"WASM module memory consumption, total size: ...\", "
                "printed by wasm_runtime_dump_mem_consumption in a runtime built with "
                "WAMR_BUILD_MEMORY_PROFILING=1) and no pool statistics (total, free and highmark on "
                "one line) in its %u lines\n",
                cli_prog, a.log, (unsigned)log.line_count);
        goto out_runs;
    }
    if (a.run > n) {
        cli_usage_error("--run %u: %s holds %u run%s", a.run, a.log, n, n == 1 ? "" : "s");
        goto out_runs;
    }

    wb_wamr_dump_facts dump_facts;
    const char *version = est.wamr_version ? est.wamr_version : WB_EST_VERSION_UNNAMED;
    int known = wb_wamr_dump_facts_for(version, &dump_facts);
    const wb_wamr_dump_facts *facts = &dump_facts;
    wb_recon_options opt = {a.buffer_in_pool};
    unsigned first = a.run ? a.run - 1 : 0, count = a.run ? 1 : n;
    for (unsigned i = 0; i < count; i++) {
        wb_recon_match(&runs[first + i], &est, facts, &opt, &recon[i]);
        wb_reconcile_judge(&recon[i]);
    }

    wb_reconcile_report r = {
        .log_path = a.log,
        .estimate_path = a.estimate ? a.estimate : a.check.module,
        .estimate_checked = !a.estimate,
        .estimate = &est,
        .wamr_version = version,
        .version_assumed = !est.wamr_version,
        .version_known = known,
        .runs = recon,
        .run_count = count,
        .first_index = first + 1,
        .runs_in_log = n,
        .buffer_in_pool = a.buffer_in_pool,
    };
    int json_stdout = a.json && strcmp(a.json, "-") == 0;
    FILE *report = json_stdout ? stderr : stdout;
    wb_colour col;
    if (cli_colour_of(a.colour, report, &col) != 0)
        goto out_runs;
    rc = wb_reconcile_exit_code(recon, count) ? CLI_EXIT_FAIL : CLI_EXIT_FITS;
    if (!a.quiet)
        wb_reconcile_report_write(report, &r, &col);
    if (!json_stdout && (fflush(stdout) != 0 || ferror(stdout))) {
        fprintf(stderr, "%s: cannot write the report to standard output\n", cli_prog);
        rc = CLI_EXIT_USAGE;
    }
    reconcile_out o = {&r};
    if (json_stdout) {
        wb_reconcile_json_write(stdout, &r);
        if (fflush(stdout) != 0 || ferror(stdout))
            rc = CLI_EXIT_USAGE;
    } else if (a.json && cli_write_file(a.json, reconcile_json_writer, &o) != 0) {
        rc = CLI_EXIT_USAGE;
    }

out_runs:
    free(runs);
    free(recon);
    wb_device_log_free(&log);
out_est:
    wb_estimate_file_free(&est);
    return rc;
}
