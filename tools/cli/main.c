/* wamr-budget: the command line — check, diff, reconcile, inspect, embed, stack-bound. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "model/wamr_versions.h"

static const char usage_text[] =
    "usage: wamr-budget check MODULE [--aot FILE] [--names FILE] --profile NAME|PATH\n"
    "                         [--mode aot|fast-interp|classic-interp] [--budget SIZE]\n"
    "                         [--stack-size SIZE|auto] [--stack-margin SIZE]\n"
    "                         [--heap-size SIZE] [--threads N]\n"
    "                         [--json FILE|-] [--header FILE] [--prefix NAME]\n"
    "                         [--stack-usage FILE] [--stack-annotations FILE]\n"
    "                         [--wamr VERSION] [--profile-dir DIR] [--quiet]\n"
    "       wamr-budget diff OLD.json NEW.json [--fail-on-growth PERCENT%|SIZE [--pool NAME]]\n"
    "                        [--json FILE|-] [--color auto|always|never] [--quiet]\n"
    "       wamr-budget reconcile DEVICE_LOG --estimate FILE.json | MODULE --profile NAME|PATH [check's\n"
    "                             options] [--run N] [--buffer-in-pool] [--json FILE|-] [--color WHEN]\n"
    "       wamr-budget inspect MODULE\n"
    "       wamr-budget embed MODULE --output FILE.c [--symbol NAME]\n"
    "       wamr-budget stack-bound MODULE [--stack-annotations FILE]\n"
    "                         [--operand --profile NAME|PATH [--mode MODE] [--wamr VERSION]\n"
    "                         [--profile-dir DIR]]\n"
    "       wamr-budget --version | --help\n"
    "SIZE is bytes or a number with K, M or G (powers of 1024), e.g. 256K.\n"
    "Exit status: 0 fits, 1 does not fit or is misconfigured, 2 bad input or usage.\n"
    "diff: 1 when the growth is over --fail-on-growth.  reconcile: 1 when a device figure is\n"
    "above its estimate, 2 also for a log with no WAMR dump or pool statistics.\n";

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
        for (size_t i = 0; i < n; i++) {
            char loads[32] = "";
            size_t used = 0;
            for (unsigned f = 0; f < 32; f++) {
                if (!(v[i].aot_formats_loaded & (1u << f)))
                    continue;
                int w = snprintf(loads + used, sizeof loads - used, "%s%u", used ? ", " : "", f);
                if (w < 0 || (size_t)w >= sizeof loads - used)
                    break;
                used += (size_t)w;
            }
            printf("  %-15s AOT format %u (loads %s), %s%s%s\n", v[i].name, v[i].aot_format, loads,
                   v[i].measured ? "measured" : "tables of ", v[i].measured ? "" : v[i].same_as,
                   strcmp(v[i].name, WB_WAMR_DEFAULT_VERSION) == 0 ? " (default)" : "");
            printf("    %s: %s\n", v[i].source, v[i].differs);
            if (!v[i].measured)
                printf("    mapped: %s\n", v[i].why);
        }
        return 0;
    }
    if (strcmp(cmd, "check") == 0)
        return cli_check(argc - 2, argv + 2);
    if (strcmp(cmd, "diff") == 0)
        return cli_diff(argc - 2, argv + 2);
    if (strcmp(cmd, "reconcile") == 0)
        return cli_reconcile(argc - 2, argv + 2);
    if (strcmp(cmd, "inspect") == 0)
        return cli_inspect(argc - 2, argv + 2);
    if (strcmp(cmd, "embed") == 0)
        return cli_embed(argc - 2, argv + 2);
    if (strcmp(cmd, "stack-bound") == 0)
        return cli_stack_bound(argc - 2, argv + 2);
    return cli_usage_error("unknown command '%s' (check, diff, reconcile, inspect, embed, stack-bound)", cmd);
}

