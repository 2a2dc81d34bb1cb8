/* `wamr-budget inspect` and `wamr-budget stack-bound`: the facts, and a stack bound alone. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "model/model.h"
#include "out/outputs.h"
#include "read/aot_reader.h"
#include "read/wasm_reader.h"
#include "stack/stack_bound.h"

/* ---- inspect ---- */

int cli_inspect(int argc, char **argv)
{
    mapped m;
    wb_error err;
    int rc = CLI_EXIT_USAGE;

    if (argc != 1)
        return cli_usage_error("inspect takes one MODULE");
    if (cli_map_file(argv[0], &m) != 0)
        return CLI_EXIT_USAGE;
    if (wb_aot_is_aot(m.data, m.size)) {
        wb_aot_facts a;
        if (wb_aot_read(m.data, m.size, &a, &err) == 0) {
            wb_inspect_write(stdout, argv[0], NULL, &a);
            rc = 0;
        } else {
            cli_read_error(argv[0], &err);
        }
    } else {
        wb_wasm_facts w;
        if (wb_wasm_read(m.data, m.size, &w, &err) == 0) {
            wb_inspect_write(stdout, argv[0], &w, NULL);
            rc = 0;
        } else {
            cli_read_error(argv[0], &err);
        }
    }
    cli_unmap_file(&m);
    return rc;
}

/* ---- stack-bound ---- */

/*
 * stack-bound MODULE [--stack-annotations FILE]
 *             [--operand --profile NAME|PATH [--mode M] [--wamr V] [--profile-dir DIR]]
 * Prints the aux-stack bound of the main thread, or with --operand the
 * smallest stack_size the profile's interpreter runs the module with (the
 * main thread's and the threads' larger); the worst path on stderr.
 */
int cli_stack_bound(int argc, char **argv)
{
    const char *module = NULL, *notes_path = NULL, *profile_name = NULL, *profile_dir = NULL;
    const char *wamr = NULL;
    int operand = 0, have_notes = 0, rc = CLI_EXIT_USAGE;
    wb_settings settings;
    mapped m;
    wb_wasm_facts w;
    wb_stack_notes notes;
    wb_stack_graph *g = NULL;
    wb_stack_result r;
    wb_interp_load il;
    wb_error err;

    memset(&settings, 0, sizeof settings);
    memset(&il, 0, sizeof il);
    for (int i = 0; i < argc; i++) {
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (argv[i][0] != '-' || argv[i][1] == '\0') {
            if (module)
                return cli_usage_error("stack-bound takes one MODULE (.wasm)");
            module = argv[i];
        } else if (strcmp(argv[i], "--operand") == 0) {
            operand = 1;
        } else if (strcmp(argv[i], "--stack-annotations") == 0 || strcmp(argv[i], "--profile") == 0 ||
                   strcmp(argv[i], "--mode") == 0 || strcmp(argv[i], "--wamr") == 0 ||
                   strcmp(argv[i], "--profile-dir") == 0) {
            if (!val)
                return cli_usage_error("%s needs a value", argv[i]);
            if (strcmp(argv[i], "--stack-annotations") == 0)
                notes_path = val;
            else if (strcmp(argv[i], "--profile") == 0)
                profile_name = val;
            else if (strcmp(argv[i], "--profile-dir") == 0)
                profile_dir = val;
            else if (strcmp(argv[i], "--wamr") == 0)
                wamr = val;
            else if (wb_mode_parse(val, &settings.mode) != 0)
                return cli_usage_error("unknown mode '%s' (fast-interp or classic-interp)", val);
            else
                settings.mode_given = 1;
            i++;
        } else {
            return cli_usage_error("unknown option '%s' for stack-bound", argv[i]);
        }
    }
    if (!module)
        return cli_usage_error("stack-bound takes one MODULE (.wasm)");
    if (operand && !profile_name)
        return cli_usage_error("stack-bound --operand needs --profile: the interpreter's frames "
                               "depend on the runtime build");
    if (!operand && (profile_name || settings.mode_given || wamr))
        return cli_usage_error("--profile, --mode and --wamr are for stack-bound --operand");
    if (cli_map_file(module, &m) != 0)
        return CLI_EXIT_USAGE;
    if (notes_path) {
        if (cli_load_notes(notes_path, &notes) != 0)
            goto out;
        have_notes = 1;
    }
    if (wb_wasm_read(m.data, m.size, &w, &err) != 0) {
        cli_read_error(module, &err);
        goto out;
    }
    if (wb_stack_graph_build(m.data, m.size, &w, have_notes ? &notes : NULL, &g, &err) != 0 ||
        wb_stack_bounds(g, NULL, &r, &err) != 0) {
        cli_stack_error(module, notes_path, &err);
        goto out;
    }
    const wb_stack_bound *b = &r.aux_main;
    uint64_t need = 0;
    if (operand) {
        wb_profile p;
        if (cli_load_profile(profile_name, profile_dir, &p) != 0)
            goto out;
        if (cli_set_wamr(&p, wamr) != 0)
            goto out;
        wb_module_facts mf = {&w, NULL};
        wb_mode mode = wb_model_mode(&mf, &p, &settings);
        if (mode == WB_MODE_AOT) {
            cli_usage_error("stack-bound --operand is for the interpreters: give --mode fast-interp "
                            "or classic-interp (profile '%s' runs aot)", p.name);
            goto out;
        }
        if (wb_model_interp_load(&w, m.data, m.size, &p, mode, 1, &il) != 0) {
            fprintf(stderr, "%s: %s: cannot replay the loader (out of memory)\n", cli_prog, module);
            goto out;
        }
        if (il.frames.count == 0) {
            fprintf(stderr, "%s: error: the operand stack has no static bound: %s\n", module,
                    il.frames.why);
            rc = CLI_EXIT_FAIL;
            goto out;
        }
        if (wb_stack_operand(g, il.frames.frame, il.frames.entry, il.frames.count, &r, &err) != 0) {
            cli_read_error(module, &err);
            goto out;
        }
        b = wb_stack_operand_worst(&r, 1);
    }
    if (!b->analysed) {
        fprintf(stderr, "%s: %s: %s: nothing to bound\n", cli_prog, module,
                operand ? "no entry point" : "no stack pointer global or no entry point");
        rc = CLI_EXIT_FAIL;
        goto out;
    }
    char path[1024];
    wb_stack_format_path(m.data, m.size, &w, b, path, sizeof path);
    if (b->bounded) {
        need = b->max_bytes;
        printf("%llu\n", (unsigned long long)need);
        fprintf(stderr, "%s: worst path: %s\n", module, path);
        rc = CLI_EXIT_FITS;
    } else {
        fprintf(stderr, "%s: error: the %s has no static bound: %s\n", module,
                operand ? "operand stack" : "aux stack", path);
        if (b->conditional.computed && b->conditional.bounded)
            fprintf(stderr, "%s: %llu B if the indirect calls that close it are not taken (annotate "
                            "them to rely on it)\n",
                    module, (unsigned long long)b->conditional.max_bytes);
        rc = CLI_EXIT_FAIL;
    }
out:
    wb_stack_graph_free(g);
    wb_interp_load_free(&il);
    if (have_notes)
        wb_stack_notes_free(&notes);
    cli_unmap_file(&m);
    return rc;
}
