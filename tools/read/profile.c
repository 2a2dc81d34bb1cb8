/* Target profiles: `key = value` text naming the runtime build and the board. */
#include "read/profile.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model/wamr_versions.h"
#include "read/size_parse.h"

#define LINE_MAX_BYTES 1024u        /* one profile line, comment included */
#define FILE_MAX_BYTES (64u * 1024u) /* a profile file */
#define INCLUDE_MAX_DEPTH 8u        /* includes nested below the profile loaded */
#define ORIGIN_MAX 512u

#if defined(__GNUC__) || defined(__clang__)
#define WB_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define WB_PRINTF(f, a)
#endif

/* ---- names ---- */

static const char *const mode_names[] = {"aot", "fast-interp", "classic-interp"};
static const char *const platform_names[] = {"linux", "zephyr",    "esp-idf",
                                             "nuttx", "rt-thread", "riot"};
static const char *const abi_names[] = {"lp64", "ilp32", "ilp32-align8"};
static const char *const locks_names[] = {"glibc", "zephyr", "newlib", "nuttx"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int name_index(const char *const *names, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++) {
        const char *a = names[i], *b = s;
        while (*a && *b && tolower((unsigned char)*a) == tolower((unsigned char)*b)) {
            a++;
            b++;
        }
        if (!*a && !*b)
            return (int)i;
    }
    return -1;
}

const char *wb_mode_name(wb_mode m)
{
    return (unsigned)m < COUNT(mode_names) ? mode_names[m] : "unknown";
}

int wb_mode_parse(const char *s, wb_mode *m)
{
    int i = s ? name_index(mode_names, COUNT(mode_names), s) : -1;
    if (i < 0)
        return -1;
    *m = (wb_mode)i;
    return 0;
}

const char *wb_platform_name(wb_platform p)
{
    return (unsigned)p < COUNT(platform_names) ? platform_names[p] : "unknown";
}

const char *wb_abi_name(wb_abi a)
{
    return (unsigned)a < COUNT(abi_names) ? abi_names[a] : "unknown";
}

const char *wb_locks_name(wb_locks l)
{
    return (unsigned)l < COUNT(locks_names) ? locks_names[l] : "unknown";
}

unsigned wb_mode_bit(wb_mode m)
{
    return 1u << (unsigned)m;
}

int wb_profile_ref_types(const wb_profile *p)
{
    const wb_wamr_version *v = wb_wamr_version_find(p->wamr_version);
    if (p->ref_types >= 0)
        return p->ref_types;
    return v ? v->t->ref_types_default : 1;
}

int wb_profile_shared_memory(const wb_profile *p)
{
    if (p->shared_memory >= 0)
        return p->shared_memory;
    return p->wasi_threads || p->lib_pthread;
}

int wb_profile_shrunk_memory(const wb_profile *p)
{
    return p->shrunk_memory != 0;
}

/* ---- defaults: the measured Linux x86-64 build (tests/data/calibration) ---- */

void wb_profile_defaults(wb_profile *p)
{
    memset(p, 0, sizeof *p);
    snprintf(p->name, sizeof p->name, "linux-x86_64");
    snprintf(p->description, sizeof p->description,
             "WAMR %s on Linux x86-64: fast interp + AOT, libc-wasi, wasi-threads, "
             "hardware bound check", WB_WAMR_DEFAULT_VERSION);
    snprintf(p->wamr_version, sizeof p->wamr_version, "%s", WB_WAMR_DEFAULT_VERSION);
    p->ref_types = -1;
    p->shrunk_memory = -1;
    p->shared_memory = -1;
    p->platform = WB_PLATFORM_LINUX;
    p->abi = WB_ABI_LP64;
    p->locks = WB_LOCKS_GLIBC;
    p->modes = WB_MODE_BIT_AOT | WB_MODE_BIT_FAST_INTERP;
    p->mode = WB_MODE_AOT;
    p->hw_bound_check = 1;
    p->libc_wasi = 1;
    p->wasi_threads = 1;
    p->bulk_memory = 1;   /* WAMR_BUILD_BULK_MEMORY: on in WAMR's CMake */
    p->tail_call = 0;     /* WAMR_BUILD_TAIL_CALL: off in WAMR's CMake */
    p->simd = 1;                         /* product-mini/platforms/linux builds with SIMD */
    p->default_wasm_stack = 16384;       /* DEFAULT_WASM_STACK_SIZE, x86-64 */
    p->app_thread_stack = 131072;        /* APP_THREAD_STACK_SIZE_DEFAULT */
    p->max_threads = 4;                  /* CLUSTER_MAX_THREAD_NUM */
    p->page_size = 4096;
    p->aot_plt_bytes = WB_PROFILE_AUTO;  /* the WAMR version's PLT for the target (measured:
                                            99 x 12 B on x86-64) */
    p->signal_stack_bytes = 32768;       /* measured runtime_init mmap_kept_bytes */
    p->mmap_overhead = 0;
    p->main_native_stack = 8u << 20;     /* ulimit -s 8192 of the measurement */
    p->wasm_stack_size = 16384;          /* the calibration runs */
    p->heap_size = 0;
    p->ram = 0;
    p->budget = 0;
    snprintf(p->aot_target, sizeof p->aot_target, "x86_64");
    snprintf(p->aot_cpu, sizeof p->aot_cpu, "x86-64");
    p->aot_target_abi[0] = 0;
    p->aot_bounds_checks = 0;
    p->aot_xip = 0;
    p->aot_simd = -1;
}

/* ---- the key table ---- */

typedef enum key_kind {
    K_NAME, K_STR, K_SIZE, K_SIZE_AUTO, K_BOOL, K_OPTION, K_AUTO_BOOL, K_COUNT, K_PLATFORM,
    K_ABI, K_LOCKS, K_MODES, K_MODE, K_VERSION, K_INCLUDE
} key_kind;

typedef struct key_def {
    const char *key;
    key_kind kind;
    size_t off;
    size_t cap; /* string fields: buffer size */
} key_def;

#define FIELD(k, kind, f) {k, kind, offsetof(wb_profile, f), sizeof(((wb_profile *)0)->f)}

static const key_def keys[] = {
    {"include", K_INCLUDE, 0, 0},
    FIELD("name", K_NAME, name),
    FIELD("description", K_STR, description),
    FIELD("wamr_version", K_VERSION, wamr_version),
    FIELD("ref_types", K_OPTION, ref_types),
    FIELD("shrunk_memory", K_OPTION, shrunk_memory),
    FIELD("platform", K_PLATFORM, platform),
    FIELD("abi", K_ABI, abi),
    FIELD("locks", K_LOCKS, locks),
    FIELD("modes", K_MODES, modes),
    FIELD("mode", K_MODE, mode),
    FIELD("hw_bound_check", K_BOOL, hw_bound_check),
    FIELD("libc_wasi", K_BOOL, libc_wasi),
    FIELD("wasi_threads", K_BOOL, wasi_threads),
    FIELD("bulk_memory", K_BOOL, bulk_memory),
    FIELD("tail_call", K_BOOL, tail_call),
    FIELD("simd", K_BOOL, simd),
    FIELD("lib_pthread", K_BOOL, lib_pthread),
    FIELD("shared_memory", K_OPTION, shared_memory),
    FIELD("default_wasm_stack", K_SIZE, default_wasm_stack),
    FIELD("app_thread_stack", K_SIZE, app_thread_stack),
    FIELD("max_threads", K_COUNT, max_threads),
    FIELD("page_size", K_SIZE, page_size),
    FIELD("aot_plt_bytes", K_SIZE_AUTO, aot_plt_bytes),
    FIELD("signal_stack_bytes", K_SIZE, signal_stack_bytes),
    FIELD("mmap_overhead", K_SIZE, mmap_overhead),
    FIELD("main_native_stack", K_SIZE, main_native_stack),
    FIELD("wasm_stack_size", K_SIZE, wasm_stack_size),
    FIELD("heap_size", K_SIZE, heap_size),
    FIELD("ram", K_SIZE, ram),
    FIELD("budget", K_SIZE, budget),
    FIELD("module_buffer_in_pool", K_BOOL, module_buffer_in_pool),
    FIELD("aot_target", K_STR, aot_target),
    FIELD("aot_cpu", K_STR, aot_cpu),
    FIELD("aot_target_abi", K_STR, aot_target_abi),
    FIELD("aot_bounds_checks", K_BOOL, aot_bounds_checks),
    FIELD("aot_xip", K_BOOL, aot_xip),
    FIELD("aot_simd", K_AUTO_BOOL, aot_simd),
};

#define KEY_COUNT COUNT(keys)

static int key_find(const char *k)
{
    for (size_t i = 0; i < KEY_COUNT; i++)
        if (strcmp(keys[i].key, k) == 0)
            return (int)i;
    return -1;
}

/* ---- parse state and errors ---- */

typedef struct pstate {
    const struct pstate *parent; /* the including file, NULL at the top */
    const char *origin;
    const char *const *search_dirs;
    unsigned depth;
    unsigned line;
    unsigned key_line[KEY_COUNT]; /* line that set each key in this file; 0 none */
    char *err;
    size_t errcap;
} pstate;

static int perr(pstate *st, unsigned line, const char *fmt, ...) WB_PRINTF(3, 4);

/* "<origin>:<line>: <reason>"; line 0 names the file only. */
static int perr(pstate *st, unsigned line, const char *fmt, ...)
{
    va_list ap;
    int n;
    if (!st->err || st->errcap == 0)
        return -1;
    if (line)
        n = snprintf(st->err, st->errcap, "%s:%u: ", st->origin, line);
    else
        n = snprintf(st->err, st->errcap, "%s: ", st->origin);
    if (n < 0 || (size_t)n >= st->errcap)
        return -1;
    va_start(ap, fmt);
    vsnprintf(st->err + n, st->errcap - (size_t)n, fmt, ap);
    va_end(ap);
    return -1;
}

static int errf(char *err, size_t errcap, const char *fmt, ...) WB_PRINTF(3, 4);

static int errf(char *err, size_t errcap, const char *fmt, ...)
{
    va_list ap;
    if (!err || errcap == 0)
        return -1;
    va_start(ap, fmt);
    vsnprintf(err, errcap, fmt, ap);
    va_end(ap);
    return -1;
}

/* ---- values ---- */

static int parse_bool(const char *v, int *out)
{
    static const char *const yes[] = {"yes", "true", "on", "1"};
    static const char *const no[] = {"no", "false", "off", "0"};
    if (name_index(yes, COUNT(yes), v) >= 0) {
        *out = 1;
        return 0;
    }
    if (name_index(no, COUNT(no), v) >= 0) {
        *out = 0;
        return 0;
    }
    return -1;
}

static int parse_count(const char *v, uint32_t *out)
{
    uint64_t n = 0;
    if (!*v)
        return -1;
    for (; *v; v++) {
        if (*v < '0' || *v > '9')
            return -1;
        n = n * 10 + (uint64_t)(*v - '0');
        if (n > 65535)
            return -1;
    }
    *out = (uint32_t)n;
    return 0;
}

static int valid_name(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_' && *s != '.')
            return 0;
    return 1;
}

static void join_names(const char *const *names, size_t n, char *buf, size_t cap)
{
    size_t used = 0;
    buf[0] = 0;
    for (size_t i = 0; i < n && used < cap; i++) {
        int w = snprintf(buf + used, cap - used, "%s%s", i ? ", " : "", names[i]);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

static int parse_enum(pstate *st, const key_def *k, const char *const *names, size_t n,
                      const char *v, int *out)
{
    char list[160];
    int i = name_index(names, n, v);
    if (i >= 0) {
        *out = i;
        return 0;
    }
    join_names(names, n, list, sizeof list);
    return perr(st, st->line, "unknown %s '%s' for '%s' (expected one of: %s)", k->key, v,
                k->key, list);
}

static int parse_modes(pstate *st, const char *v, unsigned *out)
{
    char word[32];
    unsigned bits = 0;
    const char *p = v;

    while (*p) {
        size_t n = 0;
        wb_mode m;
        while (*p == ' ' || *p == '\t' || *p == ',')
            p++;
        if (!*p)
            break;
        while (p[n] && p[n] != ' ' && p[n] != '\t' && p[n] != ',')
            n++;
        if (n >= sizeof word)
            return perr(st, st->line, "unknown mode '%.*s' in 'modes'", (int)n, p);
        memcpy(word, p, n);
        word[n] = 0;
        if (wb_mode_parse(word, &m))
            return perr(st, st->line,
                        "unknown mode '%s' in 'modes' (expected aot, fast-interp, classic-interp)",
                        word);
        bits |= wb_mode_bit(m);
        p += n;
    }
    if (!bits)
        return perr(st, st->line, "'modes' needs at least one engine (aot, fast-interp, "
                                  "classic-interp)");
    *out = bits;
    return 0;
}

static int apply_text(pstate *st, const char *text, size_t len, wb_profile *p);
static int include_profile(pstate *st, const char *what, wb_profile *p);

static int set_value(pstate *st, const key_def *k, const char *v, wb_profile *p)
{
    char *field = (char *)p + k->off;
    size_t vlen = strlen(v);
    int iv = 0;

    if (vlen == 0 && k->kind != K_STR)
        return perr(st, st->line, "empty value for '%s'", k->key);

    switch (k->kind) {
    case K_INCLUDE:
        return include_profile(st, v, p);
    case K_NAME:
        if (vlen >= k->cap)
            return perr(st, st->line, "value too long for '%s' (%zu bytes, at most %zu)", k->key,
                        vlen, k->cap - 1);
        if (!valid_name(v))
            return perr(st, st->line,
                        "bad name '%s': use letters, digits, '-', '_' and '.' only", v);
        memcpy(field, v, vlen + 1);
        return 0;
    case K_STR:
        if (vlen >= k->cap)
            return perr(st, st->line, "value too long for '%s' (%zu bytes, at most %zu)", k->key,
                        vlen, k->cap - 1);
        memcpy(field, v, vlen + 1);
        return 0;
    case K_SIZE_AUTO: /* a size, or `auto`: the model works it out */
        if (name_index((const char *const[]){"auto"}, 1, v) == 0) {
            uint64_t a = WB_PROFILE_AUTO;
            memcpy(field, &a, sizeof a);
            return 0;
        }
        /* fall through */
    case K_SIZE: {
        uint64_t n;
        if (wb_size_parse(v, &n))
            return perr(st, st->line,
                        "bad size '%s' for '%s' (bytes, or a number with K, M or G)", v, k->key);
        memcpy(field, &n, sizeof n);
        return 0;
    }
    case K_AUTO_BOOL:
        if (name_index((const char *const[]){"auto"}, 1, v) == 0) {
            iv = -1;
            memcpy(field, &iv, sizeof iv);
            return 0;
        }
        if (parse_bool(v, &iv))
            return perr(st, st->line,
                        "bad value '%s' for '%s' (auto, or yes/no, true/false, on/off, 1/0)", v,
                        k->key);
        memcpy(field, &iv, sizeof iv);
        return 0;
    case K_BOOL:
        if (parse_bool(v, &iv))
            return perr(st, st->line, "bad boolean '%s' for '%s' (yes/no, true/false, on/off, 1/0)",
                        v, k->key);
        memcpy(field, &iv, sizeof iv);
        return 0;
    case K_OPTION: /* a boolean, or `default`: what the WAMR version's CMake sets */
        if (name_index((const char *const[]){"default"}, 1, v) == 0)
            iv = -1;
        else if (parse_bool(v, &iv))
            return perr(st, st->line, "bad value '%s' for '%s' (yes/no, or default: the WAMR "
                                      "version's default)",
                        v, k->key);
        memcpy(field, &iv, sizeof iv);
        return 0;
    case K_VERSION: {
        char why[512];
        if (wb_wamr_version_find(v) && vlen < k->cap) {
            memcpy(field, v, vlen + 1);
            return 0;
        }
        wb_wamr_version_refusal(v, why, sizeof why);
        return perr(st, st->line, "wamr_version: %s", why);
    }
    case K_COUNT: {
        uint32_t n;
        if (parse_count(v, &n))
            return perr(st, st->line, "bad count '%s' for '%s' (a whole number, 0 to 65535)", v,
                        k->key);
        memcpy(field, &n, sizeof n);
        return 0;
    }
    case K_PLATFORM:
        if (parse_enum(st, k, platform_names, COUNT(platform_names), v, &iv))
            return -1;
        p->platform = (wb_platform)iv;
        return 0;
    case K_ABI:
        if (parse_enum(st, k, abi_names, COUNT(abi_names), v, &iv))
            return -1;
        p->abi = (wb_abi)iv;
        return 0;
    case K_LOCKS:
        if (parse_enum(st, k, locks_names, COUNT(locks_names), v, &iv))
            return -1;
        p->locks = (wb_locks)iv;
        return 0;
    case K_MODE:
        if (parse_enum(st, k, mode_names, COUNT(mode_names), v, &iv))
            return -1;
        p->mode = (wb_mode)iv;
        return 0;
    case K_MODES:
        return parse_modes(st, v, &p->modes);
    }
    return perr(st, st->line, "internal: unhandled key '%s'", k->key);
}

/* ---- lines ---- */

/* Length of a valid UTF-8 sequence at s (at most n bytes), 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    size_t len;
    uint32_t cp;
    if (s[0] < 0x80)
        return 1;
    if ((s[0] & 0xe0) == 0xc0) {
        len = 2;
        cp = s[0] & 0x1fu;
    } else if ((s[0] & 0xf0) == 0xe0) {
        len = 3;
        cp = s[0] & 0x0fu;
    } else if ((s[0] & 0xf8) == 0xf0) {
        len = 4;
        cp = s[0] & 0x07u;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3fu);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

static int check_line_bytes(pstate *st, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t l;
        if (s[i] == 0)
            return perr(st, st->line, "NUL byte at column %zu", i + 1);
        l = utf8_len((const unsigned char *)s + i, n - i);
        if (!l)
            return perr(st, st->line, "invalid UTF-8 at column %zu", i + 1);
        if (l == 1 && (unsigned char)s[i] < 0x20 && s[i] != '\t')
            return perr(st, st->line, "control character 0x%02x at column %zu",
                        (unsigned)(unsigned char)s[i], i + 1);
        i += l;
    }
    return 0;
}

static int is_ws(char c) { return c == ' ' || c == '\t'; }

static int is_key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-';
}

/* One line, without its newline: blank, comment, or `key = value [# comment]`. */
static int parse_line(pstate *st, const char *s, size_t n, wb_profile *p)
{
    char key[64], value[LINE_MAX_BYTES + 1];
    size_t i = 0, ks, ke, vs, ve;
    int ki;

    while (i < n && is_ws(s[i]))
        i++;
    if (i == n || s[i] == '#')
        return 0;

    ks = i;
    while (i < n && is_key_char(s[i]))
        i++;
    ke = i;
    while (i < n && is_ws(s[i]))
        i++;
    if (i == n || s[i] != '=') {
        size_t show = n - ks;
        const char *hash = memchr(s + ks, '#', show);
        if (hash)
            show = (size_t)(hash - (s + ks));
        while (show && is_ws(s[ks + show - 1]))
            show--;
        if (show > 40)
            show = 40;
        return perr(st, st->line, "missing '=' in '%.*s' (expected key = value)", (int)show,
                    s + ks);
    }
    if (ke == ks)
        return perr(st, st->line, "missing key before '='");
    if (ke - ks >= sizeof key)
        return perr(st, st->line, "unknown key '%.*s...'", 40, s + ks);
    memcpy(key, s + ks, ke - ks);
    key[ke - ks] = 0;
    i++; /* '=' */

    while (i < n && is_ws(s[i]))
        i++;
    if (i < n && s[i] == '"') {
        /* quoted value: '#' is literal inside the quotes */
        vs = ++i;
        while (i < n && s[i] != '"')
            i++;
        if (i == n)
            return perr(st, st->line, "missing closing '\"' in the value of '%s'", key);
        ve = i++;
        while (i < n && is_ws(s[i]))
            i++;
        if (i < n && s[i] != '#')
            return perr(st, st->line, "text after the closing '\"' in the value of '%s'", key);
    } else {
        vs = i;
        while (i < n && s[i] != '#')
            i++;
        ve = i;
        while (ve > vs && is_ws(s[ve - 1]))
            ve--;
    }
    memcpy(value, s + vs, ve - vs);
    value[ve - vs] = 0;

    ki = key_find(key);
    if (ki < 0)
        return perr(st, st->line, "unknown key '%s'", key);
    if (st->key_line[ki])
        return perr(st, st->line, "duplicate key '%s' (already set on line %u)", key,
                    st->key_line[ki]);
    if (keys[ki].kind == K_INCLUDE) {
        for (size_t k = 0; k < KEY_COUNT; k++)
            if (st->key_line[k])
                return perr(st, st->line, "'include' must come before any other key (line %u "
                                          "sets '%s')",
                            st->key_line[k], keys[k].key);
    }
    st->key_line[ki] = st->line;
    return set_value(st, &keys[ki], value, p);
}

static int apply_text(pstate *st, const char *text, size_t len, wb_profile *p)
{
    size_t pos = 0;

    st->line = 0;
    if (len >= 3 && (unsigned char)text[0] == 0xef && (unsigned char)text[1] == 0xbb &&
        (unsigned char)text[2] == 0xbf)
        pos = 3; /* UTF-8 byte order mark */
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t n = end - pos;
        st->line++;
        if (n && text[pos + n - 1] == '\r')
            n--;
        if (n > LINE_MAX_BYTES)
            return perr(st, st->line, "line too long (%zu bytes, at most %u)", n, LINE_MAX_BYTES);
        if (check_line_bytes(st, text + pos, n) || parse_line(st, text + pos, n, p))
            return -1;
        pos = nl ? end + 1 : len;
    }
    return 0;
}

/* ---- consistency ---- */

static unsigned line_of(const pstate *st, const char *key)
{
    int i = key_find(key);
    return (st && i >= 0) ? st->key_line[i] : 0;
}

static void modes_text(unsigned modes, char *buf, size_t cap)
{
    size_t used = 0;
    buf[0] = 0;
    for (unsigned m = 0; m < COUNT(mode_names); m++) {
        if (modes & (1u << m)) {
            int w = snprintf(buf + used, cap - used, "%s%s", used ? " " : "", mode_names[m]);
            if (w < 0 || (size_t)w >= cap - used)
                break;
            used += (size_t)w;
        }
    }
}

static int is_pow2(uint64_t v) { return v && !(v & (v - 1)); }

/* The rules a WAMR build cannot break (WAMR's core/config.h and platform
 * ports). st gives line numbers when the key was set in text. */
static int check_profile(pstate *st, const wb_profile *p)
{
    char list[64];

    if (!valid_name(p->name))
        return perr(st, line_of(st, "name"), "profile needs a 'name' (letters, digits, '-', '_', "
                                             "'.')");
    if (p->modes == 0 || (p->modes & ~7u))
        return perr(st, line_of(st, "modes"), "'modes' needs at least one engine");
    if ((p->modes & WB_MODE_BIT_FAST_INTERP) && (p->modes & WB_MODE_BIT_CLASSIC_INTERP))
        return perr(st, line_of(st, "modes"),
                    "'modes' lists both fast-interp and classic-interp: a WAMR build has one "
                    "interpreter (WAMR_BUILD_FAST_INTERP picks it)");
    if (!(p->modes & wb_mode_bit(p->mode))) {
        modes_text(p->modes, list, sizeof list);
        return perr(st, line_of(st, "mode") ? line_of(st, "mode") : line_of(st, "modes"),
                    "mode '%s' is not among the engines of this build (modes = %s)",
                    wb_mode_name(p->mode), list);
    }
    if (p->hw_bound_check && !(p->platform == WB_PLATFORM_LINUX && p->abi == WB_ABI_LP64))
        return perr(st, line_of(st, "hw_bound_check"),
                    "hw_bound_check needs a 64-bit Linux build (platform = linux, abi = lp64); "
                    "%s/%s has none (WAMR defines OS_ENABLE_HW_BOUND_CHECK on no 32-bit "
                    "target and no MCU port)",
                    wb_platform_name(p->platform), wb_abi_name(p->abi));
    if (p->signal_stack_bytes && !p->hw_bound_check)
        return perr(st, line_of(st, "signal_stack_bytes"),
                    "signal_stack_bytes is set but hw_bound_check is off: WAMR maps the signal "
                    "stack only with hardware bound check (set it to 0)");
    if (p->platform == WB_PLATFORM_LINUX && p->locks != WB_LOCKS_GLIBC)
        return perr(st, line_of(st, "locks"), "locks = %s does not match platform = linux "
                                              "(use glibc)",
                    wb_locks_name(p->locks));
    if (p->platform == WB_PLATFORM_ZEPHYR && p->locks != WB_LOCKS_ZEPHYR)
        return perr(st, line_of(st, "locks"), "locks = %s does not match platform = zephyr "
                                              "(use zephyr)",
                    wb_locks_name(p->locks));
    if (p->platform == WB_PLATFORM_ESP_IDF && p->locks != WB_LOCKS_NEWLIB)
        return perr(st, line_of(st, "locks"), "locks = %s does not match platform = esp-idf "
                                              "(use newlib)",
                    wb_locks_name(p->locks));
    if (p->platform == WB_PLATFORM_NUTTX && p->locks != WB_LOCKS_NUTTX)
        return perr(st, line_of(st, "locks"), "locks = %s does not match platform = nuttx "
                                              "(use nuttx)",
                    wb_locks_name(p->locks));
    if (p->platform != WB_PLATFORM_NUTTX && p->locks == WB_LOCKS_NUTTX)
        return perr(st, line_of(st, "locks"), "locks = nuttx does not match platform = %s",
                    wb_platform_name(p->platform));
    if (p->abi == WB_ABI_LP64 && p->locks == WB_LOCKS_NEWLIB)
        return perr(st, line_of(st, "locks"), "locks = newlib describes a 32-bit ESP-IDF build, "
                                              "not abi = lp64");
    /* 1: getpagesize() of a NuttX build without CONFIG_MM_PGSIZE */
    if (!is_pow2(p->page_size) || p->page_size > 65536)
        return perr(st, line_of(st, "page_size"),
                    "page_size %llu must be a power of two from 1 to 64K",
                    (unsigned long long)p->page_size);
    if (p->default_wasm_stack == 0)
        return perr(st, line_of(st, "default_wasm_stack"), "default_wasm_stack must not be 0");
    if (p->wasi_threads && p->max_threads == 0)
        return perr(st, line_of(st, "max_threads"),
                    "wasi_threads = yes needs max_threads of at least 1");
    if (p->lib_pthread && p->max_threads == 0)
        return perr(st, line_of(st, "max_threads"),
                    "lib_pthread = yes needs max_threads of at least 1 (CLUSTER_MAX_THREAD_NUM)");
    if (p->wasi_threads && p->shared_memory == 0)
        return perr(st, line_of(st, "shared_memory"),
                    "shared_memory = no with wasi_threads = yes: wasi-threads needs shared "
                    "memory (WAMR's CMake turns it on with WAMR_BUILD_LIB_WASI_THREADS)");
    if (p->wasi_threads && p->app_thread_stack == 0)
        return perr(st, line_of(st, "app_thread_stack"),
                    "wasi_threads = yes needs app_thread_stack (the native stack per thread)");
    if ((p->modes & WB_MODE_BIT_AOT) && !p->hw_bound_check && !p->aot_bounds_checks)
        return perr(st, line_of(st, "aot_bounds_checks"),
                    "aot_bounds_checks = no needs hw_bound_check: without it AOT code must be "
                    "compiled with software bounds checks (wamrc --bounds-checks=1)");
    if ((p->modes & WB_MODE_BIT_AOT) && !p->aot_target[0])
        return perr(st, line_of(st, "aot_target"), "modes include aot but aot_target is empty");
    const wb_wamr_version *ver = wb_wamr_version_find(p->wamr_version);
    if (!ver) {
        char why[512];
        wb_wamr_version_refusal(p->wamr_version, why, sizeof why);
        return perr(st, line_of(st, "wamr_version"), "wamr_version: %s", why);
    }
    if (p->shrunk_memory == 0 && !ver->t->shrunk_memory_option)
        return perr(st, line_of(st, "shrunk_memory"),
                    "shrunk_memory = no: WAMR %s has no WAMR_BUILD_SHRUNK_MEMORY option and "
                    "always shrinks a memory without memory.grow",
                    ver->name);
    if (p->heap_size > ver->t->app_heap_size_max)
        return perr(st, line_of(st, "heap_size"),
                    "heap_size is above APP_HEAP_SIZE_MAX of WAMR %s (%llu MiB)", ver->name,
                    (unsigned long long)(ver->t->app_heap_size_max >> 20));
    if (p->heap_size && (p->heap_size + 7) / 8 * 8 < WB_APP_HEAP_SIZE_MIN)
        return perr(st, line_of(st, "heap_size"),
                    "heap_size %llu is below WAMR's APP_HEAP_SIZE_MIN (%u): instantiation "
                    "fails; use 0 (no app heap) or at least %u",
                    (unsigned long long)p->heap_size, WB_APP_HEAP_SIZE_MIN, WB_APP_HEAP_SIZE_MIN);
    if (p->budget && p->ram && p->budget > p->ram)
        return perr(st, line_of(st, "budget"), "budget (%llu bytes) is larger than ram (%llu "
                                               "bytes)",
                    (unsigned long long)p->budget, (unsigned long long)p->ram);
    return 0;
}

int wb_profile_check(const wb_profile *p, char *err, size_t errcap)
{
    pstate st;
    memset(&st, 0, sizeof st);
    st.origin = p->path[0] ? p->path : (p->name[0] ? p->name : "profile");
    st.err = err;
    st.errcap = errcap;
    return check_profile(&st, p);
}

/* ---- files and includes ---- */

static int has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

static int is_path(const char *s)
{
    return strchr(s, '/') != NULL || has_suffix(s, ".profile");
}

/* Read a whole file (at most FILE_MAX_BYTES) into a new buffer. */
static char *read_file(const char *path, size_t *len, char *err, size_t errcap)
{
    struct stat st;
    FILE *f;
    char *buf;
    size_t n;

    /* a FIFO or a device would block or never end: only regular files */
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        errf(err, errcap, "%s: not a regular file", path);
        return NULL;
    }
    f = fopen(path, "rb");
    if (!f) {
        errf(err, errcap, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    buf = malloc(FILE_MAX_BYTES + 1);
    if (!buf) {
        fclose(f);
        errf(err, errcap, "%s: out of memory", path);
        return NULL;
    }
    n = fread(buf, 1, FILE_MAX_BYTES + 1, f);
    if (ferror(f)) {
        errf(err, errcap, "%s: read error", path);
        fclose(f);
        free(buf);
        return NULL;
    }
    fclose(f);
    if (n > FILE_MAX_BYTES) {
        errf(err, errcap, "%s: larger than %u bytes: not a profile", path, FILE_MAX_BYTES);
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

/* Something is there (read_file then says whether it is a readable profile):
 * stat, not open, which would wait on a FIFO. */
static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Last path component without ".profile", for a profile that has no name. */
static void name_from_path(const char *path, char *out, size_t cap)
{
    const char *base = strrchr(path, '/');
    size_t n;
    base = base ? base + 1 : path;
    n = strlen(base);
    if (has_suffix(base, ".profile"))
        n -= strlen(".profile");
    if (n >= cap)
        n = cap - 1;
    memcpy(out, base, n);
    out[n] = 0;
}

/* Parse the file at path on top of p (no defaults, no check). */
static int apply_file(const pstate *parent, const char *path, const char *const *search_dirs,
                      unsigned depth, wb_profile *p, unsigned *key_line, char *err,
                      size_t errcap)
{
    pstate st;
    size_t len = 0;
    char *text = read_file(path, &len, err, errcap);
    int rc;

    if (!text)
        return -1;
    memset(&st, 0, sizeof st);
    st.parent = parent;
    st.origin = path;
    st.search_dirs = search_dirs;
    st.depth = depth;
    st.err = err;
    st.errcap = errcap;
    rc = apply_text(&st, text, len, p);
    free(text);
    if (rc == 0 && !st.key_line[key_find("name")])
        name_from_path(path, p->name, sizeof p->name);
    if (key_line)
        memcpy(key_line, st.key_line, sizeof st.key_line);
    return rc;
}

/* Find NAME.profile in dir (may be NULL/empty = skip).  0 found. */
static int try_dir(const char *dir, const char *name, char *out, size_t cap)
{
    int n;
    if (!dir || !*dir)
        return -1;
    n = snprintf(out, cap, "%s%s%s.profile", dir, has_suffix(dir, "/") ? "" : "/", name);
    if (n < 0 || (size_t)n >= cap)
        return -1;
    return file_exists(out) ? 0 : -1;
}

/* Resolve a profile NAME or PATH.  rel_dir: directory of the including
 * file, tried first (NULL at top level). */
static int resolve(const char *what, const char *rel_dir, const char *const *search_dirs,
                   char *out, size_t cap, char *err, size_t errcap)
{
    int n;
    if (is_path(what)) {
        if (what[0] == '/' || !rel_dir || !*rel_dir)
            n = snprintf(out, cap, "%s", what);
        else
            n = snprintf(out, cap, "%s/%s", rel_dir, what);
        if (n < 0 || (size_t)n >= cap)
            return errf(err, errcap, "profile path too long: %s", what);
        if (!file_exists(out))
            return errf(err, errcap, "profile file not found: %s", out);
        return 0;
    }
    if (!valid_name(what))
        return errf(err, errcap, "bad profile name '%s': use letters, digits, '-', '_' and '.'",
                    what);
    if (try_dir(rel_dir, what, out, cap) == 0)
        return 0;
    for (size_t i = 0; search_dirs && search_dirs[i]; i++)
        if (try_dir(search_dirs[i], what, out, cap) == 0)
            return 0;
    return -1;
}

/* The names of the profiles in dirs, for "not found" messages. */
static void list_profiles(const char *const *dirs, char *buf, size_t cap)
{
    size_t used = 0;
    buf[0] = 0;
    for (size_t i = 0; dirs && dirs[i]; i++) {
        DIR *d = opendir(dirs[i]);
        struct dirent *e;
        if (!d)
            continue;
        while ((e = readdir(d)) != NULL) {
            char nm[64];
            int w;
            if (!has_suffix(e->d_name, ".profile") || e->d_name[0] == '.')
                continue;
            name_from_path(e->d_name, nm, sizeof nm);
            w = snprintf(buf + used, cap - used, "%s%s", used ? ", " : "", nm);
            if (w < 0 || (size_t)w >= cap - used) {
                buf[used] = 0;
                break;
            }
            used += (size_t)w;
        }
        closedir(d);
    }
}

/* 1 when path is one of the files that include it (same device and inode). */
static int includes_itself(const pstate *st, const char *path)
{
    struct stat want, have;
    if (stat(path, &want) != 0)
        return 0;
    for (const pstate *a = st; a; a = a->parent)
        if (stat(a->origin, &have) == 0 && have.st_dev == want.st_dev &&
            have.st_ino == want.st_ino)
            return 1;
    return 0;
}

static int include_profile(pstate *st, const char *what, wb_profile *p)
{
    char dir[ORIGIN_MAX], path[ORIGIN_MAX], sub[ORIGIN_MAX + 64];
    const char *slash = strrchr(st->origin, '/');
    size_t dl = slash ? (size_t)(slash - st->origin) : 0;

    if (st->depth >= INCLUDE_MAX_DEPTH)
        return perr(st, st->line, "'include' nested more than %u deep (a cycle?)",
                    INCLUDE_MAX_DEPTH);
    if (dl >= sizeof dir)
        dl = sizeof dir - 1;
    memcpy(dir, st->origin, dl);
    dir[dl] = 0;
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    sub[0] = 0;
    if (resolve(what, dir, st->search_dirs, path, sizeof path, sub, sizeof sub))
        return perr(st, st->line, "cannot include '%s': %s", what,
                    sub[0] ? sub : "no such profile");
    if (includes_itself(st, path))
        return perr(st, st->line, "include cycle: '%s' includes itself", path);
    /* an error inside the included file names that file and line */
    if (apply_file(st, path, st->search_dirs, st->depth + 1, p, NULL, st->err, st->errcap))
        return -1;
    return 0;
}

int wb_profile_parse(const char *text, size_t len, const char *origin, wb_profile *p, char *err,
                     size_t errcap)
{
    pstate st;
    if (err && errcap)
        err[0] = 0;
    wb_profile_defaults(p);
    memset(&st, 0, sizeof st);
    st.origin = origin ? origin : "<profile>";
    st.err = err;
    st.errcap = errcap;
    if (!text && len)
        return perr(&st, 0, "no text");
    if (apply_text(&st, text ? text : "", len, p))
        return -1;
    return check_profile(&st, p);
}

int wb_profile_load(const char *name_or_path, const char *const *search_dirs, wb_profile *p,
                    char *err, size_t errcap)
{
    char path[ORIGIN_MAX], sub[512], names[256];
    pstate st;

    if (err && errcap)
        err[0] = 0;
    wb_profile_defaults(p);
    if (!name_or_path || !*name_or_path)
        return errf(err, errcap, "no profile given");
    sub[0] = 0;
    if (resolve(name_or_path, NULL, search_dirs, path, sizeof path, sub, sizeof sub)) {
        if (sub[0])
            return errf(err, errcap, "%s", sub);
        list_profiles(search_dirs, names, sizeof names);
        return errf(err, errcap, "profile '%s' not found%s%s", name_or_path,
                    names[0] ? "; shipped profiles: " : "", names);
    }
    if (strlen(path) >= sizeof p->path)
        return errf(err, errcap, "profile path too long: %s", path);

    memset(&st, 0, sizeof st);
    if (apply_file(NULL, path, search_dirs, 0, p, st.key_line, err, errcap))
        return -1;
    snprintf(p->path, sizeof p->path, "%s", path);
    st.origin = p->path;
    st.err = err;
    st.errcap = errcap;
    return check_profile(&st, p);
}
