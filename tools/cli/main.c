/* wamr-budget: the command line — check, inspect, embed, stack-bound. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "model/wamr_versions.h"

static const char usage_text[] =
    "usage: wamr-budget check MODULE [--aot FILE] --profile NAME|PATH\n"
    "                         [--mode aot|fast-interp|classic-interp] [--budget SIZE]\n"
    "                         [--stack-size SIZE|auto] [--stack-margin SIZE]\n"
    "                         [--heap-size SIZE] [--threads N]\n"
    "                         [--json FILE|-] [--header FILE] [--prefix NAME]\n"
    "                         [--stack-usage FILE] [--stack-annotations FILE]\n"
    "                         [--wamr VERSION] [--profile-dir DIR] [--quiet]\n"
    "       wamr-budget inspect MODULE\n"
    "       wamr-budget embed MODULE --output FILE.c [--symbol NAME]\n"
    "       wamr-budget stack-bound MODULE [--stack-annotations FILE]\n"
    "                         [--operand --profile NAME|PATH [--mode MODE] [--wamr VERSION]\n"
    "                         [--profile-dir DIR]]\n"
    "       wamr-budget --version | --help\n"
    "SIZE is bytes or a number with K, M or G (powers of 1024), e.g. 256K.\n"
    "Exit status: 0 fits, 1 does not fit or is misconfigured, 2 bad input or usage.\n";

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_text, stderr);
        return CLI_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0) {
        size_t n;
        const wb_wamr_version *v = wb_wamr_versions(&n);
        printf("wamr-budget %s\nWAMR versions modelled (--wamr, profile key wamr_version; "
               "default %s):\n", WB_VERSION, WB_WAMR_DEFAULT_VERSION);
        for (size_t i = 0; i < n; i++)
            printf("  %-15s AOT format %u, %s%s%s\n", v[i].name, v[i].aot_format,
                   v[i].measured ? "measured" : "same tables as ", v[i].measured ? "" : v[i].same_as,
                   strcmp(v[i].name, WB_WAMR_DEFAULT_VERSION) == 0 ? " (default)" : "");
        return 0;
    }
    if (strcmp(cmd, "check") == 0)
        return cli_check(argc - 2, argv + 2);
    if (strcmp(cmd, "inspect") == 0)
        return cli_inspect(argc - 2, argv + 2);
    if (strcmp(cmd, "embed") == 0)
        return cli_embed(argc - 2, argv + 2);
    if (strcmp(cmd, "stack-bound") == 0)
        return cli_stack_bound(argc - 2, argv + 2);
    return cli_usage_error("unknown command '%s' (check, inspect, embed, stack-bound)", cmd);
}

