/* Size of WAMR's fast-interpreter code: a replay of what its loader emits per instruction. */
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "model/model_fast_interp.h"
#include "model/interp_tables.h"
#include "model/wasm_ops.h"

/*
 * WAMR's loader (wasm_loader.c, wasm_loader_prepare_bytecode) walks each
 * function twice: the first walk only counts the bytes it would emit, the
 * second allocates that many bytes (code_compiled_peak_size) and fills them.
 * It emits, per wasm instruction:
 *   - a handler label: a pointer (labels-as-values with unaligned access,
 *     x86), else 4 bytes;
 *   - immediates: u32 (4), u64 (8), bytes (1, or 2 where unaligned access
 *     is not supported);
 *   - one 2-byte slot offset per operand it pops and per result it pushes;
 *   - nothing for local.get, constants (they go to a per-function constant
 *     area of 4 bytes per cell), nop, drop, block and loop;
 *   - copies: EXT_OP_COPY_STACK_TOP (label + 2 + 2) when a block result is
 *     not already in the block's slot, and when a local still referenced on
 *     the operand stack is overwritten (local.set/tee) or a block is entered
 *     (preserve_local_for_block);
 *   - branch info: arity u32, (cells u32, per value 1 + 2 + 2), target pointer.
 * local.set folds into the previous instruction's result slot when that
 * instruction produced an i32/i64 value (LAST_OP_OUTPUT_I32/I64).
 *
 * This file replays those rules on an operand stack of slot offsets and
 * types, so the result is the byte count WAMR allocates, not a ratio.  It
 * reproduces fast_interp_code_bytes and fast_interp_const_bytes of every
 * calibration module exactly on x86-64 and x86-32.  SIMD follows the loader
 * that runs it in the fast interpreter (see simd_op).  Instructions the
 * fast interpreter does not run (exceptions, GC, relaxed SIMD) make it give
 * up; the caller then uses the per-opcode upper bound of
 * wb_fast_interp_bound().
 */

/* The per-instruction helpers are small and called from one hot loop. */
#if defined(__GNUC__)
#define FI_INLINE static inline __attribute__((always_inline))
#else
#define FI_INLINE static inline
#endif

enum { T_I32 = 0x7f, T_I64 = 0x7e, T_F32 = 0x7d, T_F64 = 0x7c, T_V128 = 0x7b,
       T_FUNCREF = 0x70, T_EXTERNREF = 0x6f, T_ANY = 0x01, T_CELL2 = 0x02 };

#define OFF_NONE INT32_MIN
#define PRESERVED_SLOT 32767 /* INT16_MAX: first-walk value of preserved_local_offset */

typedef wb_interp_type fi_type;

/* One operand-stack cell: its slot offset and value type (T_CELL2 for the
 * cells after the first of an i64/f64/v128).  Kept together, and not as a
 * byte array, so stores to the stack do not alias the context fields. */
typedef struct fi_cell {
    int32_t off;
    uint32_t t;
} fi_cell;

/* An entry of the constant set: used by the function whose stamp it has. */
typedef struct fi_const {
    uint64_t bits;
    uint32_t gen;
    uint32_t type;
} fi_const;

typedef struct fi_block {
    uint8_t kind;        /* 0 function, 1 block, 2 loop, 3 if */
    uint8_t poly;        /* stack polymorphic */
    uint8_t has_else;
    uint8_t bt_is_type;
    uint8_t bt_value;    /* 0x40 or a value type, when !bt_is_type */
    uint32_t bt_type;
    size_t height;       /* operand cells at entry */
    int32_t dyn;         /* dynamic_offset at entry */
    int32_t start_dyn;   /* if: dynamic offset after the params */
    size_t saved_at;     /* if with params: index into the saved-offset stack */
    size_t saved_n;
    uint64_t patches;    /* label patches waiting for this block's end/else */
} fi_block;

typedef struct fi_ctx {
    /* module */
    const uint8_t *data;
    size_t size;
    fi_type *types;
    uint32_t type_count;
    uint32_t *func_type;     /* imports first */
    uint32_t func_total;
    uint8_t *global_type;    /* imports first */
    uint32_t global_total;
    unsigned label, byte;    /* emitted size of a handler label and of a byte */
    int tail_call_build;
    uint32_t import_funcs;   /* the imported functions, first in func_type */
    /* per function */
    fi_cell *st;             /* operand stack: slot offset and type per cell */
    size_t n, cap;
    fi_block *csp;
    size_t ncsp, capcsp;
    fi_block *cur;           /* csp[ncsp - 1] (csp[0] once the function ended) */
    int32_t *saved;
    size_t nsaved, capsaved;
    uint8_t *ltype;
    int32_t *loff;
    size_t capl;
    fi_const *kset;          /* constants seen in this function (hash set) */
    size_t kcap, kcount;
    uint32_t kgen;           /* current function's stamp in kset */
    uint32_t pool32, pool64;    /* constant pools as the sizing walk fills them (rule b) */
    uint64_t first32[10], first64[10];
    int32_t dyn, maxdyn, start_dyn;
    int64_t size_now, size_peak;
    uint64_t const_cells;
    uint64_t v128_consts;       /* v128.const instructions in this function */
    uint64_t const_cells_bits;  /* the same area counted per distinct raw bits, as pools (b) */
    uint32_t preserved_cells;   /* cells of the preserve area (preserve_referenced_local) */
    int consts_by_bits;         /* frames: the version's constant area is pools (b) */
    size_t max_n, max_csp;      /* deepest operand stack (cells) and nesting */
    uint64_t patches, max_patches; /* label patches alive (add_label_patch_to_list) */
    uint64_t work, work_limit;
    int ok;
    /* per opcode 0x00..0xff: numeric pops, pop type, result type; and
     * whether a following local.set folds into its i32 (1) or i64 (2) result */
    uint8_t num_n[256], num_in[256], num_out[256], last_out[256];
} fi_ctx;

/* Operand cells of a value type: 2 for i64/f64, 4 for v128, else 1. */
static const uint8_t extra_cells[256] = {[T_I64] = 1, [T_F64] = 1, [T_V128] = 3};

FI_INLINE unsigned cells_of(uint8_t t) { return 1u + extra_cells[t]; }

static void add_patches(fi_ctx *c, fi_block *b, uint64_t n)
{
    b->patches += n;
    c->patches += n;
    if (c->patches > c->max_patches)
        c->max_patches = c->patches;
}

/* Code emitted (n >= 0) and taken back (back: skip_label, backspace).  The
 * buffer WAMR allocates is the peak of the sizing walk; sizes only fall in
 * back(), so the peak is taken there and at the end of the function. */
FI_INLINE void emit(fi_ctx *c, int64_t n) { c->size_now += n; }

FI_INLINE void back(fi_ctx *c, int64_t n)
{
    if (c->size_now > c->size_peak)
        c->size_peak = c->size_now;
    c->size_now -= n;
}

static int stack_grow(fi_ctx *c, size_t more)
{
    if (wb_interp_grow((void **)&c->st, &c->cap, c->n + more, sizeof(fi_cell))) {
        c->ok = 0;
        return -1;
    }
    return 0;
}

FI_INLINE int stack_room(fi_ctx *c, size_t more)
{
    if (c->n + more <= c->cap)
        return 0;
    return stack_grow(c, more);
}

FI_INLINE fi_block *top(fi_ctx *c) { return c->cur; }

FI_INLINE size_t avail(fi_ctx *c) { return c->n - top(c)->height; }

/* wasm_loader_push_frame_offset + push_frame_ref */
FI_INLINE void push(fi_ctx *c, uint8_t t, int disable, int32_t slot)
{
    unsigned k, nc = cells_of(t);
    fi_cell *cell;
    if (stack_room(c, nc))
        return;
    cell = c->st + c->n;
    c->n += nc;
    cell[0].t = t;
    for (k = 1; k < nc; k++) {
        cell[k].off = OFF_NONE;
        cell[k].t = T_CELL2;
    }
    if (disable) {
        cell[0].off = slot;
    } else {
        emit(c, 2);
        cell[0].off = c->dyn;
        c->dyn += (int32_t)nc;
    }
    /* also after a silent push: a branch may have moved dyn past maxdyn */
    if (c->dyn > c->maxdyn)
        c->maxdyn = c->dyn;
}

/* Drop the offsets of nc cells, releasing dynamic slots like
 * wasm_loader_pop_frame_offset does. */
FI_INLINE void drop_cells(fi_ctx *c, unsigned nc)
{
    int32_t first;
    if (nc > c->n)
        nc = (unsigned)c->n;
    if (!nc)
        return;
    first = c->st[c->n - nc].off;
    c->n -= nc;
    if (first != OFF_NONE && first > c->start_dyn && first < c->maxdyn)
        c->dyn -= (int32_t)nc;
}

/* POP_XXX: emits the operand's slot offset (2 bytes). */
FI_INLINE void pop(fi_ctx *c, uint8_t t)
{
    unsigned nc;
    if (avail(c) == 0) {
        if (!top(c)->poly)
            c->ok = 0; /* not valid wasm: the reader should have refused it */
        return;
    }
    nc = c->st[c->n - 1].t == T_ANY ? 1 : cells_of(t);
    if (nc > avail(c))
        nc = (unsigned)avail(c);
    drop_cells(c, nc);
    emit(c, 2);
}

static uint8_t top_type(fi_ctx *c)
{
    size_t i = c->n, lo = top(c)->height;
    if (avail(c) == 0)
        return T_ANY;
    while (i > lo && c->st[i - 1].t == T_CELL2)
        i--;
    if (i == lo) /* the first cell lies below this block: only the size matters */
        return c->n - lo >= 4 ? T_V128 : T_I64;
    return (uint8_t)c->st[i - 1].t;
}

/* preserve_referenced_local: one copy (label + 2 + 2) when the local is
 * still on the operand stack; the stack entries then use the copy, a slot of
 * the preserve area above the dynamic slots (1 cell for a 32-bit type, 2 for
 * a 64-bit one, 4 for a v128: the type of the local, or of the stack entry
 * that refers to it). */
static int preserve_local(fi_ctx *c, int32_t slot, uint8_t t)
{
    size_t i;
    int found = 0;
    c->work += c->n;
    if (c->work > c->work_limit)
        c->ok = 0;
    for (i = 0; i < c->n; i++) {
        if (c->st[i].t == T_CELL2)
            continue;
        if (c->st[i].off == slot) {
            if (!found) {
                found = 1;
                emit(c, c->label + 4);
                c->preserved_cells += cells_of(t);
            }
            c->st[i].off = PRESERVED_SLOT;
        }
    }
    return found;
}

static void preserve_for_block(fi_ctx *c)
{
    size_t i;
    c->work += c->n;
    for (i = 0; i < c->n; i++) {
        int32_t o = c->st[i].off;
        if (c->st[i].t == T_CELL2 || o == OFF_NONE)
            continue;
        if (o >= 0 && o < c->start_dyn)
            preserve_local(c, o, (uint8_t)c->st[i].t);
    }
}

static uint32_t bt_params(fi_ctx *c, const fi_block *b, const uint8_t **ts)
{
    if (!b->bt_is_type) {
        *ts = NULL;
        return 0;
    }
    *ts = c->types[b->bt_type].params;
    return c->types[b->bt_type].np;
}

static uint32_t bt_results(fi_ctx *c, const fi_block *b, const uint8_t **ts)
{
    if (!b->bt_is_type) {
        *ts = &b->bt_value;
        return b->bt_value == 0x40 ? 0 : 1;
    }
    *ts = c->types[b->bt_type].results;
    return c->types[b->bt_type].nr;
}

static unsigned cell_sum(const uint8_t *ts, uint32_t n)
{
    unsigned s = 0;
    uint32_t i;
    for (i = 0; i < n; i++)
        s += cells_of(ts[i]);
    return s;
}

/* wasm_loader_emit_br_info: for `br` (is_br) the loader also moves the
 * dynamic offset to just past the target's result (loop: param) slots. */
static void br_info(fi_ctx *c, fi_block *b, int is_br)
{
    const uint8_t *ts;
    uint32_t arity = b->kind == 2 ? bt_params(c, b, &ts) : bt_results(c, b, &ts);
    emit(c, 4);
    if (b->kind != 2)
        add_patches(c, b, 1);
    if (arity) {
        emit(c, 4 + (int64_t)arity * (c->byte + 4));
        if (is_br)
            c->dyn = (b->kind == 2 ? b->start_dyn : b->dyn) + (int32_t)cell_sum(ts, arity);
    }
    emit(c, c->label);
}

enum { BR_IF = 0, BR_TABLE = 1, BR_PLAIN = 2 };

/* wasm_loader_check_br */
static void check_br(fi_ctx *c, uint32_t depth, int kind)
{
    int is_table = kind == BR_TABLE;
    fi_block *cur = top(c), *tgt;
    const uint8_t *ts;
    uint32_t arity, i;
    if (depth >= c->ncsp) {
        c->ok = 0;
        return;
    }
    tgt = &c->csp[c->ncsp - 1 - depth];
    arity = tgt->kind == 2 ? bt_params(c, tgt, &ts) : bt_results(c, tgt, &ts);
    if (cur->poly) {
        size_t n0 = c->n;
        fi_cell saved[64];
        size_t keep = 0;
        if (is_table) { /* br_table restores the stack after each target */
            keep = c->n - cur->height < 64 ? c->n - cur->height : 64;
            memcpy(saved, c->st + c->n - keep, keep * sizeof(fi_cell));
        }
        for (i = arity; i-- > 0;)
            pop(c, ts[i]);
        for (i = 0; i < arity; i++)
            push(c, ts[i], 1, 0);
        br_info(c, tgt, kind == BR_PLAIN);
        if (is_table && c->ok) {
            /* the loader restores the operand stack, not the dynamic offset
             * its pops released */
            memcpy(c->st + n0 - keep, saved, keep * sizeof(fi_cell));
            c->n = n0;
        }
        return;
    }
    br_info(c, tgt, kind == BR_PLAIN);
}

FI_INLINE void reset_stack(fi_ctx *c) { c->n = top(c)->height; }

/* check_block_stack: a polymorphic block end re-pushes its results with
 * slot 0 (no emit) after popping what is there. */
static void check_block_stack(fi_ctx *c, fi_block *b)
{
    const uint8_t *rs;
    uint32_t nr = bt_results(c, b, &rs), i;
    if (!b->poly)
        return;
    for (i = nr; i-- > 0;)
        if (c->n > b->height)
            pop(c, rs[i]);
    for (i = 0; i < nr; i++)
        push(c, rs[i], 1, 0);
}

/* reserve_block_ret (b is the block whose results are copied). */
static void reserve_ret(fi_ctx *c, fi_block *b, int at_else)
{
    const uint8_t *rs;
    uint32_t nr = bt_results(c, b, &rs), i;
    unsigned total, cnt = 0;
    size_t fo;
    int32_t d;
    if (nr == 0)
        return;
    total = cell_sum(rs, nr);
    if (total > c->n)
        return;
    if (nr == 1) {
        unsigned nc = cells_of(rs[0]);
        /* v128 (4 cells) is copied as well since SIMD came to the fast
         * interpreter (EXT_OP_COPY_STACK_TOP_V128) */
        if (b->dyn != c->st[c->n - nc].off) {
            emit(c, c->label + 4);
            if (at_else) {
                c->st[c->n - nc].off = b->dyn;
            } else {
                c->n -= nc;
                c->dyn = b->dyn;
                push(c, rs[0], 0, 0);
                back(c, 2);
            }
        }
        return;
    }
    fo = c->n;
    d = b->dyn + (int32_t)total;
    for (i = nr; i-- > 0;) {
        unsigned nc = cells_of(rs[i]);
        fo -= nc;
        d -= (int32_t)nc;
        /* a v128 is compared cell by cell, against cells the loader's
         * push_frame_offset never wrote: count it as copied */
        if (nc == 4 || c->st[fo].off != d)
            cnt++;
    }
    if (cnt)
        emit(c, c->label + 8 + (int64_t)cnt * (c->byte + 4));
    if (at_else) {
        fo = c->n;
        d = b->dyn + (int32_t)total;
        for (i = nr; i-- > 0;) {
            unsigned nc = cells_of(rs[i]);
            fo -= nc;
            d -= (int32_t)nc;
            c->st[fo].off = d;
        }
    } else {
        c->n -= total;
        c->dyn = b->dyn;
        for (i = 0; i < nr; i++) {
            push(c, rs[i], 0, 0);
            back(c, 2);
        }
    }
}

static void push_block(fi_ctx *c, uint8_t kind, int is_type, uint8_t value, uint32_t type)
{
    fi_block *b;
    size_t capcsp = c->capcsp;
    if (wb_interp_grow((void **)&c->csp, &capcsp, c->ncsp + 1, sizeof(fi_block))) {
        c->ok = 0;
        return;
    }
    c->capcsp = capcsp;
    b = &c->csp[c->ncsp++];
    c->cur = b;
    if (c->ncsp > c->max_csp)
        c->max_csp = c->ncsp;
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->bt_is_type = (uint8_t)is_type;
    b->bt_value = value;
    b->bt_type = type;
    b->height = c->n;
    b->dyn = c->dyn;
}

/* A new constant takes cells in the function's constant area (WAMR keeps
 * one entry per distinct type and value); an open-addressing set over
 * (type, bits) finds repeats.  Entries carry the stamp of the function that
 * made them, so starting a function clears the set in O(1). */
FI_INLINE size_t kslot(uint64_t bits, uint32_t t, size_t cap)
{
    uint64_t h = (bits ^ ((uint64_t)t << 57)) * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 20) & (cap - 1);
}

static int kset_grow(fi_ctx *c)
{
    size_t nc = c->kcap ? c->kcap * 2 : 256, j;
    fi_const *nk = calloc(nc, sizeof *nk);
    if (!nk)
        return -1;
    for (j = 0; j < c->kcap; j++) {
        if (c->kset[j].gen == c->kgen) {
            size_t h = kslot(c->kset[j].bits, c->kset[j].type, nc);
            while (nk[h].gen == c->kgen)
                h = (h + 1) & (nc - 1);
            nk[h] = c->kset[j];
        }
    }
    free(c->kset);
    c->kset = nk;
    c->kcap = nc;
    return 0;
}

/* A fresh stamp for the next function (stamps start at 1; 0 is free). */
static void kset_reset(fi_ctx *c)
{
    c->kcount = 0;
    if (++c->kgen == 0) {
        if (c->kcap)
            memset(c->kset, 0, c->kcap * sizeof *c->kset);
        c->kgen = 1;
    }
}

/* Rule (a): is (t, bits) already in the function's constant area? */
FI_INLINE int const_known(fi_ctx *c, uint8_t t, uint64_t bits, size_t *slot)
{
    size_t h;
    if ((c->kcount + 1) * 2 > c->kcap && kset_grow(c)) {
        c->ok = 0;
        return 1;
    }
    h = kslot(bits, t, c->kcap);
    while (c->kset[h].gen == c->kgen) {
        if (c->kset[h].bits == bits && c->kset[h].type == t)
            return 1;
        h = (h + 1) & (c->kcap - 1);
    }
    *slot = h;
    return 0;
}

/* Rule (b): the pools of the sizing walk.  Returns 1 when the constant is
 * emitted inline because the pools (repeats counted) are full. */
FI_INLINE int const_pool_full(fi_ctx *c, unsigned nc, uint64_t bits)
{
    uint64_t *first = nc == 2 ? c->first64 : c->first32;
    uint32_t *num = nc == 2 ? &c->pool64 : &c->pool32;
    uint32_t k;
    if (2 * (uint64_t)c->pool64 + c->pool32 > (nc == 2 ? 32765u : 32766u))
        return 1;
    if (*num < 10) {
        for (k = 0; k < *num; k++)
            if (first[k] == bits)
                return 0;
        first[*num] = bits;
    }
    (*num)++;
    return 0;
}

/*
 * A constant costs no code while it has a slot in the function's constant
 * area; otherwise the loader emits it inline: label + value + result slot
 * (wasm_loader_get_const_offset, then the *_CONST cases).  Two loader
 * generations differ on when the area is full:
 *  (a) one entry per distinct (type, value); a new constant that would take
 *      the area past 32768 cells is inline, and so is every repeat of it;
 *  (b) i32/f32 and i64/f64 share pools keyed by the raw bits, deduplicated
 *      only while a pool holds fewer than 10 entries during the sizing walk;
 *      once 2*n64 + n32 (repeats counted) passes INT16_MAX-1 (32-bit) or
 *      INT16_MAX-2 (64-bit), every further constant of that size is inline
 *      in the sizing walk, which fixes the buffer size.
 * The replay emits inline when either rule says so, and counts the area of
 * rule (a), which is never smaller than that of rule (b).
 */
FI_INLINE void on_const(fi_ctx *c, uint8_t t, uint64_t bits)
{
    unsigned nc = cells_of(t);
    int inline_a = 0, inline_b;
    size_t slot = 0;
    back(c, c->label); /* the constant's label is taken back */
    if (!const_known(c, t, bits, &slot)) {
        if (c->const_cells + nc > 32768) {
            inline_a = 1;
        } else {
            uint8_t partner = t == T_I32 ? T_F32 : t == T_F32 ? T_I32 : t == T_I64 ? T_F64 : T_I64;
            size_t other;
            c->kset[slot].bits = bits;
            c->kset[slot].gen = c->kgen;
            c->kset[slot].type = t;
            c->kcount++;
            c->const_cells += nc;
            /* the pools of (b) hold raw bits: an i32 and an f32 (i64, f64)
             * of the same bits share a cell */
            if (c->consts_by_bits && !const_known(c, partner, bits, &other))
                c->const_cells_bits += nc;
        }
    }
    inline_b = const_pool_full(c, nc, bits);
    if (inline_a || inline_b) {
        emit(c, c->label + (nc == 2 ? 8 : 4));
        push(c, t, 0, 0);
        return;
    }
    push(c, t, 1, -1000);
}

/* The i32/i64 producers whose result slot a following local.set reuses. */
static int out_i32(unsigned op)
{
    return (op >= 0x45 && op <= 0x78) || op == 0x28 || op == 0x2a || (op >= 0x2c && op <= 0x2f) ||
           (op >= 0x8b && op <= 0x98) || (op >= 0xa7 && op <= 0xab) ||
           (op >= 0xb2 && op <= 0xb6) || op == 0xbc || op == 0xbe;
}

static int out_i64(unsigned op)
{
    return (op >= 0x79 && op <= 0x8a) || (op >= 0x99 && op <= 0xa6) || op == 0x29 || op == 0x2b ||
           (op >= 0x30 && op <= 0x35) || (op >= 0xac && op <= 0xb1) ||
           (op >= 0xb7 && op <= 0xbb) || op == 0xbd || op == 0xbf;
}

/* Operand types of the numeric opcodes 0x45..0xc4 (pops count, pop type,
 * result type) from the spec's instruction signatures, and the local.set
 * folding of out_i32/out_i64, expanded into per-opcode tables. */
static void init_tables(fi_ctx *c)
{
    wb_numeric_table t;
    unsigned op;
    wb_numeric_table_fill(&t);
    for (op = 0; op < 256; op++) {
        /* not numeric: i32, as the replay has always assumed (num_n is 0) */
        c->num_n[op] = t.n[op];
        c->num_in[op] = t.n[op] ? t.in[op] : T_I32;
        c->num_out[op] = t.n[op] ? t.out[op] : T_I32;
    }
    for (op = 0; op < 256; op++)
        c->last_out[op] = (uint8_t)(out_i32(op) ? 1 : out_i64(op) ? 2 : 0);
}

static void call_sig(fi_ctx *c, uint32_t type, int tail)
{
    const fi_type *ft;
    uint32_t i;
    if (type >= c->type_count) {
        c->ok = 0;
        return;
    }
    ft = &c->types[type];
    for (i = ft->np; i-- > 0;)
        pop(c, ft->params[i]);
    if (tail) {
        reset_stack(c);
        top(c)->poly = 1;
        return;
    }
    for (i = 0; i < ft->nr; i++)
        push(c, ft->results[i], 0, 0);
}

/* 0xFC prefix: saturating truncations, bulk memory, table ops. */
static void misc_op(fi_ctx *c, wb_cursor *r)
{
    static const uint8_t src[8] = {T_F32, T_F32, T_F64, T_F64, T_F32, T_F32, T_F64, T_F64};
    uint32_t sub = (uint32_t)wb_uleb_fast(r, 32);
    emit(c, c->byte);
    if (sub <= 7) {
        pop(c, src[sub]);
        push(c, sub < 4 ? T_I32 : T_I64, 0, 0);
        return;
    }
    switch (sub) {
    case 8: /* memory.init */
        wb_uleb_fast(r, 32);
        wb_u8(r);
        emit(c, 4);
        pop(c, T_I32); pop(c, T_I32); pop(c, T_I32);
        break;
    case 9: /* data.drop */
    case 13: /* elem.drop */
        wb_uleb_fast(r, 32);
        emit(c, 4);
        break;
    case 10: /* memory.copy */
        wb_u8(r);
        wb_u8(r);
        pop(c, T_I32); pop(c, T_I32); pop(c, T_I32);
        break;
    case 11: /* memory.fill */
        wb_u8(r);
        pop(c, T_I32); pop(c, T_I32); pop(c, T_I32);
        break;
    case 12: /* table.init */
    case 14: /* table.copy */
        wb_uleb_fast(r, 32);
        wb_uleb_fast(r, 32);
        emit(c, 8);
        pop(c, T_I32); pop(c, T_I32); pop(c, T_I32);
        break;
    case 15: /* table.grow */
        wb_uleb_fast(r, 32);
        emit(c, 4);
        pop(c, T_I32); pop(c, T_FUNCREF);
        push(c, T_I32, 0, 0);
        break;
    case 16: /* table.size */
        wb_uleb_fast(r, 32);
        emit(c, 4);
        push(c, T_I32, 0, 0);
        break;
    case 17: /* table.fill */
        wb_uleb_fast(r, 32);
        emit(c, 4);
        pop(c, T_I32); pop(c, T_FUNCREF); pop(c, T_I32);
        break;
    default:
        c->ok = 0;
    }
}

/* 0xFE prefix: atomics (sub-opcode byte, memarg offset u32, operands). */
static void atomic_op(fi_ctx *c, wb_cursor *r)
{
    uint32_t sub = (uint32_t)wb_uleb_fast(r, 32);
    emit(c, c->byte);
    if (sub == 3) { /* atomic.fence */
        wb_u8(r);
        return;
    }
    wb_uleb_fast(r, 32);
    wb_uleb_fast(r, 64);
    emit(c, 4);
    if (sub == 0) { pop(c, T_I32); pop(c, T_I32); push(c, T_I32, 0, 0); }
    else if (sub == 1) { pop(c, T_I64); pop(c, T_I32); pop(c, T_I32); push(c, T_I32, 0, 0); }
    else if (sub == 2) { pop(c, T_I64); pop(c, T_I64); pop(c, T_I32); push(c, T_I32, 0, 0); }
    else if (sub >= 0x10 && sub <= 0x16) {
        pop(c, T_I32);
        push(c, (sub == 0x11 || sub >= 0x14) ? T_I64 : T_I32, 0, 0);
    } else if (sub >= 0x17 && sub <= 0x1d) {
        pop(c, (sub == 0x18 || sub >= 0x1b) ? T_I64 : T_I32);
        pop(c, T_I32);
    } else if (sub >= 0x1e && sub <= 0x4e) {
        unsigned g = (sub - 0x1e) % 7;
        uint8_t t = (g == 1 || g >= 4) ? T_I64 : T_I32;
        if (sub >= 0x48)
            pop(c, t);
        pop(c, t);
        pop(c, T_I32);
        push(c, t, 0, 0);
    } else {
        c->ok = 0;
    }
}

/*
 * 0xFD prefix: SIMD.  Only the loader generation that runs SIMD in the fast
 * interpreter (SIMDe, WASM_ENABLE_SIMDE=1, the measured build) emits code
 * for it: wasm_loader_prepare_bytecode, case WASM_OP_SIMD_PREFIX, at
 * 0ecaf8c7.  The older loader (00af6ced9) compiles that case only for the
 * AOT compiler and the JIT, so its fast interpreter refuses the module and
 * there is nothing to take the larger of.  Per instruction the loader emits
 * the handler label, the sub-opcode as a byte (emit_byte), then:
 *   loads, load_zero, store: the memarg offset as u32 (align is checked,
 *     not emitted), then the operand slots (POP_AND_PUSH / POP_V128 +
 *     POP_MEM_OFFSET);
 *   v128.const, i8x16.shuffle: the 16 immediate bytes inline (two
 *     emit_uint64), then the slots;
 *   extract/replace_lane: the lane as a byte, then the slots (replace pops
 *     its scalar first);
 *   load/store_lane: the offset u32, the v128 and address slots, the lane
 *     byte, and for loads the result slot;
 *   everything else: slots only (2 B each, a v128 takes one slot of 4
 *     cells).
 * v128.const is inline at 0ecaf8c7 although wasm_loader_get_const_offset
 * can pool v128 values; a generation that pools them costs 16 B of
 * constant area per distinct value instead of label + 16 + slot of code,
 * which is less, so the inline count covers both (see on_v128_const).
 */
enum { S_BAD, S_LOAD, S_STORE, S_CONST, S_SHUFFLE, S_UN, S_BIN, S_TERN, S_TEST, S_SHIFT,
       S_SPLAT, S_EXTRACT, S_REPLACE, S_LOAD_LANE, S_STORE_LANE };

typedef struct simd_range { uint8_t lo, hi, kind, scalar; } simd_range;

/* Sub-opcode ranges of the final SIMD spec (WAMR's WASMSimdEXTOpcode);
 * gaps and relaxed SIMD (0x100..) are S_BAD: WAMR's loader rejects them. */
static const simd_range simd_ranges[] = {
    {0x00, 0x0a, S_LOAD, 0}, {0x0b, 0x0b, S_STORE, 0}, {0x0c, 0x0c, S_CONST, 0},
    {0x0d, 0x0d, S_SHUFFLE, 0}, {0x0e, 0x0e, S_BIN, 0},
    {0x0f, 0x11, S_SPLAT, T_I32}, {0x12, 0x12, S_SPLAT, T_I64}, {0x13, 0x13, S_SPLAT, T_F32},
    {0x14, 0x14, S_SPLAT, T_F64},
    {0x15, 0x16, S_EXTRACT, T_I32}, {0x17, 0x17, S_REPLACE, T_I32},
    {0x18, 0x19, S_EXTRACT, T_I32}, {0x1a, 0x1a, S_REPLACE, T_I32},
    {0x1b, 0x1b, S_EXTRACT, T_I32}, {0x1c, 0x1c, S_REPLACE, T_I32},
    {0x1d, 0x1d, S_EXTRACT, T_I64}, {0x1e, 0x1e, S_REPLACE, T_I64},
    {0x1f, 0x1f, S_EXTRACT, T_F32}, {0x20, 0x20, S_REPLACE, T_F32},
    {0x21, 0x21, S_EXTRACT, T_F64}, {0x22, 0x22, S_REPLACE, T_F64},
    {0x23, 0x4c, S_BIN, 0}, {0x4d, 0x4d, S_UN, 0}, {0x4e, 0x51, S_BIN, 0},
    {0x52, 0x52, S_TERN, 0}, {0x53, 0x53, S_TEST, 0},
    {0x54, 0x57, S_LOAD_LANE, 0}, {0x58, 0x5b, S_STORE_LANE, 0}, {0x5c, 0x5d, S_LOAD, 0},
    {0x5e, 0x62, S_UN, 0}, {0x63, 0x64, S_TEST, 0}, {0x65, 0x66, S_BIN, 0},
    {0x67, 0x6a, S_UN, 0}, {0x6b, 0x6d, S_SHIFT, 0}, {0x6e, 0x73, S_BIN, 0},
    {0x74, 0x75, S_UN, 0}, {0x76, 0x79, S_BIN, 0}, {0x7a, 0x7a, S_UN, 0},
    {0x7b, 0x7b, S_BIN, 0}, {0x7c, 0x81, S_UN, 0}, {0x82, 0x82, S_BIN, 0},
    {0x83, 0x84, S_TEST, 0}, {0x85, 0x86, S_BIN, 0}, {0x87, 0x8a, S_UN, 0},
    {0x8b, 0x8d, S_SHIFT, 0}, {0x8e, 0x93, S_BIN, 0}, {0x94, 0x94, S_UN, 0},
    {0x95, 0x99, S_BIN, 0}, {0x9b, 0x9f, S_BIN, 0},
    {0xa0, 0xa1, S_UN, 0}, {0xa3, 0xa4, S_TEST, 0}, {0xa7, 0xaa, S_UN, 0},
    {0xab, 0xad, S_SHIFT, 0}, {0xae, 0xae, S_BIN, 0}, {0xb1, 0xb1, S_BIN, 0},
    {0xb5, 0xba, S_BIN, 0}, {0xbc, 0xbf, S_BIN, 0},
    {0xc0, 0xc1, S_UN, 0}, {0xc3, 0xc4, S_TEST, 0}, {0xc7, 0xca, S_UN, 0},
    {0xcb, 0xcd, S_SHIFT, 0}, {0xce, 0xce, S_BIN, 0}, {0xd1, 0xd1, S_BIN, 0},
    {0xd5, 0xdf, S_BIN, 0},
    {0xe0, 0xe1, S_UN, 0}, {0xe3, 0xe3, S_UN, 0}, {0xe4, 0xeb, S_BIN, 0},
    {0xec, 0xed, S_UN, 0}, {0xef, 0xef, S_UN, 0}, {0xf0, 0xf7, S_BIN, 0},
    {0xf8, 0xff, S_UN, 0},
};

static void simd_kind(uint32_t sub, uint8_t *kind, uint8_t *scalar)
{
    size_t i;
    *kind = S_BAD;
    *scalar = 0;
    if (sub > 0xff)
        return;
    for (i = 0; i < sizeof simd_ranges / sizeof simd_ranges[0]; i++) {
        if (sub >= simd_ranges[i].lo && sub <= simd_ranges[i].hi) {
            *kind = simd_ranges[i].kind;
            *scalar = simd_ranges[i].scalar;
            return;
        }
    }
}

/* memarg of a SIMD memory instruction: align (checked by the loader, which
 * rejects a memory index bit as an alignment too large) and offset. */
static void simd_memarg(fi_ctx *c, wb_cursor *r)
{
    if (wb_uleb_fast(r, 32) & 0x40)
        c->ok = 0;
    wb_uleb_fast(r, 32);
    emit(c, 4);
}

static void simd_op(fi_ctx *c, wb_cursor *r)
{
    uint32_t sub = (uint32_t)wb_uleb_fast(r, 32);
    uint8_t kind, scalar;
    simd_kind(sub, &kind, &scalar);
    emit(c, c->byte);
    switch (kind) {
    case S_LOAD:
        simd_memarg(c, r);
        pop(c, T_I32);
        push(c, T_V128, 0, 0);
        break;
    case S_STORE:
        simd_memarg(c, r);
        pop(c, T_V128);
        pop(c, T_I32);
        break;
    case S_CONST:
        wb_le(r, 8);
        wb_le(r, 8);
        emit(c, 16);
        push(c, T_V128, 0, 0);
        c->v128_consts++;
        break;
    case S_SHUFFLE:
        wb_le(r, 8);
        wb_le(r, 8);
        emit(c, 16);
        pop(c, T_V128);
        pop(c, T_V128);
        push(c, T_V128, 0, 0);
        break;
    case S_UN:
        pop(c, T_V128);
        push(c, T_V128, 0, 0);
        break;
    case S_BIN:
        pop(c, T_V128);
        pop(c, T_V128);
        push(c, T_V128, 0, 0);
        break;
    case S_TERN:
        pop(c, T_V128);
        pop(c, T_V128);
        pop(c, T_V128);
        push(c, T_V128, 0, 0);
        break;
    case S_TEST:
        pop(c, T_V128);
        push(c, T_I32, 0, 0);
        break;
    case S_SHIFT:
        pop(c, T_I32);
        pop(c, T_V128);
        push(c, T_V128, 0, 0);
        break;
    case S_SPLAT:
        pop(c, scalar);
        push(c, T_V128, 0, 0);
        break;
    case S_EXTRACT:
        wb_u8(r);
        emit(c, c->byte);
        pop(c, T_V128);
        push(c, scalar, 0, 0);
        break;
    case S_REPLACE:
        wb_u8(r);
        emit(c, c->byte);
        pop(c, scalar);
        pop(c, T_V128);
        push(c, T_V128, 0, 0);
        break;
    case S_LOAD_LANE:
    case S_STORE_LANE:
        simd_memarg(c, r);
        wb_u8(r);
        pop(c, T_V128);
        pop(c, T_I32);
        emit(c, c->byte);
        if (kind == S_LOAD_LANE)
            push(c, T_V128, 0, 0);
        break;
    default:
        c->ok = 0; /* relaxed SIMD or a gap: WAMR's loader refuses it */
    }
}

/* copy_params_to_dynamic_space pops the params one by one, each releasing
 * its dynamic slot by the rule of wasm_loader_pop_frame_offset */
static void drop_params(fi_ctx *c, const fi_type *ft)
{
    uint32_t i;
    for (i = ft->np; i-- > 0;)
        drop_cells(c, cells_of(ft->params[i]));
}

static void block_op(fi_ctx *c, wb_cursor *r, uint8_t op)
{
    int64_t bt;
    int is_type = 0, cond = 1;
    uint8_t v = 0x40;
    uint32_t ti = 0, np = 0, i;
    const fi_type *ft = NULL;
    unsigned pcells = 0;
    size_t base, have;
    fi_block *b;

    if (op == 0x04) {
        cond = !(avail(c) == 0 && top(c)->poly);
        preserve_for_block(c);
        pop(c, T_I32);
    } else {
        preserve_for_block(c);
    }
    bt = wb_sleb_fast(r, 33);
    if (bt >= 0) {
        if ((uint64_t)bt >= c->type_count) {
            c->ok = 0;
            return;
        }
        is_type = 1;
        ti = (uint32_t)bt;
        ft = &c->types[ti];
        np = ft->np;
        pcells = cell_sum(ft->params, np);
    } else {
        v = (uint8_t)(bt & 0x7f);
    }
    /* the params leave the parent block's stack and enter the new one; in
     * unreachable code the loader makes up missing ones with offset 0 */
    have = avail(c);
    if (pcells > have && !top(c)->poly) {
        c->ok = 0;
        return;
    }
    base = c->n - (pcells < have ? pcells : have);
    c->n = base;
    push_block(c, op == 0x02 ? 1 : op == 0x03 ? 2 : 3, is_type, v, ti);
    if (!c->ok || stack_room(c, pcells))
        return;
    b = top(c);
    {
        size_t k = base;
        for (i = 0; i < np; i++) {
            unsigned nc = cells_of(ft->params[i]), j;
            for (j = 0; j < nc; j++, k++) {
                if (k >= base + have)
                    c->st[k].off = j ? OFF_NONE : 0;
                c->st[k].t = j ? T_CELL2 : ft->params[i];
            }
        }
    }
    c->n = base + pcells; /* the cells hold the params */
    if (op != 0x04) {
        back(c, c->label);
        if (np) {
            drop_params(c, ft); /* popped without emitting, then copied */
            emit(c, c->label + 8 + (int64_t)np * (c->byte + 2));
            if (op == 0x03)
                b->start_dyn = c->dyn;
            for (i = 0; i < np; i++)
                push(c, ft->params[i], 0, 0);
        }
        return;
    }
    if (np) {
        size_t capsaved = c->capsaved, k;
        if (cond)
            back(c, 2);
        back(c, c->label);
        drop_params(c, ft);
        emit(c, c->label + 8 + (int64_t)(np + 1) * (c->byte + 2));
        for (i = 0; i < np; i++)
            push(c, ft->params[i], 0, 0);
        push(c, T_I32, 0, 0);
        emit(c, c->label);
        drop_cells(c, 1);
        emit(c, 2);
        if (wb_interp_grow((void **)&c->saved, &capsaved, c->nsaved + pcells, sizeof(int32_t))) {
            c->ok = 0;
            return;
        }
        c->capsaved = capsaved;
        b->saved_at = c->nsaved;
        b->saved_n = pcells;
        for (k = 0; k < pcells; k++)
            c->saved[c->nsaved++] = c->st[c->n - pcells + k].off;
    }
    b->start_dyn = c->dyn;
    emit(c, 2 * (int64_t)c->label);
    add_patches(c, b, 2);
}

static void else_op(fi_ctx *c)
{
    fi_block *b = top(c);
    const uint8_t *ps;
    uint32_t np = bt_params(c, b, &ps), i;
    check_block_stack(c, b);
    b->has_else = 1;
    reserve_ret(c, b, 1);
    emit(c, c->label);
    /* apply_label_patch frees the else patch, the end patch is added */
    reset_stack(c);
    b->poly = 0;
    if (np) {
        size_t k;
        if (stack_room(c, b->saved_n))
            return;
        for (k = 0; k < b->saved_n; k++)
            c->st[c->n + k].off = c->saved[b->saved_at + k];
        for (i = 0; i < np; i++) {
            unsigned nc = cells_of(ps[i]), j;
            c->st[c->n].t = ps[i];
            for (j = 1; j < nc; j++)
                c->st[c->n + j].t = T_CELL2;
            c->n += nc;
        }
    }
    c->dyn = b->start_dyn;
}

static void end_op(fi_ctx *c, uint32_t fn_results, const uint8_t *rtypes)
{
    fi_block b = *top(c);
    check_block_stack(c, top(c));
    b = *top(c);
    if (b.kind == 3 && b.saved_n)
        c->nsaved = b.saved_at;
    c->patches -= b.patches < c->patches ? b.patches : c->patches;
    c->ncsp--;
    c->cur = &c->csp[c->ncsp ? c->ncsp - 1 : 0];
    back(c, c->label);
    reserve_ret(c, &b, 0);
    if (c->ncsp == 0) {
        uint32_t i;
        emit(c, c->label);
        for (i = fn_results; i-- > 0;) {
            unsigned nc = cells_of(rtypes[i]);
            if (c->n <= b.height && b.poly)
                continue;
            drop_cells(c, nc);
            emit(c, 2);
        }
    }
}

FI_INLINE int local_index(fi_ctx *c, wb_cursor *r, size_t nlocals, size_t *li)
{
    uint64_t v = wb_uleb_fast(r, 32); /* a failed read is caught after the walk */
    if (v >= nlocals) {
        c->ok = 0;
        return -1;
    }
    *li = (size_t)v;
    return 0;
}

/* One function body: [p, end) after the local declarations. */
static void walk_function(fi_ctx *c, wb_cursor *r, uint32_t type, size_t nlocals)
{
    const fi_type *ft = &c->types[type];
    uint8_t last = 0;
    int64_t dummy;
    const uint8_t *first = r->p;

    c->n = 0;
    c->ncsp = 0;
    c->nsaved = 0;
    c->dyn = c->maxdyn = c->start_dyn;
    c->size_now = c->size_peak = 0;
    c->const_cells = 0;
    c->v128_consts = 0;
    c->preserved_cells = 0;
    c->const_cells_bits = 0;
    c->pool32 = c->pool64 = 0;
    c->max_n = c->max_csp = 0;
    c->patches = c->max_patches = 0;
    kset_reset(c);
    push_block(c, 0, 1, 0, type);
    c->max_csp = 0; /* nesting is counted at instruction ends (see below) */
    /* a failed read is caught after the loop (every read is bounded and
     * every instruction advances p, so the loop ends) */
    while (c->ok && r->p < r->end) {
        uint8_t op = *r->p++; /* the loop condition checked p < end */
        size_t li;
        c->work++;
        emit(c, c->label);
        switch (op) {
        case 0x00:
            reset_stack(c);
            top(c)->poly = 1;
            break;
        case 0x01:
            back(c, c->label);
            break;
        case 0x02: case 0x03: case 0x04:
            block_op(c, r, op);
            break;
        case 0x05:
            if (top(c)->kind != 3) {
                c->ok = 0;
                break;
            }
            else_op(c);
            break;
        case 0x0b:
            if (top(c)->kind == 3 && !top(c)->has_else) {
                /* if without else: WAMR inserts the else, then sees end again */
                else_op(c);
                emit(c, c->label);
            }
            end_op(c, ft->nr, ft->results);
            if (c->ncsp == 0 && r->p < r->end)
                c->ok = 0; /* code after the function's final end */
            break;
        case 0x0c:
            check_br(c, (uint32_t)wb_uleb_fast(r, 32), BR_PLAIN);
            reset_stack(c);
            top(c)->poly = 1;
            break;
        case 0x0d:
            pop(c, T_I32);
            check_br(c, (uint32_t)wb_uleb_fast(r, 32), BR_IF);
            break;
        case 0x0e: {
            uint64_t n = wb_uleb_fast(r, 32), k;
            emit(c, 4);
            pop(c, T_I32);
            if (n > wb_cursor_left(r)) {
                c->ok = 0;
                break;
            }
            for (k = 0; k <= n && c->ok && r->ok; k++)
                check_br(c, (uint32_t)wb_uleb_fast(r, 32), BR_TABLE);
            reset_stack(c);
            top(c)->poly = 1;
            break;
        }
        case 0x0f: {
            uint32_t i;
            for (i = ft->nr; i-- > 0;)
                pop(c, ft->results[i]);
            reset_stack(c);
            top(c)->poly = 1;
            break;
        }
        case 0x10: case 0x12: {
            uint64_t f = wb_uleb_fast(r, 32);
            emit(c, 4);
            if (f >= c->func_total) {
                c->ok = 0;
                break;
            }
            call_sig(c, c->func_type[f], op == 0x12);
            break;
        }
        case 0x11: case 0x13: {
            uint64_t t = wb_uleb_fast(r, 32);
            wb_uleb_fast(r, 32);
            if (c->tail_call_build)
                emit(c, c->byte);
            emit(c, 8);
            pop(c, T_I32);
            call_sig(c, (uint32_t)(t < c->type_count ? t : c->type_count), op == 0x13);
            break;
        }
        case 0x1a:
            back(c, c->label);
            if (avail(c) > 0) {
                uint8_t t = top_type(c);
                drop_cells(c, t == T_ANY ? 1 : cells_of(t));
            }
            break;
        case 0x1b: case 0x1c: {
            if (op == 0x1c) {
                uint64_t n = wb_uleb_fast(r, 32), k;
                for (k = 0; k < n && r->ok; k++)
                    wb_u8(r);
            }
            pop(c, T_I32);
            if (avail(c) > 0) {
                uint8_t t = top_type(c);
                pop(c, t);
                pop(c, t);
                push(c, t, 0, 0);
            } else {
                push(c, T_ANY, 0, 0);
            }
            break;
        }
        case 0x20:
            if (local_index(c, r, nlocals, &li))
                break;
            back(c, c->label);
            push(c, c->ltype[li], 1, c->loff[li]);
            break;
        case 0x21: case 0x22: {
            int pres;
            int32_t lo;
            uint8_t t;
            if (local_index(c, r, nlocals, &li))
                break;
            lo = c->loff[li];
            t = c->ltype[li];
            if (op == 0x22 && top(c)->poly) {
                /* TEE_LOCAL in unreachable code: a fake pop and a real push
                 * of the offset, both emitted */
                pop(c, t);
                push(c, t, 0, 0);
            }
            pres = preserve_local(c, lo, t);
            if (op == 0x21) {
                if (lo < 256) {
                    back(c, c->label);
                    if (!pres && c->last_out[last] == 1 && avail(c) >= 1) {
                        c->n -= 1;
                        c->dyn -= 1;
                    } else if (!pres && c->last_out[last] == 2 && avail(c) >= 2) {
                        c->n -= 2;
                        c->dyn -= 2;
                    } else {
                        emit(c, c->label + c->byte);
                        pop(c, t);
                    }
                } else {
                    emit(c, 4);
                    pop(c, t);
                }
            } else {
                if (lo < 256)
                    emit(c, c->byte);
                else
                    emit(c, 4);
                emit(c, 2);
            }
            break;
        }
        case 0x23: case 0x24: {
            uint64_t g = wb_uleb_fast(r, 32);
            emit(c, 4);
            if (g >= c->global_total) {
                c->ok = 0;
                break;
            }
            if (op == 0x23)
                push(c, c->global_type[g], 0, 0);
            else
                pop(c, c->global_type[g]);
            break;
        }
        case 0x25: case 0x26: /* table.get / table.set */
            wb_uleb_fast(r, 32);
            emit(c, 4);
            if (op == 0x25) {
                pop(c, T_I32);
                push(c, T_FUNCREF, 0, 0);
            } else {
                pop(c, T_FUNCREF);
                pop(c, T_I32);
            }
            break;
        case 0x3f: case 0x40:
            wb_uleb_fast(r, 32);
            if (op == 0x40)
                pop(c, T_I32);
            push(c, T_I32, 0, 0);
            break;
        case 0x41:
            dummy = wb_sleb_fast(r, 32);
            on_const(c, T_I32, (uint64_t)(uint32_t)dummy);
            break;
        case 0x42:
            dummy = wb_sleb_fast(r, 64);
            on_const(c, T_I64, (uint64_t)dummy);
            break;
        case 0x43:
            on_const(c, T_F32, wb_le(r, 4));
            break;
        case 0x44:
            on_const(c, T_F64, wb_le(r, 8));
            break;
        case 0xd0: /* ref.null t */
            wb_u8(r);
            push(c, T_FUNCREF, 0, 0);
            break;
        case 0xd1: /* ref.is_null */
            if (avail(c) > 0)
                pop(c, top_type(c));
            push(c, T_I32, 0, 0);
            break;
        case 0xd2: /* ref.func */
            wb_uleb_fast(r, 32);
            emit(c, 4);
            push(c, T_FUNCREF, 0, 0);
            break;
        case 0xfc:
            misc_op(c, r);
            break;
        case 0xfd:
            simd_op(c, r);
            break;
        case 0xfe:
            atomic_op(c, r);
            break;
        default:
            if (op >= 0x28 && op <= 0x3e) {
                uint64_t align = wb_uleb_fast(r, 32);
                if (align & 0x40) /* multi-memory index: not modelled */
                    c->ok = 0;
                wb_uleb_fast(r, 64);
                emit(c, 4);
                if (op <= 0x35) {
                    pop(c, T_I32);
                    push(c, wb_load_type(op), 0, 0);
                } else {
                    pop(c, wb_store_type(op));
                    pop(c, T_I32);
                }
            } else if (op >= 0x45 && op <= 0xc4) {
                uint8_t tin = c->num_in[op];
                pop(c, tin);
                if (c->num_n[op] == 2)
                    pop(c, tin);
                push(c, c->num_out[op], 0, 0);
            } else {
                c->ok = 0; /* exceptions, GC: not run by the fast interpreter */
            }
        }
        last = op;
        if (c->n > c->max_n)
            c->max_n = c->n;
    }
    /* Nesting at instruction ends: push_block raises max_csp for blocks;
     * the function's own frame is open at the end of every instruction but
     * the final end. */
    if (r->p > first && first[0] != 0x0b && c->max_csp < 1)
        c->max_csp = 1;
    /* the work bound: one unit per instruction plus the preserve scans,
     * over the whole module (the scans also stop early, see preserve_local) */
    if (c->work > c->work_limit)
        c->ok = 0;
    if (c->size_now > c->size_peak)
        c->size_peak = c->size_now;
    if (c->ncsp != 0 || !r->ok)
        c->ok = 0;
}

static int read_locals(fi_ctx *c, wb_cursor *b, const fi_type *ft, size_t *nlocals)
{
    uint64_t groups = wb_uleb(b, 32), g, total = ft->np;
    const uint8_t *save = b->p;
    size_t i, k;
    int32_t o = 0;
    size_t capl = c->capl, capl2 = c->capl;
    /* first pass: count (capped against what a body can declare) */
    for (g = 0; g < groups && b->ok; g++) {
        total += wb_uleb(b, 32);
        wb_u8(b);
        if (total > 100000) /* WAMR's own limit is far below this */
            return -1;
    }
    if (!b->ok)
        return -1;
    if (wb_interp_grow((void **)&c->ltype, &capl, total + 1, 1) ||
        wb_interp_grow((void **)&c->loff, &capl2, total + 1, sizeof(int32_t)))
        return -1;
    c->capl = capl < capl2 ? capl : capl2;
    for (i = 0; i < ft->np; i++)
        c->ltype[i] = ft->params[i];
    b->p = save;
    for (g = 0; g < groups; g++) {
        uint64_t cnt = wb_uleb(b, 32);
        uint8_t t = wb_u8(b);
        for (k = 0; k < cnt; k++)
            c->ltype[i++] = t;
    }
    for (k = 0; k < total; k++) {
        c->loff[k] = o;
        o += (int32_t)cells_of(c->ltype[k]);
    }
    c->start_dyn = o;
    *nlocals = (size_t)total;
    return 0;
}

static uint64_t pow2_at_least(uint64_t n)
{
    uint64_t p = 8;
    while (p < n)
        p *= 2;
    return p;
}

/*
 * Loader scratch of one function (wasm_loader_ctx_init and the growth in
 * check_stack_push, CHECK_CSP_PUSH, add_label_patch_to_list and the
 * constant buffers), doubled where a buffer is grown by reallocation (old
 * and new block live at once).  Pointer-sized fields are taken as a label:
 * operand stacks 1 + 2 B per cell; a control frame 16 labels; a label
 * patch 3 labels; constants either 24 B per distinct entry (rule a) or
 * 4/8 B per pooled entry with doubling capacity (rule b), whichever is more.
 */
static uint64_t function_scratch(const fi_ctx *c)
{
    uint64_t stacks = 2 * 3 * ((uint64_t)c->max_n + 48);
    uint64_t frames = 2 * 16 * (uint64_t)c->label * ((uint64_t)c->max_csp + 8);
    uint64_t patches = 3 * (uint64_t)c->label * c->max_patches;
    uint64_t ka = 2 * 24 * ((uint64_t)c->kcount + 8);
    uint64_t kb = 2 * (4 * pow2_at_least(c->pool32) + 8 * pow2_at_least(c->pool64));
    return stacks + frames + patches + (ka > kb ? ka : kb);
}

/*
 * The cells of the function's interpreter frame (wasm_interp_call_func_bytecode):
 * its constant area, params and locals (start_dyn), and the loader's
 * max_stack_cell_num = preserved_local_offset - start_dynamic_offset + 1,
 * where preserved_local_offset starts at the highest dynamic offset and grows
 * by each preserved local (wasm_loader_ctx_reinit, preserve_referenced_local).
 */
static uint32_t frame_cells(const fi_ctx *c)
{
    uint64_t consts = c->consts_by_bits ? c->const_cells_bits : c->const_cells;
    uint64_t n = consts + (uint64_t)(c->maxdyn > 0 ? c->maxdyn : 0) + c->preserved_cells + 1;
    return n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
}

/* A part's own scratch. */
static void fi_free(fi_ctx *c)
{
    free(c->st);
    free(c->csp);
    free(c->saved);
    free(c->ltype);
    free(c->loff);
    free(c->kset);
}

/* One replay over the bodies [first, last) of the code section, the first of
 * which starts at `at`: a context of its own (the module's tables shared), so
 * the parts of a module can run at the same time.  Sums and maxima go to
 * part; work to *work. */
typedef struct fi_range {
    const fi_ctx *module;
    uint32_t *frame_cells;    /* NULL, or per defined function (whole module) */
    const uint8_t *at, *code_end;
    uint64_t first, last;     /* defined-function numbering */
    uint64_t work;
    wb_fast_interp_size part;
    int rc;
} fi_range;

static void replay_range(void *ctx, unsigned index)
{
    fi_range *r = (fi_range *)ctx + index;
    fi_ctx c = *r->module;
    wb_cursor s;
    uint64_t i;

    r->rc = -1;
    memset(&r->part, 0, sizeof r->part);
    s = wb_cursor_make(c.data, c.size);
    s.p = r->at;
    s.end = r->code_end;
    for (i = r->first; i < r->last; i++) {
        uint64_t len = wb_uleb(&s, 32);
        wb_cursor b = wb_cursor_sub(&s, len);
        uint32_t type = c.func_type[c.import_funcs + i];
        size_t nlocals = 0;
        if (!s.ok || read_locals(&c, &b, &c.types[type], &nlocals))
            goto done;
        walk_function(&c, &b, type, nlocals);
        if (!c.ok)
            goto done;
        if (r->frame_cells)
            r->frame_cells[i] = frame_cells(&c);
        r->part.code_bytes += (uint64_t)c.size_peak;
        r->part.const_bytes += 4 * c.const_cells;
        /* a loader that pools v128 constants allocates an area for them */
        if (c.const_cells || c.v128_consts)
            r->part.const_allocs++;
        if ((uint64_t)c.size_peak > r->part.max_function_code)
            r->part.max_function_code = (uint64_t)c.size_peak;
        if (function_scratch(&c) > r->part.max_function_scratch)
            r->part.max_function_scratch = function_scratch(&c);
    }
    r->rc = 0;
done:
    r->work = c.work;
    fi_free(&c);
}

int wb_fast_interp_replay(const uint8_t *data, size_t size, const wb_wasm_facts *f,
                          unsigned label_bytes, unsigned byte_bytes, wb_fast_interp_size *out)
{
    return wb_fast_interp_replay_frames(data, size, f, label_bytes, byte_bytes, 0, out, NULL);
}

int wb_fast_interp_replay_frames(const uint8_t *data, size_t size, const wb_wasm_facts *f,
                                 unsigned label_bytes, unsigned byte_bytes, int consts_by_bits,
                                 wb_fast_interp_size *out, uint32_t *frame_cells)
{
    fi_range range[WB_PAR_PARTS_MAX];
    wb_body_part cut[WB_PAR_PARTS_MAX];
    wb_cursor s;
    uint64_t n, work = 0;
    unsigned parts, k;
    /* the preserve scans are O(stack depth) as in WAMR; bound the total */
    uint64_t work_limit = 64 * (uint64_t)size + 10000000u;

    memset(out, 0, sizeof *out);
    /* exceptions and relaxed SIMD are left to the walk, which gives up on
     * the first opcode the fast interpreter does not run; 64-bit and
     * multiple memories change operand types and immediates everywhere and
     * are not replayed (the walk also gives up on a memory index in a
     * memarg) */
    if (f->memory_total > 1 || (f->memory_total == 1 && f->memory.is64))
        return -1;
    if (!f->section_offset[10])
        return 0;
    if (f->section_offset[10] > size || f->section_bytes[10] > size - f->section_offset[10])
        return -1;
    s = wb_cursor_make(data, size);
    s.p = data + f->section_offset[10];
    s.end = s.p + f->section_bytes[10];
    n = wb_uleb(&s, 32);
    if (!s.ok || n != f->func_count)
        return -1;

    /* the module's tables, read once; the parts copy this context */
    fi_ctx module;
    memset(&module, 0, sizeof module);
    module.data = data;
    module.size = size;
    module.label = label_bytes;
    module.byte = byte_bytes;
    module.ok = 1;
    init_tables(&module);
    module.tail_call_build = f->ops.op[0x12] + f->ops.op[0x13] > 0;
    module.consts_by_bits = consts_by_bits;
    module.work_limit = work_limit;
    module.import_funcs = f->import_func_count;
    wb_interp_tables tables;
    if (wb_interp_tables_read(data, size, f, &tables) != 0)
        return -1;
    module.types = tables.types;
    module.type_count = tables.type_count;
    module.func_type = tables.func_type;
    module.func_total = tables.func_total;
    module.global_type = tables.global_type;
    module.global_total = tables.global_total;

    /* the functions are independent: the parts' sums are those of one walk */
    parts = wb_wasm_body_parts(data, size, f, wb_par_part_bytes(), cut);
    if (parts == 0) {
        parts = 1;
        cut[0].first = 0;
        cut[0].at = s.p;
    }
    for (k = 0; k < parts; k++) {
        range[k].module = &module;
        range[k].frame_cells = frame_cells;
        range[k].code_end = s.end;
        range[k].at = cut[k].at;
        range[k].first = cut[k].first;
        range[k].last = k + 1 < parts ? cut[k + 1].first : n;
    }
    wb_par_run(parts, replay_range, range);
    wb_interp_tables_free(&tables);
    for (k = 0; k < parts; k++) {
        const wb_fast_interp_size *p = &range[k].part;
        if (range[k].rc != 0)
            return -1;
        out->code_bytes += p->code_bytes;
        out->const_bytes += p->const_bytes;
        out->const_allocs += p->const_allocs;
        if (p->max_function_code > out->max_function_code)
            out->max_function_code = p->max_function_code;
        if (p->max_function_scratch > out->max_function_scratch)
            out->max_function_scratch = p->max_function_scratch;
        work += range[k].work;
    }
    /* the same limit as one pass over the whole module */
    if (work > work_limit)
        return -1;
    return 0;
}
