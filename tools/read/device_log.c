/* A device's console log: WAMR's memory-profiling dumps and the pool statistics in it, as facts. */
#include "read/device_log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The lines of the dump, by the words before the figure (WAMR's
 * wasm_runtime_dump_mem_consumption and the three functions it calls; the
 * same words from 1.0 to main).  A section line opens its section; the
 * others are read only inside theirs. */
typedef struct dump_line {
    wb_dump_field field;
    wb_dump_section section;
    int opens;                /* the first line of its section */
    const char *words;        /* what comes before the colon */
} dump_line;

static const dump_line dump_lines[] = {
    {WB_DF_MODULE_TOTAL, WB_SEC_MODULE, 1, "WASM module memory consumption, total size"},
    {WB_DF_MODULE_STRUCT, WB_SEC_MODULE, 0, "module struct size"},
    {WB_DF_TYPES, WB_SEC_MODULE, 0, "types size"},
    {WB_DF_IMPORTS, WB_SEC_MODULE, 0, "imports size"},
    {WB_DF_FUNCS, WB_SEC_MODULE, 0, "funcs size"},
    {WB_DF_TABLES, WB_SEC_MODULE, 0, "tables size"},
    {WB_DF_MEMORIES, WB_SEC_MODULE, 0, "memories size"},
    {WB_DF_GLOBALS, WB_SEC_MODULE, 0, "globals size"},
    {WB_DF_EXPORTS, WB_SEC_MODULE, 0, "exports size"},
    {WB_DF_TABLE_SEGS, WB_SEC_MODULE, 0, "table segs size"},
    {WB_DF_DATA_SEGS, WB_SEC_MODULE, 0, "data segs size"},
    {WB_DF_CONST_STRINGS, WB_SEC_MODULE, 0, "const strings size"},
    {WB_DF_CUSTOM_SECTIONS, WB_SEC_MODULE, 0, "custom sections size"},
    {WB_DF_AOT_CODE, WB_SEC_MODULE, 0, "aot code size"},
    {WB_DF_INST_TOTAL, WB_SEC_INSTANCE, 1, "WASM module inst memory consumption, total size"},
    {WB_DF_INST_STRUCT, WB_SEC_INSTANCE, 0, "module inst struct size"},
    {WB_DF_INST_MEMORIES, WB_SEC_INSTANCE, 0, "memories size"},
    {WB_DF_INST_APP_HEAP, WB_SEC_INSTANCE, 0, "app heap size"},
    {WB_DF_INST_TABLES, WB_SEC_INSTANCE, 0, "tables size"},
    {WB_DF_INST_FUNCTIONS, WB_SEC_INSTANCE, 0, "functions size"},
    {WB_DF_INST_GLOBALS, WB_SEC_INSTANCE, 0, "globals size"},
    {WB_DF_INST_EXPORTS, WB_SEC_INSTANCE, 0, "exports size"},
    {WB_DF_EXEC_ENV_TOTAL, WB_SEC_EXEC_ENV, 1, "Exec env memory consumption, total size"},
    {WB_DF_EXEC_ENV_STRUCT, WB_SEC_EXEC_ENV, 0, "exec env struct size"},
    {WB_DF_BLOCK_ADDR_CACHE, WB_SEC_EXEC_ENV, 0, "block addr cache size"},
    {WB_DF_EXEC_ENV_STACK, WB_SEC_EXEC_ENV, 0, "stack size"},
    {WB_DF_TOTAL, WB_SEC_TAIL, 1, "Total memory consumption of module, module inst and exec env"},
    {WB_DF_INTERP_STACK_USED, WB_SEC_TAIL, 1, "Total interpreter stack used"},
    {WB_DF_AUX_STACK_USED, WB_SEC_TAIL, 1, "Total auxiliary stack used"},
    {WB_DF_AUX_STACK_USED, WB_SEC_TAIL, 1, "Total aux stack used"}, /* when there is no figure */
    {WB_DF_NATIVE_STACK_LEFT, WB_SEC_TAIL, 1, "Native stack left"},
    {WB_DF_APP_HEAP_USED, WB_SEC_TAIL, 1, "Total app heap used"},
};
#define N_DUMP_LINES (sizeof dump_lines / sizeof dump_lines[0])

static const char summary_phrase[] = "Memory consumption summary (bytes):";
static const char no_info_text[] = "no enough info to profile";

const char *wb_dump_field_text(wb_dump_field f)
{
    for (size_t i = 0; i < N_DUMP_LINES; i++)
        if (dump_lines[i].field == f)
            return dump_lines[i].words;
    return "?";
}

typedef struct reader {
    wb_device_log *log;
    unsigned dump_cap, sample_cap;
    wb_device_dump *open;       /* the dump being read, or NULL */
    uint32_t line;
    wb_log_error *err;
} reader;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static int fail(reader *r, const char *fmt, ...)
{
    va_list ap;
    if (!r->err)
        return -1;
    r->err->line = r->line;
    va_start(ap, fmt);
    vsnprintf(r->err->message, sizeof r->err->message, fmt, ap);
    va_end(ap);
    return -1;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Whether the text before a phrase (s[0..n)) leaves the phrase at the start
 * of what WAMR printed: nothing, an indentation of two or more blanks, or a
 * prefix that ends in a delimiter ("...]: ", "<inf> wamr: "). */
static int anchored(const char *s, size_t n)
{
    size_t blanks = 0;
    while (n > 0 && is_space(s[n - 1])) {
        n--;
        blanks++;
    }
    if (n == 0 || blanks >= 2)
        return 1;
    char c = s[n - 1];
    return blanks >= 1 && (c == ':' || c == ']' || c == '>' || c == ')' || c == '|');
}

/* A piece of a line as WAMR prints a figure: "<prefix><phrase> <value>".
 * Splits it into the text up to and with the colon, and the value. */
typedef struct figure {
    const char *head;           /* the line up to and with the colon before the value */
    size_t head_len;
    wb_dump_state state;
    int negative;
    uint64_t value;
} figure;

static int split_figure(const char *s, size_t n, figure *fg)
{
    size_t ni = sizeof no_info_text - 1;
    size_t e = n;
    memset(fg, 0, sizeof *fg);
    if (e >= ni && memcmp(s + e - ni, no_info_text, ni) == 0) {
        fg->state = WB_DV_NO_INFO;
        e -= ni;
    } else {
        size_t d = e;
        while (d > 0 && is_digit(s[d - 1]))
            d--;
        if (d == e || e - d > 20)
            return -1;
        uint64_t v = 0;
        for (size_t i = d; i < e; i++) {
            unsigned dv = (unsigned)(s[i] - '0');
            if (v > (UINT64_MAX - dv) / 10)
                return -1;
            v = v * 10 + dv;
        }
        if (d > 0 && s[d - 1] == '-') {
            fg->negative = v != 0;
            d--;
        }
        fg->state = WB_DV_VALUE;
        fg->value = v;
        e = d;
    }
    if (e == 0 || !is_space(s[e - 1]))
        return -1;
    while (e > 0 && is_space(s[e - 1]))
        e--;
    if (e == 0 || s[e - 1] != ':')
        return -1;
    fg->head = s;
    fg->head_len = e;
    return 0;
}

/* The words end the head (before its colon) and what comes before them is a
 * prefix or indentation. */
static int head_is(const figure *fg, const char *words)
{
    size_t wl = strlen(words), hl = fg->head_len - 1;
    if (hl < wl || memcmp(fg->head + hl - wl, words, wl) != 0)
        return 0;
    return anchored(fg->head, hl - wl);
}

static int new_dump(reader *r, int summary)
{
    wb_device_log *log = r->log;
    if (log->dump_count == WB_LOG_MAX_DUMPS)
        return fail(r, "more than %u memory dumps: cut the log into parts", (unsigned)WB_LOG_MAX_DUMPS);
    if (log->dump_count == r->dump_cap) {
        unsigned cap = r->dump_cap ? r->dump_cap * 2 : 8;
        wb_device_dump *d = realloc(log->dumps, cap * sizeof *d);
        if (!d)
            return fail(r, "out of memory");
        log->dumps = d;
        r->dump_cap = cap;
    }
    wb_device_dump *d = &log->dumps[log->dump_count++];
    memset(d, 0, sizeof *d);
    d->first_line = d->last_line = r->line;
    d->summary_header = summary;
    r->open = d;
    return 0;
}

static void set_value(reader *r, wb_device_dump *d, wb_dump_field f, const figure *fg)
{
    wb_dump_value *v = &d->v[f];
    if (v->state != WB_DV_ABSENT) {
        if ((v->state != fg->state || v->value != fg->value || v->negative != fg->negative) &&
            !d->repeat_line) {
            d->repeat_line = r->line;
            d->repeat_field = f;
        }
        return;
    }
    v->state = fg->state;
    v->negative = fg->negative;
    v->value = fg->state == WB_DV_VALUE ? fg->value : 0;
    v->line = r->line;
    d->last_line = r->line;
}

/* A section line: continue the open dump when the section comes after what
 * it has, else start a new one. */
static int open_section(reader *r, const dump_line *dl, const figure *fg)
{
    wb_device_dump *d = r->open;
    if (!d || dl->section < d->last_section ||
        (dl->section == d->last_section && d->v[dl->field].state != WB_DV_ABSENT)) {
        if (new_dump(r, 0) != 0)
            return -1;
        d = r->open;
    }
    d->last_section = dl->section;
    set_value(r, d, dl->field, fg);
    if (dl->field == WB_DF_APP_HEAP_USED) {
        d->complete = 1;
        r->open = NULL;
    }
    return 0;
}

/* "    <lower-case words> size: N" inside a section: a figure of another WAMR version. */
static void maybe_extra(reader *r, const figure *fg)
{
    wb_device_dump *d = r->open;
    static const char tail[] = " size:";
    size_t tl = sizeof tail - 1;
    if (!d || d->last_section == WB_SEC_NONE || d->last_section == WB_SEC_TAIL ||
        fg->state != WB_DV_VALUE || fg->negative || fg->head_len <= tl ||
        memcmp(fg->head + fg->head_len - tl, tail, tl) != 0)
        return;
    size_t b = fg->head_len - tl;
    while (b > 0 && ((fg->head[b - 1] >= 'a' && fg->head[b - 1] <= 'z') || fg->head[b - 1] == ' '))
        b--;
    while (b < fg->head_len && fg->head[b] == ' ')
        b++;
    size_t name_len = fg->head_len - 1 - b;
    /* WAMR indents the lines of a section by four blanks */
    size_t blanks = 0;
    while (blanks < b && fg->head[b - 1 - blanks] == ' ')
        blanks++;
    if (name_len < 6 || (b > 0 && blanks < 4))
        return;
    if (d->extra_count == WB_DUMP_MAX_EXTRA)
        return;
    wb_dump_extra *x = &d->extra[d->extra_count++];
    memset(x, 0, sizeof *x);
    x->section = d->last_section;
    if (name_len >= sizeof x->name)
        name_len = sizeof x->name - 1;
    memcpy(x->name, fg->head + b, name_len);
    x->value = fg->value;
    x->line = r->line;
    d->last_line = r->line;
}

static int dump_piece(reader *r, const char *s, size_t n)
{
    size_t sl = sizeof summary_phrase - 1;
    if (n >= sl && memcmp(s + n - sl, summary_phrase, sl) == 0 && anchored(s, n - sl))
        return new_dump(r, 1);

    figure fg;
    if (split_figure(s, n, &fg) != 0)
        return 0;
    for (size_t i = 0; i < N_DUMP_LINES; i++) {
        const dump_line *dl = &dump_lines[i];
        if (!head_is(&fg, dl->words))
            continue;
        if (dl->opens)
            return open_section(r, dl, &fg);
        /* "memories size" and its like belong to the section they are in */
        if (r->open && r->open->last_section == dl->section) {
            set_value(r, r->open, dl->field, &fg);
            return 0;
        }
    }
    maybe_extra(r, &fg);
    return 0;
}

/* ---- pool statistics ---- */

enum { PK_TOTAL, PK_FREE, PK_HIGHMARK, PK_USED, PK_COUNT };

static int pool_key(const char *s, size_t n)
{
    static const struct {
        const char *name;
        int key;
    } keys[] = {
        {"total", PK_TOTAL},        {"total_size", PK_TOTAL},     {"free", PK_FREE},
        {"free_size", PK_FREE},     {"total_free_size", PK_FREE}, {"highmark", PK_HIGHMARK},
        {"highmark_size", PK_HIGHMARK}, {"high_mark", PK_HIGHMARK}, {"high_mark_size", PK_HIGHMARK},
        {"used", PK_USED},          {"used_size", PK_USED},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        size_t kl = strlen(keys[i].name);
        if (kl != n)
            continue;
        size_t j = 0;
        while (j < n && (s[j] >= 'A' && s[j] <= 'Z' ? s[j] - 'A' + 'a' : s[j]) == keys[i].name[j])
            j++;
        if (j == n)
            return keys[i].key;
    }
    return -1;
}

static int is_ident(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int pool_piece(reader *r, const char *s, size_t n)
{
    uint64_t val[PK_COUNT];
    int seen[PK_COUNT] = {0};
    size_t label_end = n;
    size_t i = 0;
    while (i < n) {
        if (!is_ident(s[i]) || (i > 0 && (is_ident(s[i - 1]) || is_digit(s[i - 1])))) {
            i++;
            continue;
        }
        size_t k = i;
        while (i < n && (is_ident(s[i]) || is_digit(s[i])))
            i++;
        int key = pool_key(s + k, i - k);
        size_t j = i;
        while (j < n && is_space(s[j]))
            j++;
        if (key < 0 || j >= n || (s[j] != '=' && s[j] != ':'))
            continue;
        j++;
        while (j < n && is_space(s[j]))
            j++;
        if (j >= n || !is_digit(s[j]))
            continue;
        uint64_t v = 0;
        int ok = 1;
        size_t digits = 0;
        while (j < n && is_digit(s[j])) {
            unsigned dv = (unsigned)(s[j] - '0');
            if (v > (UINT64_MAX - dv) / 10)
                ok = 0;
            else
                v = v * 10 + dv;
            j++;
            digits++;
        }
        if (!ok || digits > 20 || (j < n && (is_ident(s[j]) && s[j] != 'B' && s[j] != 'b')))
            continue;
        if (!seen[key]) {
            seen[key] = 1;
            val[key] = v;
            if (k < label_end)
                label_end = k;
        }
        i = j;
    }
    if (!seen[PK_TOTAL] || !seen[PK_FREE] || !seen[PK_HIGHMARK])
        return 0;

    wb_device_log *log = r->log;
    if (log->sample_count == WB_LOG_MAX_SAMPLES)
        return fail(r, "more than %u pool statistics lines: cut the log into parts",
                    (unsigned)WB_LOG_MAX_SAMPLES);
    if (log->sample_count == r->sample_cap) {
        unsigned cap = r->sample_cap ? r->sample_cap * 2 : 16;
        wb_pool_sample *p = realloc(log->samples, cap * sizeof *p);
        if (!p)
            return fail(r, "out of memory");
        log->samples = p;
        r->sample_cap = cap;
    }
    wb_pool_sample *ps = &log->samples[log->sample_count++];
    memset(ps, 0, sizeof *ps);
    ps->line = r->line;
    ps->total = val[PK_TOTAL];
    ps->free = val[PK_FREE];
    ps->highmark = val[PK_HIGHMARK];
    ps->has_used = seen[PK_USED];
    ps->used = seen[PK_USED] ? val[PK_USED] : 0;
    /* the label: what precedes the figures, without blanks and separators at its ends */
    size_t a = 0, b = label_end;
    while (a < b && is_space(s[a]))
        a++;
    while (b > a && (is_space(s[b - 1]) || s[b - 1] == ':' || s[b - 1] == ',' || s[b - 1] == ';' ||
                     s[b - 1] == '-' || s[b - 1] == '('))
        b--;
    size_t o = 0;
    for (size_t x = a; x < b && o + 1 < sizeof ps->label; x++) {
        unsigned char c = (unsigned char)s[x];
        ps->label[o++] = c >= 0x20 && c < 0x7F ? (char)c : '?';
    }
    ps->label[o] = '\0';
    return 0;
}

static int read_piece(reader *r, const char *s, size_t n)
{
    while (n > 0 && is_space(s[n - 1]))
        n--;
    if (n == 0)
        return 0;
    if (dump_piece(r, s, n) != 0)
        return -1;
    return pool_piece(r, s, n);
}

int wb_device_log_read(const char *text, size_t len, wb_device_log *log, wb_log_error *err)
{
    reader r;
    memset(log, 0, sizeof *log);
    memset(&r, 0, sizeof r);
    r.log = log;
    r.err = err;
    if (err)
        memset(err, 0, sizeof *err);

    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        if (r.line == UINT32_MAX) {
            fail(&r, "more than %u lines", (unsigned)UINT32_MAX);
            goto fail;
        }
        r.line++;
        if (nl && le > p && le[-1] == '\r')
            log->crlf_lines++;
        /* pieces between lone CRs, as a terminal would overwrite them */
        const char *q = p;
        while (q < le) {
            const char *cr = memchr(q, '\r', (size_t)(le - q));
            const char *pe = cr ? cr : le;
            if (read_piece(&r, q, (size_t)(pe - q)) != 0)
                goto fail;
            q = cr ? cr + 1 : le;
        }
        p = nl ? nl + 1 : end;
    }
    log->line_count = r.line;
    return 0;

fail:
    wb_device_log_free(log);
    return -1;
}

void wb_device_log_free(wb_device_log *log)
{
    free(log->dumps);
    free(log->samples);
    memset(log, 0, sizeof *log);
}
