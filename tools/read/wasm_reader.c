/* The WebAssembly module reader: every section checked and turned into facts; the input is never copied. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/wasm_reader.h"

/* Reader state: the borrowed input, the facts being filled and what the
 * later sections need to check indices against. */
typedef struct rd {
    const uint8_t *data;
    size_t size;
    wb_wasm_facts *f;
    wb_error *err;
    const char *section; /* static name of the section being read */
    uint32_t func_total; /* imported + defined */
    uint32_t table_total;
    uint32_t global_total;
    uint32_t expr_globals; /* globals a constant expression may name: those before it in
                              the global section, all of them elsewhere (UINT32_MAX) */
    uint32_t tag_total;
    int heap_base_seen, data_end_seen;
    uint32_t heap_base_index, data_end_index;
    int has_code;
} rd;

static const char *const section_names[14] = {
    "custom", "type", "import", "function", "table", "memory", "global",
    "export", "start", "element", "code", "data", "datacount", "tag"};

/* Position of each section id in the required order (spec 5.5.2; the tag
 * section of exception handling sits between memory and global). */
static const uint8_t section_rank[14] = {0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 11, 6};

int wb_error_set(wb_error *err, size_t offset, const char *section, const char *fmt, ...)
{
    va_list ap;
    if (!err)
        return -1;
    err->offset = offset;
    err->section = section;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return -1;
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int fail(rd *r, size_t offset, const char *fmt, ...)
{
    va_list ap;
    r->err->offset = offset <= r->size ? offset : r->size;
    r->err->section = r->section;
    va_start(ap, fmt);
    vsnprintf(r->err->message, sizeof r->err->message, fmt, ap);
    va_end(ap);
    return -1;
}

/* A failed cursor read, with what was being read. */
static int cfail(rd *r, const wb_cursor *c, const char *what)
{
    return fail(r, wb_cursor_offset(c), "%s (%s)", c->why ? c->why : "malformed", what);
}

#define CHECK(r, c, what)                                                                      \
    do {                                                                                       \
        if (!(c)->ok)                                                                          \
            return cfail((r), (c), (what));                                                    \
    } while (0)

static uint32_t u32(wb_cursor *c) { return (uint32_t)wb_uleb(c, 32); }

/* A vector count: every element takes at least one byte, so a count beyond
 * what remains is malformed (and nothing sized from it can be huge). */
static int read_count(rd *r, wb_cursor *c, uint32_t *n, const char *what)
{
    size_t at = wb_cursor_offset(c);
    *n = u32(c);
    CHECK(r, c, what);
    if (*n > wb_cursor_left(c))
        return fail(r, at, "%s count %u runs past the end of the section", what, *n);
    return 0;
}

/* Offset of the first byte that breaks UTF-8 (overlong forms, surrogates
 * and code points above U+10FFFF included), or len when it is valid. */
static uint32_t utf8_bad_at(const uint8_t *s, uint32_t len)
{
    uint32_t i = 0;
    while (i < len) {
        uint8_t b = s[i];
        uint32_t n, cp, min;
        if (b < 0x80) {
            i++;
            continue;
        }
        if (b >= 0xC2 && b <= 0xDF)
            n = 1, cp = b & 0x1F, min = 0x80;
        else if (b >= 0xE0 && b <= 0xEF)
            n = 2, cp = b & 0x0F, min = 0x800;
        else if (b >= 0xF0 && b <= 0xF4)
            n = 3, cp = b & 0x07, min = 0x10000;
        else
            return i;
        if (len - i <= n)
            return i;
        for (uint32_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n + 1;
    }
    return len;
}

/* A name: length + UTF-8 bytes, borrowed. */
static int read_name(rd *r, wb_cursor *c, const uint8_t **s, uint32_t *len, const char *what)
{
    uint32_t bad;
    *s = c->p;
    *len = u32(c);
    CHECK(r, c, what);
    if (*len > wb_cursor_left(c))
        return fail(r, wb_cursor_offset(c), "%s of %u bytes runs past the end of the section",
                    what, *len);
    *s = c->p;
    bad = utf8_bad_at(c->p, *len);
    if (bad < *len)
        return fail(r, wb_cursor_offset(c) + bad, "%s is not valid UTF-8", what);
    c->p += *len;
    return 0;
}

static int name_is(const uint8_t *s, uint32_t len, const char *lit)
{
    size_t n = strlen(lit);
    return len == n && memcmp(s, lit, n) == 0;
}

static uint32_t valtype_feature(uint8_t t)
{
    if (t == 0x7B)
        return WB_FEAT_SIMD;
    if (t == 0x70 || t == 0x6F)
        return WB_FEAT_REFERENCE_TYPES;
    if (t == 0x69)
        return WB_FEAT_EXCEPTIONS;
    return 0;
}

static uint64_t valtype_bytes(uint8_t t)
{
    switch (t) {
    case 0x7F: case 0x7D: return 4;
    case 0x7B: return 16;
    default: return 8; /* i64, f64; references counted pointer-sized */
    }
}

static int read_valtype(rd *r, wb_cursor *c, uint8_t *t)
{
    size_t at = wb_cursor_offset(c);
    *t = wb_u8(c);
    CHECK(r, c, "value type");
    if (!wb_wasm_valtype_cells(*t))
        return fail(r, at, "bad value type 0x%02x", *t);
    r->f->features |= valtype_feature(*t);
    return 0;
}

static int read_reftype(rd *r, wb_cursor *c)
{
    size_t at = wb_cursor_offset(c);
    uint8_t t = wb_u8(c);
    CHECK(r, c, "reference type");
    if (t != 0x70 && t != 0x6F)
        return fail(r, at, "bad reference type 0x%02x", t);
    if (t == 0x6F)
        r->f->features |= WB_FEAT_REFERENCE_TYPES;
    return 0;
}

/*
 * Limits.  Flags: bit 0 max present, bit 1 shared, bit 2 64-bit index
 * (memory64 / table64), bit 3 custom page size (memories only).
 */
static int read_limits(rd *r, wb_cursor *c, int memory, wb_wasm_limits *l)
{
    size_t at = wb_cursor_offset(c);
    uint32_t flags = wb_u8(c); /* a byte, not a LEB: 0x80 0x00 is malformed */
    unsigned bits;
    CHECK(r, c, "limits flags");
    if (flags > (memory ? 0x0Fu : 0x05u) || (!memory && (flags & 2)))
        return fail(r, at, "bad %s limits flags 0x%02x", memory ? "memory" : "table", flags);
    memset(l, 0, sizeof *l);
    l->has_max = (flags & 1) != 0;
    l->shared = (flags & 2) != 0;
    l->is64 = (flags & 4) != 0;
    l->has_page_size = (flags & 8) != 0;
    l->page_size_log2 = 16;
    bits = l->is64 ? 64 : 32;
    l->initial = wb_uleb(c, bits);
    if (l->has_max)
        l->max = wb_uleb(c, bits);
    CHECK(r, c, "limits");
    if (l->has_page_size) {
        size_t pat = wb_cursor_offset(c);
        l->page_size_log2 = u32(c);
        CHECK(r, c, "page size");
        if (l->page_size_log2 != 0 && l->page_size_log2 != 16)
            return fail(r, pat, "bad custom page size 2^%u (1 or 65536 bytes)", l->page_size_log2);
        r->f->features |= WB_FEAT_CUSTOM_PAGE_SIZE;
    }
    if (l->is64)
        r->f->features |= memory ? WB_FEAT_MEMORY64 : WB_FEAT_TABLE64;
    if (l->shared)
        r->f->features |= WB_FEAT_SHARED_MEMORY;
    if (l->has_max && l->initial > l->max)
        return fail(r, at, "minimum %llu greater than maximum %llu",
                    (unsigned long long)l->initial, (unsigned long long)l->max);
    if (l->shared && !l->has_max)
        return fail(r, at, "shared memory must have a maximum");
    if (memory && !l->is64 && !l->has_page_size &&
        (l->initial > 65536 || (l->has_max && l->max > 65536)))
        return fail(r, at, "memory size must be at most 65536 pages (4 GiB)");
    return 0;
}

/* ---- constant expressions ---- */

typedef struct cexpr {
    int i32_const;      /* exactly `i32.const v; end` */
    uint32_t i32;
    int ref_func;       /* contains ref.func */
    uint32_t func;
    int ref_null;       /* contains ref.null */
} cexpr;

/* i32/i64/f32/f64/v128.const, ref.null, ref.func, global.get and the
 * extended-const arithmetic, up to end. */
static int read_const_expr(rd *r, wb_cursor *c, cexpr *e)
{
    uint32_t n = 0;
    memset(e, 0, sizeof *e);
    for (;;) {
        size_t at = wb_cursor_offset(c);
        uint8_t op = wb_u8(c);
        CHECK(r, c, "constant expression");
        n++;
        switch (op) {
        case 0x0B:
            if (n != 2)
                e->i32_const = 0;
            return 0;
        case 0x41: {
            int64_t v = wb_sleb(c, 32);
            if (n == 1) {
                e->i32_const = 1;
                e->i32 = (uint32_t)v;
            }
            break;
        }
        case 0x42: (void)wb_sleb(c, 64); break;
        case 0x43: (void)wb_le(c, 4); break;
        case 0x44: (void)wb_le(c, 8); break;
        case 0x23: {
            uint32_t gi = u32(c), limit = r->expr_globals < r->global_total ? r->expr_globals
                                                                            : r->global_total;
            CHECK(r, c, "global.get");
            if (gi >= limit)
                return fail(r, at, "global.get %u in a constant expression: no such global "
                            "before it (%u)", gi, limit);
            break;
        }
        case 0xD0:
            (void)wb_sleb(c, 33);
            r->f->features |= WB_FEAT_REFERENCE_TYPES;
            e->ref_null = 1;
            break;
        case 0xD2: {
            uint32_t fi = u32(c);
            CHECK(r, c, "ref.func");
            if (fi >= r->func_total)
                return fail(r, at, "ref.func %u out of range (%u functions)", fi, r->func_total);
            e->ref_func = 1;
            e->func = fi;
            break;
        }
        case 0xFD: {
            uint32_t sub = u32(c);
            CHECK(r, c, "v128.const");
            if (sub != 12)
                return fail(r, at, "opcode 0xfd 0x%x is not allowed in a constant expression",
                            sub);
            (void)wb_le(c, 8);
            (void)wb_le(c, 8);
            r->f->features |= WB_FEAT_SIMD;
            break;
        }
        case 0x6A: case 0x6B: case 0x6C: /* extended const: i32 add/sub/mul */
        case 0x7C: case 0x7D: case 0x7E: /* i64 add/sub/mul */
            break;
        default:
            return fail(r, at, "opcode 0x%02x is not allowed in a constant expression", op);
        }
        CHECK(r, c, "constant expression");
        if (n != 1)
            e->i32_const = 0;
    }
}

/* ---- sections ---- */

static int read_type(rd *r, wb_cursor *c)
{
    uint32_t n;
    if (read_count(r, c, &n, "type") != 0)
        return -1;
    r->f->type_count = n;
    for (uint32_t i = 0; i < n; i++) {
        size_t at = wb_cursor_offset(c);
        uint8_t form = wb_u8(c);
        uint32_t np, nr;
        uint8_t t;
        CHECK(r, c, "type form");
        if (form != 0x60)
            return fail(r, at, "unsupported type form 0x%02x (only function types)", form);
        if (read_count(r, c, &np, "parameter") != 0)
            return -1;
        for (uint32_t k = 0; k < np; k++)
            if (read_valtype(r, c, &t) != 0)
                return -1;
        if (read_count(r, c, &nr, "result") != 0)
            return -1;
        for (uint32_t k = 0; k < nr; k++)
            if (read_valtype(r, c, &t) != 0)
                return -1;
        if (nr > 1)
            r->f->features |= WB_FEAT_MULTI_VALUE;
        r->f->type_params_total += np;
        r->f->type_results_total += nr;
    }
    return 0;
}

static void add_table(rd *r, const wb_wasm_limits *l)
{
    wb_wasm_facts *f = r->f;
    if (f->tables_detailed < WB_MAX_TABLES_DETAILED)
        f->tables[f->tables_detailed++] = *l;
    f->table_initial_total += l->initial;
    f->table_max_total += l->has_max ? l->max : l->initial;
    if (!l->has_max)
        f->tables_without_max++;
    r->table_total++;
}

static void add_memory(rd *r, const wb_wasm_limits *l)
{
    wb_wasm_facts *f = r->f;
    if (f->memory_total == 0)
        f->memory = *l;
    f->memory_total++;
    if (f->memory_total > 1)
        f->features |= WB_FEAT_MULTI_MEMORY;
}

static int read_import(rd *r, wb_cursor *c)
{
    wb_wasm_facts *f = r->f;
    uint32_t n;
    if (read_count(r, c, &n, "import") != 0)
        return -1;
    f->import_count = n;
    for (uint32_t i = 0; i < n; i++) {
        const uint8_t *mod, *field;
        uint32_t mlen, flen;
        size_t at;
        uint8_t kind;
        wb_wasm_limits l;
        if (read_name(r, c, &mod, &mlen, "import module name") != 0 ||
            read_name(r, c, &field, &flen, "import field name") != 0)
            return -1;
        at = wb_cursor_offset(c);
        kind = wb_u8(c);
        CHECK(r, c, "import kind");
        switch (kind) {
        case 0: {
            uint32_t t = u32(c);
            CHECK(r, c, "import type index");
            if (t >= f->type_count)
                return fail(r, at, "import %u: type index %u out of range (%u types)", i, t,
                            f->type_count);
            f->import_func_count++;
            r->func_total++;
            if (name_is(mod, mlen, "wasi") && name_is(field, flen, "thread-spawn"))
                f->imports_thread_spawn = 1;
            if (name_is(field, flen, "pthread_create"))
                f->imports_pthread_create = 1; /* WAMR's lib-pthread (module env) */
            if (name_is(mod, mlen, "wasi_snapshot_preview1") || name_is(mod, mlen, "wasi_unstable"))
                f->imports_wasi = 1;
            break;
        }
        case 1:
            if (read_reftype(r, c) != 0 || read_limits(r, c, 0, &l) != 0)
                return -1;
            f->import_table_count++;
            add_table(r, &l);
            break;
        case 2:
            if (read_limits(r, c, 1, &l) != 0)
                return -1;
            f->import_memory_count++;
            f->memory_imported = 1;
            add_memory(r, &l);
            break;
        case 3: {
            uint8_t t, mut;
            if (read_valtype(r, c, &t) != 0)
                return -1;
            at = wb_cursor_offset(c);
            mut = wb_u8(c);
            CHECK(r, c, "global mutability");
            if (mut > 1)
                return fail(r, at, "bad global mutability %u", mut);
            if (mut)
                f->features |= WB_FEAT_MUTABLE_GLOBALS;
            f->import_global_count++;
            f->import_global_value_bytes += valtype_bytes(t);
            r->global_total++;
            break;
        }
        case 4: {
            uint32_t t;
            (void)wb_u8(c); /* attribute: exception */
            t = u32(c);
            CHECK(r, c, "tag import");
            if (t >= f->type_count)
                return fail(r, at, "tag import: type index %u out of range", t);
            f->import_tag_count++;
            f->features |= WB_FEAT_EXCEPTIONS;
            r->tag_total++;
            break;
        }
        default:
            return fail(r, at, "bad import kind %u", kind);
        }
    }
    return 0;
}

static int read_function(rd *r, wb_cursor *c)
{
    uint32_t n;
    if (read_count(r, c, &n, "function") != 0)
        return -1;
    for (uint32_t i = 0; i < n; i++) {
        size_t at = wb_cursor_offset(c);
        uint32_t t = u32(c);
        CHECK(r, c, "function type index");
        if (t >= r->f->type_count)
            return fail(r, at, "function %u: type index %u out of range (%u types)", i, t,
                        r->f->type_count);
    }
    r->f->func_count = n;
    r->func_total += n;
    return 0;
}

static int read_table(rd *r, wb_cursor *c)
{
    uint32_t n;
    wb_wasm_limits l;
    if (read_count(r, c, &n, "table") != 0)
        return -1;
    r->f->table_count = n;
    for (uint32_t i = 0; i < n; i++) {
        if (read_reftype(r, c) != 0 || read_limits(r, c, 0, &l) != 0)
            return -1;
        add_table(r, &l);
    }
    return 0;
}

static int read_memory(rd *r, wb_cursor *c)
{
    uint32_t n;
    wb_wasm_limits l;
    if (read_count(r, c, &n, "memory") != 0)
        return -1;
    r->f->memory_count = n;
    for (uint32_t i = 0; i < n; i++) {
        if (read_limits(r, c, 1, &l) != 0)
            return -1;
        add_memory(r, &l);
    }
    return 0;
}

static int read_tag(rd *r, wb_cursor *c)
{
    uint32_t n;
    if (read_count(r, c, &n, "tag") != 0)
        return -1;
    for (uint32_t i = 0; i < n; i++) {
        size_t at = wb_cursor_offset(c);
        uint8_t attr = wb_u8(c);
        uint32_t t = u32(c);
        CHECK(r, c, "tag");
        if (attr != 0 || t >= r->f->type_count)
            return fail(r, at, "tag %u: bad attribute or type index", i);
    }
    r->f->tag_count = n;
    r->tag_total += n;
    r->f->features |= WB_FEAT_EXCEPTIONS;
    return 0;
}

static int read_global(rd *r, wb_cursor *c)
{
    uint32_t n;
    if (read_count(r, c, &n, "global") != 0)
        return -1;
    r->f->global_count = n;
    r->global_total += n;
    for (uint32_t i = 0; i < n; i++) {
        uint8_t t, mut;
        size_t at;
        cexpr e;
        if (read_valtype(r, c, &t) != 0)
            return -1;
        at = wb_cursor_offset(c);
        mut = wb_u8(c);
        CHECK(r, c, "global mutability");
        if (mut > 1)
            return fail(r, at, "bad global mutability %u", mut);
        r->expr_globals = r->global_total - n + i; /* the globals before this one */
        if (read_const_expr(r, c, &e) != 0)
            return -1;
        r->expr_globals = UINT32_MAX;
        r->f->global_mutable_count += mut;
        r->f->global_value_bytes += valtype_bytes(t);
    }
    return 0;
}

/* Does function `fi` have exactly this signature (value type bytes)? */
static int func_has_sig(const rd *r, uint32_t fi, const char *params, const char *results)
{
    uint32_t t = wb_wasm_func_type(r->data, r->size, r->f, fi);
    uint32_t n;
    size_t np = strlen(params), nr = strlen(results);
    wb_cursor c;
    if (t == UINT32_MAX || r->f->section_offset[1] == 0)
        return 0;
    c = wb_cursor_make(r->data, r->size);
    c.p = r->data + r->f->section_offset[1];
    c.end = c.p + r->f->section_bytes[1];
    n = u32(&c);
    for (uint32_t i = 0; c.ok && i < n; i++) {
        uint32_t p, q;
        const uint8_t *ps, *qs;
        (void)wb_u8(&c);
        p = u32(&c);
        ps = c.p;
        if (!c.ok || p > wb_cursor_left(&c))
            return 0;
        c.p += p;
        q = u32(&c);
        qs = c.p;
        if (!c.ok || q > wb_cursor_left(&c))
            return 0;
        c.p += q;
        if (i == t)
            return p == np && q == nr && memcmp(ps, params, np) == 0 &&
                   memcmp(qs, results, nr) == 0;
    }
    return 0;
}

typedef struct export_name {
    const uint8_t *s;
    uint32_t len;
} export_name;

static int export_name_cmp(const void *a, const void *b)
{
    const export_name *x = a, *y = b;
    int d = memcmp(x->s, y->s, x->len < y->len ? x->len : y->len);
    return d ? d : (x->len > y->len) - (x->len < y->len);
}

/* Export names are unique: the section (already read once from c) is
 * walked again for its names, which are sorted.  n entries of at least
 * three bytes each are in the section, so the array is bounded by it. */
static int check_export_names(rd *r, wb_cursor c, uint32_t n)
{
    export_name *names;
    int rc = 0;
    if (n < 2)
        return 0;
    names = malloc((size_t)n * sizeof *names);
    if (!names)
        return fail(r, wb_cursor_offset(&c), "out of memory for %u export names", n);
    for (uint32_t i = 0; i < n; i++) {
        names[i].len = u32(&c);
        names[i].s = c.p;
        c.p += names[i].len;
        (void)wb_u8(&c);
        (void)u32(&c);
    }
    qsort(names, n, sizeof *names, export_name_cmp);
    for (uint32_t i = 1; i < n && rc == 0; i++)
        if (export_name_cmp(&names[i - 1], &names[i]) == 0)
            rc = fail(r, (size_t)(names[i].s - r->data), "export name \"%.*s\" is used twice",
                      (int)(names[i].len < 64 ? names[i].len : 64), (const char *)names[i].s);
    free(names);
    return rc;
}

static int read_export(rd *r, wb_cursor *c)
{
    wb_wasm_facts *f = r->f;
    uint32_t n;
    wb_cursor names;
    if (read_count(r, c, &n, "export") != 0)
        return -1;
    names = *c;
    f->export_count = n;
    for (uint32_t i = 0; i < n; i++) {
        const uint8_t *s;
        uint32_t len, idx, limit;
        uint8_t kind;
        size_t at;
        if (read_name(r, c, &s, &len, "export name") != 0)
            return -1;
        at = wb_cursor_offset(c);
        kind = wb_u8(c);
        idx = u32(c);
        CHECK(r, c, "export");
        switch (kind) {
        case 0: limit = r->func_total; f->export_func_count++; break;
        case 1: limit = r->table_total; f->export_table_count++; break;
        case 2: limit = f->memory_total; f->export_memory_count++; f->exports_memory = 1; break;
        case 3: limit = r->global_total; f->export_global_count++; break;
        case 4: limit = r->tag_total; break;
        default: return fail(r, at, "export %u: bad kind %u", i, kind);
        }
        if (idx >= limit)
            return fail(r, at, "export %u: index %u out of range", i, idx);
        if (kind == 0) {
            /* WAMR's checks: a defined malloc (i32)->i32 and free (i32)->()
             * disable its app heap (README: App heap); an imported function
             * exported again does not count.  wasi_thread_start is
             * (i32, i32)->() */
            int defined = idx >= f->import_func_count;
            if (name_is(s, len, "malloc"))
                f->exports_malloc = defined && func_has_sig(r, idx, "\x7f", "\x7f");
            else if (name_is(s, len, "free"))
                f->exports_free = defined && func_has_sig(r, idx, "\x7f", "");
            else if (name_is(s, len, "wasi_thread_start"))
                f->exports_wasi_thread_start = func_has_sig(r, idx, "\x7f\x7f", "");
            else if (name_is(s, len, "_start"))
                f->exports_start = 1;
            else if (name_is(s, len, "_initialize"))
                f->exports_initialize = 1;
        } else if (kind == 3) {
            if (name_is(s, len, "__heap_base")) {
                r->heap_base_seen = 1;
                r->heap_base_index = idx;
            } else if (name_is(s, len, "__data_end")) {
                r->data_end_seen = 1;
                r->data_end_index = idx;
            }
        }
    }
    return check_export_names(r, names, n);
}

static int read_start(rd *r, wb_cursor *c)
{
    size_t at = wb_cursor_offset(c);
    uint32_t fi = u32(c);
    CHECK(r, c, "start function");
    if (fi >= r->func_total)
        return fail(r, at, "start function %u out of range", fi);
    if (!func_has_sig(r, fi, "", ""))
        return fail(r, at, "start function %u must take and return nothing", fi);
    r->f->has_start = 1;
    r->f->start_function = fi;
    return 0;
}

/*
 * Element segments, all eight forms (flags 0..7): bit 0 passive/declarative,
 * bit 1 explicit table index (active) or declarative, bit 2 expressions
 * instead of function indices.
 */
static int read_element(rd *r, wb_cursor *c)
{
    uint32_t n;
    if (read_count(r, c, &n, "element segment") != 0)
        return -1;
    r->f->elem_segment_count = n;
    for (uint32_t i = 0; i < n; i++) {
        size_t at = wb_cursor_offset(c);
        uint32_t flags = u32(c), count;
        cexpr e;
        CHECK(r, c, "element segment flags");
        if (flags > 7)
            return fail(r, at, "element segment %u: bad flags %u", i, flags);
        if (flags != 0 && flags != 4)
            r->f->features |= WB_FEAT_BULK_MEMORY;
        if ((flags & 3) == 2) { /* active with a table index */
            size_t tat = wb_cursor_offset(c);
            uint32_t t = u32(c);
            CHECK(r, c, "element table index");
            if (t >= r->table_total)
                return fail(r, tat, "element segment %u: table %u out of range", i, t);
            if (t != 0)
                r->f->features |= WB_FEAT_REFERENCE_TYPES;
        }
        if (!(flags & 1) && !(flags & 2) && r->table_total == 0)
            return fail(r, at, "element segment %u: active segment but no table", i);
        if (!(flags & 1) && read_const_expr(r, c, &e) != 0) /* active: offset */
            return -1;
        if (flags & 3) { /* element kind (0x00 = funcref) or reference type */
            size_t kat = wb_cursor_offset(c);
            if (flags & 4) {
                if (read_reftype(r, c) != 0)
                    return -1;
            } else {
                uint8_t k = wb_u8(c);
                CHECK(r, c, "element kind");
                if (k != 0)
                    return fail(r, kat, "element segment %u: bad element kind %u", i, k);
            }
        }
        if (read_count(r, c, &count, "element") != 0)
            return -1;
        for (uint32_t k = 0; k < count; k++) {
            if (flags & 4) {
                if (read_const_expr(r, c, &e) != 0)
                    return -1;
            } else {
                size_t fat = wb_cursor_offset(c);
                uint32_t fi = u32(c);
                CHECK(r, c, "element function index");
                if (fi >= r->func_total)
                    return fail(r, fat, "element segment %u: function %u out of range", i, fi);
            }
        }
        r->f->elem_total_elements += count;
    }
    return 0;
}

static int read_datacount(rd *r, wb_cursor *c)
{
    r->f->datacount = u32(c);
    CHECK(r, c, "data count");
    r->f->has_datacount = 1;
    return 0;
}

static int read_code(rd *r, wb_cursor *c)
{
    r->has_code = 1;
    if (wb_wasm_scan_code(r->data, r->size, r->f, c, r->err) != 0)
        return -1;
    /* the scan reads exactly the declared bodies; leftovers are a size mismatch */
    return 0;
}

static int read_data(rd *r, wb_cursor *c)
{
    wb_wasm_facts *f = r->f;
    uint32_t n;
    size_t at = wb_cursor_offset(c);
    if (read_count(r, c, &n, "data segment") != 0)
        return -1;
    if (f->has_datacount && n != f->datacount)
        return fail(r, at, "data section has %u segments but the data count section says %u", n,
                    f->datacount);
    f->data_segment_count = n;
    for (uint32_t i = 0; i < n; i++) {
        size_t sat = wb_cursor_offset(c);
        uint32_t flags = u32(c), len;
        cexpr e;
        CHECK(r, c, "data segment flags");
        if (flags > 2)
            return fail(r, sat, "data segment %u: bad flags %u", i, flags);
        if (flags == 2) {
            size_t mat = wb_cursor_offset(c);
            uint32_t m = u32(c);
            CHECK(r, c, "data memory index");
            if (m >= f->memory_total)
                return fail(r, mat, "data segment %u: memory %u out of range", i, m);
            if (m != 0)
                f->features |= WB_FEAT_MULTI_MEMORY;
        }
        if (flags != 1) {
            if (f->memory_total == 0)
                return fail(r, sat, "data segment %u: active segment but no memory", i);
            if (read_const_expr(r, c, &e) != 0)
                return -1;
            if (!e.i32_const)
                f->data_placed_by_global++;
        } else {
            f->passive_data_segments++;
            f->features |= WB_FEAT_BULK_MEMORY;
        }
        len = u32(c);
        CHECK(r, c, "data segment size");
        if (len > wb_cursor_left(c))
            return fail(r, wb_cursor_offset(c),
                        "data segment %u: %u bytes run past the end of the section", i, len);
        c->p += len;
        if (flags != 1 && e.i32_const && len > 0 && e.i32 < f->data_lowest_offset)
            f->data_lowest_offset = e.i32;
        f->data_bytes += len;
        if (len > f->data_segment_max_bytes)
            f->data_segment_max_bytes = len;
    }
    return 0;
}

/* target_features: (prefix, name) pairs; '+' (used) and '=' (required) are
 * declared.  The section is advisory, so a malformed one is ignored. */
static uint32_t feature_by_name(const uint8_t *s, uint32_t len)
{
    static const struct { const char *name; uint32_t bit; } map[] = {
        {"atomics", WB_FEAT_ATOMICS},
        {"bulk-memory", WB_FEAT_BULK_MEMORY},
        {"bulk-memory-opt", WB_FEAT_BULK_MEMORY},
        {"exception-handling", WB_FEAT_EXCEPTIONS},
        {"multivalue", WB_FEAT_MULTI_VALUE},
        {"mutable-globals", WB_FEAT_MUTABLE_GLOBALS},
        {"nontrapping-fptoint", WB_FEAT_SAT_CONVERSIONS},
        {"reference-types", WB_FEAT_REFERENCE_TYPES},
        {"sign-ext", WB_FEAT_SIGN_EXT},
        {"simd128", WB_FEAT_SIMD},
        {"relaxed-simd", WB_FEAT_SIMD},
        {"tail-call", WB_FEAT_TAIL_CALL},
        {"memory64", WB_FEAT_MEMORY64},
        {"multimemory", WB_FEAT_MULTI_MEMORY},
        {"shared-mem", WB_FEAT_SHARED_MEMORY},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (name_is(s, len, map[i].name))
            return map[i].bit;
    return 0;
}

static void read_target_features(rd *r, wb_cursor c)
{
    uint32_t declared = 0, n = u32(&c);
    if (!c.ok || n > wb_cursor_left(&c))
        return;
    for (uint32_t i = 0; i < n; i++) {
        uint8_t prefix = wb_u8(&c);
        uint32_t len = u32(&c);
        if (!c.ok || len > wb_cursor_left(&c))
            return;
        if (prefix == '+' || prefix == '=')
            declared |= feature_by_name(c.p, len);
        c.p += len;
    }
    r->f->has_target_features = 1;
    r->f->declared_features |= declared;
}

/* The name section: whether it names any function (subsection 1).  Its
 * contents are optional, so a malformed one names nothing. */
static void read_name_subsections(rd *r, wb_cursor c)
{
    while (c.ok && c.p < c.end) {
        uint8_t id = wb_u8(&c);
        uint32_t len = u32(&c);
        wb_cursor s = wb_cursor_sub(&c, len);
        if (!c.ok)
            return;
        if (id == 1) {
            r->f->has_function_names = u32(&s) > 0 && s.ok;
            return;
        }
    }
}

static int read_custom(rd *r, wb_cursor *c)
{
    const uint8_t *s;
    uint32_t len;
    if (read_name(r, c, &s, &len, "custom section name") != 0)
        return -1;
    r->f->custom_section_count++;
    if (name_is(s, len, "name")) {
        r->f->has_name_section = 1;
        r->f->name_section_offset = wb_cursor_offset(c);
        r->f->name_section_bytes = wb_cursor_left(c);
        read_name_subsections(r, *c);
    } else if (name_is(s, len, "target_features")) {
        read_target_features(r, *c);
    }
    c->p = c->end; /* contents are optional: never an error */
    return 0;
}

/* ---- after all sections ---- */

/* One defined global as walk_globals sees it (index counts imports). */
typedef struct gwalk {
    uint32_t index;
    int mutable_;
    uint8_t type;
    cexpr e;
} gwalk;

typedef int (*global_fn)(void *ctx, const gwalk *g);

/* Call fn for each defined global until it returns non-zero; the section
 * was read once already, so the walk cannot fail. */
static void walk_globals(rd *r, global_fn fn, void *ctx)
{
    wb_wasm_facts *f = r->f;
    wb_cursor c;
    uint32_t n;
    wb_error saved = *r->err;
    if (f->section_offset[6] == 0)
        return;
    c = wb_cursor_make(r->data, r->size);
    c.p = r->data + f->section_offset[6];
    c.end = c.p + f->section_bytes[6];
    n = u32(&c);
    for (uint32_t i = 0; i < n && c.ok; i++) {
        gwalk g;
        g.index = f->import_global_count + i;
        g.type = wb_u8(&c);
        g.mutable_ = wb_u8(&c);
        if (!c.ok || read_const_expr(r, &c, &g.e) != 0)
            break;
        if (fn(ctx, &g))
            break;
    }
    *r->err = saved;
}

typedef struct find_global {
    uint32_t index;
    wb_global_value *out;
} find_global;

static int match_global(void *ctx, const gwalk *g)
{
    find_global *x = ctx;
    if (g->index != x->index)
        return 0;
    /* what WAMR accepts (README: Aux stack): exported, defined, immutable,
     * i32, i32.const init */
    if (!g->mutable_ && g->type == 0x7F && g->e.i32_const) {
        x->out->usable = 1;
        x->out->value = g->e.i32;
    }
    return 1;
}

typedef struct find_sp {
    wb_wasm_facts *f;
    int bounded;
    uint32_t limit;
} find_sp;

static int match_sp(void *ctx, const gwalk *g)
{
    find_sp *x = ctx;
    if (g->mutable_ && g->type == 0x7F && g->e.i32_const &&
        (!x->bounded || g->e.i32 <= x->limit)) {
        x->f->stack_pointer_found = 1;
        x->f->stack_pointer_index = g->index;
        x->f->stack_pointer_init = g->e.i32;
        return 1;
    }
    return 0;
}

static void resolve_aux_globals(rd *r)
{
    wb_wasm_facts *f = r->f;
    find_global fg;
    find_sp sp;
    if (r->heap_base_seen) {
        f->heap_base.present = 1;
        fg.index = r->heap_base_index;
        fg.out = &f->heap_base;
        walk_globals(r, match_global, &fg);
    }
    if (r->data_end_seen) {
        f->data_end.present = 1;
        fg.index = r->data_end_index;
        fg.out = &f->data_end;
        walk_globals(r, match_global, &fg);
    }
    /* the stack pointer is the first mutable i32 global with an i32.const
     * init, and at most __heap_base when that is usable, as WAMR picks it */
    sp.f = f;
    sp.bounded = f->heap_base.usable;
    sp.limit = f->heap_base.value;
    walk_globals(r, match_sp, &sp);
    f->stack_below_data = f->stack_pointer_found && f->data_placed_by_global == 0 &&
                          f->data_lowest_offset != UINT64_MAX &&
                          f->stack_pointer_init <= f->data_lowest_offset;
}

static int read_header(rd *r, wb_cursor *c)
{
    static const uint8_t magic[4] = {0x00, 0x61, 0x73, 0x6D};
    uint32_t version;
    r->section = "header";
    if (wb_cursor_left(c) < 8)
        return fail(r, 0, "file of %zu bytes is too short for a WebAssembly header", r->size);
    if (memcmp(c->p, magic, 4) != 0)
        return fail(r, 0, "not a WebAssembly module (bad magic) nor a WAMR .aot file");
    c->p += 4;
    version = wb_u32le(c);
    if (version != 1)
        return fail(r, 4, "unsupported WebAssembly binary version %u (expected 1)", version);
    r->f->version = version;
    return 0;
}

typedef int (*section_fn)(rd *r, wb_cursor *c);

static int read_section(rd *r, uint8_t id, wb_cursor *c)
{
    static const section_fn readers[14] = {
        read_custom, read_type, read_import, read_function, read_table, read_memory, read_global,
        read_export, read_start, read_element, read_code, read_data, read_datacount, read_tag};
    return readers[id](r, c);
}

int wb_wasm_read(const uint8_t *data, size_t size, wb_wasm_facts *facts, wb_error *err)
{
    rd r;
    wb_cursor c;
    unsigned last_rank = 0;

    memset(facts, 0, sizeof *facts);
    memset(err, 0, sizeof *err);
    memset(&r, 0, sizeof r);
    r.data = data;
    r.size = size;
    r.f = facts;
    r.expr_globals = UINT32_MAX;
    r.err = err;
    facts->file_bytes = size;
    facts->data_lowest_offset = UINT64_MAX;
    facts->simd_first_func = UINT32_MAX;
    c = wb_cursor_make(data, size);
    if (data == NULL && size != 0)
        return fail(&r, 0, "no data");
    if (read_header(&r, &c) != 0)
        return -1;

    while (c.p < c.end) {
        size_t at = wb_cursor_offset(&c);
        uint8_t id = wb_u8(&c);
        uint32_t len = u32(&c);
        size_t payload = wb_cursor_offset(&c);
        wb_cursor s;
        r.section = id < 14 ? section_names[id] : "header";
        if (!c.ok)
            return cfail(&r, &c, "section size");
        if (id >= 14)
            return fail(&r, at, "unknown section id %u", id);
        if (len > wb_cursor_left(&c))
            return fail(&r, at, "%s section of %u bytes runs past the end of the file (%zu left)",
                        r.section, len, wb_cursor_left(&c));
        s = wb_cursor_sub(&c, len);
        if (id != 0) {
            if (section_rank[id] <= last_rank)
                return fail(&r, at, "%s section out of order or repeated", r.section);
            last_rank = section_rank[id];
            if (id <= 12) {
                facts->section_bytes[id] = len;
                facts->section_offset[id] = payload;
            }
        } else {
            facts->section_bytes[0] += len;
        }
        if (read_section(&r, id, &s) != 0)
            return -1;
        if (s.p != s.end)
            return fail(&r, wb_cursor_offset(&s),
                        "section size mismatch: %zu bytes left over at the end of the %s section",
                        wb_cursor_left(&s), r.section);
    }

    r.section = "code";
    if (facts->func_count != 0 && !r.has_code)
        return fail(&r, size, "%u functions declared but there is no code section",
                    facts->func_count);
    r.section = "data";
    if (facts->has_datacount && facts->datacount != 0 && facts->section_offset[11] == 0)
        return fail(&r, size, "data count section says %u segments but there is no data section",
                    facts->datacount);
    resolve_aux_globals(&r);
    return 0;
}

unsigned wb_wasm_same_sections(const uint8_t *a, const wb_wasm_facts *fa, const uint8_t *b,
                               const wb_wasm_facts *fb)
{
    for (unsigned id = 1; id <= 12; id++) {
        if (fa->section_bytes[id] != fb->section_bytes[id] ||
            (fa->section_offset[id] == 0) != (fb->section_offset[id] == 0))
            return id;
        if (fa->section_offset[id] &&
            memcmp(a + fa->section_offset[id], b + fb->section_offset[id],
                   (size_t)fa->section_bytes[id]) != 0)
            return id;
    }
    return 0;
}

/* ---- the name section, read on demand ---- */

const char *wb_wasm_func_name(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                              uint32_t index, char *buf, size_t cap)
{
    wb_cursor c;
    if (buf == NULL || cap == 0 || !facts->has_name_section ||
        facts->name_section_offset > size || facts->name_section_bytes > size - facts->name_section_offset)
        return NULL;
    c = wb_cursor_make(data, size);
    c.p = data + facts->name_section_offset;
    c.end = c.p + facts->name_section_bytes;
    while (c.ok && c.p < c.end) {
        uint8_t id = wb_u8(&c);
        uint32_t len = u32(&c);
        wb_cursor s = wb_cursor_sub(&c, len);
        uint32_t n;
        if (!c.ok)
            return NULL;
        if (id != 1) /* 1 = function names */
            continue;
        n = u32(&s);
        for (uint32_t i = 0; i < n && s.ok; i++) {
            uint32_t fi = u32(&s);
            uint32_t nl = u32(&s);
            if (!s.ok || nl > wb_cursor_left(&s))
                return NULL;
            if (fi == index) {
                size_t k, m = nl < cap - 1 ? nl : cap - 1;
                for (k = 0; k < m; k++) {
                    uint8_t ch = s.p[k];
                    buf[k] = (ch >= 0x20 && ch < 0x7F) ? (char)ch : '?';
                }
                buf[k] = '\0';
                return buf;
            }
            if (fi > index) /* the map is sorted by index */
                return NULL;
            s.p += nl;
        }
        return NULL;
    }
    return NULL;
}

int wb_wasm_func_by_name(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                         const char *name, size_t len, uint32_t *index)
{
    wb_cursor c;
    if (!facts->has_name_section || facts->name_section_offset > size ||
        facts->name_section_bytes > size - facts->name_section_offset)
        return 0;
    c = wb_cursor_make(data, size);
    c.p = data + facts->name_section_offset;
    c.end = c.p + facts->name_section_bytes;
    while (c.ok && c.p < c.end) {
        uint8_t id = wb_u8(&c);
        uint32_t sublen = u32(&c);
        wb_cursor s = wb_cursor_sub(&c, sublen);
        uint32_t n, found = 0;
        if (!c.ok)
            return 0;
        if (id != 1) /* 1 = function names */
            continue;
        n = u32(&s);
        for (uint32_t i = 0; i < n && s.ok; i++) {
            uint32_t fi = u32(&s);
            uint32_t nl = u32(&s);
            if (!s.ok || nl > wb_cursor_left(&s))
                return 0;
            /* the name section is not validated: a name of no function
             * names nothing */
            if (nl == len && memcmp(s.p, name, len) == 0 &&
                (uint64_t)fi < (uint64_t)facts->import_func_count + facts->func_count) {
                if (found++ == 0)
                    *index = fi;
            }
            s.p += nl;
        }
        return found == 1 ? 1 : found > 1 ? -1 : 0;
    }
    return 0;
}

/* ---- element segments and global initializers, for analyses of indirect calls ---- */

/* A reader state for re-reading constant expressions of a module that has
 * been checked already: errors go nowhere. */
static void reread_state(rd *r, wb_wasm_facts *scratch_f, wb_error *scratch_e, const uint8_t *data,
                         size_t size, const wb_wasm_facts *facts, const char *section)
{
    memset(r, 0, sizeof *r);
    memset(scratch_f, 0, sizeof *scratch_f);
    r->data = data;
    r->size = size;
    r->f = scratch_f;
    r->err = scratch_e;
    r->section = section;
    r->func_total = facts->import_func_count + facts->func_count;
    r->global_total = facts->import_global_count + facts->global_count;
    r->expr_globals = UINT32_MAX;
}

/* A cursor on section id of a read module; 0 when it has none. */
static int section_cursor(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                          unsigned id, wb_cursor *c)
{
    if (facts->section_offset[id] == 0 || facts->section_offset[id] > size ||
        facts->section_bytes[id] > size - facts->section_offset[id])
        return 0;
    *c = wb_cursor_make(data, size);
    c->p = data + facts->section_offset[id];
    c->end = c->p + facts->section_bytes[id];
    return 1;
}

/* One element of a segment, as elem_walk reports it. */
typedef struct elem_at {
    int active;          /* placed in a table at instantiation */
    uint32_t table;
    int offset_known;    /* active, at an i32.const offset */
    uint64_t slot;       /* offset + index in the segment, when offset_known */
    int known;           /* a function (func) or null (func UINT32_MAX); else an
                            expression whose value is not known here (global.get) */
    uint32_t func;
} elem_at;

/* Call fn for every element of every segment, in order.  Returns 0,
 * unreadable when the section cannot be read, or fn's non-zero value. */
static int elem_walk(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                     int (*fn)(void *ctx, const elem_at *at), void *ctx, int unreadable)
{
    wb_wasm_facts scratch_f;
    wb_error scratch_e;
    rd r;
    wb_cursor c;
    uint32_t n;
    if (!section_cursor(data, size, facts, 9, &c))
        return 0;
    reread_state(&r, &scratch_f, &scratch_e, data, size, facts, "element");
    n = u32(&c);
    for (uint32_t i = 0; i < n && c.ok; i++) {
        uint32_t flags = u32(&c), count;
        cexpr off, e;
        elem_at at;
        memset(&at, 0, sizeof at);
        memset(&off, 0, sizeof off);
        at.active = !(flags & 1);
        if ((flags & 3) == 2)
            at.table = u32(&c);
        if (at.active && read_const_expr(&r, &c, &off) != 0)
            return unreadable;
        at.offset_known = at.active && off.i32_const;
        if (flags & 3)
            (void)wb_u8(&c);
        count = u32(&c);
        for (uint32_t k = 0; k < count && c.ok; k++) {
            if (flags & 4) {
                if (read_const_expr(&r, &c, &e) != 0)
                    return unreadable;
                at.known = e.ref_func || e.ref_null;
                at.func = e.ref_func ? e.func : UINT32_MAX;
            } else {
                at.known = 1;
                at.func = u32(&c);
            }
            if (!c.ok)
                return unreadable;
            at.slot = (uint64_t)off.i32 + k;
            int ret = fn(ctx, &at);
            if (ret != 0)
                return ret;
        }
    }
    return c.ok ? 0 : unreadable;
}

typedef struct ref_walk {
    wb_elem_fn fn;
    void *ctx;
} ref_walk;

static int ref_of_elem(void *ctx, const elem_at *at)
{
    const ref_walk *w = ctx;
    return at->known && at->func != UINT32_MAX ? w->fn(w->ctx, at->func) : 0;
}

int wb_wasm_for_each_elem_func(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                               wb_elem_fn fn, void *ctx)
{
    ref_walk w = {fn, ctx};
    wb_wasm_facts scratch_f;
    wb_error scratch_e;
    rd r;
    wb_cursor c;
    uint32_t n;
    int ret = elem_walk(data, size, facts, ref_of_elem, &w, 0);
    if (ret != 0)
        return ret;
    /* a global's initial value: an element may be global.get of it */
    if (!section_cursor(data, size, facts, 6, &c))
        return 0;
    reread_state(&r, &scratch_f, &scratch_e, data, size, facts, "global");
    n = u32(&c);
    for (uint32_t i = 0; i < n && c.ok; i++) {
        uint8_t t;
        cexpr e;
        if (read_valtype(&r, &c, &t) != 0)
            return 0;
        (void)wb_u8(&c);
        if (read_const_expr(&r, &c, &e) != 0)
            return 0;
        if (e.ref_func && (ret = fn(ctx, e.func)) != 0)
            return ret;
    }
    return 0;
}

typedef struct slot_walk {
    uint32_t table;
    wb_slot_fn fn;
    void *ctx;
} slot_walk;

static int slot_of_elem(void *ctx, const elem_at *at)
{
    const slot_walk *w = ctx;
    if (!at->active || at->table != w->table)
        return 0;
    if (!at->offset_known || !at->known)
        return 1; /* placed where a global says, or a global's value: not known here */
    return w->fn(w->ctx, at->slot, at->func);
}

int wb_wasm_for_each_table_slot(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                                uint32_t table, wb_slot_fn fn, void *ctx)
{
    slot_walk w = {table, fn, ctx};
    return elem_walk(data, size, facts, slot_of_elem, &w, 1);
}
