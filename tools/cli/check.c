/* `wamr-budget check`: read, bound the stacks, estimate, judge, write the outputs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/verdict.h"
#include "cli/cli.h"
#include "read/stack_notes.h"
#include "model/model.h"
#include "model/wamr_versions.h"
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


/* ---- the estimate options, shared with reconcile ---- */

int cli_check_option(int argc, char **argv, int *i, cli_check_args *a)
{
    const char *arg = argv[*i];
    const char *val = *i + 1 < argc ? argv[*i + 1] : NULL;
    int rc = 0;
#define OPT(name) (strcmp(arg, name) == 0)
#define NEEDS_VALUE()                                                                  \
    do {                                                                               \
        if (!val)                                                                      \
            return cli_usage_error("%s needs a value", arg);                           \
        (*i)++;                                                                        \
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
    } else if (OPT("--stack-size") && val && strcmp(val, "auto") == 0) {
        NEEDS_VALUE();
        a->stack_auto = 1;
        a->settings.wasm_stack_given = 0;
    } else if (OPT("--stack-margin")) {
        NEEDS_VALUE();
        rc = cli_take_size(arg, val, &a->stack_margin);
        if (!rc && a->stack_margin > (1u << 30))
            return cli_usage_error("--stack-margin %s is more than 1G", val);
        a->stack_margin_given = 1;
    } else if (OPT("--stack-annotations")) {
        NEEDS_VALUE();
        a->notes = val;
    } else if (OPT("--stack-size")) {
        NEEDS_VALUE();
        a->stack_auto = 0;
        rc = cli_take_size(arg, val, &a->settings.wasm_stack_size);
        /* the stack_size argument of wasm_runtime_instantiate is a uint32 */
        if (!rc && a->settings.wasm_stack_size > UINT32_MAX)
            return cli_usage_error("--stack-size %s is more than WAMR takes (under 4G)", val);
        a->settings.wasm_stack_given = 1;
    } else if (OPT("--heap-size")) {
        NEEDS_VALUE();
        rc = cli_take_size(arg, val, &a->settings.heap_size);
        /* the WAMR version's APP_HEAP_SIZE_MAX is checked once it is known;
         * WAMR rounds the size up to 8, then its allocator wants APP_HEAP_SIZE_MIN */
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
    } else if (OPT("--stack-usage")) {
        NEEDS_VALUE();
        a->stack_usage = val;
    } else if (OPT("--wamr")) {
        NEEDS_VALUE();
        if (!wb_wamr_version_find(val)) {
            char why[512];
            wb_wamr_version_refusal(val, why, sizeof why);
            return cli_usage_error("--wamr %s: %s", val, why);
        }
        a->wamr = val;
    } else {
        return 1;
    }
#undef OPT
#undef NEEDS_VALUE
    return rc;
}

/* ---- check ---- */

typedef struct check_args {
    cli_check_args est;
    const char *json;
    const char *header;
    const char *prefix;
    int quiet;
} check_args;

static int parse_check_args(int argc, char **argv, check_args *a)
{
    memset(a, 0, sizeof *a);
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;

        if (arg[0] != '-' || arg[1] == '\0') {
            if (a->est.module)
                return cli_usage_error("unexpected argument '%s' (one MODULE only)", arg);
            a->est.module = arg;
            continue;
        }
        int rc = cli_check_option(argc, argv, &i, &a->est);
        if (rc == 0)
            continue;
        if (rc != 1)
            return rc;
        if (strcmp(arg, "--json") == 0 || strcmp(arg, "--header") == 0 || strcmp(arg, "--prefix") == 0) {
            if (!val)
                return cli_usage_error("%s needs a value", arg);
            i++;
            if (arg[2] == 'j')
                a->json = val;
            else if (arg[2] == 'h')
                a->header = val;
            else if (!cli_valid_identifier(val))
                return cli_usage_error("--prefix '%s' is not a C identifier", val);
            else
                a->prefix = val;
        } else if (strcmp(arg, "--quiet") == 0 || strcmp(arg, "-q") == 0) {
            a->quiet = 1;
        } else {
            return cli_usage_error("unknown option '%s'", arg);
        }
    }
    if (!a->est.module)
        return cli_usage_error("check needs a MODULE (.wasm or .aot)");
    if (!a->est.profile)
        return cli_usage_error("check needs --profile NAME|PATH (e.g. --profile esp32s3)");
    return 0;
}


/* The stack graph and the interpreter's load replay read the same facts and
 * nothing else: they run as two jobs at once, and the parts of their walks
 * over a large module join the same queue (util/parallel.c), so the cores
 * stay busy until both are done.  Job 0 replays the loader (interpreter
 * modes), job 1 builds the call graph and the aux and native bounds. */
typedef struct check_jobs {
    const uint8_t *data;
    size_t size;
    const wb_wasm_facts *facts;
    const uint8_t *names;           /* the --names copy, or NULL */
    size_t names_size;
    const wb_wasm_facts *names_facts;
    const wb_stack_usage *su;
    const wb_stack_notes *notes;
    wb_stack_graph *graph;
    wb_stack_result *stack;
    wb_error stack_err;
    int stack_rc;
    const wb_profile *profile;
    wb_mode mode;
    wb_interp_load *il;
    int load_rc;
} check_jobs;

static void check_job(void *ctx, unsigned index)
{
    check_jobs *j = ctx;
    if (index == 0) {
        j->load_rc = wb_model_interp_load(j->facts, j->data, j->size, j->profile, j->mode,
                                          j->mode != WB_MODE_AOT, j->il);
        return;
    }
    j->stack_rc = wb_stack_graph_build_named(j->data, j->size, j->facts, j->names, j->names_size,
                                             j->names_facts, j->notes, &j->graph, &j->stack_err);
    if (j->stack_rc == 0)
        j->stack_rc = wb_stack_bounds(j->graph, j->su, j->stack, &j->stack_err);
}

/* --stack-size auto: the operand-stack bound of the main thread and, when
 * threads may run, of the threads, plus the margin, rounded up to 16; AOT
 * code keeps no values there and gets 1 KiB for the call frames of
 * call-stack dumps.  0 when there is no bound. */
static uint64_t auto_stack_size(wb_mode mode, const wb_stack_result *s, int threads,
                                uint64_t margin)
{
    if (mode == WB_MODE_AOT)
        return 1024;
    const wb_stack_bound *b = s ? wb_stack_operand_worst(s, threads) : NULL;
    if (!b || !b->analysed || !b->bounded)
        return 0;
    return (b->max_bytes + margin + 15) / 16 * 16;
}

int cli_check_run(cli_check_args *a, cli_check_state *st)
{
    wb_error err;
    int have_wasm = 0, have_aot = 0, have_stack = 0;

    memset(st, 0, sizeof *st);
    if (cli_map_file(a->module, &st->mod) != 0)
        return CLI_EXIT_USAGE;
    if (wb_aot_is_aot(st->mod.data, st->mod.size)) {
        if (a->aot)
            return cli_usage_error("MODULE '%s' is an .aot file already; --aot is for a .wasm MODULE", a->module);
        if (a->settings.mode_given && a->settings.mode != WB_MODE_AOT)
            return cli_usage_error("'%s' is an .aot file: only --mode aot applies", a->module);
        if (wb_aot_read(st->mod.data, st->mod.size, &st->aot_facts, &err) != 0) {
            cli_read_error(a->module, &err);
            return CLI_EXIT_USAGE;
        }
        have_aot = 1;
        a->settings.mode = WB_MODE_AOT;
        a->settings.mode_given = 1;
    } else {
        if (wb_wasm_read(st->mod.data, st->mod.size, &st->wasm_facts, &err) != 0) {
            cli_read_error(a->module, &err);
            return CLI_EXIT_USAGE;
        }
        have_wasm = 1;
    }
    if (a->names) {
        /* names fit only the function indexes of the same module: every
         * standard section must be the module's own */
        unsigned differs;
        if (!have_wasm)
            return cli_usage_error("--names gives the names of a .wasm MODULE; '%s' is an .aot file",
                                   a->module);
        if (cli_map_file(a->names, &st->namesm) != 0)
            return CLI_EXIT_USAGE;
        if (wb_wasm_read(st->namesm.data, st->namesm.size, &st->names_facts, &err) != 0) {
            cli_read_error(a->names, &err);
            return CLI_EXIT_USAGE;
        }
        differs = wb_wasm_same_sections(st->mod.data, &st->wasm_facts, st->namesm.data,
                                        &st->names_facts);
        if (differs) {
            fprintf(stderr,
                    "%s: %s: error: not the module %s with names: section %u differs, so its "
                    "names would not fit (give the copy that wasm-opt -g wrote in the same "
                    "run, or the module as linked)\n",
                    cli_prog, a->names, a->module, differs);
            return CLI_EXIT_USAGE;
        }
        st->have_names = 1;
    }
    if (a->aot) {
        if (a->settings.mode_given && a->settings.mode != WB_MODE_AOT)
            return cli_usage_error("--aot given with --mode %s: the .aot file is only used in aot mode",
                                   wb_mode_name(a->settings.mode));
        if (cli_map_file(a->aot, &st->aotm) != 0)
            return CLI_EXIT_USAGE;
        if (wb_aot_read(st->aotm.data, st->aotm.size, &st->aot_facts, &err) != 0) {
            cli_read_error(a->aot, &err);
            return CLI_EXIT_USAGE;
        }
        have_aot = 1;
        a->settings.mode = WB_MODE_AOT;
        a->settings.mode_given = 1;
    }
    wb_profile *profile = &st->profile;
    if (cli_load_profile(a->profile, a->profile_dir, profile) != 0)
        return CLI_EXIT_USAGE;
    /* --wamr names the runtime's version in place of the profile's */
    if (cli_set_wamr(profile, a->wamr) != 0)
        return CLI_EXIT_USAGE;
    const wb_wamr_version *version = wb_wamr_version_find(profile->wamr_version);
    if (a->settings.heap_size_given && a->settings.heap_size > version->t->app_heap_size_max)
        return cli_usage_error("--heap-size %llu is above APP_HEAP_SIZE_MAX of WAMR %s (%llu MiB)",
                               (unsigned long long)a->settings.heap_size, version->name,
                               (unsigned long long)(version->t->app_heap_size_max >> 20));
    if (!a->settings.mode_given)
        a->settings.mode = profile->mode;
    /* the budget: --budget, else the profile's, else all of the device's RAM */
    int budget_is_ram = 0;
    if (!a->settings.budget_given && (profile->budget || profile->ram)) {
        a->settings.budget = profile->budget ? profile->budget : profile->ram;
        a->settings.budget_given = 1;
        budget_is_ram = !profile->budget;
    } else if (!a->settings.budget_given) {
        return cli_usage_error("no budget: give --budget SIZE (the RAM the module may use on the device), "
                               "or budget or ram in profile '%s'", profile->name);
    } else if (profile->ram && a->settings.budget > profile->ram) {
        return cli_usage_error("--budget %llu B is more than the device has: profile '%s' gives ram = %llu B",
                               (unsigned long long)a->settings.budget, profile->name,
                               (unsigned long long)profile->ram);
    }
    if (a->stack_usage) {
        if (cli_map_file(a->stack_usage, &st->sum) != 0)
            return CLI_EXIT_USAGE;
        if (wb_stack_usage_parse((const char *)st->sum.data, st->sum.size, &st->su, &err) != 0) {
            fprintf(stderr, "%s:%zu: error: %s\n", a->stack_usage, err.offset, err.message);
            return CLI_EXIT_USAGE;
        }
        st->have_su = 1;
        /* .su frames leave out the return address a call pushes on x86; ARM,
         * RISC-V and Xtensa keep it inside the frame. */
        const char *arch = have_aot ? st->aot_facts.arch : profile->aot_target;
        st->su.call_bytes = strncmp(arch, "x86_64", 6) == 0 ? 8 : strncmp(arch, "i386", 4) == 0 ? 4 : 0;
    }
    if (a->notes) {
        if (!have_wasm)
            return cli_usage_error("--stack-annotations needs a .wasm MODULE: the stack bounds read "
                                   "its code");
        if (cli_load_notes(a->notes, &st->notes) != 0)
            return CLI_EXIT_USAGE;
        st->have_notes = 1;
    }
    wb_module_facts mf = {have_wasm ? &st->wasm_facts : NULL, have_aot ? &st->aot_facts : NULL};
    check_jobs jobs;
    memset(&jobs, 0, sizeof jobs);
    jobs.data = st->mod.data;
    jobs.size = st->mod.size;
    jobs.facts = have_wasm ? &st->wasm_facts : NULL;
    if (st->have_names) {
        jobs.names = st->namesm.data;
        jobs.names_size = st->namesm.size;
        jobs.names_facts = &st->names_facts;
    }
    jobs.su = st->have_su ? &st->su : NULL;
    jobs.notes = st->have_notes ? &st->notes : NULL;
    jobs.stack = &st->stack;
    jobs.profile = profile;
    jobs.mode = wb_model_mode(&mf, profile, &a->settings);
    jobs.il = &st->il;
    wb_par_run(have_wasm ? 2 : 1, check_job, &jobs);
    st->graph = jobs.graph;
    if (jobs.load_rc != 0) {
        fprintf(stderr, "%s: %s: cannot estimate: out of memory replaying the loader\n", cli_prog,
                a->module);
        return CLI_EXIT_USAGE;
    }
    if (have_wasm) {
        if (jobs.stack_rc != 0) {
            cli_stack_error(a->module, a->notes, &jobs.stack_err);
            return CLI_EXIT_USAGE;
        }
        have_stack = 1;
        /* the interpreters' operand stack, over the same graph */
        if (st->il.frames.count &&
            wb_stack_operand(st->graph, st->il.frames.frame, st->il.frames.entry,
                             st->il.frames.count, &st->stack, &err) != 0) {
            cli_read_error(a->module, &err);
            return CLI_EXIT_USAGE;
        }
    }
    uint64_t margin = a->stack_margin_given ? a->stack_margin : CLI_STACK_MARGIN;
    uint64_t auto_size = 0;
    if (a->stack_auto) {
        auto_size = auto_stack_size(jobs.mode, have_stack ? &st->stack : NULL,
                                    a->settings.threads > 0 || (have_stack && st->stack.pthread_entries),
                                    margin);
        if (auto_size) {
            a->settings.wasm_stack_size = auto_size;
            a->settings.wasm_stack_given = 1;
        }
    }
    const char *why = NULL;
    if (wb_model_estimate_loaded(&mf, &st->il, profile, &a->settings, &st->est, &why) != 0) {
        fprintf(stderr, "%s: %s: cannot estimate: %s\n", cli_prog, a->module,
                why ? why : "unknown reason");
        return CLI_EXIT_USAGE;
    }

    wb_check *check = &st->check;
    check->module_path = a->module;
    check->aot_path = a->aot;
    check->wasm = have_wasm ? st->mod.data : NULL;
    check->wasm_size = have_wasm ? st->mod.size : 0;
    check->wasm_facts = have_wasm ? &st->wasm_facts : NULL;
    if (st->have_names) {
        check->names_path = a->names;
        check->names_wasm = st->namesm.data;
        check->names_size = st->namesm.size;
        check->names_facts = &st->names_facts;
    }
    check->aot_facts = have_aot ? &st->aot_facts : NULL;
    check->profile = profile;
    check->settings = &a->settings;
    check->estimate = &st->est;
    check->stack = have_stack ? &st->stack : NULL;
    check->main_stack_size = st->est.aux_stack_main;
    /* a stack below the static data spans [0, its initial pointer), whether
     * or not WAMR can see it */
    if (!check->main_stack_size && have_wasm && st->wasm_facts.stack_below_data)
        check->main_stack_size = st->wasm_facts.stack_pointer_init;
    check->notes = have_stack ? wb_stack_graph_notes(st->graph) : NULL;
    check->notes_path = a->notes;
    check->operand_why = st->il.frames.count ? NULL : st->il.frames.why;
    check->stack_auto = a->stack_auto;
    check->stack_auto_failed = a->stack_auto && auto_size == 0;
    check->stack_margin = margin;
    check->budget = a->settings.budget; /* given, or the profile's: it is set by now */
    check->budget_is_ram = budget_is_ram;
    wb_verdict_make(check, &st->verdict);
    return wb_verdict_exit_code(&st->verdict);
}

void cli_check_done(cli_check_state *st)
{
    wb_stack_graph_free(st->graph);
    wb_interp_load_free(&st->il);
    if (st->have_notes)
        wb_stack_notes_free(&st->notes);
    if (st->have_su)
        wb_stack_usage_free(&st->su);
    cli_unmap_file(&st->sum);
    cli_unmap_file(&st->namesm);
    cli_unmap_file(&st->aotm);
    cli_unmap_file(&st->mod);
    memset(st, 0, sizeof *st);
}

int cli_check(int argc, char **argv)
{
    check_args a;
    static cli_check_state st; /* large: the facts and the estimate */
    char prefix[96];
    int rc;

    cli_clear_outputs(argc, argv);
    rc = parse_check_args(argc, argv, &a);
    if (rc)
        return rc;
    rc = cli_check_run(&a.est, &st);
    if (rc == CLI_EXIT_USAGE)
        goto out;

    if (a.prefix)
        snprintf(prefix, sizeof prefix, "%s", a.prefix);
    else
        cli_prefix_from_path(a.est.module, prefix, sizeof prefix);
    check_out o = {&st.check, &st.verdict, prefix};

    int json_stdout = a.json && strcmp(a.json, "-") == 0;
    if (!a.quiet)
        wb_report_write(json_stdout ? stderr : stdout, &st.check, &st.verdict);
    if (!json_stdout && (fflush(stdout) != 0 || ferror(stdout))) {
        fprintf(stderr, "%s: cannot write the report to standard output\n", cli_prog);
        rc = CLI_EXIT_USAGE;
    }
    wb_diags_write(stderr, &st.check, &st.verdict);
    if (json_stdout) {
        wb_json_write(stdout, &st.check, &st.verdict);
        if (fflush(stdout) != 0 || ferror(stdout)) {
            fprintf(stderr, "%s: cannot write the JSON to standard output\n", cli_prog);
            rc = CLI_EXIT_USAGE;
        }
    } else if (a.json && cli_write_file(a.json, json_writer, &o) != 0) {
        rc = CLI_EXIT_USAGE;
    }
    if (rc == CLI_EXIT_FITS && a.header && cli_write_file(a.header, header_writer, &o) != 0)
        rc = CLI_EXIT_USAGE;

out:
    cli_check_done(&st);
    return rc;
}
