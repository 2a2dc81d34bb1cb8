/* wamr-budget: the command line — check, inspect, embed, stack-bound. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const char usage_text[] =
    "usage: wamr-budget check MODULE [--aot FILE] [--names FILE] --profile NAME|PATH\n"
    "                         [--mode aot|fast-interp|classic-interp] [--budget SIZE]\n"
    "                         [--stack-size SIZE] [--heap-size SIZE] [--threads N]\n"
    "                         [--json FILE|-] [--header FILE] [--prefix NAME]\n"
    "                         [--stack-usage FILE] [--profile-dir DIR] [--quiet]\n"
    "       wamr-budget inspect MODULE\n"
    "       wamr-budget embed MODULE --output FILE.c [--symbol NAME]\n"
    "       wamr-budget stack-bound MODULE\n"
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
        printf("wamr-budget %s (models WAMR 2.4.3)\n", WB_VERSION);
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

