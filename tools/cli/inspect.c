/* `wamr-budget inspect` and `wamr-budget stack-bound`: the facts, and the aux-stack bound alone. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
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

int cli_stack_bound(int argc, char **argv)
{
    mapped m;
    wb_wasm_facts w;
    wb_stack_result r;
    wb_error err;
    int rc = CLI_EXIT_USAGE;

    if (argc != 1)
        return cli_usage_error("stack-bound takes one MODULE (.wasm)");
    if (cli_map_file(argv[0], &m) != 0)
        return CLI_EXIT_USAGE;
    if (wb_wasm_read(m.data, m.size, &w, &err) != 0) {
        cli_read_error(argv[0], &err);
    } else if (wb_stack_analyse(m.data, m.size, &w, NULL, &r, &err) != 0) {
        cli_read_error(argv[0], &err);
    } else if (!r.aux_main.analysed) {
        fprintf(stderr, "%s: %s: no stack pointer global or no entry point: nothing to bound\n", cli_prog,
                argv[0]);
        rc = CLI_EXIT_FAIL;
    } else {
        char path[1024];
        wb_stack_format_path(m.data, m.size, &w, &r.aux_main, path, sizeof path);
        if (r.aux_main.bounded) {
            printf("%llu\n", (unsigned long long)r.aux_main.max_bytes);
            fprintf(stderr, "%s: worst path: %s\n", argv[0], path);
            rc = CLI_EXIT_FITS;
        } else {
            fprintf(stderr, "%s: error: the aux stack has no static bound: %s\n", argv[0], path);
            rc = CLI_EXIT_FAIL;
        }
    }
    cli_unmap_file(&m);
    return rc;
}
