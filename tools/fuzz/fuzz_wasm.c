/* libFuzzer entry point for the WebAssembly reader: read, walk every body, look up names and types. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "read/wasm_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static volatile uint64_t sink;

/* Opcode counts seen by decoding every body again with the public decoder. */
typedef struct recount {
    const uint8_t *base;
    uint64_t op[256];
} recount;

static int visit_body(void *ctx, const wb_func_body *b)
{
    recount *r = ctx;
    wb_cursor c = wb_cursor_make(r->base, (size_t)(b->end - r->base));
    c.p = b->expr;
    while (c.ok && c.p < c.end) {
        wb_insn in;
        wb_wasm_decode(&c, &in);
        if (c.ok)
            r->op[in.opcode]++;
        sink += in.opcode + in.sub + in.imm0;
    }
    /* the reader decoded this body already: its instructions must decode again */
    if (!c.ok)
        __builtin_trap();
    return 0;
}

static int visit_elem(void *ctx, uint32_t func_index)
{
    const wb_wasm_facts *f = ctx;
    if (func_index >= f->import_func_count + f->func_count)
        __builtin_trap();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static wb_wasm_facts facts, split_facts;
    wb_error err, split_err;
    char name[64];
    int read_rc, split_rc;
    /* the code scan in one piece and in parts on threads (any code section
     * of two bodies or more) must give the same facts and errors */
    wb_par_set_part_bytes(0);
    read_rc = wb_wasm_read(data, size, &facts, &err);
    wb_par_set_part_bytes(1);
    split_rc = wb_wasm_read(data, size, &split_facts, &split_err);
    if (read_rc != split_rc)
        __builtin_trap();
    if (read_rc != 0) {
        /* a clean error: an offset inside the file, a section and a reason */
        if (err.offset > size || err.section == NULL || err.message[0] == '\0')
            __builtin_trap();
        if (err.offset != split_err.offset || strcmp(err.section, split_err.section) != 0 ||
            strcmp(err.message, split_err.message) != 0)
            __builtin_trap();
        return 0;
    }
    if (memcmp(&facts, &split_facts, sizeof facts) != 0)
        __builtin_trap();
    static recount rc;
    memset(&rc, 0, sizeof rc);
    rc.base = data;
    wb_wasm_for_each_body(data, size, &facts, visit_body, &rc);
    /* the reader's inline fast paths and the general decoder must agree */
    for (unsigned op = 0; op < 256; op++)
        if (rc.op[op] != facts.ops.op[op])
            __builtin_trap();
    wb_wasm_for_each_elem_func(data, size, &facts, visit_elem, &facts);
    uint32_t total = facts.import_func_count + facts.func_count;
    for (uint32_t i = 0; i < total && i < 256; i++) {
        uint32_t t = wb_wasm_func_type(data, size, &facts, i), p, r;
        if (t == UINT32_MAX || wb_wasm_type_arity(data, size, &facts, t, &p, &r) != 0)
            __builtin_trap(); /* every function of a read module has a type */
        if (wb_wasm_func_name(data, size, &facts, i, name, sizeof name))
            sink += (uint8_t)name[0];
    }
    return 0;
}
