/* Reads the per-function native frame sizes that `wamrc --stack-usage=FILE` writes. */
#include "read/stack_usage.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Format (LLVM's -stack-usage-file, as wamrc of WAMR main at 646b5a9bc writes it for every
 * module of the calibration set): one line per machine function,
 *
 *     WASM Module:aot_func#N<TAB>bytes<TAB>static
 *
 * where N is the AOT function number = the defined-function number of the
 * wasm module (imports not counted).  The qualifier is `static`, `dynamic`
 * (variable-sized objects: no bound) or `dynamic,bounded` (the number is the
 * bound).  With stack checks wamrc splits a function into a wrapper
 * `aot_func#N` and its body `aot_func_internal#N`.
 */

#define SU_AOT_FUNC "aot_func#"
#define SU_AOT_FUNC_INTERNAL "aot_func_internal#"

enum { SU_OUTER = 0, SU_INTERNAL = 1 };

/* the return address a call pushes outside the callee's frame (x86-64) */
#define WB_SU_DEFAULT_CALL_BYTES 8u

typedef struct su_line {
    int relevant;        /* names an AOT function */
    int part;            /* SU_OUTER / SU_INTERNAL */
    uint32_t func;
    uint64_t bytes;
    int dynamic;         /* unbounded frame */
} su_line;

static int su_fail(wb_error *err, size_t line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int su_fail(wb_error *err, size_t line, const char *fmt, ...)
{
    va_list ap;
    err->offset = line;
    err->section = "stack-usage";
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return -1;
}

/* Decimal number over [p, end) with an overflow check; -1 when not one. */
static int su_decimal(const char *p, const char *end, uint64_t max, uint64_t *out)
{
    uint64_t v = 0;
    if (p == end)
        return -1;
    for (; p < end; p++) {
        if (*p < '0' || *p > '9')
            return -1;
        unsigned d = (unsigned)(*p - '0');
        if (v > (max - d) / 10)
            return -1;
        v = v * 10 + d;
    }
    *out = v;
    return 0;
}

static int su_has_prefix(const char *p, const char *end, const char *prefix, const char **rest)
{
    size_t n = strlen(prefix);
    if ((size_t)(end - p) < n || memcmp(p, prefix, n) != 0)
        return 0;
    *rest = p + n;
    return 1;
}

/* One line [p, end) without its newline. */
static int su_parse_line(const char *p, const char *end, size_t lineno, su_line *l, wb_error *err)
{
    const char *tab1 = memchr(p, '\t', (size_t)(end - p));
    const char *tab2 = tab1 ? memchr(tab1 + 1, '\t', (size_t)(end - tab1 - 1)) : NULL;
    const char *name, *num;

    memset(l, 0, sizeof *l);
    if (!tab1 || !tab2)
        return su_fail(err, lineno, "expected 'name<TAB>bytes<TAB>qualifier'");
    if (su_decimal(tab1 + 1, tab2, UINT64_MAX, &l->bytes) != 0)
        return su_fail(err, lineno, "frame size '%.*s' is not a decimal number",
                       (int)(tab2 - tab1 - 1 > 40 ? 40 : tab2 - tab1 - 1), tab1 + 1);

    /* qualifier: static | dynamic | dynamic,bounded */
    size_t ql = (size_t)(end - tab2 - 1);
    const char *q = tab2 + 1;
    if (ql == 6 && memcmp(q, "static", 6) == 0)
        l->dynamic = 0;
    else if (ql == 7 && memcmp(q, "dynamic", 7) == 0)
        l->dynamic = 1;
    else if (ql == 15 && memcmp(q, "dynamic,bounded", 15) == 0)
        l->dynamic = 0;
    else
        return su_fail(err, lineno, "unknown qualifier '%.*s' (static, dynamic, dynamic,bounded)",
                       (int)(ql > 40 ? 40 : ql), q);

    /* the function is what follows the last ':' of the name field */
    name = p;
    for (const char *s = p; s < tab1; s++)
        if (*s == ':')
            name = s + 1;
    if (su_has_prefix(name, tab1, SU_AOT_FUNC, &num))
        l->part = SU_OUTER;
    else if (su_has_prefix(name, tab1, SU_AOT_FUNC_INTERNAL, &num))
        l->part = SU_INTERNAL;
    else
        return 0; /* another symbol (none in that wamrc's output): not a wasm function */
    uint64_t n;
    if (su_decimal(num, tab1, UINT32_MAX - 1u, &n) != 0)
        return su_fail(err, lineno, "bad function number in '%.*s'",
                       (int)(tab1 - name > 60 ? 60 : tab1 - name), name);
    l->func = (uint32_t)n;
    l->relevant = 1;
    return 0;
}

/* Calls fn for every non-empty line; stops at the first error. */
typedef int (*su_line_fn)(void *ctx, const su_line *l, size_t lineno, wb_error *err);

static int su_each_line(const char *text, size_t len, su_line_fn fn, void *ctx, wb_error *err)
{
    const char *p = text, *end = text + len;
    size_t lineno = 0;

    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        lineno++;
        if (le > p && le[-1] == '\r')
            le--;
        if (le > p) {
            su_line l;
            if (memchr(p, '\0', (size_t)(le - p)))
                return su_fail(err, lineno, "NUL byte in a text file");
            if (su_parse_line(p, le, lineno, &l, err) != 0)
                return -1;
            if (l.relevant && fn(ctx, &l, lineno, err) != 0)
                return -1;
        }
        p = nl ? nl + 1 : end;
    }
    return 0;
}

typedef struct su_state {
    uint64_t count;          /* highest function number + 1 */
    uint64_t lines;
    uint64_t *part[2];       /* frame per part, UINT64_MAX = no line */
    uint8_t *dynamic;
} su_state;

static int su_count_line(void *ctx, const su_line *l, size_t lineno, wb_error *err)
{
    su_state *s = ctx;
    (void)lineno;
    (void)err;
    if ((uint64_t)l->func + 1 > s->count)
        s->count = (uint64_t)l->func + 1;
    s->lines++;
    return 0;
}

static int su_store_line(void *ctx, const su_line *l, size_t lineno, wb_error *err)
{
    su_state *s = ctx;
    uint64_t *slot = &s->part[l->part][l->func];
    (void)lineno;
    (void)err;
    /* a repeated line keeps the larger frame */
    if (*slot == UINT64_MAX || l->bytes > *slot)
        *slot = l->bytes;
    if (l->dynamic)
        s->dynamic[l->func] = 1;
    return 0;
}

static void su_free_state(su_state *s)
{
    free(s->part[0]);
    free(s->part[1]);
}

int wb_stack_usage_parse(const char *text, size_t len, wb_stack_usage *su, wb_error *err)
{
    su_state s;

    memset(su, 0, sizeof *su);
    memset(&s, 0, sizeof s);
    if (su_each_line(text, len, su_count_line, &s, err) != 0)
        return -1;
    /* every number needs a line of at least 20 bytes, so a count far above
     * the line count is a corrupt file, not a reason to allocate */
    if (s.count > len / 4 + 1)
        return su_fail(err, 0, "function number %llu is out of range for a %zu-byte file",
                       (unsigned long long)(s.count - 1), len);
    su->call_bytes = WB_SU_DEFAULT_CALL_BYTES;
    if (s.count == 0)
        return 0;

    size_t n = (size_t)s.count;
    s.part[0] = malloc(n * sizeof *s.part[0]);
    s.part[1] = malloc(n * sizeof *s.part[1]);
    su->frame_bytes = malloc(n * sizeof *su->frame_bytes);
    su->dynamic = calloc(n, 1);
    if (!s.part[0] || !s.part[1] || !su->frame_bytes || !su->dynamic) {
        su_free_state(&s);
        wb_stack_usage_free(su);
        return su_fail(err, 0, "out of memory for %zu functions", n);
    }
    for (size_t i = 0; i < n; i++)
        s.part[0][i] = s.part[1][i] = UINT64_MAX;
    s.dynamic = su->dynamic;
    if (su_each_line(text, len, su_store_line, &s, err) != 0) {
        su_free_state(&s);
        wb_stack_usage_free(su);
        return -1;
    }

    su->count = (uint32_t)n;
    su->call_bytes = WB_SU_DEFAULT_CALL_BYTES;
    su->lines = (uint32_t)(s.lines > UINT32_MAX ? UINT32_MAX : s.lines);
    for (size_t i = 0; i < n; i++) {
        uint64_t o = s.part[SU_OUTER][i], in = s.part[SU_INTERNAL][i], f;
        if (o == UINT64_MAX && in == UINT64_MAX) {
            f = UINT64_MAX;
            su->missing_count++;
        } else {
            /* the wrapper calls the body: both frames are live together */
            f = (o == UINT64_MAX ? 0 : o);
            uint64_t b = (in == UINT64_MAX ? 0 : in);
            f = (f > UINT64_MAX - 1 - b) ? UINT64_MAX - 1 : f + b;
            if (f > su->max_frame)
                su->max_frame = f;
        }
        su->frame_bytes[i] = f;
        if (su->dynamic[i])
            su->dynamic_count++;
    }
    su_free_state(&s);
    return 0;
}

void wb_stack_usage_free(wb_stack_usage *su)
{
    if (!su)
        return;
    free(su->frame_bytes);
    free(su->dynamic);
    memset(su, 0, sizeof *su);
}
