/* `wamr-budget check`: read, bound the stacks, estimate, judge, write the outputs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/verdict.h"
#include "cli/cli.h"
#include "model/model.h"
#include "out/outputs.h"
#include "read/aot_reader.h"
#include "read/profile.h"
#include "read/stack_usage.h"
#include "read/wasm_reader.h"
#include "stack/stack_bound.h"
#include "util/parallel.h"

typedef struct check_out {
    const wb_check *check;
    const wb_verdict *verdict;
    const char *prefix;
} check_out;

static void json_writer(FILE *f, const void *ctx)
{
    const check_out *o = ctx;
    wb_json_write(f, o->check, o->verdict);
}

static void header_writer(FILE *f, const void *ctx)
{
    const check_out *o = ctx;
    wb_header_write(f, o->check, o->prefix);
}


/* ---- check ---- */

typedef struct check_args {
    const char *module;
    const char *aot;
    const char *names;
    const char *profile;
    const char *profile_dir;
    const char *json;
    const char *header;
    const char *prefix;
    const char *stack_usage;
    int quiet;
    wb_settings settings;
} check_args;

static int parse_check_args(int argc, char **argv, check_args *a)
{
    memset(a, 0, sizeof *a);
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        int rc = 0;

        if (arg[0] != '-' || arg[1] == '\0') {
            if (a->module)
                return cli_usage_error("unexpected argument '%s' (one MODULE only)", arg);
            a->module = arg;
            continue;
        }
#define OPT(name) (strcmp(arg, name) == 0)
#define NEEDS_VALUE()                                                                  \
    do {                                                                               \
        if (!val)                                                                      \
            return cli_usage_error("%s needs a value", arg);                               \
        i++;                                                                           \
    } while (0)
        if (OPT("--aot")) {
            NEEDS_VALUE();
            a->aot = val;
        } else if (OPT("--names")) {
            NEEDS_VALUE();
            a->names = val;
        } else if (OPT("--profile")) {
            NEEDS_VALUE();
            a->profile = val;
        } else if (OPT("--profile-dir")) {
            NEEDS_VALUE();
            a->profile_dir = val;
        } else if (OPT("--mode")) {
            NEEDS_VALUE();
            if (wb_mode_parse(val, &a->settings.mode) != 0)
                return cli_usage_error("unknown mode '%s' (aot, fast-interp or classic-interp)", val);
            a->settings.mode_given = 1;
        } else if (OPT("--budget")) {
            NEEDS_VALUE();
            rc = cli_take_size(arg, val, &a->settings.budget);
            if (!rc && a->settings.budget == 0)
                return cli_usage_error("--budget must be more than 0");
            a->settings.budget_given = 1;
        } else if (OPT("--stack-size")) {
            NEEDS_VALUE();
            rc = cli_take_size(arg, val, &a->settings.wasm_stack_size);
            /* the stack_size argument of wasm_runtime_instantiate is a uint32 */
            if (!rc && a->settings.wasm_stack_size > UINT32_MAX)
                return cli_usage_error("--stack-size %s is more than WAMR takes (under 4G)", val);
            a->settings.wasm_stack_given = 1;
        } else if (OPT("--heap-size")) {
            NEEDS_VALUE();
            rc = cli_take_size(arg, val, &a->settings.heap_size);
            if (!rc && a->settings.heap_size > WB_APP_HEAP_SIZE_MAX)
                return cli_usage_error("--heap-size %s is above WAMR's APP_HEAP_SIZE_MAX (%lluM)",
                                       val, (unsigned long long)(WB_APP_HEAP_SIZE_MAX >> 20));
            /* WAMR rounds it up to 8, then its allocator wants APP_HEAP_SIZE_MIN */
            if (!rc && a->settings.heap_size > 0 &&
                (a->settings.heap_size + 7) / 8 * 8 < WB_APP_HEAP_SIZE_MIN)
                return cli_usage_error("--heap-size %s is below WAMR's APP_HEAP_SIZE_MIN (%u B): "
                                       "instantiation fails (\"init app heap failed\"); give 0 "
                                       "(no app heap) or at least %u",
                                       val, WB_APP_HEAP_SIZE_MIN, WB_APP_HEAP_SIZE_MIN);
            a->settings.heap_size_given = 1;
        } else if (OPT("--threads")) {
            NEEDS_VALUE();
            rc = cli_take_count(arg, val, &a->settings.threads);
        } else if (OPT("--json")) {
            NEEDS_VALUE();
            a->json = val;
        } else if (OPT("--header")) {
            NEEDS_VALUE();
            a->header = val;
        } else if (OPT("--prefix")) {
            NEEDS_VALUE();
            if (!cli_valid_identifier(val))
                return cli_usage_error("--prefix '%s' is not a C identifier", val);
            a->prefix = val;
        } else if (OPT("--stack-usage")) {
            NEEDS_VALUE();
            a->stack_usage = val;
        } else if (OPT("--quiet") || OPT("-q")) {
            a->quiet = 1;
        } else {
            return cli_usage_error("unknown option '%s'", arg);
        }
#undef OPT
#undef NEEDS_VALUE
        if (rc)
            return rc;
    }
    if (!a->module)
        return cli_usage_error("check needs a MODULE (.wasm or .aot)");
    if (!a->profile)
        return cli_usage_error("check needs --profile NAME|PATH (e.g. --profile esp32s3)");
    return 0;
}


/* The stack bounds and the model read the same facts and nothing else: they
 * run as two jobs at once, and the parts of their walks over a large module
 * join the same queue (util/parallel.c), so the cores stay busy until both are
 * done.  Job 0 is the model, job 1 the stack bounds (a wasm module only). */
typedef struct check_jobs {
    const uint8_t *data;
    size_t size;
    const wb_wasm_facts *facts;
    const wb_stack_usage *su;
    wb_stack_result *stack;
    wb_error stack_err;
    int stack_rc;
    const wb_module_facts *mf;
    const wb_profile *profile;
    const wb_settings *settings;
    wb_estimate *est;
    const char *why;
    int model_rc;
} check_jobs;

static void check_job(void *ctx, unsigned index)
{
    check_jobs *j = ctx;
    if (index == 0)
        j->model_rc = wb_model_estimate_bytes(j->mf, j->facts ? j->data : NULL,
                                              j->facts ? j->size : 0, j->profile, j->settings,
                                              j->est, &j->why);
    else
        j->stack_rc = wb_stack_analyse(j->data, j->size, j->facts, j->su, j->stack, &j->stack_err);
}

int cli_check(int argc, char **argv)
{
    check_args a;
    mapped mod, aotm, sum, namesm;
    wb_wasm_facts wasm_facts, names_facts;
    wb_aot_facts aot_facts;
    wb_profile profile;
    wb_estimate est;
    wb_stack_usage su;
    wb_stack_result stack;
    wb_error err;
    wb_check check;
    wb_verdict verdict;
    char prefix[96];
    int have_wasm = 0, have_aot = 0, have_stack = 0, have_su = 0, have_names = 0;
    int rc;

    cli_clear_outputs(argc, argv);
    rc = parse_check_args(argc, argv, &a);
    if (rc)
        return rc;
    memset(&aotm, 0, sizeof aotm);
    memset(&sum, 0, sizeof sum);
    memset(&namesm, 0, sizeof namesm);
    memset(&su, 0, sizeof su);

    if (cli_map_file(a.module, &mod) != 0)
        return CLI_EXIT_USAGE;
    rc = CLI_EXIT_USAGE;
    if (wb_aot_is_aot(mod.data, mod.size)) {
        if (a.aot)
            return cli_usage_error("MODULE '%s' is an .aot file already; --aot is for a .wasm MODULE", a.module);
        if (a.settings.mode_given && a.settings.mode != WB_MODE_AOT)
            return cli_usage_error("'%s' is an .aot file: only --mode aot applies", a.module);
        if (wb_aot_read(mod.data, mod.size, &aot_facts, &err) != 0) {
            cli_read_error(a.module, &err);
            goto out;
        }
        have_aot = 1;
        a.settings.mode = WB_MODE_AOT;
        a.settings.mode_given = 1;
    } else {
        if (wb_wasm_read(mod.data, mod.size, &wasm_facts, &err) != 0) {
            cli_read_error(a.module, &err);
            goto out;
        }
        have_wasm = 1;
    }
    if (a.names) {
        /* names fit only the function indexes of the same module: every
         * standard section must be the module's own */
        unsigned differs;
        if (!have_wasm) {
            cli_usage_error("--names gives the names of a .wasm MODULE; '%s' is an .aot file",
                            a.module);
            goto out;
        }
        if (cli_map_file(a.names, &namesm) != 0)
            goto out;
        if (wb_wasm_read(namesm.data, namesm.size, &names_facts, &err) != 0) {
            cli_read_error(a.names, &err);
            goto out;
        }
        differs = wb_wasm_same_sections(mod.data, &wasm_facts, namesm.data, &names_facts);
        if (differs) {
            fprintf(stderr,
                    "%s: %s: error: not the module %s with names: section %u differs, so its "
                    "names would not fit (give the copy that wasm-opt -g wrote in the same "
                    "run, or the module as linked)\n",
                    cli_prog, a.names, a.module, differs);
            goto out;
        }
        have_names = 1;
    }
    if (a.aot) {
        if (a.settings.mode_given && a.settings.mode != WB_MODE_AOT) {
            cli_usage_error("--aot given with --mode %s: the .aot file is only used in aot mode",
                        wb_mode_name(a.settings.mode));
            goto out;
        }
        if (cli_map_file(a.aot, &aotm) != 0)
            goto out;
        if (wb_aot_read(aotm.data, aotm.size, &aot_facts, &err) != 0) {
            cli_read_error(a.aot, &err);
            goto out;
        }
        have_aot = 1;
        a.settings.mode = WB_MODE_AOT;
        a.settings.mode_given = 1;
    }
    if (cli_load_profile(a.profile, a.profile_dir, &profile) != 0)
        goto out;
    if (!a.settings.mode_given)
        a.settings.mode = profile.mode;
    /* the budget: --budget, else the profile's, else all of the device's RAM */
    int budget_is_ram = 0;
    if (!a.settings.budget_given && (profile.budget || profile.ram)) {
        a.settings.budget = profile.budget ? profile.budget : profile.ram;
        a.settings.budget_given = 1;
        budget_is_ram = !profile.budget;
    } else if (!a.settings.budget_given) {
        cli_usage_error("no budget: give --budget SIZE (the RAM the module may use on the device), "
                    "or budget or ram in profile '%s'", profile.name);
        goto out;
    } else if (profile.ram && a.settings.budget > profile.ram) {
        cli_usage_error("--budget %llu B is more than the device has: profile '%s' gives ram = %llu B",
                    (unsigned long long)a.settings.budget, profile.name,
                    (unsigned long long)profile.ram);
        goto out;
    }
    if (a.stack_usage) {
        if (cli_map_file(a.stack_usage, &sum) != 0)
            goto out;
        if (wb_stack_usage_parse((const char *)sum.data, sum.size, &su, &err) != 0) {
            fprintf(stderr, "%s:%zu: error: %s\n", a.stack_usage, err.offset, err.message);
            goto out;
        }
        have_su = 1;
        /* .su frames leave out the return address a call pushes on x86; ARM,
         * RISC-V and Xtensa keep it inside the frame. */
        const char *arch = have_aot ? aot_facts.arch : profile.aot_target;
        su.call_bytes = strncmp(arch, "x86_64", 6) == 0 ? 8 : strncmp(arch, "i386", 4) == 0 ? 4 : 0;
    }
    wb_module_facts mf = {have_wasm ? &wasm_facts : NULL, have_aot ? &aot_facts : NULL};
    check_jobs jobs = {mod.data, mod.size, have_wasm ? &wasm_facts : NULL, have_su ? &su : NULL,
                       &stack, {0, NULL, ""}, 0, &mf, &profile, &a.settings, &est, NULL, 0};
    wb_par_run(have_wasm ? 2 : 1, check_job, &jobs);
    if (have_wasm) {
        if (jobs.stack_rc != 0) {
            cli_read_error(a.module, &jobs.stack_err);
            goto out;
        }
        have_stack = 1;
    }
    if (jobs.model_rc != 0) {
        fprintf(stderr, "%s: %s: cannot estimate: %s\n", cli_prog, a.module,
                jobs.why ? jobs.why : "unknown reason");
        goto out;
    }

    memset(&check, 0, sizeof check);
    check.module_path = a.module;
    check.aot_path = a.aot;
    check.wasm = have_wasm ? mod.data : NULL;
    check.wasm_size = have_wasm ? mod.size : 0;
    check.wasm_facts = have_wasm ? &wasm_facts : NULL;
    if (have_names) {
        check.names_path = a.names;
        check.names_wasm = namesm.data;
        check.names_size = namesm.size;
        check.names_facts = &names_facts;
    }
    check.aot_facts = have_aot ? &aot_facts : NULL;
    check.profile = &profile;
    check.settings = &a.settings;
    check.estimate = &est;
    check.stack = have_stack ? &stack : NULL;
    check.main_stack_size = est.aux_stack_bytes;
    /* a stack below the static data spans [0, its initial pointer), whether
     * or not WAMR can see it */
    if (!check.main_stack_size && have_wasm && wasm_facts.stack_below_data)
        check.main_stack_size = wasm_facts.stack_pointer_init;
    check.budget = a.settings.budget_given ? a.settings.budget : 0;
    check.budget_is_ram = budget_is_ram;
    wb_verdict_make(&check, &verdict);
    rc = wb_verdict_exit_code(&verdict);

    if (a.prefix)
        snprintf(prefix, sizeof prefix, "%s", a.prefix);
    else
        cli_prefix_from_path(a.module, prefix, sizeof prefix);
    check_out o = {&check, &verdict, prefix};

    int json_stdout = a.json && strcmp(a.json, "-") == 0;
    if (!a.quiet)
        wb_report_write(json_stdout ? stderr : stdout, &check, &verdict);
    if (!json_stdout && (fflush(stdout) != 0 || ferror(stdout))) {
        fprintf(stderr, "%s: cannot write the report to standard output\n", cli_prog);
        rc = CLI_EXIT_USAGE;
    }
    wb_diags_write(stderr, &check, &verdict);
    if (json_stdout) {
        wb_json_write(stdout, &check, &verdict);
        if (fflush(stdout) != 0)
            rc = CLI_EXIT_USAGE;
    } else if (a.json && cli_write_file(a.json, json_writer, &o) != 0) {
        rc = CLI_EXIT_USAGE;
    }
    if (rc == CLI_EXIT_FITS && a.header && cli_write_file(a.header, header_writer, &o) != 0)
        rc = CLI_EXIT_USAGE;

out:
    if (have_su)
        wb_stack_usage_free(&su);
    cli_unmap_file(&sum);
    cli_unmap_file(&namesm);
    cli_unmap_file(&aotm);
    cli_unmap_file(&mod);
    return rc;
}
