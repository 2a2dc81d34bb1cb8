/* Classic-interpreter frames: the loader's operand and label stack depths, replayed per function. */
#include "model/model_classic_interp.h"

#include <stdlib.h>
#include <string.h>

#include "model/interp_tables.h"
#include "model/wasm_ops.h"
#include "util/parallel.h"

/*
 * WAMR's classic interpreter allocates, for each call of a function, a
 * frame of its params and locals, an operand area of max_stack_cell_num
 * cells and a label stack of max_block_num WASMBranchBlocks
 * (wasm_interp_call_func_bytecode).  The loader computes both while it
 * validates the body (wasm_loader_prepare_bytecode built without the fast
 * interpreter): a stack of value types, one entry per 4-byte cell, whose
 * highest level is max_stack_cell_num (wasm_loader_push_frame_ref), and a
 * stack of blocks, the function's own first, whose highest level is
 * max_block_num (wasm_loader_push_frame_csp).  This file replays those two
 * stacks with the loader's rules, including the ones that make the counts
 * differ from a plain validator's:
 *   - a pop from an empty block in unreachable code pops nothing, a push
 *     always counts, so unreachable code can raise the maximum;
 *   - a value of unknown type (select in unreachable code) is one cell, and
 *     any pop of it takes that one cell;
 *   - a branch in unreachable code pops the target's types and pushes them
 *     again (br_table then restores the stack), and so does the end or the
 *     else of a block in unreachable code with its results;
 *   - a block with params pops them and pushes them again inside;
 *   - `if` without `else` gets an `else` that pushes the params again.
 */

enum { T_ANY = 0x42 }; /* VALUE_TYPE_ANY: a value of unknown type, one cell */

typedef struct ci_block {
    uint32_t base;        /* stack_cell_num at entry (after the params were popped) */
    uint8_t kind;         /* 0 function, 1 block, 2 loop, 3 if */
    uint8_t poly;
    uint8_t has_else;
    uint8_t bt_value;     /* 0x40 or a value type, when !bt_is_type */
    uint8_t bt_is_type;
    uint32_t bt_type;
} ci_block;

typedef struct ci_ctx {
    const wb_interp_tables *t;
    const wb_numeric_table *num;
    /* per function */
    uint8_t *st;          /* one value type per cell */
    size_t n, cap;
    ci_block *csp;
    size_t ncsp, capcsp;
    size_t max_n, max_csp;
    uint8_t *ltype;
    size_t nlocals, capl;
    int ok;
} ci_ctx;

static unsigned cells_of(uint8_t t)
{
    return t == WB_VT_I64 || t == WB_VT_F64 ? 2u : t == WB_VT_V128 ? 4u : 1u;
}

static ci_block *top(ci_ctx *c) { return &c->csp[c->ncsp - 1]; }

static size_t avail(ci_ctx *c) { return c->n - top(c)->base; }

/* wasm_loader_push_frame_ref */
static void push(ci_ctx *c, uint8_t t)
{
    unsigned k, nc = cells_of(t);
    if (wb_interp_grow((void **)&c->st, &c->cap, c->n + nc, 1)) {
        c->ok = 0;
        return;
    }
    for (k = 0; k < nc; k++)
        c->st[c->n++] = t;
    if (c->n > c->max_n)
        c->max_n = c->n;
}

/* wasm_loader_pop_frame_ref: nothing from an empty polymorphic block; an
 * unknown-typed value is one cell whatever type is asked for. */
static void pop(ci_ctx *c, uint8_t t)
{
    size_t have = avail(c);
    unsigned nc;
    if (have == 0)
        return; /* polymorphic (a valid module pops nothing else from an empty block) */
    nc = c->st[c->n - 1] == T_ANY ? 1u : cells_of(t);
    c->n -= nc < have ? nc : have;
}

static void reset(ci_ctx *c) { c->n = top(c)->base; }

static void set_poly(ci_ctx *c)
{
    reset(c);
    top(c)->poly = 1;
}

static uint32_t bt_params(ci_ctx *c, const ci_block *b, const uint8_t **ts)
{
    if (!b->bt_is_type) {
        *ts = NULL;
        return 0;
    }
    *ts = c->t->types[b->bt_type].params;
    return c->t->types[b->bt_type].np;
}

static uint32_t bt_results(ci_ctx *c, const ci_block *b, const uint8_t **ts)
{
    if (!b->bt_is_type) {
        *ts = &b->bt_value;
        return b->bt_value == 0x40 ? 0 : 1;
    }
    *ts = c->t->types[b->bt_type].results;
    return c->t->types[b->bt_type].nr;
}

static void pop_types(ci_ctx *c, const uint8_t *ts, uint32_t n)
{
    for (uint32_t i = n; i-- > 0;)
        pop(c, ts[i]);
}

static void push_types(ci_ctx *c, const uint8_t *ts, uint32_t n)
{
    for (uint32_t i = 0; i < n && c->ok; i++)
        push(c, ts[i]);
}

/* wasm_loader_check_br: only unreachable code changes the stack. */
static void check_br(ci_ctx *c, uint64_t depth, int is_table)
{
    const uint8_t *ts;
    const ci_block *tgt;
    uint32_t arity;
    size_t before = c->n;
    if (depth >= c->ncsp) {
        c->ok = 0;
        return;
    }
    if (!top(c)->poly)
        return;
    tgt = &c->csp[c->ncsp - 1 - depth];
    arity = tgt->kind == 2 ? bt_params(c, tgt, &ts) : bt_results(c, tgt, &ts);
    pop_types(c, ts, arity);
    push_types(c, ts, arity);
    if (is_table)
        c->n = before;
}

/* check_block_stack: a polymorphic block pops its results and pushes them. */
static void check_block(ci_ctx *c)
{
    const uint8_t *ts;
    uint32_t nr;
    if (!top(c)->poly)
        return;
    nr = bt_results(c, top(c), &ts);
    pop_types(c, ts, nr);
    push_types(c, ts, nr);
}

static void push_block(ci_ctx *c, uint8_t kind, int64_t bt)
{
    ci_block *b;
    if (wb_interp_grow((void **)&c->csp, &c->capcsp, c->ncsp + 1, sizeof(ci_block))) {
        c->ok = 0;
        return;
    }
    b = &c->csp[c->ncsp++];
    if (c->ncsp > c->max_csp)
        c->max_csp = c->ncsp;
    memset(b, 0, sizeof *b);
    b->base = (uint32_t)c->n;
    b->kind = kind;
    if (bt >= 0) {
        b->bt_is_type = 1;
        b->bt_type = (uint32_t)bt;
    } else {
        b->bt_value = (uint8_t)(bt & 0x7f);
    }
}

static void block_op(ci_ctx *c, uint8_t op, int64_t bt)
{
    const uint8_t *ps = NULL;
    uint32_t np = 0;
    if (op == 0x04)
        pop(c, WB_VT_I32);
    if (bt >= 0) {
        if ((uint64_t)bt >= c->t->type_count) {
            c->ok = 0;
            return;
        }
        ps = c->t->types[bt].params;
        np = c->t->types[bt].np;
    }
    /* the params leave the enclosing block (as far as it has them) ... */
    for (uint32_t i = np; i-- > 0;) {
        if (avail(c) == 0 && top(c)->poly)
            break;
        pop(c, ps[i]);
    }
    push_block(c, op == 0x02 ? 1 : op == 0x03 ? 2 : 3, bt);
    /* ... and are pushed again inside it */
    if (c->ok)
        push_types(c, ps, np);
}

static void else_op(ci_ctx *c)
{
    const uint8_t *ps;
    uint32_t np;
    ci_block *b = top(c);
    if (b->kind != 3 || b->has_else) {
        c->ok = 0;
        return;
    }
    check_block(c);
    b->has_else = 1;
    reset(c);
    b->poly = 0;
    np = bt_params(c, b, &ps);
    push_types(c, ps, np);
}

/* Returns 1 at the function's final end. */
static int end_op(ci_ctx *c)
{
    check_block(c);
    if (top(c)->kind == 3 && !top(c)->has_else) {
        else_op(c); /* the loader makes up the else, then sees the end again */
        check_block(c);
    }
    c->ncsp--;
    return c->ncsp == 0;
}

static void call_op(ci_ctx *c, uint32_t type, int tail)
{
    const wb_interp_type *ft;
    if (type >= c->t->type_count) {
        c->ok = 0;
        return;
    }
    ft = &c->t->types[type];
    pop_types(c, ft->params, ft->np);
    if (tail)
        set_poly(c);
    else
        push_types(c, ft->results, ft->nr);
}

static void misc_op(ci_ctx *c, uint32_t sub)
{
    static const uint8_t src[8] = {WB_VT_F32, WB_VT_F32, WB_VT_F64, WB_VT_F64,
                                   WB_VT_F32, WB_VT_F32, WB_VT_F64, WB_VT_F64};
    if (sub <= 7) {
        pop(c, src[sub]);
        push(c, sub < 4 ? WB_VT_I32 : WB_VT_I64);
        return;
    }
    switch (sub) {
    case 8: case 10: case 11: case 12: case 14: /* memory.init/copy/fill, table.init/copy */
        pop(c, WB_VT_I32); pop(c, WB_VT_I32); pop(c, WB_VT_I32);
        break;
    case 9: case 13: /* data.drop, elem.drop */
        break;
    case 15: /* table.grow */
        pop(c, WB_VT_I32); pop(c, WB_VT_FUNCREF);
        push(c, WB_VT_I32);
        break;
    case 16: /* table.size */
        push(c, WB_VT_I32);
        break;
    case 17: /* table.fill */
        pop(c, WB_VT_I32); pop(c, WB_VT_FUNCREF); pop(c, WB_VT_I32);
        break;
    default:
        c->ok = 0;
    }
}

static void atomic_op(ci_ctx *c, uint32_t sub)
{
    if (sub == 3) /* atomic.fence */
        return;
    if (sub == 0) { pop(c, WB_VT_I32); pop(c, WB_VT_I32); push(c, WB_VT_I32); }
    else if (sub == 1) { pop(c, WB_VT_I64); pop(c, WB_VT_I32); pop(c, WB_VT_I32); push(c, WB_VT_I32); }
    else if (sub == 2) { pop(c, WB_VT_I64); pop(c, WB_VT_I64); pop(c, WB_VT_I32); push(c, WB_VT_I32); }
    else if (sub >= 0x10 && sub <= 0x16) {
        pop(c, WB_VT_I32);
        push(c, (sub == 0x11 || sub >= 0x14) ? WB_VT_I64 : WB_VT_I32);
    } else if (sub >= 0x17 && sub <= 0x1d) {
        pop(c, (sub == 0x18 || sub >= 0x1b) ? WB_VT_I64 : WB_VT_I32);
        pop(c, WB_VT_I32);
    } else if (sub >= 0x1e && sub <= 0x4e) {
        unsigned g = (sub - 0x1e) % 7;
        uint8_t t = (g == 1 || g >= 4) ? WB_VT_I64 : WB_VT_I32;
        if (sub >= 0x48) /* cmpxchg */
            pop(c, t);
        pop(c, t);
        pop(c, WB_VT_I32);
        push(c, t);
    } else {
        c->ok = 0;
    }
}

static void numeric_op(ci_ctx *c, uint8_t op)
{
    const wb_numeric_table *t = c->num;
    if (!t->n[op]) {
        c->ok = 0;
        return;
    }
    pop(c, t->in[op]);
    if (t->n[op] == 2)
        pop(c, t->in[op]);
    push(c, t->out[op]);
}

/* One instruction; returns 1 after the function's final end. */
static int step(ci_ctx *c, const wb_insn *in, const uint8_t *after)
{
    uint8_t op = in->opcode;
    switch (op) {
    case 0x00: /* unreachable */
        set_poly(c);
        return 0;
    case 0x01: /* nop */
        return 0;
    case 0x02: case 0x03: case 0x04:
        block_op(c, op, in->sval);
        return 0;
    case 0x05:
        else_op(c);
        return 0;
    case 0x0b:
        return end_op(c);
    case 0x0c: /* br */
        check_br(c, in->imm0, 0);
        set_poly(c);
        return 0;
    case 0x0d: /* br_if */
        pop(c, WB_VT_I32);
        check_br(c, in->imm0, 0);
        return 0;
    case 0x0e: /* br_table: every target has the default's types; each check restores */
        pop(c, WB_VT_I32);
        check_br(c, in->imm1, 1);
        set_poly(c);
        return 0;
    case 0x0f: { /* return */
        const wb_interp_type *ft = &c->t->types[c->csp[0].bt_type];
        pop_types(c, ft->results, ft->nr);
        set_poly(c);
        return 0;
    }
    case 0x10: case 0x12: /* call, return_call */
        if (in->imm0 >= c->t->func_total) {
            c->ok = 0;
            return 0;
        }
        call_op(c, c->t->func_type[in->imm0], op == 0x12);
        return 0;
    case 0x11: case 0x13: /* call_indirect, return_call_indirect */
        pop(c, WB_VT_I32);
        call_op(c, in->imm0 < c->t->type_count ? (uint32_t)in->imm0 : c->t->type_count, op == 0x13);
        return 0;
    case 0x1a: /* drop: the top value, as wide as its type */
        if (avail(c) > 0) {
            unsigned nc = cells_of(c->st[c->n - 1]);
            c->n -= nc < avail(c) ? nc : avail(c);
        }
        return 0;
    case 0x1b: /* select */
        pop(c, WB_VT_I32);
        if (avail(c) > 0) {
            uint8_t t = c->st[c->n - 1];
            pop(c, t);
            pop(c, t);
            push(c, t);
        } else {
            push(c, T_ANY);
        }
        return 0;
    case 0x1c: { /* select t: the type is the byte before the next instruction */
        uint8_t t = after[-1];
        if (in->imm0 != 1) {
            c->ok = 0;
            return 0;
        }
        pop(c, WB_VT_I32);
        pop(c, t);
        pop(c, t);
        push(c, t);
        return 0;
    }
    case 0x20: case 0x21: case 0x22:
        if (in->imm0 >= c->nlocals) {
            c->ok = 0;
            return 0;
        }
        if (op != 0x20)
            pop(c, c->ltype[in->imm0]);
        if (op != 0x21)
            push(c, c->ltype[in->imm0]);
        return 0;
    case 0x23: case 0x24:
        if (in->imm0 >= c->t->global_total) {
            c->ok = 0;
            return 0;
        }
        if (op == 0x23)
            push(c, c->t->global_type[in->imm0]);
        else
            pop(c, c->t->global_type[in->imm0]);
        return 0;
    case 0x25: /* table.get */
        pop(c, WB_VT_I32);
        push(c, WB_VT_FUNCREF);
        return 0;
    case 0x26: /* table.set */
        pop(c, WB_VT_FUNCREF);
        pop(c, WB_VT_I32);
        return 0;
    case 0x3f: /* memory.size */
        push(c, WB_VT_I32);
        return 0;
    case 0x40: /* memory.grow */
        pop(c, WB_VT_I32);
        push(c, WB_VT_I32);
        return 0;
    case 0x41: push(c, WB_VT_I32); return 0;
    case 0x42: push(c, WB_VT_I64); return 0;
    case 0x43: push(c, WB_VT_F32); return 0;
    case 0x44: push(c, WB_VT_F64); return 0;
    case 0xd0: /* ref.null */
    case 0xd2: /* ref.func */
        push(c, WB_VT_FUNCREF);
        return 0;
    case 0xd1: /* ref.is_null */
        pop(c, WB_VT_FUNCREF);
        push(c, WB_VT_I32);
        return 0;
    case 0xfc:
        misc_op(c, in->sub);
        return 0;
    case 0xfe:
        atomic_op(c, in->sub);
        return 0;
    default:
        break;
    }
    if (op >= 0x28 && op <= 0x35) {
        pop(c, WB_VT_I32);
        push(c, wb_load_type(op));
    } else if (op >= 0x36 && op <= 0x3e) {
        pop(c, wb_store_type(op));
        pop(c, WB_VT_I32);
    } else if (op >= 0x45 && op <= 0xc4) {
        numeric_op(c, op);
    } else {
        c->ok = 0; /* SIMD, exceptions, GC: not run by the classic interpreter */
    }
    return 0;
}

/* The local declarations of a body: ltype[] gets params then locals. */
static int read_locals(ci_ctx *c, wb_cursor *b, const wb_interp_type *ft)
{
    uint64_t groups = wb_uleb(b, 32), total = ft->np;
    const uint8_t *save = b->p;
    size_t i = 0;
    for (uint64_t g = 0; g < groups && b->ok; g++) {
        total += wb_uleb(b, 32);
        wb_u8(b);
        if (total > 100000) /* WAMR's own limit is far below this */
            return -1;
    }
    if (!b->ok || wb_interp_grow((void **)&c->ltype, &c->capl, total + 1, 1))
        return -1;
    for (; i < ft->np; i++)
        c->ltype[i] = ft->params[i];
    b->p = save;
    for (uint64_t g = 0; g < groups; g++) {
        uint64_t cnt = wb_uleb(b, 32);
        uint8_t t = wb_u8(b);
        for (uint64_t k = 0; k < cnt; k++)
            c->ltype[i++] = t;
    }
    c->nlocals = (size_t)total;
    return b->ok ? 0 : -1;
}

/* One function: cells of its params and locals + max_stack_cell_num, and max_block_num. */
static int walk(ci_ctx *c, wb_cursor *b, uint32_t type, uint32_t *cells, uint32_t *blocks)
{
    const wb_interp_type *ft = &c->t->types[type];
    uint64_t locals = 0;
    if (read_locals(c, b, ft) != 0)
        return -1;
    for (size_t i = 0; i < c->nlocals; i++)
        locals += cells_of(c->ltype[i]);
    c->n = c->ncsp = c->max_n = c->max_csp = 0;
    c->ok = 1;
    push_block(c, 0, (int64_t)type);
    while (c->ok && b->ok && b->p < b->end) {
        wb_insn in;
        wb_wasm_decode(b, &in);
        if (!b->ok)
            return -1;
        if (step(c, &in, b->p)) {
            if (b->p != b->end)
                return -1; /* code after the final end */
            uint64_t all = locals + c->max_n;
            *cells = all > UINT32_MAX ? UINT32_MAX : (uint32_t)all;
            *blocks = (uint32_t)c->max_csp;
            return 0;
        }
    }
    return -1;
}

typedef struct ci_range {
    const uint8_t *data;
    size_t size;
    const wb_interp_tables *t;
    const wb_numeric_table *num;
    uint32_t import_funcs;
    const uint8_t *at, *code_end;
    uint32_t first, last;
    uint32_t *cells, *blocks;
    int rc;
} ci_range;

static void run_range(void *ctx, unsigned index)
{
    ci_range *r = (ci_range *)ctx + index;
    ci_ctx c;
    wb_cursor s = wb_cursor_make(r->data, r->size);

    memset(&c, 0, sizeof c);
    c.t = r->t;
    c.num = r->num;
    r->rc = -1;
    s.p = r->at;
    s.end = r->code_end;
    for (uint32_t i = r->first; i < r->last; i++) {
        uint64_t len = wb_uleb(&s, 32);
        wb_cursor b = wb_cursor_sub(&s, len);
        if (!s.ok || walk(&c, &b, r->t->func_type[r->import_funcs + i], &r->cells[i], &r->blocks[i]))
            goto done;
    }
    r->rc = 0;
done:
    free(c.st);
    free(c.csp);
    free(c.ltype);
}

int wb_classic_interp_frames(const uint8_t *data, size_t size, const wb_wasm_facts *f,
                             uint32_t *cells, uint32_t *blocks)
{
    ci_range range[WB_PAR_PARTS_MAX];
    wb_body_part cut[WB_PAR_PARTS_MAX];
    wb_interp_tables t;
    wb_numeric_table num;
    wb_cursor s;
    unsigned parts, k;
    int rc = 0;

    if (f->memory_total > 1 || (f->memory_total == 1 && f->memory.is64))
        return -1;
    if (!f->section_offset[10] || f->func_count == 0)
        return 0;
    if (f->section_offset[10] > size || f->section_bytes[10] > size - f->section_offset[10])
        return -1;
    s = wb_cursor_make(data, size);
    s.p = data + f->section_offset[10];
    s.end = s.p + f->section_bytes[10];
    if (wb_uleb(&s, 32) != f->func_count || !s.ok)
        return -1;
    if (wb_interp_tables_read(data, size, f, &t) != 0)
        return -1;
    wb_numeric_table_fill(&num);
    parts = wb_wasm_body_parts(data, size, f, wb_par_part_bytes(), cut);
    if (parts == 0) {
        parts = 1;
        cut[0].first = 0;
        cut[0].at = s.p;
    }
    for (k = 0; k < parts; k++) {
        range[k].data = data;
        range[k].size = size;
        range[k].t = &t;
        range[k].num = &num;
        range[k].import_funcs = f->import_func_count;
        range[k].at = cut[k].at;
        range[k].code_end = s.end;
        range[k].first = cut[k].first;
        range[k].last = k + 1 < parts ? cut[k + 1].first : f->func_count;
        range[k].cells = cells;
        range[k].blocks = blocks;
    }
    wb_par_run(parts, run_range, range);
    for (k = 0; k < parts; k++)
        if (range[k].rc != 0)
            rc = -1;
    wb_interp_tables_free(&t);
    return rc;
}
