/* `wamr-budget diff`: what changed between two estimates, and a limit on growth. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check/diff.h"
#include "cli/cli.h"
#include "out/compare_out.h"
#include "read/estimate_file.h"

/* An estimate file read whole; errors name the file, line and column. */
int cli_read_estimate(const char *path, wb_estimate_file *f)
{
    mapped m;
    wb_json_error err;
    if (cli_map_file(path, &m) != 0)
        return -1;
    int rc = wb_estimate_file_read((const char *)m.data, m.size, f, &err);
    cli_unmap_file(&m);
    if (rc != 0) {
        fprintf(stderr, "%s:%u:%u: error: %s\n", path, (unsigned)err.line, (unsigned)err.column, err.message);
        return -1;
    }
    return 0;
}

int cli_colour_of(const char *when, FILE *out, wb_colour *c)
{
    c->on = 0;
    if (!when || strcmp(when, "auto") == 0) {
        const char *term = getenv("TERM");
        const char *no = getenv("NO_COLOR");
        c->on = isatty(fileno(out)) && term && strcmp(term, "dumb") != 0 && !(no && *no);
    } else if (strcmp(when, "always") == 0) {
        c->on = 1;
    } else if (strcmp(when, "never") != 0) {
        return cli_usage_error("--color '%s': use auto, always or never", when);
    }
    return 0;
}

int cli_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

typedef struct diff_out {
    const wb_diff_report *report;
} diff_out;

static void diff_json_writer(FILE *f, const void *ctx)
{
    wb_diff_json_write(f, ((const diff_out *)ctx)->report);
}

int cli_diff(int argc, char **argv)
{
    const char *paths[2] = {NULL, NULL}, *json = NULL, *growth = NULL, *pool = NULL, *colour = NULL;
    unsigned n = 0;
    wb_growth_limit limit;
    int quiet = 0;

    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        const char **dest = NULL;
        if (arg[0] != '-' || arg[1] == '\0') {
            if (n == 2)
                return cli_usage_error("unexpected argument '%s' (diff takes OLD.json and NEW.json)", arg);
            paths[n++] = arg;
            continue;
        }
        if (strcmp(arg, "--json") == 0)
            dest = &json;
        else if (strcmp(arg, "--fail-on-growth") == 0)
            dest = &growth;
        else if (strcmp(arg, "--pool") == 0)
            dest = &pool;
        else if (strcmp(arg, "--color") == 0)
            dest = &colour;
        else if (strcmp(arg, "--quiet") == 0 || strcmp(arg, "-q") == 0) {
            quiet = 1;
            continue;
        } else
            return cli_usage_error("unknown option '%s'", arg);
        if (!val)
            return cli_usage_error("%s needs a value", arg);
        *dest = val;
        i++;
    }
    if (n != 2)
        return cli_usage_error("diff needs OLD.json and NEW.json (the JSON of `wamr-budget check --json`)");
    if (growth && wb_growth_parse(growth, &limit) != 0)
        return cli_usage_error("bad limit '%s' for --fail-on-growth (a percentage such as 5%% or 2.5%%, "
                               "or a size such as 12K)", growth);
    if (pool && !growth)
        return cli_usage_error("--pool %s needs --fail-on-growth: it names what the limit applies to", pool);
    if (json && (cli_same_file(json, paths[0]) || cli_same_file(json, paths[1])))
        return cli_usage_error("--json %s is one of the files compared", json);
    cli_clear_outputs(argc, argv);

    wb_estimate_file old_f, new_f;
    if (cli_read_estimate(paths[0], &old_f) != 0)
        return CLI_EXIT_USAGE;
    if (cli_read_estimate(paths[1], &new_f) != 0) {
        wb_estimate_file_free(&old_f);
        return CLI_EXIT_USAGE;
    }
    int rc = CLI_EXIT_USAGE;
    wb_diff d;
    if (wb_diff_make(&old_f, &new_f, &d) != 0) {
        fprintf(stderr, "%s: out of memory\n", cli_prog);
        goto out_files;
    }

    wb_diff_report r = {&d, paths[0], paths[1], growth, pool ? pool : "total", 0};
    if (growth) {
        const wb_diff_change *c = wb_diff_pool(&d, r.limit_pool);
        if (!c || !c->in_old || !c->in_new) {
            char names[256] = "";
            for (unsigned i = 0; i < d.pool_count; i++)
                if (d.pools[i].in_old && d.pools[i].in_new &&
                    strlen(names) + strlen(d.pools[i].key) + 3 < sizeof names) {
                    strcat(names, d.pools[i].key);
                    strcat(names, ", ");
                }
            cli_usage_error("--pool %s is not a pool both files have (%stotal)", r.limit_pool, names);
            goto out_diff;
        }
        r.exceeded = wb_growth_exceeded(c, &limit);
    }

    int json_stdout = json && strcmp(json, "-") == 0;
    FILE *report = json_stdout ? stderr : stdout;
    wb_colour col;
    if (cli_colour_of(colour, report, &col) != 0)
        goto out_diff;
    rc = r.exceeded ? CLI_EXIT_FAIL : CLI_EXIT_FITS;
    if (!quiet)
        wb_diff_report_write(report, &r, &col);
    if (!json_stdout && (fflush(stdout) != 0 || ferror(stdout))) {
        fprintf(stderr, "%s: cannot write the report to standard output\n", cli_prog);
        rc = CLI_EXIT_USAGE;
    }
    if (r.exceeded)
        fprintf(stderr, "%s: error[growth-over-limit]: %s grew by more than %s\n", cli_prog,
                strcmp(r.limit_pool, "total") == 0 ? "the total" : r.limit_pool, growth);
    diff_out o = {&r};
    if (json_stdout) {
        wb_diff_json_write(stdout, &r);
        if (fflush(stdout) != 0 || ferror(stdout))
            rc = CLI_EXIT_USAGE;
    } else if (json && cli_write_file(json, diff_json_writer, &o) != 0) {
        rc = CLI_EXIT_USAGE;
    }

out_diff:
    wb_diff_free(&d);
out_files:
    wb_estimate_file_free(&old_f);
    wb_estimate_file_free(&new_f);
    return rc;
}
