/* The command line's shared helpers: usage errors, sizes and counts, names, profiles. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "read/size_parse.h"

const char cli_prog[] = "wamr-budget";

int cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", cli_prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'wamr-budget --help'.\n");
    return CLI_EXIT_USAGE;
}

/* ---- profile search path ---- */

static char exe_profile_dir[PATH_MAX];

static void find_exe_profile_dir(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return;
    *slash = '\0';
    /* <prefix>/bin/wamr-budget -> <prefix>/share/wamr-budget/profiles */
    if (strlen(exe) + sizeof "/../" WB_INSTALL_PROFILE_SUBDIR > sizeof exe_profile_dir)
        return;
    strcpy(exe_profile_dir, exe);
    strcat(exe_profile_dir, "/../" WB_INSTALL_PROFILE_SUBDIR);
}

int cli_set_wamr(wb_profile *p, const char *wamr)
{
    char err[512];
    if (!wamr)
        return 0;
    snprintf(p->wamr_version, sizeof p->wamr_version, "%s", wamr);
    if (wb_profile_check(p, err, sizeof err) != 0)
        return cli_usage_error("--wamr %s does not fit profile '%s': %s", wamr, p->name, err);
    return 0;
}

int cli_load_profile(const char *name, const char *extra_dir, wb_profile *p)
{
    const char *dirs[20];  /* --profile-dir, 16 from the environment, installed, source, NULL */
    unsigned n = 0;
    char err[512];
    char env_copy[4096];

    if (extra_dir)
        dirs[n++] = extra_dir;
    const char *env = getenv("WAMR_BUDGET_PROFILE_PATH");
    if (env && *env && strlen(env) >= sizeof env_copy)
        fprintf(stderr, "%s: WAMR_BUDGET_PROFILE_PATH is longer than %zu characters: not used\n",
                cli_prog, sizeof env_copy - 1);
    else if (env && *env) {
        unsigned from_env = 0;
        strcpy(env_copy, env);
        for (char *tok = strtok(env_copy, ":"); tok && from_env < 16; tok = strtok(NULL, ":"), from_env++)
            dirs[n++] = tok;
    }
    find_exe_profile_dir();
    if (exe_profile_dir[0])
        dirs[n++] = exe_profile_dir;
    dirs[n++] = WB_SOURCE_PROFILE_DIR;
    dirs[n] = NULL;
    if (wb_profile_load(name, dirs, p, err, sizeof err) != 0) {
        fprintf(stderr, "%s: %s\n", cli_prog, err);
        return -1;
    }
    return 0;
}

/* Default prefix from the module name: "sensor-app.wasm" -> "SENSOR_APP". */
void cli_prefix_from_path(const char *path, char *buf, size_t cap)
{
    const char *base = strrchr(path, '/');
    size_t o = 0;
    base = base ? base + 1 : path;
    if (isdigit((unsigned char)*base) && o + 1 < cap)
        buf[o++] = 'M';
    /* up to the last dot: "app.v2.wasm" -> "APP_V2" */
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base)
        dot = base + strlen(base);
    for (const char *p = base; p < dot && o + 1 < cap; p++)
        buf[o++] = isalnum((unsigned char)*p) ? (char)toupper((unsigned char)*p) : '_';
    if (o == 0)
        buf[o++] = 'M';
    buf[o] = '\0';
}

int cli_valid_identifier(const char *s)
{
    if (!*s || isdigit((unsigned char)*s))
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_')
            return 0;
    return 1;
}

/* ---- argument helpers ---- */

int cli_take_size(const char *opt, const char *val, uint64_t *out)
{
    if (!val)
        return cli_usage_error("%s needs a size", opt);
    if (wb_size_parse(val, out) != 0)
        return cli_usage_error("bad size '%s' for %s (use bytes or K, M, G: e.g. 16K)", val, opt);
    return 0;
}

int cli_take_count(const char *opt, const char *val, uint32_t *out)
{
    char *end;
    if (!val || !*val || !isdigit((unsigned char)*val))
        return cli_usage_error("%s needs a whole number", opt);
    errno = 0;
    unsigned long v = strtoul(val, &end, 10);
    if (*end || errno || v > 100000)
        return cli_usage_error("bad number '%s' for %s", val, opt);
    *out = (uint32_t)v;
    return 0;
}
