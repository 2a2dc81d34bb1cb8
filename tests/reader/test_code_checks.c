/* Unit tests of the code scan's index, memory, else and alignment checks, on modules built in memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/wb_test.h"
#include "read/wasm_reader.h"

/* ---- a small module builder ---- */

#define BUF_MAX 16384

typedef struct buf {
    uint8_t b[BUF_MAX];
    size_t n;
} buf;

static void put(buf *o, uint8_t v)
{
    if (o->n < BUF_MAX)
        o->b[o->n] = v;
    o->n++; /* an overflow shows as n > BUF_MAX, checked by build() */
}

static void put_bytes(buf *o, const uint8_t *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        put(o, s[i]);
}

static void uleb(buf *o, uint64_t v)
{
    do {
        uint8_t c = (uint8_t)(v & 0x7F);
        v >>= 7;
        put(o, (uint8_t)(c | (v ? 0x80 : 0)));
    } while (v);
}

static void section(buf *m, uint8_t id, const buf *payload)
{
    put(m, id);
    uleb(m, payload->n);
    put_bytes(m, payload->b, payload->n);
}

/* What the module around the one function body declares. */
typedef struct spec {
    unsigned params;   /* i32 params of function 0 (its type: params -> ()) */
    unsigned locals;   /* declared i32 locals */
    unsigned globals;  /* mutable i32 globals */
    unsigned tables;   /* funcref tables, one element each */
    unsigned memories; /* memories of one page (more than one: multi-memory) */
    unsigned elems;    /* passive element segments holding function 0 */
    int datacount;     /* a data count section (of `datas`) */
    unsigned datas;    /* passive, empty data segments */
    const uint8_t *body;
    size_t body_len; /* the expression, its final end included */
} spec;

/* The defaults: every kind of index has exactly one valid value or two. */
static spec base(const uint8_t *body, size_t len)
{
    spec s;
    s.params = 2;
    s.locals = 3;
    s.globals = 2;
    s.tables = 1;
    s.memories = 1;
    s.elems = 1;
    s.datacount = 1;
    s.datas = 1;
    s.body = body;
    s.body_len = len;
    return s;
}

/* Section id with n copies of one entry; nothing when n is 0. */
static void repeated(buf *m, buf *p, uint8_t id, unsigned n, const uint8_t *entry, size_t len)
{
    if (!n)
        return;
    p->n = 0;
    uleb(p, n);
    for (unsigned i = 0; i < n; i++)
        put_bytes(p, entry, len);
    section(m, id, p);
}

static int build(const spec *s, buf *m)
{
    static buf p, f;
    m->n = 0;
    put_bytes(m, (const uint8_t[]){0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00}, 8);

    p.n = 0; /* type 0: (param i32 * params) */
    uleb(&p, 1);
    put(&p, 0x60);
    uleb(&p, s->params);
    for (unsigned i = 0; i < s->params; i++)
        put(&p, 0x7F);
    uleb(&p, 0);
    section(m, 1, &p);

    p.n = 0; /* function 0 of type 0 */
    uleb(&p, 1);
    uleb(&p, 0);
    section(m, 3, &p);

    repeated(m, &p, 4, s->tables, (const uint8_t[]){0x70, 0x00, 0x01}, 3);
    repeated(m, &p, 5, s->memories, (const uint8_t[]){0x00, 0x01}, 2);
    repeated(m, &p, 6, s->globals, (const uint8_t[]){0x7F, 0x01, 0x41, 0x00, 0x0B}, 5);
    /* passive, funcref, [function 0] */
    repeated(m, &p, 9, s->elems, (const uint8_t[]){0x01, 0x00, 0x01, 0x00}, 4);
    if (s->datacount) {
        p.n = 0;
        uleb(&p, s->datas);
        section(m, 12, &p);
    }

    f.n = 0; /* the body: locals, then the expression */
    if (s->locals) {
        uleb(&f, 1);
        uleb(&f, s->locals);
        put(&f, 0x7F);
    } else {
        uleb(&f, 0);
    }
    put_bytes(&f, s->body, s->body_len);
    p.n = 0;
    uleb(&p, 1);
    uleb(&p, f.n);
    put_bytes(&p, f.b, f.n);
    section(m, 10, &p);

    repeated(m, &p, 11, s->datas, (const uint8_t[]){0x01, 0x00}, 2); /* passive, empty */
    return m->n <= BUF_MAX && p.n <= BUF_MAX && f.n <= BUF_MAX ? 0 : -1;
}

/* ---- the cases ---- */

#define BODY(...) (const uint8_t[]){__VA_ARGS__}, sizeof((const uint8_t[]){__VA_ARGS__})

/* Which spec field a case changes from the defaults. */
enum { NONE, LOCALS, NO_MEMORY, TWO_MEMORIES, NO_TABLE, NO_DATACOUNT };

typedef struct code_case {
    const char *name;
    int change;
    unsigned value;
    const uint8_t *body;
    size_t body_len;
    const char *phrase; /* NULL: must be accepted; else in the error message */
    uint8_t at;         /* the byte at the error's offset: the instruction's opcode */
} code_case;

static const char *dump_dir; /* "dump DIR": write every module there too */

static spec case_spec(const code_case *c)
{
    spec s = base(c->body, c->body_len);
    switch (c->change) {
    case LOCALS:
        s.locals = c->value;
        break;
    case NO_MEMORY: /* no memory and so no data segments to name */
        s.memories = 0;
        s.datacount = 0;
        s.datas = 0;
        break;
    case TWO_MEMORIES:
        s.memories = 2;
        break;
    case NO_TABLE:
        s.tables = 0;
        break;
    case NO_DATACOUNT:
        s.datacount = 0;
        break;
    default:
        break;
    }
    return s;
}

static void run_case(const code_case *c)
{
    static buf m;
    static wb_wasm_facts f;
    wb_error err;
    spec s = case_spec(c);
    int rc;
    if (build(&s, &m) != 0) {
        CHECK(0, "%s: module too large for the builder", c->name);
        return;
    }
    if (dump_dir) {
        char path[512];
        FILE *fp;
        snprintf(path, sizeof path, "%s/%s_%s.wasm", dump_dir, c->phrase ? "bad" : "ok", c->name);
        fp = fopen(path, "wb");
        if (fp) {
            fwrite(m.b, 1, m.n, fp);
            fclose(fp);
        }
    }
    rc = wb_wasm_read(m.b, m.n, &f, &err);
    if (!c->phrase) {
        CHECK(rc == 0, "%s: rejected a valid module: %s section, offset %zu: %s", c->name,
              err.section ? err.section : "?", err.offset, err.message);
        return;
    }
    CHECK(rc != 0, "%s: accepted, expected \"%s\"", c->name, c->phrase);
    if (rc == 0)
        return;
    CHECK(err.section && strcmp(err.section, "code") == 0, "%s: section %s, expected code",
          c->name, err.section ? err.section : "(none)");
    CHECK(strstr(err.message, c->phrase) != NULL, "%s: message \"%s\" lacks \"%s\"", c->name,
          err.message, c->phrase);
    CHECK(strstr(err.message, "function 0") != NULL, "%s: message \"%s\" does not name the function",
          c->name, err.message);
    CHECK(err.offset < m.n && m.b[err.offset] == c->at,
          "%s: offset %zu has 0x%02x, expected the instruction 0x%02x", c->name, err.offset,
          err.offset < m.n ? m.b[err.offset] : 0, c->at);
}

#define OK(name, change, value, body) {name, change, value, body, NULL, 0}
#define BAD(name, change, value, body, phrase, at) {name, change, value, body, phrase, at}

/* 0x85 0x80 0x00 and the like: padded LEB128, which the lean paths leave to
 * the general decoder, so both ways are tested. */
static void run_all(void)
{
    const code_case cases[] = {
        /* one module using every checked instruction validly */
        OK("valid", NONE, 0,
           BODY(0x20, 0x00, 0x21, 0x04,             /* local.get 0, local.set 4 */
                0x20, 0x01, 0x22, 0x02, 0x1A,       /* local.get 1, local.tee 2, drop */
                0x23, 0x00, 0x24, 0x01,             /* global.get 0, global.set 1 */
                0xD2, 0x00, 0x1A,                   /* ref.func 0, drop */
                0x41, 0x00, 0x25, 0x00, 0x1A,       /* table.get 0 */
                0x41, 0x00, 0xD0, 0x70, 0x26, 0x00, /* table.set 0 */
                0xFC, 0x10, 0x00, 0x1A,             /* table.size 0 */
                0xD0, 0x70, 0x41, 0x01, 0xFC, 0x0F, 0x00, 0x1A, /* table.grow 0 */
                0x41, 0x00, 0xD0, 0x70, 0x41, 0x00, 0xFC, 0x11, 0x00, /* table.fill 0 */
                0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x0E, 0x00, 0x00, /* table.copy */
                0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x0C, 0x00, 0x00, /* table.init */
                0xFC, 0x0D, 0x00,                   /* elem.drop 0 */
                0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x08, 0x00, 0x00, /* memory.init */
                0xFC, 0x09, 0x00,                   /* data.drop 0 */
                0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x0A, 0x00, 0x00, /* memory.copy */
                0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x0B, 0x00, /* memory.fill */
                0x41, 0x00, 0x28, 0x02, 0x00, 0x1A, /* i32.load align=4 */
                0x41, 0x00, 0x29, 0x03, 0x00, 0x1A, /* i64.load align=8 */
                0x41, 0x00, 0x31, 0x00, 0x00, 0x1A, /* i64.load8_u align=1 */
                0x41, 0x00, 0x41, 0x00, 0x3A, 0x00, 0x00, /* i32.store8 */
                0x41, 0x00, 0x42, 0x00, 0x37, 0x01, 0x80, 0x80, 0x00, /* i64.store, padded */
                0x3F, 0x00, 0x1A, 0x41, 0x00, 0x40, 0x00, 0x1A, /* memory.size, grow */
                0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0x11, 0x00, 0x00, /* call_indirect */
                0x20, 0x00, 0x04, 0x40, 0x01, 0x05, 0x01, 0x0B, /* if else end */
                0x02, 0x40, 0x20, 0x00, 0x04, 0x40, 0x02, 0x40, 0x01, 0x0B, 0x05, 0x0B,
                0x0B, /* block (if (block) else) */
                0x20, 0x00, 0x04, 0x40, 0x05, 0x0B, /* if else end, both arms empty */
                0x20, 0x00, 0x04, 0x40, 0x0B,       /* if end */
                0x0B)),
        OK("locals_two_byte", LOCALS, 200,
           BODY(0x20, 0xC9, 0x01, 0x1A,             /* local.get 201 (2 + 200 - 1) */
                0x20, 0x84, 0x80, 0x00, 0x1A, 0x0B)), /* local.get 4, padded */
        OK("locals_none", LOCALS, 0, BODY(0x20, 0x01, 0x1A, 0x20, 0x00, 0x1A, 0x0B)),
        OK("padded_indexes", NONE, 0,
           BODY(0x23, 0x81, 0x80, 0x80, 0x80, 0x00, 0x1A, /* global.get 1 */
                0xD2, 0x80, 0x80, 0x00, 0x1A,             /* ref.func 0 */
                0x41, 0x00, 0x25, 0x80, 0x00, 0x1A,       /* table.get 0 */
                0x41, 0x00, 0x28, 0x02, 0x80, 0x80, 0x80, 0x00, 0x1A, /* i32.load */
                0x20, 0x01, 0x21, 0x00, 0x0B)),          /* near the end: general way */
        OK("second_memory", TWO_MEMORIES, 0,
           BODY(0x41, 0x00, 0x28, 0x42, 0x01, 0x00, 0x1A, 0x0B)), /* i32.load memory 1 */
        OK("simd_atomics", NONE, 0,
           BODY(0x41, 0x00, 0xFD, 0x00, 0x04, 0x00, 0x1A,       /* v128.load align=16 */
                0x41, 0x00, 0xFD, 0x07, 0x00, 0x00, 0x1A,       /* v128.load8_splat */
                0x41, 0x00, 0xFD, 0x0A, 0x03, 0x00, 0x1A,       /* v128.load64_splat */
                0x41, 0x00, 0xFD, 0x5D, 0x03, 0x00, 0x1A,       /* v128.load64_zero */
                0x41, 0x00, 0x41, 0x00, 0xFD, 0x11, 0xFD, 0x55, 0x01, 0x00, 0x00,
                0x1A,                                           /* v128.load16_lane */
                0x41, 0x00, 0xFE, 0x10, 0x02, 0x00, 0x1A,       /* i32.atomic.load */
                0x41, 0x00, 0x42, 0x00, 0xFE, 0x24, 0x02, 0x00, 0x1A, /* i64.rmw32.add_u */
                0xFE, 0x03, 0x00, 0x0B)),                        /* atomic.fence */
        OK("fence_without_memory", NO_MEMORY, 0, BODY(0xFE, 0x03, 0x00, 0x01, 0x01, 0x0B)),

        /* 1: locals */
        BAD("local_get", NONE, 0, BODY(0x20, 0x05, 0x1A, 0x0B), "local 5 out of range", 0x20),
        BAD("local_set", NONE, 0, BODY(0x41, 0x00, 0x21, 0x05, 0x0B), "local 5 out of range",
            0x21),
        BAD("local_tee_padded", NONE, 0, BODY(0x41, 0x00, 0x22, 0x85, 0x80, 0x00, 0x1A, 0x0B),
            "local 5 out of range", 0x22),
        BAD("local_at_end", NONE, 0, BODY(0x20, 0x05, 0x0B), "local 5 out of range", 0x20),
        BAD("local_two_byte", LOCALS, 200, BODY(0x20, 0xCA, 0x01, 0x1A, 0x0B),
            "local 202 out of range", 0x20),
        BAD("local_without_locals", LOCALS, 0, BODY(0x20, 0x02, 0x1A, 0x0B),
            "local 2 out of range", 0x20),
        /* 2: globals */
        BAD("global_get", NONE, 0, BODY(0x23, 0x02, 0x1A, 0x0B), "global 2 out of range", 0x23),
        BAD("global_set_padded", NONE, 0,
            BODY(0x41, 0x00, 0x24, 0x82, 0x80, 0x80, 0x80, 0x00, 0x0B), "global 2 out of range",
            0x24),
        BAD("global_two_byte", NONE, 0, BODY(0x23, 0x80, 0x01, 0x1A, 0x0B),
            "global 128 out of range", 0x23),
        /* 3: ref.func */
        BAD("ref_func", NONE, 0, BODY(0xD2, 0x01, 0x1A, 0x0B), "ref.func of function 1 out of range",
            0xD2),
        /* 4: tables and element segments */
        BAD("call_indirect_table", NONE, 0,
            BODY(0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0x11, 0x00, 0x01, 0x0B),
            "table 1 out of range", 0x11),
        BAD("call_indirect_no_table", NO_TABLE, 0,
            BODY(0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0x11, 0x00, 0x00, 0x0B),
            "table 0 out of range", 0x11),
        BAD("table_get", NONE, 0, BODY(0x41, 0x00, 0x25, 0x01, 0x1A, 0x0B), "table 1 out of range",
            0x25),
        BAD("table_set", NONE, 0, BODY(0x41, 0x00, 0xD0, 0x70, 0x26, 0x01, 0x0B),
            "table 1 out of range", 0x26),
        BAD("table_size", NONE, 0, BODY(0xFC, 0x10, 0x01, 0x1A, 0x0B), "table 1 out of range",
            0xFC),
        BAD("table_grow", NONE, 0, BODY(0xD0, 0x70, 0x41, 0x01, 0xFC, 0x0F, 0x01, 0x1A, 0x0B),
            "table 1 out of range", 0xFC),
        BAD("table_fill", NONE, 0,
            BODY(0x41, 0x00, 0xD0, 0x70, 0x41, 0x00, 0xFC, 0x11, 0x01, 0x0B),
            "table 1 out of range", 0xFC),
        BAD("table_copy", NONE, 0,
            BODY(0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x0E, 0x00, 0x01, 0x0B),
            "table 1 out of range", 0xFC),
        BAD("table_init_table", NONE, 0,
            BODY(0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x0C, 0x00, 0x01, 0x0B),
            "table 1 out of range", 0xFC),
        BAD("table_init_elem", NONE, 0,
            BODY(0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x0C, 0x01, 0x00, 0x0B),
            "element segment 1 out of range", 0xFC),
        BAD("elem_drop", NONE, 0, BODY(0xFC, 0x0D, 0x01, 0x0B), "element segment 1 out of range",
            0xFC),
        /* 5: data segments */
        BAD("memory_init_data", NONE, 0,
            BODY(0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x08, 0x01, 0x00, 0x0B),
            "data segment 1 out of range", 0xFC),
        BAD("data_drop", NONE, 0, BODY(0xFC, 0x09, 0x01, 0x0B), "data segment 1 out of range",
            0xFC),
        BAD("data_drop_no_datacount", NO_DATACOUNT, 0, BODY(0xFC, 0x09, 0x00, 0x0B),
            "data.drop needs a data count section", 0xFC),
        BAD("memory_init_no_datacount", NO_DATACOUNT, 0,
            BODY(0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x08, 0x00, 0x00, 0x0B),
            "memory.init needs a data count section", 0xFC),
        /* 6: memory instructions without a memory */
        BAD("load_no_memory", NO_MEMORY, 0, BODY(0x41, 0x00, 0x28, 0x02, 0x00, 0x1A, 0x0B),
            "needs a memory", 0x28),
        BAD("store_no_memory", NO_MEMORY, 0,
            BODY(0x41, 0x00, 0x41, 0x00, 0x36, 0x02, 0x00, 0x0B), "needs a memory", 0x36),
        BAD("size_no_memory", NO_MEMORY, 0, BODY(0x3F, 0x00, 0x1A, 0x0B), "needs a memory", 0x3F),
        BAD("grow_no_memory", NO_MEMORY, 0, BODY(0x41, 0x00, 0x40, 0x00, 0x1A, 0x0B),
            "needs a memory", 0x40),
        BAD("fill_no_memory", NO_MEMORY, 0,
            BODY(0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x0B, 0x00, 0x0B), "needs a memory",
            0xFC),
        BAD("copy_no_memory", NO_MEMORY, 0,
            BODY(0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x0A, 0x00, 0x00, 0x0B),
            "needs a memory", 0xFC),
        BAD("init_no_memory", NO_MEMORY, 0,
            BODY(0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x08, 0x00, 0x00, 0x0B),
            "needs a memory", 0xFC),
        BAD("simd_no_memory", NO_MEMORY, 0, BODY(0x41, 0x00, 0xFD, 0x00, 0x04, 0x00, 0x1A, 0x0B),
            "needs a memory", 0xFD),
        BAD("atomic_no_memory", NO_MEMORY, 0,
            BODY(0x41, 0x00, 0xFE, 0x10, 0x02, 0x00, 0x1A, 0x0B), "needs a memory", 0xFE),
        BAD("second_memory_missing", NONE, 0,
            BODY(0x41, 0x00, 0x28, 0x42, 0x01, 0x00, 0x1A, 0x0B), "memory 1 out of range", 0x28),
        /* 7: else */
        BAD("else_in_function", NONE, 0, BODY(0x01, 0x01, 0x05, 0x01, 0x01, 0x0B),
            "else outside an if block", 0x05),
        BAD("else_at_end", NONE, 0, BODY(0x01, 0x05, 0x0B), "else outside an if block", 0x05),
        BAD("else_in_block", NONE, 0, BODY(0x02, 0x40, 0x01, 0x05, 0x01, 0x0B, 0x0B),
            "else outside an if block", 0x05),
        BAD("else_in_loop_in_if", NONE, 0,
            BODY(0x41, 0x00, 0x04, 0x40, 0x03, 0x40, 0x05, 0x0B, 0x0B, 0x0B),
            "else outside an if block", 0x05),
        BAD("else_twice", NONE, 0,
            BODY(0x41, 0x00, 0x04, 0x40, 0x01, 0x05, 0x01, 0x05, 0x01, 0x0B, 0x0B),
            "else outside an if block", 0x05),
        BAD("else_after_if_closed", NONE, 0,
            BODY(0x41, 0x00, 0x04, 0x40, 0x01, 0x0B, 0x05, 0x01, 0x0B),
            "else outside an if block", 0x05),
        /* 8: alignment */
        BAD("i32_load_align8", NONE, 0, BODY(0x41, 0x00, 0x28, 0x03, 0x00, 0x1A, 0x0B),
            "alignment 2^3 larger than the natural alignment 2^2", 0x28),
        BAD("i64_load8_align2", NONE, 0, BODY(0x41, 0x00, 0x31, 0x01, 0x00, 0x1A, 0x0B),
            "alignment 2^1 larger than the natural alignment 2^0", 0x31),
        BAD("i64_store_align16", NONE, 0,
            BODY(0x41, 0x00, 0x42, 0x00, 0x37, 0x04, 0x00, 0x0B),
            "alignment 2^4 larger than the natural alignment 2^3", 0x37),
        BAD("f32_store_padded", NONE, 0,
            BODY(0x41, 0x00, 0x43, 0, 0, 0, 0, 0x38, 0x03, 0x80, 0x80, 0x00, 0x0B),
            "alignment 2^3 larger than the natural alignment 2^2", 0x38),
        BAD("align_at_end", NONE, 0, BODY(0x41, 0x00, 0x2E, 0x02, 0x00, 0x0B),
            "alignment 2^2 larger than the natural alignment 2^1", 0x2E),
        BAD("v128_load_align32", NONE, 0, BODY(0x41, 0x00, 0xFD, 0x00, 0x05, 0x00, 0x1A, 0x0B),
            "alignment 2^5 larger than the natural alignment 2^4", 0xFD),
        BAD("v128_lane_align", NONE, 0,
            BODY(0x41, 0x00, 0x41, 0x00, 0xFD, 0x11, 0xFD, 0x54, 0x01, 0x00, 0x00, 0x1A, 0x0B),
            "alignment 2^1 larger than the natural alignment 2^0", 0xFD),
        BAD("atomic_align_low", NONE, 0, BODY(0x41, 0x00, 0xFE, 0x10, 0x01, 0x00, 0x1A, 0x0B),
            "atomic alignment 2^1 is not the natural alignment 2^2", 0xFE),
        /* typed select names one type; ref.null a reference type */
        BAD("select_two_types", NONE, 0,
            BODY(0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0x1C, 0x02, 0x7F, 0x7F, 0x1A, 0x0B),
            "select must name exactly one type, not 2", 0x1C),
        OK("select_one_type", NONE, 0,
           BODY(0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0x1C, 0x01, 0x7F, 0x1A, 0x0B)),
        BAD("ref_null_i32", NONE, 0, BODY(0xD0, 0x7F, 0x1A, 0x0B), "ref.null of heap type 0x7f",
            0xD0),
        OK("ref_null_extern", NONE, 0, BODY(0xD0, 0x6F, 0x1A, 0x0B)),
        /* a memarg offset of 2^32 on a 32-bit memory */
        BAD("offset_2_32", NONE, 0,
            BODY(0x41, 0x00, 0x28, 0x02, 0x80, 0x80, 0x80, 0x80, 0x10, 0x1A, 0x0B),
            "offset 4294967296 is beyond a 32-bit memory", 0x28),
        OK("offset_2_32_minus_1", NONE, 0,
           BODY(0x41, 0x00, 0x28, 0x02, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x1A, 0x0B)),
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        run_case(&cases[i]);
}

/* else is checked up to the kind stack's depth and only counted beyond it:
 * a valid if/else nested deeper than that is still accepted, and a bad one
 * nested shallower is still caught. */
static void run_deep(void)
{
    static uint8_t body[BUF_MAX / 2];
    static const uint8_t if_else[] = {0x41, 0x00, 0x04, 0x40, 0x01, 0x05, 0x01, 0x0B};
    const unsigned depths[] = {10, 1020, 1022, 1023, 1024, 1100, 2000};
    for (size_t d = 0; d < sizeof depths / sizeof depths[0]; d++) {
        for (int bad = 0; bad < 2; bad++) {
            size_t n = 0;
            char name[64];
            code_case c;
            if (bad && depths[d] + 1 >= 1024)
                continue; /* else at the kind stack's size (1024) or beyond: counted only */
            for (unsigned i = 0; i < depths[d]; i++) {
                body[n++] = 0x02;
                body[n++] = 0x40;
            }
            if (bad) {
                body[n++] = 0x05; /* else directly in a block */
            } else {
                memcpy(body + n, if_else, sizeof if_else);
                n += sizeof if_else;
            }
            for (unsigned i = 0; i < depths[d]; i++)
                body[n++] = 0x0B;
            body[n++] = 0x0B;
            snprintf(name, sizeof name, "deep_%u_%s", depths[d], bad ? "else" : "if_else");
            c.name = name;
            c.change = NONE;
            c.value = 0;
            c.body = body;
            c.body_len = n;
            c.phrase = bad ? "else outside an if block" : NULL;
            c.at = 0x05;
            run_case(&c);
        }
    }
}

/* A call_indirect whose table index is not the single byte 0x00 needs a
 * runtime with reference types (WAMR without them reads one byte and wants
 * 0x00): an overlong zero, as LLVM 19 writes, marks the module as using
 * reference types; the one-byte zero does not. */
static void run_table_index_encodings(void)
{
    const struct {
        const char *name;
        const uint8_t *body;
        size_t len;
        int ref_types;
    } cases[] = {
        {"call_indirect table 0x00",
         BODY(0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0x11, 0x00, 0x00, 0x0B), 0},
        {"call_indirect table 0x80 0x00",
         BODY(0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0x11, 0x00, 0x80, 0x00, 0x0B), 1},
        {"call_indirect table 0x80 0x80 0x00",
         BODY(0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0x11, 0x00, 0x80, 0x80, 0x00, 0x0B), 1},
        /* the same behind a padded type index, which the lean decoder leaves
         * to the general one */
        {"call_indirect type 0x80 0x00, table 0x00",
         BODY(0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0x11, 0x80, 0x00, 0x00, 0x0B), 0},
        {"call_indirect type 0x80 0x80 0x00, table 0x80 0x00",
         BODY(0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0x11, 0x80, 0x80, 0x00, 0x80, 0x00, 0x0B), 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        static buf m;
        static wb_wasm_facts f;
        wb_error err;
        spec s = base(cases[i].body, cases[i].len);
        s.elems = 0; /* no passive element segment: nothing else needs reference types */
        if (build(&s, &m) != 0 || wb_wasm_read(m.b, m.n, &f, &err) != 0) {
            CHECK(0, "%s: not read", cases[i].name);
            continue;
        }
        CHECK(!!(f.features & WB_FEAT_REFERENCE_TYPES) == cases[i].ref_types,
              "%s: reference types %s, expected %s", cases[i].name,
              (f.features & WB_FEAT_REFERENCE_TYPES) ? "used" : "not used",
              cases[i].ref_types ? "used" : "not used");
    }
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "dump") == 0)
        dump_dir = argv[2];
    else if (argc != 1) {
        fprintf(stderr, "usage: %s [dump DIR]\n", argv[0]);
        return 2;
    }
    run_all();
    run_deep();
    run_table_index_encodings();
    if (failures)
        fprintf(stderr, "%d check(s) failed\n", failures);
    else
        printf("code checks: all passed\n");
    return failures ? 1 : 0;
}
