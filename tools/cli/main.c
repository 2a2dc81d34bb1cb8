/* wamr-budget: the command line — check, inspect, embed, stack-bound. */
/* MAP_ANONYMOUS and MADV_HUGEPAGE are outside POSIX 2008 */
#define _DEFAULT_SOURCE 1
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "read/aot_reader.h"
#include "model/model.h"
#include "out/outputs.h"
#include "read/profile.h"
#include "read/size_parse.h"
#include "stack/stack_bound.h"
#include "read/stack_usage.h"
#include "check/verdict.h"
#include "read/wasm_reader.h"

#define EXIT_FITS 0
#define EXIT_FAIL 1
#define EXIT_USAGE 2

static const char *prog = "wamr-budget";

static const char usage_text[] =
    "usage: wamr-budget check MODULE [--aot FILE] --profile NAME|PATH\n"
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

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static int usage_error(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'wamr-budget --help'.\n");
    return EXIT_USAGE;
}

/* ---- input: mapped, or read once into huge pages; never copied after ---- */

typedef struct mapped {
    const uint8_t *data;
    size_t size;
    void *map;       /* what to unmap, and its length */
    size_t map_len;
} mapped;

/*
 * A large module is read once into memory backed by 2 MiB pages where the
 * system offers them (Linux with transparent huge pages): the checker walks
 * every function body three times (the reader, the stack bound and the
 * fast-interpreter replay), and over a file mapping of 4 KiB pages the
 * page-table work of those walks costs as much as the decoding on some
 * virtual machines.  Smaller files, and systems without transparent huge
 * pages (or with them turned off), are mapped as they are.  Either way the
 * bytes are read once, never copied again, and read-only afterwards.
 */
#define WB_HUGE_PAGE ((size_t)2 << 20)
#define WB_HUGE_MIN ((size_t)8 << 20)

#if defined(__linux__) && defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
/* Whether the kernel gives huge pages to memory advised for them: not when
 * transparent huge pages are off ("[never]") or unknown. */
static int huge_pages_on(void)
{
    char buf[128] = "";
    FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
    if (!f)
        return 0;
    if (!fgets(buf, sizeof buf, f))
        buf[0] = '\0';
    fclose(f);
    return strstr(buf, "[always]") != NULL || strstr(buf, "[madvise]") != NULL;
}
#endif

/* 0: read into huge pages; -1: not done (a small file, no huge pages, no
 * memory), map the file instead; -2: the file ended before its size. */
static int read_into_huge_pages(int fd, mapped *m)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
    size_t span = (m->size + WB_HUGE_PAGE - 1) / WB_HUGE_PAGE * WB_HUGE_PAGE;
    size_t len = span + WB_HUGE_PAGE, got = 0;
    uint8_t *raw, *p;
    if (m->size < WB_HUGE_MIN || m->size > SIZE_MAX / 2 || !huge_pages_on())
        return -1;
    raw = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        return -1;
    p = raw + (WB_HUGE_PAGE - (uintptr_t)raw % WB_HUGE_PAGE) % WB_HUGE_PAGE;
    (void)madvise(p, span, MADV_HUGEPAGE); /* advice: without it the pages are small */
    while (got < m->size) {
        ssize_t r = read(fd, p + got, m->size - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    if (got != m->size) {
        munmap(raw, len);
        return -2; /* shorter than fstat said: it changed while being read */
    }
    if (mprotect(raw, len, PROT_READ) != 0) {
        munmap(raw, len);
        return -1;
    }
    m->map = raw;
    m->map_len = len;
    m->data = p;
    return 0;
#else
    (void)fd;
    (void)m;
    return -1;
#endif
}

static int map_file(const char *path, mapped *m)
{
    struct stat st;
    /* O_NONBLOCK: opening a FIFO must not wait for a writer; the file
     * type is checked before anything is read */
    int fd = open(path, O_RDONLY | O_NONBLOCK);

    memset(m, 0, sizeof *m);
    if (fd < 0) {
        fprintf(stderr, "%s: cannot open '%s': %s\n", prog, path, strerror(errno));
        return -1;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        fprintf(stderr, "%s: '%s' is not a regular file\n", prog, path);
        close(fd);
        return -1;
    }
    if ((uint64_t)st.st_size > (uint64_t)SIZE_MAX / 2) {
        fprintf(stderr, "%s: '%s' is too large\n", prog, path);
        close(fd);
        return -1;
    }
    m->size = (size_t)st.st_size;
    int huge = m->size > 0 ? read_into_huge_pages(fd, m) : 0;
    if (huge == -2) {
        fprintf(stderr, "%s: '%s' changed while it was being read\n", prog, path);
        close(fd);
        memset(m, 0, sizeof *m);
        return -1;
    }
    if (huge != 0) {
        if (lseek(fd, 0, SEEK_SET) != 0) {
            fprintf(stderr, "%s: cannot read '%s': %s\n", prog, path, strerror(errno));
            close(fd);
            return -1;
        }
        m->map = mmap(NULL, m->size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (m->map == MAP_FAILED) {
            fprintf(stderr, "%s: cannot map '%s': %s\n", prog, path, strerror(errno));
            close(fd);
            m->map = NULL;
            return -1;
        }
        m->map_len = m->size;
        m->data = m->map;
    } else if (m->size == 0) {
        static const uint8_t empty[1];
        m->data = empty;
    }
    close(fd);
    return 0;
}

static void unmap_file(mapped *m)
{
    if (m->map)
        munmap(m->map, m->map_len);
    memset(m, 0, sizeof *m);
}

static void read_error(const char *path, const wb_error *err)
{
    fprintf(stderr, "%s: error: offset 0x%zx (%zu), %s section: %s\n", path, err->offset,
            err->offset, err->section ? err->section : "?", err->message);
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

/* ---- output files: written whole or not at all ---- */

typedef void (*writer_fn)(FILE *out, const void *ctx);

/* Written in place: a device, a FIFO, or a symbolic link whose target
 * cannot be resolved.  Replacing such a path by a new file would lose it. */
static int write_file_direct(const char *path, writer_fn fn, const void *ctx)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "%s: cannot write '%s': %s\n", prog, path, strerror(errno));
        return -1;
    }
    fn(f, ctx);
    if (ferror(f) | fclose(f)) {
        fprintf(stderr, "%s: error writing '%s'\n", prog, path);
        return -1;
    }
    return 0;
}

/* A regular file (or a new one) is written to a temporary file beside it
 * and renamed over it, so a reader never sees half of it; through a
 * symbolic link, the file it points to is the one replaced. */
static int write_file_atomic(const char *path, writer_fn fn, const void *ctx)
{
    char tmp[PATH_MAX], target[PATH_MAX];
    struct stat st;
    if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (!S_ISLNK(st.st_mode) || !realpath(path, target) || stat(target, &st) != 0 ||
            !S_ISREG(st.st_mode))
            return write_file_direct(path, fn, ctx);
        path = target;
    }
    if (snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid()) >= (int)sizeof tmp) {
        fprintf(stderr, "%s: path too long: %s\n", prog, path);
        return -1;
    }
    if (write_file_direct(tmp, fn, ctx) != 0) {
        remove(tmp);
        return -1;
    }
    if (rename(tmp, path) != 0) {
        fprintf(stderr, "%s: cannot write '%s': %s\n", prog, path, strerror(errno));
        remove(tmp);
        return -1;
    }
    return 0;
}

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

/* Default prefix from the module name: "sensor-app.wasm" -> "SENSOR_APP". */
static void prefix_from_path(const char *path, char *buf, size_t cap)
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

static int valid_identifier(const char *s)
{
    if (!*s || isdigit((unsigned char)*s))
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_')
            return 0;
    return 1;
}

/* ---- argument helpers ---- */

static int take_size(const char *opt, const char *val, uint64_t *out)
{
    if (!val)
        return usage_error("%s needs a size", opt);
    if (wb_size_parse(val, out) != 0)
        return usage_error("bad size '%s' for %s (use bytes or K, M, G: e.g. 16K)", val, opt);
    return 0;
}

static int take_count(const char *opt, const char *val, uint32_t *out)
{
    char *end;
    if (!val || !*val || !isdigit((unsigned char)*val))
        return usage_error("%s needs a whole number", opt);
    errno = 0;
    unsigned long v = strtoul(val, &end, 10);
    if (*end || errno || v > 100000)
        return usage_error("bad number '%s' for %s", val, opt);
    *out = (uint32_t)v;
    return 0;
}

/* ---- check ---- */

typedef struct check_args {
    const char *module;
    const char *aot;
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
                return usage_error("unexpected argument '%s' (one MODULE only)", arg);
            a->module = arg;
            continue;
        }
#define OPT(name) (strcmp(arg, name) == 0)
#define NEEDS_VALUE()                                                                  \
    do {                                                                               \
        if (!val)                                                                      \
            return usage_error("%s needs a value", arg);                               \
        i++;                                                                           \
    } while (0)
        if (OPT("--aot")) {
            NEEDS_VALUE();
            a->aot = val;
        } else if (OPT("--profile")) {
            NEEDS_VALUE();
            a->profile = val;
        } else if (OPT("--profile-dir")) {
            NEEDS_VALUE();
            a->profile_dir = val;
        } else if (OPT("--mode")) {
            NEEDS_VALUE();
            if (wb_mode_parse(val, &a->settings.mode) != 0)
                return usage_error("unknown mode '%s' (aot, fast-interp or classic-interp)", val);
            a->settings.mode_given = 1;
        } else if (OPT("--budget")) {
            NEEDS_VALUE();
            rc = take_size(arg, val, &a->settings.budget);
            if (!rc && a->settings.budget == 0)
                return usage_error("--budget must be more than 0");
            a->settings.budget_given = 1;
        } else if (OPT("--stack-size")) {
            NEEDS_VALUE();
            rc = take_size(arg, val, &a->settings.wasm_stack_size);
            /* the stack_size argument of wasm_runtime_instantiate is a uint32 */
            if (!rc && a->settings.wasm_stack_size > UINT32_MAX)
                return usage_error("--stack-size %s is more than WAMR takes (under 4G)", val);
            a->settings.wasm_stack_given = 1;
        } else if (OPT("--heap-size")) {
            NEEDS_VALUE();
            rc = take_size(arg, val, &a->settings.heap_size);
            if (!rc && a->settings.heap_size > (1ull << 30))
                return usage_error("--heap-size %s is above WAMR's APP_HEAP_SIZE_MAX (1G)", val);
            a->settings.heap_size_given = 1;
        } else if (OPT("--threads")) {
            NEEDS_VALUE();
            rc = take_count(arg, val, &a->settings.threads);
        } else if (OPT("--json")) {
            NEEDS_VALUE();
            a->json = val;
        } else if (OPT("--header")) {
            NEEDS_VALUE();
            a->header = val;
        } else if (OPT("--prefix")) {
            NEEDS_VALUE();
            if (!valid_identifier(val))
                return usage_error("--prefix '%s' is not a C identifier", val);
            a->prefix = val;
        } else if (OPT("--stack-usage")) {
            NEEDS_VALUE();
            a->stack_usage = val;
        } else if (OPT("--quiet") || OPT("-q")) {
            a->quiet = 1;
        } else {
            return usage_error("unknown option '%s'", arg);
        }
#undef OPT
#undef NEEDS_VALUE
        if (rc)
            return rc;
    }
    if (!a->module)
        return usage_error("check needs a MODULE (.wasm or .aot)");
    if (!a->profile)
        return usage_error("check needs --profile NAME|PATH (e.g. --profile esp32s3)");
    return 0;
}

static int load_profile(const char *name, const char *extra_dir, wb_profile *p)
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
                prog, sizeof env_copy - 1);
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
        fprintf(stderr, "%s: %s\n", prog, err);
        return -1;
    }
    return 0;
}

/* The stack bounds and the model read the same facts and nothing else: they
 * run as two jobs at once, and the parts of their walks over a large module
 * join the same queue (parallel.c), so the cores stay busy until both are
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

/* A check that fails must leave nothing a later build could take for a
 * pass: the JSON and header files of an earlier run go before anything
 * can fail, bad usage included.  A regular file is removed; a file reached
 * through a symbolic link is emptied (the link stays); devices and FIFOs are
 * left alone. */
static void clear_output(const char *path)
{
    struct stat st;
    if (!path || strcmp(path, "-") == 0 || lstat(path, &st) != 0)
        return;
    if (S_ISREG(st.st_mode)) {
        remove(path);
    } else if (S_ISLNK(st.st_mode) && stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
        int fd = open(path, O_WRONLY | O_TRUNC);
        if (fd >= 0)
            close(fd);
    }
}

static void clear_outputs(int argc, char **argv)
{
    for (int i = 0; i + 1 < argc; i++)
        if (strcmp(argv[i], "--json") == 0 || strcmp(argv[i], "--header") == 0)
            clear_output(argv[++i]);
}

static int cmd_check(int argc, char **argv)
{
    check_args a;
    mapped mod, aotm, sum;
    wb_wasm_facts wasm_facts;
    wb_aot_facts aot_facts;
    wb_profile profile;
    wb_estimate est;
    wb_stack_usage su;
    wb_stack_result stack;
    wb_error err;
    wb_check check;
    wb_verdict verdict;
    char prefix[96];
    int have_wasm = 0, have_aot = 0, have_stack = 0, have_su = 0;
    int rc;

    clear_outputs(argc, argv);
    rc = parse_check_args(argc, argv, &a);
    if (rc)
        return rc;
    memset(&aotm, 0, sizeof aotm);
    memset(&sum, 0, sizeof sum);
    memset(&su, 0, sizeof su);

    if (map_file(a.module, &mod) != 0)
        return EXIT_USAGE;
    rc = EXIT_USAGE;
    if (wb_aot_is_aot(mod.data, mod.size)) {
        if (a.aot)
            return usage_error("MODULE '%s' is an .aot file already; --aot is for a .wasm MODULE", a.module);
        if (a.settings.mode_given && a.settings.mode != WB_MODE_AOT)
            return usage_error("'%s' is an .aot file: only --mode aot applies", a.module);
        if (wb_aot_read(mod.data, mod.size, &aot_facts, &err) != 0) {
            read_error(a.module, &err);
            goto out;
        }
        have_aot = 1;
        a.settings.mode = WB_MODE_AOT;
        a.settings.mode_given = 1;
    } else {
        if (wb_wasm_read(mod.data, mod.size, &wasm_facts, &err) != 0) {
            read_error(a.module, &err);
            goto out;
        }
        have_wasm = 1;
    }
    if (a.aot) {
        if (a.settings.mode_given && a.settings.mode != WB_MODE_AOT) {
            usage_error("--aot given with --mode %s: the .aot file is only used in aot mode",
                        wb_mode_name(a.settings.mode));
            goto out;
        }
        if (map_file(a.aot, &aotm) != 0)
            goto out;
        if (wb_aot_read(aotm.data, aotm.size, &aot_facts, &err) != 0) {
            read_error(a.aot, &err);
            goto out;
        }
        have_aot = 1;
        a.settings.mode = WB_MODE_AOT;
        a.settings.mode_given = 1;
    }
    if (load_profile(a.profile, a.profile_dir, &profile) != 0)
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
        usage_error("no budget: give --budget SIZE (the RAM the module may use on the device), "
                    "or budget or ram in profile '%s'", profile.name);
        goto out;
    } else if (profile.ram && a.settings.budget > profile.ram) {
        usage_error("--budget %llu B is more than the device has: profile '%s' gives ram = %llu B",
                    (unsigned long long)a.settings.budget, profile.name,
                    (unsigned long long)profile.ram);
        goto out;
    }
    if (a.stack_usage) {
        if (map_file(a.stack_usage, &sum) != 0)
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
            read_error(a.module, &jobs.stack_err);
            goto out;
        }
        have_stack = 1;
    }
    if (jobs.model_rc != 0) {
        fprintf(stderr, "%s: %s: cannot estimate: %s\n", prog, a.module,
                jobs.why ? jobs.why : "unknown reason");
        goto out;
    }

    memset(&check, 0, sizeof check);
    check.module_path = a.module;
    check.aot_path = a.aot;
    check.wasm = have_wasm ? mod.data : NULL;
    check.wasm_size = have_wasm ? mod.size : 0;
    check.wasm_facts = have_wasm ? &wasm_facts : NULL;
    check.aot_facts = have_aot ? &aot_facts : NULL;
    check.profile = &profile;
    check.settings = &a.settings;
    check.estimate = &est;
    check.stack = have_stack ? &stack : NULL;
    check.main_stack_size = est.aux_stack_bytes;
    check.budget = a.settings.budget_given ? a.settings.budget : 0;
    check.budget_is_ram = budget_is_ram;
    wb_verdict_make(&check, &verdict);
    rc = wb_verdict_exit_code(&verdict);

    if (a.prefix)
        snprintf(prefix, sizeof prefix, "%s", a.prefix);
    else
        prefix_from_path(a.module, prefix, sizeof prefix);
    check_out o = {&check, &verdict, prefix};

    int json_stdout = a.json && strcmp(a.json, "-") == 0;
    if (!a.quiet)
        wb_report_write(json_stdout ? stderr : stdout, &check, &verdict);
    if (!json_stdout && (fflush(stdout) != 0 || ferror(stdout))) {
        fprintf(stderr, "%s: cannot write the report to standard output\n", prog);
        rc = EXIT_USAGE;
    }
    wb_diags_write(stderr, &check, &verdict);
    if (json_stdout) {
        wb_json_write(stdout, &check, &verdict);
        if (fflush(stdout) != 0)
            rc = EXIT_USAGE;
    } else if (a.json && write_file_atomic(a.json, json_writer, &o) != 0) {
        rc = EXIT_USAGE;
    }
    if (rc == EXIT_FITS && a.header && write_file_atomic(a.header, header_writer, &o) != 0)
        rc = EXIT_USAGE;

out:
    if (have_su)
        wb_stack_usage_free(&su);
    unmap_file(&sum);
    unmap_file(&aotm);
    unmap_file(&mod);
    return rc;
}

/* ---- inspect ---- */

static int cmd_inspect(int argc, char **argv)
{
    mapped m;
    wb_error err;
    int rc = EXIT_USAGE;

    if (argc != 1)
        return usage_error("inspect takes one MODULE");
    if (map_file(argv[0], &m) != 0)
        return EXIT_USAGE;
    if (wb_aot_is_aot(m.data, m.size)) {
        wb_aot_facts a;
        if (wb_aot_read(m.data, m.size, &a, &err) == 0) {
            wb_inspect_write(stdout, argv[0], NULL, &a);
            rc = 0;
        } else {
            read_error(argv[0], &err);
        }
    } else {
        wb_wasm_facts w;
        if (wb_wasm_read(m.data, m.size, &w, &err) == 0) {
            wb_inspect_write(stdout, argv[0], &w, NULL);
            rc = 0;
        } else {
            read_error(argv[0], &err);
        }
    }
    unmap_file(&m);
    return rc;
}

/* ---- embed ---- */

typedef struct embed_ctx {
    const mapped *m;
    const char *symbol;
    const char *path;
} embed_ctx;

static void embed_writer(FILE *f, const void *vctx)
{
    const embed_ctx *c = vctx;
    fprintf(f, "/* Generated by wamr-budget %s from %s: do not edit.\n"
               " * The array is writable on purpose: WAMR may patch the module buffer in place\n"
               " * while it loads it and keeps pointers into it, so it must stay alive and in\n"
               " * RAM for the module's lifetime. */\n",
            WB_VERSION, c->path);
    fprintf(f, "#if defined(__GNUC__)\n#define WB_MODULE_ALIGN __attribute__((aligned(8)))\n"
               "#else\n#define WB_MODULE_ALIGN\n#endif\n\n");
    fprintf(f, "unsigned char %s[] WB_MODULE_ALIGN = {", c->symbol);
    for (size_t i = 0; i < c->m->size; i++)
        fprintf(f, "%s0x%02x,", i % 16 ? " " : "\n    ", c->m->data[i]);
    fprintf(f, "\n};\nconst unsigned int %s_len = %zuu;\n", c->symbol, c->m->size);
}

static int cmd_embed(int argc, char **argv)
{
    const char *module = NULL, *output = NULL, *symbol = NULL;
    char defsym[96];
    mapped m;

    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--output") == 0 && i + 1 < argc)
            output = argv[++i];
        else if (strcmp(argv[i], "--symbol") == 0 && i + 1 < argc)
            symbol = argv[++i];
        else if (argv[i][0] != '-' && !module)
            module = argv[i];
        else
            return usage_error("embed: unexpected argument '%s'", argv[i]);
    }
    if (!module || !output)
        return usage_error("embed needs MODULE and --output FILE.c");
    if (!symbol) {
        prefix_from_path(module, defsym, sizeof defsym);
        for (char *p = defsym; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        strncat(defsym, "_wasm", sizeof defsym - strlen(defsym) - 1);
        symbol = defsym;
    }
    if (!valid_identifier(symbol))
        return usage_error("--symbol '%s' is not a C identifier", symbol);
    if (map_file(module, &m) != 0)
        return EXIT_USAGE;
    embed_ctx c = {&m, symbol, module};
    int rc = write_file_atomic(output, embed_writer, &c) == 0 ? 0 : EXIT_USAGE;
    unmap_file(&m);
    return rc;
}

/* ---- stack-bound ---- */

static int cmd_stack_bound(int argc, char **argv)
{
    mapped m;
    wb_wasm_facts w;
    wb_stack_result r;
    wb_error err;
    int rc = EXIT_USAGE;

    if (argc != 1)
        return usage_error("stack-bound takes one MODULE (.wasm)");
    if (map_file(argv[0], &m) != 0)
        return EXIT_USAGE;
    if (wb_wasm_read(m.data, m.size, &w, &err) != 0) {
        read_error(argv[0], &err);
    } else if (wb_stack_analyse(m.data, m.size, &w, NULL, &r, &err) != 0) {
        read_error(argv[0], &err);
    } else if (!r.aux_main.analysed) {
        fprintf(stderr, "%s: %s: no stack pointer global or no entry point: nothing to bound\n", prog,
                argv[0]);
        rc = EXIT_FAIL;
    } else {
        char path[1024];
        wb_stack_format_path(m.data, m.size, &w, &r.aux_main, path, sizeof path);
        if (r.aux_main.bounded) {
            printf("%llu\n", (unsigned long long)r.aux_main.max_bytes);
            fprintf(stderr, "%s: worst path: %s\n", argv[0], path);
            rc = EXIT_FITS;
        } else {
            fprintf(stderr, "%s: error: the aux stack has no static bound: %s\n", argv[0], path);
            rc = EXIT_FAIL;
        }
    }
    unmap_file(&m);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_text, stderr);
        return EXIT_USAGE;
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
        return cmd_check(argc - 2, argv + 2);
    if (strcmp(cmd, "inspect") == 0)
        return cmd_inspect(argc - 2, argv + 2);
    if (strcmp(cmd, "embed") == 0)
        return cmd_embed(argc - 2, argv + 2);
    if (strcmp(cmd, "stack-bound") == 0)
        return cmd_stack_bound(argc - 2, argv + 2);
    return usage_error("unknown command '%s' (check, inspect, embed, stack-bound)", cmd);
}
