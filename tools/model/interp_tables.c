/* The module tables the interpreter replays need, read once and shared by their parts. */
#include "model/interp_tables.h"

#include <stdlib.h>
#include <string.h>

static int read_types(const uint8_t *data, size_t size, const wb_wasm_facts *f, wb_interp_tables *c)
{
    wb_cursor s;
    uint64_t n, i;
    if (!f->section_offset[1]) {
        c->type_count = 0;
        return 0;
    }
    s = wb_cursor_make(data, size);
    s.p = data + f->section_offset[1];
    s.end = s.p + f->section_bytes[1];
    if (f->section_offset[1] + f->section_bytes[1] > size)
        return -1;
    n = wb_uleb(&s, 32);
    if (!s.ok || n > wb_cursor_left(&s))
        return -1;
    c->types = calloc(n ? n : 1, sizeof *c->types);
    if (!c->types)
        return -1;
    for (i = 0; i < n && s.ok; i++) {
        wb_interp_type *t = &c->types[i];
        uint64_t k;
        if (wb_u8(&s) != 0x60)
            return -1;
        t->np = (uint32_t)wb_uleb(&s, 32);
        if (t->np > wb_cursor_left(&s))
            return -1;
        t->params = s.p;
        for (k = 0; k < t->np; k++)
            wb_u8(&s);
        t->nr = (uint32_t)wb_uleb(&s, 32);
        if (t->nr > wb_cursor_left(&s))
            return -1;
        t->results = s.p;
        for (k = 0; k < t->nr; k++)
            wb_u8(&s);
    }
    c->type_count = (uint32_t)n;
    return s.ok ? 0 : -1;
}

static int section_cursor(const uint8_t *data, size_t size, const wb_wasm_facts *f, int id,
                          wb_cursor *s)
{
    *s = wb_cursor_make(data, size);
    if (!f->section_offset[id])
        return 1;
    if (f->section_offset[id] > size || f->section_bytes[id] > size - f->section_offset[id])
        return -1;
    s->p = data + f->section_offset[id];
    s->end = s->p + f->section_bytes[id];
    return 0;
}

static void skip_limits(wb_cursor *s)
{
    uint64_t flags = wb_uleb(s, 32);
    wb_uleb(s, 64);
    if (flags & 1)
        wb_uleb(s, 64);
    if (flags & 8) /* custom page size */
        wb_uleb(s, 32);
}

/* Skip a constant expression up to its end byte. */
static void skip_const_expr(wb_cursor *s)
{
    while (s->ok && s->p < s->end) {
        uint8_t op = wb_u8(s);
        if (op == 0x0b)
            return;
        if (op == 0x41)
            wb_sleb(s, 32);
        else if (op == 0x42)
            wb_sleb(s, 64);
        else if (op == 0x43)
            wb_le(s, 4);
        else if (op == 0x44)
            wb_le(s, 8);
        else if (op == 0x23 || op == 0xd2)
            wb_uleb(s, 32);
        else if (op == 0xd0)
            wb_u8(s);
        else if (op == 0xfd) {
            wb_uleb(s, 32);
            wb_le(s, 8);
            wb_le(s, 8);
        }
    }
}

static int read_funcs_globals(const uint8_t *data, size_t size, const wb_wasm_facts *f,
                              wb_interp_tables *c)
{
    wb_cursor s;
    uint64_t n, i;
    uint32_t nf = 0, ng = 0;
    int rc;
    c->func_total = f->import_func_count + f->func_count;
    c->global_total = f->import_global_count + f->global_count;
    c->func_type = calloc(c->func_total ? c->func_total : 1, sizeof *c->func_type);
    c->global_type = calloc(c->global_total ? c->global_total : 1, 1);
    if (!c->func_type || !c->global_type)
        return -1;
    rc = section_cursor(data, size, f, 2, &s);
    if (rc < 0)
        return -1;
    if (rc == 0) {
        n = wb_uleb(&s, 32);
        for (i = 0; i < n && s.ok; i++) {
            uint8_t kind;
            wb_cursor_sub(&s, wb_uleb(&s, 32)); /* module name */
            wb_cursor_sub(&s, wb_uleb(&s, 32)); /* field name */
            kind = wb_u8(&s);
            if (kind == 0) {
                uint32_t t = (uint32_t)wb_uleb(&s, 32);
                if (nf < c->func_total)
                    c->func_type[nf++] = t;
            } else if (kind == 1) {
                wb_u8(&s);
                skip_limits(&s);
            } else if (kind == 2) {
                skip_limits(&s);
            } else if (kind == 3) {
                uint8_t t = wb_u8(&s);
                wb_u8(&s);
                if (ng < c->global_total)
                    c->global_type[ng++] = t;
            } else if (kind == 4) {
                wb_u8(&s);
                wb_uleb(&s, 32);
            } else {
                return -1;
            }
        }
        if (!s.ok)
            return -1;
    }
    rc = section_cursor(data, size, f, 3, &s);
    if (rc < 0)
        return -1;
    if (rc == 0) {
        n = wb_uleb(&s, 32);
        for (i = 0; i < n && s.ok; i++) {
            uint32_t t = (uint32_t)wb_uleb(&s, 32);
            if (nf < c->func_total)
                c->func_type[nf++] = t;
        }
        if (!s.ok)
            return -1;
    }
    rc = section_cursor(data, size, f, 6, &s);
    if (rc < 0)
        return -1;
    if (rc == 0) {
        n = wb_uleb(&s, 32);
        for (i = 0; i < n && s.ok; i++) {
            uint8_t t = wb_u8(&s);
            wb_u8(&s);
            skip_const_expr(&s);
            if (ng < c->global_total)
                c->global_type[ng++] = t;
        }
        if (!s.ok)
            return -1;
    }
    for (i = 0; i < nf; i++)
        if (c->func_type[i] >= c->type_count)
            return -1;
    return nf == c->func_total && ng == c->global_total ? 0 : -1;
}

void wb_interp_tables_free(wb_interp_tables *t)
{
    free(t->types);
    free(t->func_type);
    free(t->global_type);
    memset(t, 0, sizeof *t);
}

int wb_interp_tables_read(const uint8_t *data, size_t size, const wb_wasm_facts *f,
                          wb_interp_tables *t)
{
    memset(t, 0, sizeof *t);
    if (read_types(data, size, f, t) != 0 || read_funcs_globals(data, size, f, t) != 0) {
        wb_interp_tables_free(t);
        return -1;
    }
    return 0;
}

int wb_interp_grow(void **p, size_t *cap, size_t need, size_t elem)
{
    size_t nc;
    void *q;
    if (need <= *cap)
        return 0;
    nc = *cap ? *cap : 64;
    while (nc < need) {
        if (nc > ((size_t)1 << 40) / elem)
            return -1;
        nc *= 2;
    }
    q = realloc(*p, nc * elem);
    if (!q)
        return -1;
    *p = q;
    *cap = nc;
    return 0;
}
