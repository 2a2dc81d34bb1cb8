/* WebAssembly function bodies: instruction decoding and the per-body scan behind the code facts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/wasm_reader.h"

/*
 * Immediate kinds of the single-byte opcodes.  One table lookup tells the
 * decoder how to skip an instruction; the spec's binary format (5.4) and the
 * threads, SIMD, exception-handling and tail-call proposals define them.
 */
enum {
    K_BAD,       /* not an opcode */
    K_NONE,      /* no immediate */
    K_BLOCK,     /* block type (s33) */
    K_U32,       /* one u32: label or tag index */
    K_LOCAL,     /* one u32 the scan bounds: local index */
    K_GLOBAL,    /* one u32 the scan bounds: global index */
    K_IDX,       /* one u32 the scan bounds: table index, ref.func function index */
    K_ELSE,      /* else: no immediate, only directly inside an if */
    K_END,       /* end: no immediate, closes a block */
    K_U32S,      /* one u32 with facts beyond the count: call, return_call, delegate */
    K_U32X2,     /* two u32: call_indirect type + table */
    K_BR_TABLE,  /* vec(label) + default label */
    K_MEMARG,    /* align (+ memory index when bit 6) + offset */
    K_MEMIDX,    /* memory.size / memory.grow: memory index */
    K_I32,
    K_I64,
    K_F32,
    K_F64,
    K_SELECT_T,  /* vec(valtype) */
    K_REF_NULL,  /* heap type */
    K_TRY_TABLE, /* block type + vec(catch clause) */
    K_FC,
    K_FD,
    K_FE
};

#define N_ K_NONE
#define B_ K_BAD
#define U_ K_U32
#define M_ K_MEMARG
#define I_ K_IDX
#define L_ K_LOCAL
#define G_ K_GLOBAL
static const uint8_t op_kind[256] = {
    /* 0x00 */ N_, N_, K_BLOCK, K_BLOCK, K_BLOCK, K_ELSE, K_BLOCK, U_, U_, U_, N_, K_END, U_, U_, K_BR_TABLE, N_,
    /* 0x10 */ K_U32S, K_U32X2, K_U32S, K_U32X2, B_, B_, B_, B_, K_U32S, N_, N_, N_, K_SELECT_T, B_, B_, K_TRY_TABLE,
    /* 0x20 */ L_, L_, L_, G_, G_, I_, I_, B_, M_, M_, M_, M_, M_, M_, M_, M_,
    /* 0x30 */ M_, M_, M_, M_, M_, M_, M_, M_, M_, M_, M_, M_, M_, M_, M_, K_MEMIDX,
    /* 0x40 */ K_MEMIDX, K_I32, K_I64, K_F32, K_F64, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_,
    /* 0x50 */ N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_,
    /* 0x60 */ N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_,
    /* 0x70 */ N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_,
    /* 0x80 */ N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_,
    /* 0x90 */ N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_,
    /* 0xA0 */ N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_,
    /* 0xB0 */ N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_,
    /* 0xC0 */ N_, N_, N_, N_, N_, B_, B_, B_, B_, B_, B_, B_, B_, B_, B_, B_,
    /* 0xD0 */ K_REF_NULL, N_, I_, B_, B_, B_, B_, B_, B_, B_, B_, B_, B_, B_, B_, B_,
    /* 0xE0 */ B_, B_, B_, B_, B_, B_, B_, B_, B_, B_, B_, B_, B_, B_, B_, B_,
    /* 0xF0 */ B_, B_, B_, B_, B_, B_, B_, B_, B_, B_, B_, B_, K_FC, K_FD, K_FE, B_,
};
#undef N_
#undef B_
#undef U_
#undef M_
#undef I_
#undef L_
#undef G_

/* Feature each single-byte opcode needs (proposals merged after the MVP). */
#define RT WB_FEAT_REFERENCE_TYPES
#define EH WB_FEAT_EXCEPTIONS
#define TC WB_FEAT_TAIL_CALL
#define SE WB_FEAT_SIGN_EXT
static const uint16_t op_feature[256] = {
    /* 0x00 */ 0, 0, 0, 0, 0, 0, EH, EH, EH, EH, EH, 0, 0, 0, 0, 0,
    /* 0x10 */ 0, 0, TC, TC, 0, 0, 0, 0, EH, EH, 0, 0, RT, 0, 0, EH,
    /* 0x20 */ 0, 0, 0, 0, 0, RT, RT, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0x30 .. 0xB0 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0xC0 */ SE, SE, SE, SE, SE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0xD0 */ RT, RT, RT, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0xE0 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0xF0 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, WB_FEAT_SIMD, WB_FEAT_ATOMICS, 0,
};
#undef RT
#undef EH
#undef TC
#undef SE

/* Static messages, so a failed cursor can carry them (cursor.h keeps a pointer). */
#define WB_UNK(h, l) "unknown opcode 0x" #h #l
#define WB_UNK_ROW(h)                                                                          \
    WB_UNK(h, 0), WB_UNK(h, 1), WB_UNK(h, 2), WB_UNK(h, 3), WB_UNK(h, 4), WB_UNK(h, 5),        \
        WB_UNK(h, 6), WB_UNK(h, 7), WB_UNK(h, 8), WB_UNK(h, 9), WB_UNK(h, a), WB_UNK(h, b),    \
        WB_UNK(h, c), WB_UNK(h, d), WB_UNK(h, e), WB_UNK(h, f)
static const char *const unknown_op_msg[256] = {
    WB_UNK_ROW(0), WB_UNK_ROW(1), WB_UNK_ROW(2), WB_UNK_ROW(3), WB_UNK_ROW(4), WB_UNK_ROW(5),
    WB_UNK_ROW(6), WB_UNK_ROW(7), WB_UNK_ROW(8), WB_UNK_ROW(9), WB_UNK_ROW(a), WB_UNK_ROW(b),
    WB_UNK_ROW(c), WB_UNK_ROW(d), WB_UNK_ROW(e), WB_UNK_ROW(f)};
#undef WB_UNK_ROW
#undef WB_UNK

static const char msg_unknown_fc[] = "unknown opcode 0xfc (misc) sub-opcode";
static const char msg_unknown_fd[] = "unknown opcode 0xfd (SIMD) sub-opcode";
static const char msg_unknown_fe[] = "unknown opcode 0xfe (atomics) sub-opcode";

/* ---- LEB128 with a one-byte fast path (most immediates are < 128) ---- */

static inline uint32_t get_u32(wb_cursor *c) { return (uint32_t)wb_uleb_fast(c, 32); }
static inline uint64_t get_u64(wb_cursor *c) { return wb_uleb_fast(c, 64); }
static inline int64_t get_s(wb_cursor *c, unsigned bits) { return wb_sleb_fast(c, bits); }

static inline void skip_bytes(wb_cursor *c, size_t n)
{
    if (!c->ok || n > wb_cursor_left(c)) {
        wb_cursor_fail(c, "unexpected end of data");
        return;
    }
    c->p += n;
}

/* Value types a body, a block or a typed select may name (single byte). */
int wb_wasm_valtype_cells(uint8_t t)
{
    switch (t) {
    case 0x7F: /* i32 */
    case 0x7D: /* f32 */
    case 0x70: /* funcref */
    case 0x6F: /* externref */
    case 0x69: /* exnref */
        return 1;
    case 0x7E: /* i64 */
    case 0x7C: /* f64 */
        return 2;
    case 0x7B: /* v128 */
        return 4;
    default:
        return 0;
    }
}

/* memarg: align, then a memory index when align has bit 6 (multi-memory),
 * then the offset (u64 so that memory64 offsets are read, not misread). */
static inline void get_memarg(wb_cursor *c, wb_insn *in)
{
    uint32_t align = get_u32(c);
    in->imm1 = 0;
    if (align & 0x40)
        in->imm1 = get_u32(c);
    in->imm0 = get_u64(c);
    in->sval = (int64_t)(align & ~0x40u);
}

/* Block types are s33: 0x40 (empty) = -64, a value type = its negative
 * one-byte code, or a non-negative type index (multi-value). */
static inline void get_blocktype(wb_cursor *c, wb_insn *in)
{
    int64_t bt = get_s(c, 33);
    if (bt < 0 && bt != -64 && !wb_wasm_valtype_cells((uint8_t)(bt + 128)))
        wb_cursor_fail(c, "bad block type");
    in->sval = bt;
}

/* SIMD sub-opcodes (0xFD): immediates by number.  Gaps in the final SIMD
 * opcode space are rejected, relaxed SIMD is 0x100..0x113. */
enum { FD_BAD, FD_NONE, FD_MEMARG, FD_V128, FD_LANE, FD_MEMARG_LANE };

static int fd_kind(uint32_t sub)
{
    if (sub <= 11 || sub == 92 || sub == 93)
        return FD_MEMARG;
    if (sub == 12 || sub == 13)
        return FD_V128;
    if (sub >= 21 && sub <= 34)
        return FD_LANE;
    if (sub >= 84 && sub <= 91)
        return FD_MEMARG_LANE;
    switch (sub) {
    case 0x9A: case 0xA2: case 0xA5: case 0xA6: case 0xAF: case 0xB0: case 0xB2:
    case 0xB3: case 0xB4: case 0xBB: case 0xC2: case 0xC5: case 0xC6: case 0xCF:
    case 0xD0: case 0xD2: case 0xD3: case 0xD4: case 0xE2: case 0xEE:
        return FD_BAD;
    default:
        break;
    }
    if (sub <= 0xFF || (sub >= 0x100 && sub <= 0x113))
        return FD_NONE;
    return FD_BAD;
}

static void decode_fc(wb_cursor *c, wb_insn *in)
{
    uint32_t sub = get_u32(c);
    in->sub = sub;
    if (!c->ok)
        return;
    if (sub <= 7)
        return; /* saturating truncations */
    switch (sub) {
    case 8:  /* memory.init data, memory */
    case 12: /* table.init elem, table */
    case 14: /* table.copy dst, src */
    case 10: /* memory.copy dst, src */
        in->imm0 = get_u32(c);
        in->imm1 = get_u32(c);
        return;
    case 9:  /* data.drop */
    case 11: /* memory.fill */
    case 13: /* elem.drop */
    case 15: /* table.grow */
    case 16: /* table.size */
    case 17: /* table.fill */
        in->imm0 = get_u32(c);
        return;
    default:
        c->p = c->base + in->offset;
        wb_cursor_fail(c, msg_unknown_fc);
        return;
    }
}

static void decode_fd(wb_cursor *c, wb_insn *in)
{
    uint32_t sub = get_u32(c);
    in->sub = sub;
    if (!c->ok)
        return;
    switch (fd_kind(sub)) {
    case FD_NONE:
        return;
    case FD_MEMARG:
        get_memarg(c, in);
        return;
    case FD_V128: /* v128.const / i8x16.shuffle: 16 immediate bytes */
        skip_bytes(c, 16);
        return;
    case FD_LANE:
        in->imm1 = wb_u8(c);
        return;
    case FD_MEMARG_LANE:
        get_memarg(c, in);
        in->imm1 = wb_u8(c);
        return;
    default:
        c->p = c->base + in->offset;
        wb_cursor_fail(c, msg_unknown_fd);
        return;
    }
}

static void decode_fe(wb_cursor *c, wb_insn *in)
{
    uint32_t sub = get_u32(c);
    in->sub = sub;
    if (!c->ok)
        return;
    if (sub == 0x03) { /* atomic.fence: one reserved zero byte */
        if (wb_u8(c) != 0 && c->ok) {
            c->p--;
            wb_cursor_fail(c, "atomic.fence expects a zero byte");
        }
        return;
    }
    if (sub <= 0x02 || (sub >= 0x10 && sub <= 0x4E)) {
        get_memarg(c, in);
        return;
    }
    c->p = c->base + in->offset;
    wb_cursor_fail(c, msg_unknown_fe);
}

static inline void decode_insn(wb_cursor *c, wb_insn *in)
{
    uint8_t op;
    in->offset = wb_cursor_offset(c);
    in->sub = 0;
    in->imm0 = 0;
    in->imm1 = 0;
    in->sval = 0;
    in->wide_table = 0;
    op = wb_u8(c);
    in->opcode = op;
    if (!c->ok)
        return;
    switch (op_kind[op]) {
    case K_NONE:
    case K_ELSE:
    case K_END:
        return;
    case K_U32:
    case K_U32S:
    case K_LOCAL:
    case K_GLOBAL:
    case K_IDX:
        in->imm0 = get_u32(c);
        return;
    case K_BLOCK:
        get_blocktype(c, in);
        return;
    case K_U32X2: {
        in->imm0 = get_u32(c);
        const uint8_t *at = c->p;
        in->imm1 = get_u32(c);
        in->wide_table = !(c->ok && c->p == at + 1 && *at == 0x00);
        return;
    }
    case K_MEMARG:
        get_memarg(c, in);
        return;
    case K_I32:
        in->sval = get_s(c, 32);
        return;
    case K_I64:
        in->sval = get_s(c, 64);
        return;
    case K_F32:
        skip_bytes(c, 4);
        return;
    case K_F64:
        skip_bytes(c, 8);
        return;
    case K_MEMIDX:
        in->imm0 = get_u32(c);
        return;
    case K_BR_TABLE: {
        /* each label is at least one byte: a count beyond what remains fails */
        uint32_t n = get_u32(c);
        if (c->ok && n > wb_cursor_left(c)) {
            wb_cursor_fail(c, "br_table label count runs past the end of the body");
            return;
        }
        for (uint32_t i = 0; i < n && c->ok; i++)
            (void)get_u32(c);
        in->imm0 = n;
        in->imm1 = get_u32(c);
        return;
    }
    case K_SELECT_T: {
        uint32_t n = get_u32(c);
        in->imm0 = n; /* count_insn wants exactly one */
        if (c->ok && n > wb_cursor_left(c)) {
            wb_cursor_fail(c, "select type count runs past the end of the body");
            return;
        }
        for (uint32_t i = 0; i < n && c->ok; i++)
            if (!wb_wasm_valtype_cells(wb_u8(c)) && c->ok)
                wb_cursor_fail(c, "bad value type in select");
        in->imm0 = n;
        return;
    }
    case K_REF_NULL:
        in->sval = get_s(c, 33); /* count_insn checks the heap type */
        return;
    case K_TRY_TABLE: {
        uint32_t n;
        get_blocktype(c, in);
        n = get_u32(c);
        if (c->ok && n > wb_cursor_left(c)) {
            wb_cursor_fail(c, "try_table catch count runs past the end of the body");
            return;
        }
        for (uint32_t i = 0; i < n && c->ok; i++) {
            uint8_t kind = wb_u8(c);
            if (kind <= 1)
                (void)get_u32(c); /* tag */
            else if (kind > 3 && c->ok)
                wb_cursor_fail(c, "bad try_table catch kind");
            (void)get_u32(c); /* label */
        }
        in->imm0 = n;
        return;
    }
    case K_FC:
        decode_fc(c, in);
        return;
    case K_FD:
        decode_fd(c, in);
        return;
    case K_FE:
        decode_fe(c, in);
        return;
    default:
        c->p--;
        wb_cursor_fail(c, unknown_op_msg[op]);
        return;
    }
}

/* An unsigned LEB128 of one or two bytes at p (n bytes available); 0 when
 * longer or short of data (the general decoder then takes over). */
static inline size_t small_uleb(const uint8_t *p, size_t n, uint64_t *v)
{
    if (n >= 1 && p[0] < 0x80) {
        *v = p[0];
        return 1;
    }
    if (n >= 2 && p[1] < 0x80) {
        *v = (uint64_t)(p[0] & 0x7F) | (uint64_t)p[1] << 7;
        return 2;
    }
    return 0;
}

static inline size_t small_sleb(const uint8_t *p, size_t n, int64_t *v)
{
    uint64_t u = 0;
    size_t k = small_uleb(p, n, &u);
    if (k == 1 && (u & 0x40))
        *v = (int64_t)u - 0x80;
    else if (k == 2 && (u & 0x2000))
        *v = (int64_t)u - 0x4000;
    else
        *v = (int64_t)u;
    return k;
}

/*
 * The common instruction shapes decoded straight from the bytes: no
 * immediate, one- or two-byte LEB128 immediates, a memarg without a memory
 * index, float constants, a block with an empty or value type.  Returns the
 * instruction's length, or 0 to leave it to decode_insn (same results).
 */
static inline size_t decode_fast(const uint8_t *p, size_t left, size_t offset, wb_insn *in)
{
    uint8_t op;
    size_t k, j;
    if (left < 9) /* the longest shape handled here: f64.const */
        return 0;
    op = p[0];
    in->offset = offset;
    in->opcode = op;
    in->sub = 0;
    in->imm0 = 0;
    in->imm1 = 0;
    in->sval = 0;
    in->wide_table = 0;
    switch (op_kind[op]) {
    case K_NONE:
    case K_ELSE:
    case K_END:
        return 1;
    case K_U32:
    case K_U32S:
    case K_LOCAL:
    case K_GLOBAL:
    case K_IDX:
    case K_MEMIDX:
        k = small_uleb(p + 1, 2, &in->imm0);
        return k ? 1 + k : 0;
    case K_I32:
    case K_I64:
        k = small_sleb(p + 1, 2, &in->sval);
        return k ? 1 + k : 0;
    case K_F32:
        return 5;
    case K_F64:
        return 9;
    case K_MEMARG:
        if (p[1] >= 0x40)
            return 0;
        in->sval = p[1];
        k = small_uleb(p + 2, 2, &in->imm0);
        return k ? 2 + k : 0;
    case K_BLOCK:
        if (p[1] == 0x40 || (p[1] >= 0x7B && p[1] <= 0x7F) || p[1] == 0x70 || p[1] == 0x6F) {
            in->sval = (int64_t)p[1] - 0x80;
            return 2;
        }
        return 0;
    case K_U32X2:
        k = small_uleb(p + 1, 2, &in->imm0);
        if (!k)
            return 0;
        j = small_uleb(p + 1 + k, 2, &in->imm1);
        in->wide_table = !(j == 1 && p[1 + k] == 0x00);
        return j ? 1 + k + j : 0;
    default:
        return 0;
    }
}

void wb_wasm_decode(wb_cursor *c, wb_insn *insn)
{
    size_t k;
    if (c->ok && c->p < c->end &&
        (k = decode_fast(c->p, wb_cursor_left(c), wb_cursor_offset(c), insn)) != 0) {
        c->p += k;
        return;
    }
    decode_insn(c, insn);
}

/* ------------------------------------------------------------------------ */
/* Index lookups over the type, import and function sections, without any
 * allocation: a fixed table of seek points (every `step` entries) on the
 * stack of the scan, so a lookup parses at most step-1 entries. */

#define SEEK_POINTS 2048

typedef struct seek_index {
    const uint8_t *base;  /* file start, for cursors */
    const uint8_t *start; /* first entry */
    const uint8_t *end;   /* section end */
    uint32_t count;       /* entries (for imports: function imports) */
    uint32_t step;        /* entries between seek points; 0 = one byte each */
    uint32_t point[SEEK_POINTS];
} seek_index;

typedef struct sig {
    uint32_t params;
    uint32_t results;
    uint64_t param_cells;
} sig;

/* Skip a function type, returning its arity; cells only when asked. */
static void read_functype(wb_cursor *c, sig *s, int want_cells)
{
    uint32_t np, nr;
    s->param_cells = 0;
    if (wb_u8(c) != 0x60 && c->ok)
        wb_cursor_fail(c, "expected a function type (0x60)");
    np = get_u32(c);
    if (c->ok && np > wb_cursor_left(c)) {
        wb_cursor_fail(c, "parameter count runs past the end of the section");
        return;
    }
    if (want_cells) {
        for (uint32_t i = 0; i < np; i++)
            s->param_cells += (uint64_t)wb_wasm_valtype_cells(c->p[i]);
    }
    c->p += c->ok ? np : 0;
    nr = get_u32(c);
    skip_bytes(c, nr);
    s->params = np;
    s->results = nr;
}

/* One import entry; returns 1 and the type index when it imports a function. */
static int read_import_entry(wb_cursor *c, uint32_t *type_index)
{
    uint8_t kind;
    uint32_t len = get_u32(c);
    skip_bytes(c, len);
    len = get_u32(c);
    skip_bytes(c, len);
    kind = wb_u8(c);
    switch (kind) {
    case 0:
        *type_index = get_u32(c);
        return c->ok;
    case 1: { /* table: reftype + limits */
        uint32_t fl;
        (void)wb_u8(c);
        fl = get_u32(c);
        (void)get_u64(c);
        if (fl & 1)
            (void)get_u64(c);
        return 0;
    }
    case 2: { /* memory limits */
        uint32_t fl = get_u32(c);
        (void)get_u64(c);
        if (fl & 1)
            (void)get_u64(c);
        if (fl & 8)
            (void)get_u32(c);
        return 0;
    }
    case 3:
        (void)wb_u8(c);
        (void)wb_u8(c);
        return 0;
    case 4:
        (void)wb_u8(c);
        (void)get_u32(c);
        return 0;
    default:
        wb_cursor_fail(c, "bad import kind");
        return 0;
    }
}

static wb_cursor section_cursor(const uint8_t *data, size_t size, const wb_wasm_facts *f,
                                int id, uint32_t *count)
{
    wb_cursor c = wb_cursor_make(data, size);
    size_t off = f->section_offset[id];
    *count = 0;
    if (off == 0 || off > size || f->section_bytes[id] > size - off) {
        c.p = c.end;
        c.ok = 0;
        c.why = "section absent";
        return c;
    }
    c.p = data + off;
    c.end = c.p + f->section_bytes[id];
    *count = get_u32(&c);
    return c;
}

static void seek_build(seek_index *x, const uint8_t *data, size_t size, const wb_wasm_facts *f,
                       int id)
{
    uint32_t n;
    wb_cursor c = section_cursor(data, size, f, id, &n);
    x->base = data;
    x->start = c.p;
    x->end = c.end;
    x->count = 0;
    x->step = 1;
    if (!c.ok)
        return;
    if (id == 3 && (size_t)(c.end - c.p) == n) {
        x->count = n;
        x->step = 0; /* every type index is one byte: direct access */
        return;
    }
    if (id == 2)
        n = f->import_func_count;
    x->count = n;
    x->step = n / SEEK_POINTS + 1;
    /* record the position of entry k*step (for imports: the k*step-th function import) */
    uint32_t seen = 0;
    while (c.ok && c.p < c.end && seen < n) {
        const uint8_t *at = c.p;
        int counts = 1;
        if (id == 1) {
            sig s;
            read_functype(&c, &s, 0);
        } else if (id == 2) {
            uint32_t t;
            counts = read_import_entry(&c, &t);
        } else {
            (void)get_u32(&c);
        }
        if (counts) {
            if (seen % x->step == 0)
                x->point[seen / x->step] = (uint32_t)(at - x->start);
            seen++;
        }
    }
    if (seen < n)
        x->count = seen;
}

/* A cursor at entry i of the index, or a failed cursor. */
static wb_cursor seek_to(const seek_index *x, int id, uint32_t i)
{
    wb_cursor c;
    c.base = x->base;
    c.end = x->end;
    c.ok = 1;
    c.why = NULL;
    if (i >= x->count) {
        c.p = c.end;
        c.ok = 0;
        c.why = "index out of range";
        return c;
    }
    if (x->step == 0) {
        c.p = x->start + i;
        return c;
    }
    c.p = x->start + x->point[i / x->step];
    uint32_t skip = i % x->step;
    while (c.ok && skip > 0) {
        if (id == 1) {
            sig s;
            read_functype(&c, &s, 0);
            skip--;
        } else if (id == 2) {
            uint32_t t;
            if (read_import_entry(&c, &t))
                skip--;
        } else {
            (void)get_u32(&c);
            skip--;
        }
    }
    if (id == 2) { /* move to the next function import */
        for (;;) {
            const uint8_t *at = c.p;
            uint32_t t;
            if (!c.ok || read_import_entry(&c, &t)) {
                c.p = at;
                break;
            }
        }
    }
    return c;
}

/* Arity of the first SIG_CACHE types, remembered by the scan: calls and
 * blocks look the same few types up again and again. */
#define SIG_CACHE 256

typedef struct code_ctx {
    const uint8_t *data;
    size_t size;
    wb_wasm_facts *f;
    const uint32_t *func_types; /* type of every function, imports first; NULL: seek */
    seek_index types, imports, funcs;
    uint8_t sig_known[SIG_CACHE]; /* 0 not yet read, 1 read, 2 unreadable */
    uint32_t sig_params[SIG_CACHE];
    uint32_t sig_results[SIG_CACHE];
    /* What the scan's lean path takes of a plain load or store without a
     * closer look (see scan_expr): an alignment below align_lim[op]
     * (natural alignment + 1, or 0 when the module has no memory).
     * Anything else goes the general way, where count_insn checks it. */
    uint8_t align_lim[256];
    uint32_t body_feat;           /* WB_FEAT_* of the last body scan_expr read */
} code_ctx;

static int type_sig(code_ctx *x, uint32_t type_index, sig *s, int want_cells)
{
    int cache = !want_cells && type_index < SIG_CACHE;
    if (cache && x->sig_known[type_index]) {
        s->params = x->sig_params[type_index];
        s->results = x->sig_results[type_index];
        s->param_cells = 0;
        return x->sig_known[type_index] == 1;
    }
    wb_cursor c = seek_to(&x->types, 1, type_index);
    read_functype(&c, s, want_cells);
    if (cache) {
        x->sig_known[type_index] = c.ok ? 1 : 2;
        x->sig_params[type_index] = c.ok ? s->params : 0;
        x->sig_results[type_index] = c.ok ? s->results : 0;
    }
    return c.ok;
}

static int func_type_index(const code_ctx *x, uint32_t func_index, uint32_t *type_index)
{
    wb_cursor c;
    uint32_t nimp = x->f->import_func_count;
    if (x->func_types) {
        if ((uint64_t)func_index >= (uint64_t)nimp + x->f->func_count)
            return 0;
        *type_index = x->func_types[func_index];
        return 1;
    }
    if (func_index < nimp) {
        c = seek_to(&x->imports, 2, func_index);
        return read_import_entry(&c, type_index) && c.ok;
    }
    c = seek_to(&x->funcs, 3, func_index - nimp);
    *type_index = get_u32(&c);
    return c.ok;
}

/* ------------------------------------------------------------------------ */
/* The body scan: every instruction decoded, counted and checked. */

/* Turn a failed decode into a message that names the opcode. */
static int decode_fail(const code_ctx *x, const wb_cursor *c, const wb_insn *in, uint32_t func,
                       wb_error *err)
{
    const char *why = c->why ? c->why : "malformed instruction";
    size_t off = wb_cursor_offset(c);
    if (why == msg_unknown_fc || why == msg_unknown_fd || why == msg_unknown_fe)
        return wb_error_set(err, in->offset, "code", "unknown opcode 0x%02x 0x%x in function %u",
                            in->opcode, in->sub, func);
    if (off > x->size)
        off = x->size;
    return wb_error_set(err, off, "code", "%s (function %u, instruction at offset %zu)", why, func,
                        in->offset);
}

/*
 * Kinds of the open blocks, by depth (the opcode that opened each: 0x02
 * block, 0x03 loop, 0x04 if, 0x05 an if past its else, ...; 0 for the
 * function's own block), so that `else` can be checked to close the then-arm
 * of an if.  Fixed size, on the stack: beyond KIND_STACK nested blocks only
 * the depth is tracked and an `else` that deep is not checked (WAMR and the
 * spec would reject a misplaced one; no real module nests blocks that deep
 * around an if).
 */
#define KIND_STACK 1024

/* Running state of one body's scan. */
typedef struct scan_state {
    uint64_t depth; /* open blocks, the function's own included */
    uint64_t locals; /* params + declared locals */
    uint32_t feat;
    uint32_t total_funcs;
    uint32_t func;
    uint8_t kind[KIND_STACK]; /* [depth] = opcode that opened the block; see above */
} scan_state;

/* Natural alignment (log2 of the access size) of the plain loads and stores 0x28..0x3E. */
static const uint8_t mem_natural[0x3E - 0x28 + 1] = {
    2, 3, 2, 3, 0, 0, 1, 1, 0, 0, 1, 1, 2, 2, /* loads */
    2, 3, 2, 3, 0, 1, 0, 1, 2                 /* stores */
};

/* Natural alignment of the SIMD memory ops (0xFD sub-opcodes with a memarg). */
static unsigned fd_natural(uint32_t sub)
{
    if (sub == 0 || sub == 11)
        return 4; /* v128.load / v128.store */
    if (sub <= 6)
        return 3; /* v128.load8x8_s .. load32x2_u */
    if (sub <= 10)
        return sub - 7; /* load8/16/32/64_splat */
    if (sub == 92 || sub == 93)
        return sub - 90; /* load32_zero, load64_zero */
    return (sub - 84) & 3; /* load/store 8/16/32/64_lane (84..91) */
}

/* Natural alignment of the atomic memory ops (0xFE; equal to it, not below). */
static unsigned fe_natural(uint32_t sub)
{
    static const uint8_t group[7] = {2, 3, 0, 1, 0, 1, 2}; /* i32 i64 i32_8 i32_16 i64_8 i64_16 i64_32 */
    if (sub <= 1)
        return 2; /* memory.atomic.notify, wait32 */
    if (sub == 2)
        return 3; /* wait64 */
    return group[(sub - 0x10) % 7];
}

/* A memory instruction needs a memory, and multi-memory an index below the count. */
static int check_memory(const code_ctx *x, const scan_state *st, const wb_insn *in, uint64_t mem,
                        wb_error *err)
{
    uint32_t n = x->f->memory_total;
    if (n == 0) {
        if (in->opcode >= 0xFC)
            return wb_error_set(err, in->offset, "code",
                                "instruction 0x%02x %u needs a memory but the module has none "
                                "(function %u)",
                                in->opcode, in->sub, st->func);
        return wb_error_set(err, in->offset, "code",
                            "instruction 0x%02x needs a memory but the module has none "
                            "(function %u)",
                            in->opcode, st->func);
    }
    if (mem >= n)
        return wb_error_set(err, in->offset, "code",
                            "memory %llu out of range (function %u, %u memories)",
                            (unsigned long long)mem, st->func, n);
    return 0;
}

/* The memarg's alignment (sval, log2) against the access's natural one, and
 * its offset (imm0) against a 32-bit memory. */
static int check_align(const code_ctx *x, const scan_state *st, const wb_insn *in,
                       unsigned natural, int exact, wb_error *err)
{
    if (!x->f->memory.is64 && in->imm0 > UINT32_MAX)
        return wb_error_set(err, in->offset, "code",
                            "offset %llu is beyond a 32-bit memory (function %u)",
                            (unsigned long long)in->imm0, st->func);
    if (in->sval > (int64_t)natural)
        return wb_error_set(err, in->offset, "code",
                            "alignment 2^%lld larger than the natural alignment 2^%u "
                            "(function %u)",
                            (long long)in->sval, natural, st->func);
    if (exact && in->sval != (int64_t)natural)
        return wb_error_set(err, in->offset, "code",
                            "atomic alignment 2^%lld is not the natural alignment 2^%u "
                            "(function %u)",
                            (long long)in->sval, natural, st->func);
    return 0;
}

static int check_table(const code_ctx *x, const scan_state *st, const wb_insn *in, uint64_t t,
                       wb_error *err)
{
    uint32_t n = x->f->import_table_count + x->f->table_count;
    if (t >= n)
        return wb_error_set(err, in->offset, "code",
                            "table %llu out of range (function %u, %u tables)",
                            (unsigned long long)t, st->func, n);
    return 0;
}

static int check_elem(const code_ctx *x, const scan_state *st, const wb_insn *in, wb_error *err)
{
    uint32_t n = x->f->elem_segment_count;
    if (in->imm0 >= n)
        return wb_error_set(err, in->offset, "code",
                            "element segment %llu out of range (function %u, %u segments)",
                            (unsigned long long)in->imm0, st->func, n);
    return 0;
}

/* memory.init and data.drop name a data segment, which needs the data count section. */
static int check_data(const code_ctx *x, const scan_state *st, const wb_insn *in, wb_error *err)
{
    const wb_wasm_facts *f = x->f;
    if (!f->has_datacount)
        return wb_error_set(err, in->offset, "code",
                            "%s needs a data count section (function %u)",
                            in->sub == 8 ? "memory.init" : "data.drop", st->func);
    if (in->imm0 >= f->datacount)
        return wb_error_set(err, in->offset, "code",
                            "data segment %llu out of range (function %u, data count %u)",
                            (unsigned long long)in->imm0, st->func, f->datacount);
    return 0;
}

/* else closes the then-arm of the innermost block, which must be an if. */
static inline int else_ok(scan_state *st)
{
    if (st->depth < KIND_STACK) {
        if (st->kind[st->depth] != 0x04)
            return 0;
        st->kind[st->depth] = 0x05;
    }
    return 1;
}

static int else_fail(const scan_state *st, size_t offset, wb_error *err)
{
    return wb_error_set(err, offset, "code", "else outside an if block (function %u)", st->func);
}

/* The facts of one decoded instruction beyond its opcode count. */
static int count_insn(code_ctx *x, scan_state *st, const uint8_t *after, const uint8_t *end,
                      const wb_insn *in, wb_error *err)
{
    wb_wasm_facts *f = x->f;
    wb_opcode_counts *ops = &f->ops;
    uint32_t func = st->func;
    sig s;
    switch (in->opcode) {
    case 0x02: case 0x03: case 0x04: case 0x06: case 0x1F: /* block loop if try try_table */
        st->depth++;
        if (st->depth < KIND_STACK)
            st->kind[st->depth] = in->opcode;
        if (in->sval >= 0) {
            if (!type_sig(x, (uint32_t)in->sval, &s, 0))
                return wb_error_set(err, in->offset, "code",
                                    "block type index %lld out of range (function %u)",
                                    (long long)in->sval, func);
            ops->block_params += s.params;
            ops->block_results += s.results;
            st->feat |= WB_FEAT_MULTI_VALUE;
        } else if (in->sval != -64) {
            ops->block_results++;
        }
        break;
    case 0x05:
        if (!else_ok(st))
            return else_fail(st, in->offset, err);
        break;
    case 0x18: /* delegate closes a try like end does */
    case 0x0B: /* end */
        if (--st->depth == 0 && after != end)
            return wb_error_set(err, (size_t)(after - x->data), "code",
                                "function %u continues after its final end", func);
        break;
    case 0x0E:
        ops->br_table_targets += in->imm0;
        break;
    case 0x10: case 0x12: { /* call, return_call */
        uint32_t t;
        if (in->imm0 >= st->total_funcs || !func_type_index(x, (uint32_t)in->imm0, &t) ||
            !type_sig(x, t, &s, 0))
            return wb_error_set(err, in->offset, "code",
                                "call to function %llu out of range (function %u)",
                                (unsigned long long)in->imm0, func);
        ops->call_params += s.params;
        ops->call_results += s.results;
        break;
    }
    case 0x11: case 0x13: /* call_indirect, return_call_indirect */
        if (!type_sig(x, (uint32_t)in->imm0, &s, 0))
            return wb_error_set(err, in->offset, "code",
                                "call_indirect type %llu out of range (function %u)",
                                (unsigned long long)in->imm0, func);
        ops->call_indirect_params += s.params;
        ops->call_indirect_results += s.results;
        /* a runtime without reference types reads the table index as one
         * byte that must be 0x00 (WAMR's loader: "zero byte expected") */
        if (in->imm1 != 0 || in->wide_table)
            st->feat |= WB_FEAT_REFERENCE_TYPES;
        return check_table(x, st, in, in->imm1, err);
    case 0x1C: /* typed select: one result type (more is not in the spec) */
        ops->select_typed++;
        if (in->imm0 != 1)
            return wb_error_set(err, in->offset, "code",
                                "select must name exactly one type, not %llu (function %u)",
                                (unsigned long long)in->imm0, func);
        break;
    case 0xD0: /* ref.null: funcref or externref, the heap types WAMR loads without GC */
        if (in->sval != 0x70 - 0x80 && in->sval != 0x6F - 0x80)
            return wb_error_set(err, in->offset, "code",
                                "ref.null of heap type %s0x%llx: only funcref (0x70) or "
                                "externref (0x6f) (function %u)",
                                in->sval >= 0 ? "index " : "",
                                (unsigned long long)(in->sval >= 0 ? in->sval : in->sval + 0x80),
                                func);
        break;
    case 0x20: case 0x21: case 0x22: /* local.get / set / tee */
        if (in->imm0 >= st->locals)
            return wb_error_set(err, in->offset, "code",
                                "local %llu out of range (function %u, %llu params and locals)",
                                (unsigned long long)in->imm0, func,
                                (unsigned long long)st->locals);
        break;
    case 0x23: case 0x24: { /* global.get / set */
        uint32_t n = f->import_global_count + f->global_count;
        if (in->imm0 >= n)
            return wb_error_set(err, in->offset, "code",
                                "global %llu out of range (function %u, %u globals)",
                                (unsigned long long)in->imm0, func, n);
        break;
    }
    case 0x25: case 0x26: /* table.get / set */
        return check_table(x, st, in, in->imm0, err);
    case 0xD2: /* ref.func */
        if (in->imm0 >= st->total_funcs)
            return wb_error_set(err, in->offset, "code",
                                "ref.func of function %llu out of range (function %u, %u "
                                "functions)",
                                (unsigned long long)in->imm0, func, st->total_funcs);
        break;
    case 0x28: case 0x29: case 0x2A: case 0x2B: case 0x2C: case 0x2D: case 0x2E: case 0x2F:
    case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36: case 0x37:
    case 0x38: case 0x39: case 0x3A: case 0x3B: case 0x3C: case 0x3D: case 0x3E:
        /* loads and stores: a non-zero memory index means multi-memory */
        if (in->imm1 != 0)
            st->feat |= WB_FEAT_MULTI_MEMORY;
        if (check_memory(x, st, in, in->imm1, err) != 0)
            return -1;
        return check_align(x, st, in, mem_natural[in->opcode - 0x28], 0, err);
    case 0x3F: case 0x40: /* memory.size / memory.grow */
        if (check_memory(x, st, in, in->imm0, err) != 0)
            return -1;
        if (in->opcode == 0x40)
            f->has_memory_grow = 1;
        if (in->imm0 != 0)
            st->feat |= WB_FEAT_MULTI_MEMORY;
        break;
    case 0xFC:
        ops->fc[in->sub]++;
        if (in->sub <= 7)
            st->feat |= WB_FEAT_SAT_CONVERSIONS;
        else if (in->sub <= 14)
            st->feat |= WB_FEAT_BULK_MEMORY;
        else
            st->feat |= WB_FEAT_REFERENCE_TYPES;
        if (in->sub == 15)
            f->has_table_grow = 1;
        if ((in->sub == 8 && in->imm1 != 0) || (in->sub == 10 && (in->imm0 | in->imm1) != 0) ||
            (in->sub == 11 && in->imm0 != 0))
            st->feat |= WB_FEAT_MULTI_MEMORY;
        switch (in->sub) {
        case 8: /* memory.init data, memory */
            if (check_memory(x, st, in, in->imm1, err) != 0)
                return -1;
            return check_data(x, st, in, err);
        case 9: /* data.drop */
            return check_data(x, st, in, err);
        case 10: /* memory.copy dst, src */
            if (check_memory(x, st, in, in->imm0, err) != 0)
                return -1;
            return check_memory(x, st, in, in->imm1, err);
        case 11: /* memory.fill */
            return check_memory(x, st, in, in->imm0, err);
        case 12: /* table.init elem, table */
            if (check_elem(x, st, in, err) != 0)
                return -1;
            return check_table(x, st, in, in->imm1, err);
        case 13: /* elem.drop */
            return check_elem(x, st, in, err);
        case 14: /* table.copy dst, src */
            if (check_table(x, st, in, in->imm0, err) != 0)
                return -1;
            return check_table(x, st, in, in->imm1, err);
        case 15: case 16: case 17: /* table.grow / size / fill */
            return check_table(x, st, in, in->imm0, err);
        default:
            break;
        }
        break;
    case 0xFD: {
        int k = fd_kind(in->sub);
        ops->fd[in->sub]++;
        if ((in->sub <= 11 || in->sub == 92 || in->sub == 93) && in->imm1 != 0)
            st->feat |= WB_FEAT_MULTI_MEMORY;
        if (k == FD_MEMARG || k == FD_MEMARG_LANE) {
            /* the lane ops keep their lane in imm1, not the memory index */
            if (check_memory(x, st, in, k == FD_MEMARG ? in->imm1 : 0, err) != 0)
                return -1;
            return check_align(x, st, in, fd_natural(in->sub), 0, err);
        }
        break;
    }
    case 0xFE:
        ops->fe[in->sub]++;
        if (in->imm1 != 0)
            st->feat |= WB_FEAT_MULTI_MEMORY;
        if (in->sub != 0x03) { /* all but atomic.fence have a memarg */
            if (check_memory(x, st, in, in->imm1, err) != 0)
                return -1;
            return check_align(x, st, in, fe_natural(in->sub), 1, err);
        }
        break;
    default:
        break;
    }
    return 0;
}

/* Opcodes whose facts go beyond their count (blocks, else, ends, calls,
 * bounded indexes, memory accesses, prefixed and typed-select ops): count_insn
 * sees them when they take the general way (the lean paths of scan_expr
 * check what they take themselves). */
static const uint8_t needs_count[256] = {
    [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1, [0x0B] = 1, [0x0E] = 1,
    [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x18] = 1, [0x1C] = 1, [0x1F] = 1,
    [0x20] = 1, [0x21] = 1, [0x22] = 1, [0x23] = 1, [0x24] = 1, [0x25] = 1, [0x26] = 1,
    [0x28] = 1, [0x29] = 1, [0x2A] = 1, [0x2B] = 1, [0x2C] = 1, [0x2D] = 1, [0x2E] = 1,
    [0x2F] = 1, [0x30] = 1, [0x31] = 1, [0x32] = 1, [0x33] = 1, [0x34] = 1, [0x35] = 1,
    [0x36] = 1, [0x37] = 1, [0x38] = 1, [0x39] = 1, [0x3A] = 1, [0x3B] = 1, [0x3C] = 1,
    [0x3D] = 1, [0x3E] = 1, [0x3F] = 1, [0x40] = 1, [0xD0] = 1, [0xD2] = 1, [0xFC] = 1, [0xFD] = 1,
    [0xFE] = 1};

/* Bytes of a one- or two-byte LEB128 index below `bound` at p (bound1 is
 * the bound capped at 0x80, for the one-byte form), or 0: the general way
 * then decodes and checks it. */
static inline size_t lean_index(const uint8_t *p, uint8_t bound1, uint64_t bound)
{
    if (p[0] < bound1)
        return 1;
    if (p[0] >= 0x80 && p[1] < 0x80 && ((unsigned)(p[0] & 0x7F) | (unsigned)p[1] << 7) < bound)
        return 2;
    return 0;
}

/*
 * Decode a body's instructions: the common shapes inline (decode_fast), the
 * rest through the general decoder.  Instructions decoded the general way
 * always go through count_insn (a memarg there may name a memory).
 */
static int scan_expr(code_ctx *x, wb_cursor *c, uint32_t func, uint64_t locals, wb_error *err)
{
    uint64_t *count = x->f->ops.op;
    const uint8_t *const align_lim = x->align_lim;
    /* the bounds the lean paths check local and global indexes against:
     * n1 for a one-byte LEB128 (at most 0x80, so a longer one fails it) */
    const uint64_t nglobals = (uint64_t)x->f->import_global_count + x->f->global_count;
    const uint8_t locals1 = locals < 0x80 ? (uint8_t)locals : 0x80;
    const uint8_t globals1 = nglobals < 0x80 ? (uint8_t)nglobals : 0x80;
    const uint8_t *p = c->p;
    const uint8_t *const end = c->end;
    scan_state st;
    wb_insn in;

    st.depth = 1;
    st.locals = locals;
    st.feat = 0;
    st.total_funcs = x->f->import_func_count + x->f->func_count;
    st.func = func;
    st.kind[1] = 0; /* the function's block: not an if */
    while (p < end) {
        const size_t op = *p;
        size_t k;
        if (end - p >= 4) {
            /* lean paths: step over the commonest instructions, counting and
             * bounding only; what they do not take goes the general way */
            switch (op_kind[op]) {
            case K_NONE:
                p += 1;
                goto counted;
            case K_END:
                if (--st.depth == 0 && end - p != 1)
                    return wb_error_set(err, (size_t)(p + 1 - c->base), "code",
                                        "function %u continues after its final end", func);
                p += 1;
                goto counted;
            case K_ELSE:
                if (!else_ok(&st))
                    return else_fail(&st, (size_t)(p - c->base), err);
                p += 1;
                goto counted;
            case K_LOCAL: /* index below the bound, one or two bytes */
                k = lean_index(p + 1, locals1, locals);
                if (k) {
                    p += 1 + k;
                    goto counted;
                }
                break;
            case K_GLOBAL:
                k = lean_index(p + 1, globals1, nglobals);
                if (k) {
                    p += 1 + k;
                    goto counted;
                }
                break;
            case K_U32:
            case K_I32:
                if (p[1] < 0x80) {
                    p += 2;
                    goto counted;
                }
                if (p[2] < 0x80) {
                    p += 3;
                    goto counted;
                }
                break;
            case K_MEMARG: /* memory 0 (present), alignment at most natural */
                if (p[1] < align_lim[op] && p[2] < 0x80) {
                    p += 3;
                    goto counted;
                }
                if (p[1] < align_lim[op] && p[3] < 0x80) {
                    p += 4;
                    goto counted;
                }
                break;
            case K_BLOCK:
                if (p[1] == 0x40 || (p[1] >= 0x7B && p[1] <= 0x7F)) {
                    st.depth++;
                    if (st.depth < KIND_STACK)
                        st.kind[st.depth] = p[0];
                    x->f->ops.block_results += p[1] != 0x40;
                    p += 2;
                    goto counted;
                }
                break;
            default:
                break;
            }
        }
        k = decode_fast(p, (size_t)(end - p), (size_t)(p - c->base), &in);
        if (k != 0) {
            p += k;
            if (needs_count[in.opcode] && count_insn(x, &st, p, end, &in, err) != 0)
                return -1;
        } else {
            c->p = p;
            decode_insn(c, &in);
            if (!c->ok)
                return decode_fail(x, c, &in, func, err);
            p = c->p;
            if (count_insn(x, &st, p, end, &in, err) != 0)
                return -1;
        }
    counted:
        count[op]++;
    }
    c->p = p;
    x->f->features |= st.feat;
    x->body_feat = st.feat;
    if (st.depth != 0)
        return wb_error_set(err, wb_cursor_offset(c), "code",
                            "function %u does not end with end (%llu blocks left open)", func,
                            (unsigned long long)st.depth);
    return 0;
}

/* Locals: vec of (count, valtype); the total is capped at 2^32-1 like the spec's. */
static int read_locals(wb_cursor *c, uint64_t *count, uint64_t *cells, uint32_t *feat)
{
    uint32_t groups = get_u32(c);
    *count = 0;
    *cells = 0;
    if (c->ok && groups > wb_cursor_left(c)) {
        wb_cursor_fail(c, "local declaration count runs past the end of the body");
        return -1;
    }
    for (uint32_t i = 0; i < groups && c->ok; i++) {
        uint32_t k = get_u32(c);
        uint8_t t = wb_u8(c);
        int tc = wb_wasm_valtype_cells(t);
        if (!c->ok)
            break;
        if (!tc) {
            c->p--;
            wb_cursor_fail(c, "bad local type");
            break;
        }
        if (t == 0x7B)
            *feat |= WB_FEAT_SIMD;
        else if (t == 0x70 || t == 0x6F)
            *feat |= WB_FEAT_REFERENCE_TYPES;
        *count += k;
        *cells += (uint64_t)k * (uint64_t)tc;
        if (*count > UINT32_MAX) {
            wb_cursor_fail(c, "too many locals");
            break;
        }
    }
    return c->ok ? 0 : -1;
}

/* One run of bodies [first, last) of the code section: sec is at body
 * `first`, fs at the same entry of the function section.  Facts go to f. */
typedef struct scan_range {
    const uint8_t *data;
    size_t size;
    wb_wasm_facts *f;
    wb_cursor sec, fs;
    uint32_t first, last;
    const uint32_t *func_types; /* see code_ctx */
    wb_error *err;
    int rc;
} scan_range;

static int scan_bodies(scan_range *r)
{
    /* the seek points and the type cache take ~27 KiB of stack; no heap is used */
    code_ctx x;
    wb_wasm_facts *f = r->f;
    wb_cursor *sec = &r->sec;
    wb_error *err = r->err;

    x.data = r->data;
    x.size = r->size;
    x.f = f;
    x.func_types = r->func_types;
    memset(x.sig_known, 0, sizeof x.sig_known);
    memset(x.align_lim, 0, sizeof x.align_lim);
    for (unsigned op = 0x28; op <= 0x3E; op++)
        x.align_lim[op] = f->memory_total > 0 ? (uint8_t)(mem_natural[op - 0x28] + 1) : 0;
    seek_build(&x.types, r->data, r->size, f, 1);
    if (!x.func_types) { /* with the table, function types are never sought */
        seek_build(&x.imports, r->data, r->size, f, 2);
        seek_build(&x.funcs, r->data, r->size, f, 3);
    }

    for (uint32_t i = r->first; i < r->last; i++) {
        uint32_t func = f->import_func_count + i;
        size_t body_off = wb_cursor_offset(sec);
        uint32_t len = get_u32(sec);
        wb_cursor body = wb_cursor_sub(sec, len);
        uint64_t locals, cells;
        uint32_t feat = 0, t;
        const uint8_t *expr;
        sig s;
        if (!sec->ok)
            return wb_error_set(err, body_off, "code", "%s (body of function %u)", sec->why, func);
        if (read_locals(&body, &locals, &cells, &feat) != 0)
            return wb_error_set(err, wb_cursor_offset(&body), "code", "%s (function %u)", body.why,
                                func);
        t = get_u32(&r->fs);
        if (!r->fs.ok || !type_sig(&x, t, &s, 1))
            return wb_error_set(err, body_off, "code", "function %u has no valid type", func);
        expr = body.p;
        f->features |= feat;
        f->code_body_bytes_total += len;
        f->code_expr_bytes_total += (uint64_t)(body.end - expr);
        if (len > f->code_body_bytes_max)
            f->code_body_bytes_max = len;
        f->func_params_total += s.params;
        f->func_locals_total += locals;
        if (locals > f->func_locals_max)
            f->func_locals_max = locals;
        if (s.params + locals > f->func_params_plus_locals_max)
            f->func_params_plus_locals_max = s.params + locals;
        f->func_local_cells_total += s.param_cells + cells;
        if (s.params + locals > 0)
            f->funcs_with_params_or_locals++;
        if (body.p == body.end)
            return wb_error_set(err, body_off, "code", "function %u has an empty body", func);
        if (scan_expr(&x, &body, func, s.params + locals, err) != 0)
            return -1;
        if (((feat | x.body_feat) & WB_FEAT_SIMD) && func < f->simd_first_func)
            f->simd_first_func = func;
    }
    return 0;
}

/* Step a function-section cursor over n entries (n <= its count). */
static void skip_func_entries(wb_cursor *fs, uint32_t count, uint32_t n)
{
    if ((size_t)(fs->end - fs->p) == count) { /* one byte per entry */
        fs->p += n;
        return;
    }
    for (uint32_t i = 0; i < n && fs->ok; i++)
        (void)get_u32(fs);
}

static void scan_job(void *ctx, unsigned index)
{
    scan_range *r = (scan_range *)ctx + index;
    r->rc = scan_bodies(r);
}

/* The facts the body scan adds up, set to nothing / added from a second range. */
static void code_facts_clear(wb_wasm_facts *f)
{
    memset(&f->ops, 0, sizeof f->ops);
    f->features = 0;
    f->has_memory_grow = f->has_table_grow = 0;
    f->code_body_bytes_total = f->code_expr_bytes_total = f->code_body_bytes_max = 0;
    f->func_params_total = f->func_locals_total = f->func_locals_max = 0;
    f->func_params_plus_locals_max = f->func_local_cells_total = 0;
    f->funcs_with_params_or_locals = 0;
    f->simd_first_func = UINT32_MAX;
}

#define WB_MAX_INTO(a, b) ((a) = (a) > (b) ? (a) : (b))

static void code_facts_add(wb_wasm_facts *f, const wb_wasm_facts *g)
{
    wb_opcode_counts *o = &f->ops;
    const wb_opcode_counts *q = &g->ops;
    for (unsigned i = 0; i < 256; i++)
        o->op[i] += q->op[i];
    for (unsigned i = 0; i < WB_FC_OPS; i++)
        o->fc[i] += q->fc[i];
    for (unsigned i = 0; i < WB_FD_OPS; i++)
        o->fd[i] += q->fd[i];
    for (unsigned i = 0; i < WB_FE_OPS; i++)
        o->fe[i] += q->fe[i];
    o->br_table_targets += q->br_table_targets;
    o->call_params += q->call_params;
    o->call_results += q->call_results;
    o->call_indirect_params += q->call_indirect_params;
    o->call_indirect_results += q->call_indirect_results;
    o->block_params += q->block_params;
    o->block_results += q->block_results;
    o->select_typed += q->select_typed;
    f->features |= g->features;
    f->has_memory_grow |= g->has_memory_grow;
    f->has_table_grow |= g->has_table_grow;
    f->code_body_bytes_total += g->code_body_bytes_total;
    f->code_expr_bytes_total += g->code_expr_bytes_total;
    WB_MAX_INTO(f->code_body_bytes_max, g->code_body_bytes_max);
    f->func_params_total += g->func_params_total;
    f->func_locals_total += g->func_locals_total;
    WB_MAX_INTO(f->func_locals_max, g->func_locals_max);
    WB_MAX_INTO(f->func_params_plus_locals_max, g->func_params_plus_locals_max);
    f->func_local_cells_total += g->func_local_cells_total;
    f->funcs_with_params_or_locals += g->funcs_with_params_or_locals;
    if (g->simd_first_func < f->simd_first_func)
        f->simd_first_func = g->simd_first_func;
}

/*
 * The type of every function, when the seek points would be slow: a call
 * finds its callee's type by parsing up to `step` entries from the nearest
 * seek point, which on a module with many functions whose type indexes take
 * two LEB bytes (or many imported functions) is hundreds of entries per call.
 * One array (4 bytes per function; the function section holds at least a
 * byte per function, so it is at most 4 times that section) makes every
 * lookup direct.  NULL when the seek points are direct already, or without
 * memory (the scan then seeks, slower but the same).
 */
static uint32_t *func_types_build(const uint8_t *data, size_t size, const wb_wasm_facts *f)
{
    uint32_t nf, ni, k = 0, *t;
    wb_cursor fs = section_cursor(data, size, f, 3, &nf);
    wb_cursor is = section_cursor(data, size, f, 2, &ni);
    uint64_t total = (uint64_t)f->import_func_count + f->func_count;

    if (!fs.ok || nf != f->func_count ||
        ((size_t)(fs.end - fs.p) == nf && f->import_func_count <= SEEK_POINTS))
        return NULL;
    t = malloc((size_t)(total ? total : 1) * sizeof *t);
    if (!t)
        return NULL;
    for (uint32_t i = 0; i < ni && is.ok && k < f->import_func_count; i++)
        if (read_import_entry(&is, &t[k]))
            k++;
    for (uint32_t i = 0; i < nf && fs.ok; i++)
        t[k++] = get_u32(&fs);
    if (!fs.ok || (f->import_func_count > 0 && !is.ok) || k != total) {
        free(t);
        return NULL;
    }
    return t;
}

/* A large code section is scanned in parts at the same time (see
 * wb_par_set_part_bytes).  The parts are independent: their facts add up to
 * the same totals, and the error of the first part that has one is the one
 * reported, as in a scan from start to end. */
typedef struct scan_parts {
    scan_range range[WB_PAR_PARTS_MAX];
    wb_wasm_facts facts[WB_PAR_PARTS_MAX]; /* [0] unused: part 0 fills the caller's */
    wb_error err[WB_PAR_PARTS_MAX];
} scan_parts;

int wb_wasm_scan_code(const uint8_t *data, size_t size, wb_wasm_facts *f, wb_cursor *sec,
                      wb_error *err)
{
    uint32_t count, nfunc_sec;
    wb_body_part cut[WB_PAR_PARTS_MAX];
    scan_range one, *range = &one;
    scan_parts *parts = NULL;
    unsigned n = 1, k;
    int rc = 0;

    size_t count_off = wb_cursor_offset(sec);
    count = get_u32(sec);
    if (!sec->ok)
        return wb_error_set(err, wb_cursor_offset(sec), "code", "%s (function body count)",
                            sec->why);
    if (count != f->func_count)
        return wb_error_set(err, count_off, "code",
                            "code section has %u bodies but the function section declares %u",
                            count, f->func_count);

    /* The cuts come from the size fields alone: where one is bad the whole
     * section is scanned in one piece, which reports it. */
    unsigned cuts = wb_wasm_body_parts(data, size, f, wb_par_part_bytes(), cut);
    uint32_t *func_types = func_types_build(data, size, f);
    if (cuts > 1 && (parts = malloc(sizeof *parts)) != NULL) {
        n = cuts;
        range = parts->range;
    }
    for (k = 0; k < n; k++) {
        scan_range *r = &range[k];
        r->data = data;
        r->size = size;
        r->f = f;
        r->sec = *sec;
        r->fs = section_cursor(data, size, f, 3, &nfunc_sec);
        r->first = 0;
        r->last = count;
        r->func_types = func_types;
        r->err = err;
        r->rc = 0;
        if (n > 1) {
            r->first = cut[k].first;
            r->last = k + 1 < n ? cut[k + 1].first : count;
            r->sec.p = cut[k].at;
            if (r->first <= nfunc_sec)
                skip_func_entries(&r->fs, nfunc_sec, r->first);
        }
        if (k > 0) {
            parts->facts[k] = *f;
            code_facts_clear(&parts->facts[k]);
            r->f = &parts->facts[k];
            r->err = &parts->err[k];
        }
    }
    wb_par_run(n, scan_job, range);
    for (k = 0; k < n && rc == 0; k++) {
        rc = range[k].rc;
        if (rc != 0 && k > 0)
            *err = parts->err[k];
        else if (rc == 0 && k > 0)
            code_facts_add(f, &parts->facts[k]);
    }
    if (rc == 0)
        *sec = range[n - 1].sec;
    free(parts);
    free(func_types);
    if (rc != 0)
        return -1;
    /* every instruction is counted once in op[] (prefixed ones under their prefix) */
    for (unsigned op = 0; op < 256; op++) {
        f->instruction_count += f->ops.op[op];
        if (f->ops.op[op] != 0)
            f->features |= op_feature[op];
    }
    return 0;
}

/* ------------------------------------------------------------------------ */

int wb_wasm_for_each_body_in(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                             const wb_body_part *from, uint32_t last, wb_body_fn fn, void *ctx)
{
    uint32_t count, nf, first = 0;
    wb_cursor c = section_cursor(data, size, facts, 10, &count);
    wb_cursor fs = section_cursor(data, size, facts, 3, &nf);
    seek_index types; /* ~8 KiB of stack: type lookups without a scan each */
    if (!c.ok || !fs.ok)
        return 0;
    seek_build(&types, data, size, facts, 1);
    if (last > count)
        last = count;
    if (from && from->first > 0) {
        if (from->first >= last || from->first > nf)
            return 0;
        first = from->first;
        c.p = from->at;
        skip_func_entries(&fs, nf, first);
    }
    for (uint32_t i = first; i < last && c.ok; i++) {
        wb_func_body b;
        uint64_t cells;
        uint32_t feat = 0, np = 0;
        size_t off = wb_cursor_offset(&c);
        uint32_t len = get_u32(&c);
        wb_cursor body = wb_cursor_sub(&c, len);
        b.type_index = get_u32(&fs);
        if (!c.ok || !fs.ok || read_locals(&body, &b.local_count, &cells, &feat) != 0)
            return 0;
        {
            wb_cursor tc = seek_to(&types, 1, b.type_index);
            sig s;
            read_functype(&tc, &s, 0);
            np = tc.ok ? s.params : 0;
        }
        b.func_index = facts->import_func_count + i;
        b.param_count = np;
        b.body_offset = off;
        b.expr = body.p;
        b.end = body.end;
        int r = fn(ctx, &b);
        if (r != 0)
            return r;
    }
    return 0;
}

int wb_wasm_for_each_body(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                          wb_body_fn fn, void *ctx)
{
    return wb_wasm_for_each_body_in(data, size, facts, NULL, UINT32_MAX, fn, ctx);
}

unsigned wb_wasm_body_parts(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                            size_t part_bytes, wb_body_part part[WB_PAR_PARTS_MAX])
{
    uint32_t count, i;
    wb_cursor c = section_cursor(data, size, facts, 10, &count);
    size_t bytes = (size_t)(c.end - c.p);
    unsigned want, n = 1;
    if (!c.ok)
        return 0;
    part[0].first = 0;
    part[0].at = c.p;
    if (part_bytes == 0 || count < 2 || bytes / part_bytes < 2)
        return 1;
    want = WB_PAR_PARTS_MAX;
    if (bytes / part_bytes < want)
        want = (unsigned)(bytes / part_bytes);
    /* part k starts at the first body at or past k/want of the section */
    const uint8_t *start = c.p;
    for (i = 0; i < count && c.ok && n < want; i++) {
        if ((size_t)(c.p - start) >= bytes / want * n && i > part[n - 1].first) {
            part[n].first = i;
            part[n].at = c.p;
            n++;
        }
        (void)wb_cursor_sub(&c, get_u32(&c));
    }
    return c.ok ? n : 1;
}

uint32_t wb_wasm_func_type(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                           uint32_t index)
{
    uint32_t n, t = UINT32_MAX;
    if (index < facts->import_func_count) {
        wb_cursor c = section_cursor(data, size, facts, 2, &n);
        uint32_t seen = 0;
        for (uint32_t i = 0; i < n && c.ok; i++) {
            uint32_t ti;
            if (read_import_entry(&c, &ti)) {
                if (seen == index)
                    return c.ok ? ti : UINT32_MAX;
                seen++;
            }
        }
        return UINT32_MAX;
    }
    index -= facts->import_func_count;
    wb_cursor c = section_cursor(data, size, facts, 3, &n);
    if (!c.ok || index >= n)
        return UINT32_MAX;
    if ((size_t)(c.end - c.p) == n) { /* one byte per entry */
        c.p += index;
        return *c.p < 0x80 ? *c.p : UINT32_MAX;
    }
    for (uint32_t i = 0; i <= index && c.ok; i++)
        t = get_u32(&c);
    return c.ok ? t : UINT32_MAX;
}

int wb_wasm_type_arity(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                       uint32_t type_index, uint32_t *params, uint32_t *results)
{
    uint32_t n;
    sig s;
    wb_cursor c = section_cursor(data, size, facts, 1, &n);
    if (!c.ok || type_index >= n)
        return -1;
    for (uint32_t i = 0; i < type_index && c.ok; i++)
        read_functype(&c, &s, 0);
    read_functype(&c, &s, 0);
    if (!c.ok)
        return -1;
    *params = s.params;
    *results = s.results;
    return 0;
}
