/* Static worst-case depths over the call graph: the aux (C shadow) stack, the interpreters' operand stack, the AOT native stack. */
#include "stack/stack_bound.h"

#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * What is bounded
 * ---------------
 * clang keeps C locals whose address is taken (arrays, structs, spills of
 * such values) on a stack in linear memory addressed by a mutable i32
 * global, the stack pointer ($sp: the global WAMR takes for it, reference
 * section 8).  A function's frame shows in its code:
 *
 *     global.get $sp; i32.const N; i32.sub; [local.tee L]; [global.set $sp]
 *
 * (leaf functions do not write $sp back; -O0 code goes through locals;
 * wasm-opt writes `i32.const -N; i32.add`; over-aligned frames add
 * `i32.const -A; i32.and`).  A dynamic frame (alloca, VLA) subtracts a
 * non-constant size from $sp.
 *
 * Each function body that names $sp is walked once, in order, by a small
 * abstract interpreter that follows i32 values on the operand stack and in
 * locals as "constant c", "$sp at entry minus k", "$sp minus a run-time
 * value", "derived from $sp otherwise", "loaded from memory" or "unknown";
 * an instruction whose stack effect it does not follow (SIMD, atomics)
 * only forgets the operand stack of its block.  The frame of a function
 * is the largest k of any "$sp at entry minus k" it computes: every byte it
 * can touch below the caller's $sp.  An $sp value minus a run-time value
 * that is used as a memory address or stored (a leaf's alloca) or written
 * to $sp, or any other non-constant write to $sp, is a dynamic frame: no
 * bound.  (The same subtraction used as a length, end - p in printf, is
 * not.)  A call whose first argument is an $sp value may return it
 * (memcpy, memset).  The stack pointer is 16-byte aligned at every call.
 * Writing a constant or a value loaded from memory to $sp installs a new
 * stack (wasi_thread_start sets up the thread's stack this way); depths
 * after it are counted from the new stack pointer.
 *
 * The worst case from an entry is the longest path of the call graph,
 * frames summed: frame(f) + max over callees.  This counts a callee as if
 * called at f's deepest point, so it is an upper bound even when f calls
 * with a shallower stack.  Edges: call and return_call (a tail call is
 * counted like a call); call_indirect, return_call_indirect, call_ref and
 * return_call_ref go to every function whose reference the module takes (in
 * an element segment or by ref.func; every exported function too when a
 * table is imported or exported, since the host may store those) and whose
 * type is structurally equal to the call's type, unless the module fixes
 * the slot (sb_indirect_edge: a constant, or a load from memory nothing
 * writes, into a table nothing writes): then to the one function there.
 * Imported functions are nodes without edges, free on the aux stack.  A
 * cycle reachable from an entry is recursion: no bound, unless no function
 * on it has a frame on that stack (a frameless cycle adds nothing per
 * turn), or annotated depths cut it; certain when a cycle of direct calls
 * has a frame, possible when every such cycle passes through a class node.
 *
 * Operand stack (interpreters): the same graph weighted with each
 * function's interpreter frame (the model's), combined by WAMR's rule that
 * a frame needs twice its size free: see the longest paths below.
 *
 * Native stack (AOT): the same graph weighted with the frame sizes of
 * `wamrc --stack-usage` (AOT function N = defined function N), each plus
 * the return address its call pushes (wb_stack_usage.call_bytes).  Not counted:
 * the runtime's own native frames below the first wasm function (the
 * embedder's call into wasm_runtime_call_wasm, invoke_native, the exec env
 * setup), frames of host (imported) functions and of runtime helpers AOT
 * code calls (memory.grow, call_indirect through the runtime, WASI), and
 * the guard WAMR keeps free below the stack (WASM_STACK_GUARD_SIZE).
 *
 * A body that never names $sp has no frame on that stack: it is only
 * scanned for its calls and references (sb_skim), which is cheaper.
 *
 * Linear time and memory: one pass over the code (a body that names $sp
 * late is scanned up to there, then interpreted), one depth-first search
 * (strongly connected components) with an explicit stack over functions +
 * edges (duplicate edges from one function are dropped), no recursion on
 * the C stack.
 */

#define SB_NONE UINT32_MAX
#define SB_VALS_CAP 1024u     /* operand-stack slots followed; deeper slots read as unknown */
#define SB_CTL_CAP 1024u      /* block nesting followed; deeper blocks lose track */
#define SB_LOCALS_CAP 16384u  /* locals followed; higher indexes read as unknown */
#define SB_SP_LEVELS 64u      /* nested $sp frames remembered for restores */
#define SB_K_MAX ((int64_t)1 << 40) /* |offsets| beyond this are not an address */
#define WB_STACK_ALIGN 16     /* clang's wasm32 stack alignment */

/* ------------------------------------------- type, function, export sections */

/* A cursor over standard section `id`; 0 when absent, -1 when out of range. */
static int sb_section(const uint8_t *data, size_t size, const wb_wasm_facts *f, unsigned id,
                      wb_cursor *c)
{
    size_t off = f->section_offset[id];
    uint64_t len = f->section_bytes[id];
    if (off == 0)
        return 0;
    if (off > size || len > size - off)
        return -1;
    *c = wb_cursor_make(data, size);
    c->p = data + off;
    c->end = c->p + len;
    return 1;
}

typedef struct sb_types {
    uint32_t count;
    uint32_t *params;      /* per type */
    uint32_t *results;
    size_t *pstart, *rstart; /* value-type bytes of params and results (exact mode) */
    size_t *plen, *rlen;
    uint32_t *klass;       /* structurally equal types share a class */
    uint32_t class_count;
    int by_arity;          /* classes by param/result counts only */
} sb_types;

static void sb_types_free(sb_types *t)
{
    free(t->params);
    free(t->results);
    free(t->pstart);
    free(t->rstart);
    free(t->plen);
    free(t->rlen);
    free(t->klass);
    memset(t, 0, sizeof *t);
}

/* A vector of value types; 0 when every type is a plain one-byte type
 * (numbers, v128, funcref, externref and the other abbreviations), 1 when a
 * typed reference (0x63/0x64 heaptype) makes byte equality unsound, -1 bad. */
static int sb_valtypes(wb_cursor *c, uint32_t *count, size_t *start, size_t *len)
{
    uint64_t n = wb_uleb(c, 32);
    int typed = 0;
    if (!c->ok || n > wb_cursor_left(c))
        return -1;
    *count = (uint32_t)n;
    *start = wb_cursor_offset(c);
    for (uint64_t i = 0; i < n; i++) {
        uint8_t b = wb_u8(c);
        if (b == 0x63 || b == 0x64) {
            (void)wb_sleb(c, 33);
            typed = 1;
        } else if (b < 0x40 || b > 0x7f) {
            return -1;
        }
    }
    *len = wb_cursor_offset(c) - *start;
    return c->ok ? typed : -1;
}

/* Exact mode: every entry a plain `0x60 params results` function type. */
static int sb_types_exact(const uint8_t *data, size_t size, const wb_wasm_facts *f, sb_types *t)
{
    wb_cursor c;
    int s = sb_section(data, size, f, 1, &c);
    if (s <= 0)
        return s == 0 && f->type_count == 0 ? 0 : -1;
    uint64_t n = wb_uleb(&c, 32);
    if (!c.ok || n != f->type_count || n > wb_cursor_left(&c))
        return -1;
    for (uint32_t i = 0; i < (uint32_t)n; i++) {
        if (wb_u8(&c) != 0x60)
            return -1; /* GC rec/sub groups: types are matched by arity */
        int a = sb_valtypes(&c, &t->params[i], &t->pstart[i], &t->plen[i]);
        int b = a < 0 ? -1 : sb_valtypes(&c, &t->results[i], &t->rstart[i], &t->rlen[i]);
        if (a < 0 || b < 0 || a > 0 || b > 0)
            return -1;
    }
    return c.ok ? 0 : -1;
}

static uint64_t sb_hash_bytes(uint64_t h, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211u;
    return h;
}

static uint64_t sb_type_hash(const uint8_t *data, const sb_types *t, uint32_t i)
{
    uint64_t h = 14695981039346656037u;
    if (t->by_arity) {
        h = (h ^ t->params[i]) * 1099511628211u;
        return (h ^ ((uint64_t)t->results[i] << 32)) * 1099511628211u;
    }
    h = sb_hash_bytes(h, data + t->pstart[i], t->plen[i]);
    h = (h ^ 0x100u) * 1099511628211u; /* separator: params | results */
    return sb_hash_bytes(h, data + t->rstart[i], t->rlen[i]);
}

static int sb_type_equal(const uint8_t *data, const sb_types *t, uint32_t a, uint32_t b)
{
    if (t->params[a] != t->params[b] || t->results[a] != t->results[b])
        return 0;
    if (t->by_arity)
        return 1;
    return t->plen[a] == t->plen[b] && t->rlen[a] == t->rlen[b] &&
           memcmp(data + t->pstart[a], data + t->pstart[b], t->plen[a]) == 0 &&
           memcmp(data + t->rstart[a], data + t->rstart[b], t->rlen[a]) == 0;
}

/* Canonical classes: one per structurally distinct type, by hashing. */
static int sb_type_classes(const uint8_t *data, sb_types *t)
{
    size_t cap = 16;
    while (cap < (size_t)t->count * 2u)
        cap *= 2;
    uint32_t *slot = malloc(cap * sizeof *slot);
    if (!slot)
        return -1;
    for (size_t i = 0; i < cap; i++)
        slot[i] = SB_NONE;
    t->class_count = 0;
    for (uint32_t i = 0; i < t->count; i++) {
        size_t h = (size_t)sb_type_hash(data, t, i) & (cap - 1);
        for (;;) {
            if (slot[h] == SB_NONE) {
                slot[h] = i;
                t->klass[i] = t->class_count++;
                break;
            }
            if (sb_type_equal(data, t, slot[h], i)) {
                t->klass[i] = t->klass[slot[h]];
                break;
            }
            h = (h + 1) & (cap - 1);
        }
    }
    free(slot);
    return 0;
}

static int sb_types_read(const uint8_t *data, size_t size, const wb_wasm_facts *f, sb_types *t,
                         wb_error *err)
{
    size_t n = f->type_count ? f->type_count : 1;
    memset(t, 0, sizeof *t);
    t->count = f->type_count;
    t->params = calloc(n, sizeof *t->params);
    t->results = calloc(n, sizeof *t->results);
    t->pstart = calloc(n, sizeof *t->pstart);
    t->rstart = calloc(n, sizeof *t->rstart);
    t->plen = calloc(n, sizeof *t->plen);
    t->rlen = calloc(n, sizeof *t->rlen);
    t->klass = calloc(n, sizeof *t->klass);
    if (!t->params || !t->results || !t->pstart || !t->rstart || !t->plen || !t->rlen || !t->klass)
        return wb_error_set(err, f->section_offset[1], "type", "out of memory for %u types",
                            t->count);
    if (sb_types_exact(data, size, f, t) != 0) {
        /* types the byte comparison cannot decide: match by counts, a superset */
        t->by_arity = 1;
        for (uint32_t i = 0; i < t->count; i++)
            if (wb_wasm_type_arity(data, size, f, i, &t->params[i], &t->results[i]) != 0)
                return wb_error_set(err, f->section_offset[1], "type", "type %u cannot be read", i);
    }
    if (sb_type_classes(data, t) != 0)
        return wb_error_set(err, f->section_offset[1], "type", "out of memory for %u types",
                            t->count);
    return 0;
}

/* Type of every function, imports counted. */
static int sb_func_types(const uint8_t *data, size_t size, const wb_wasm_facts *f, uint32_t total,
                         uint32_t *ft, wb_error *err)
{
    wb_cursor c;
    uint32_t ni = f->import_func_count;

    for (uint32_t i = 0; i < ni; i++) {
        ft[i] = wb_wasm_func_type(data, size, f, i);
        if (ft[i] >= f->type_count)
            return wb_error_set(err, f->section_offset[2], "import",
                                "no type for imported function %u", i);
    }
    if (total == ni)
        return 0;
    if (sb_section(data, size, f, 3, &c) <= 0)
        return wb_error_set(err, 0, "function", "function section missing");
    uint64_t n = wb_uleb(&c, 32);
    if (!c.ok || n != f->func_count)
        return wb_error_set(err, wb_cursor_offset(&c), "function", "expected %u functions",
                            f->func_count);
    for (uint32_t i = ni; i < total; i++) {
        ft[i] = (uint32_t)wb_uleb(&c, 32);
        if (!c.ok || ft[i] >= f->type_count)
            return wb_error_set(err, wb_cursor_offset(&c), "function",
                                "bad type index of function %u", i);
    }
    return 0;
}

typedef struct sb_exports {
    uint32_t *main;        /* exported functions other than wasi_thread_start */
    uint32_t main_count;
    uint32_t thread;       /* wasi_thread_start, or SB_NONE */
    int table_exported;
} sb_exports;

static int sb_exports_read(const uint8_t *data, size_t size, const wb_wasm_facts *f,
                           uint32_t total, sb_exports *e, wb_error *err)
{
    static const char thread_name[] = "wasi_thread_start";
    wb_cursor c;

    memset(e, 0, sizeof *e);
    e->thread = SB_NONE;
    /* room for the start function too */
    e->main = malloc(((size_t)f->export_count + 1) * sizeof *e->main);
    if (!e->main)
        return wb_error_set(err, 0, "export", "out of memory");
    if (f->has_start && f->start_function < total)
        e->main[e->main_count++] = f->start_function;
    int s = sb_section(data, size, f, 7, &c);
    if (s < 0)
        return wb_error_set(err, f->section_offset[7], "export", "section out of range");
    if (s == 0)
        return 0;
    uint64_t n = wb_uleb(&c, 32);
    if (!c.ok || n > f->export_count)
        return wb_error_set(err, wb_cursor_offset(&c), "export", "bad export count");
    for (uint64_t i = 0; i < n; i++) {
        uint64_t len = wb_uleb(&c, 32);
        wb_cursor name = wb_cursor_sub(&c, len);
        uint8_t kind = wb_u8(&c);
        uint32_t index = (uint32_t)wb_uleb(&c, 32);
        if (!c.ok)
            return wb_error_set(err, wb_cursor_offset(&c), "export", "%s", c.why);
        if (kind == 1)
            e->table_exported = 1;
        if (kind != 0 || index >= total)
            continue;
        if (len == sizeof thread_name - 1 && memcmp(name.p, thread_name, len) == 0)
            e->thread = index;
        else
            e->main[e->main_count++] = index;
    }
    return 0;
}

/* ------------------------------------------------- the abstract interpreter */

/* Kinds fit in 3 bits (sb_cell), and V_UNK and V_LOAD are the only ones
 * with bits 1 and 2 clear (sb_interp's i32 arithmetic tests that). */
enum { V_UNK, V_LOAD, V_SPD, V_SPSUB, V_CONST, V_SP };

/* V_CONST: an i32 constant (v, sign-extended); V_SP: $sp at entry minus v;
 * V_SPD: derived from $sp by other non-constant arithmetic (an index into
 * the frame, a comparison); V_SPSUB: $sp minus a run-time value, then
 * offset: an alloca when used as an address or written to $sp, a length
 * (end - p) otherwise; V_LOAD: loaded from linear memory; V_UNK: anything
 * else. */
typedef struct sb_val {
    int64_t v;
    uint8_t kind;
} sb_val;

typedef struct sb_ctl {
    uint32_t base;       /* operand height below the block */
    uint32_t nparams;
    uint32_t nresults;
    uint8_t poly;        /* unreachable or lost: pops below base read unknown */
} sb_ctl;

/* An sb_val in one word, as the operand stack and the locals keep it:
 * v << 3 | kind.  Every v fits in 61 bits (constants are i32, $sp offsets
 * stay within SB_K_MAX), and one-word loads and stores keep the walk fast. */
typedef uint64_t sb_cell;
#define SB_CELL_UNK ((sb_cell)V_UNK) /* unknown, v = 0 */

typedef struct sb_local {
    uint32_t stamp;      /* function that wrote it, +1 */
    sb_cell cell;
} sb_local;

typedef struct sb_ctx {
    const uint8_t *data;
    size_t size;
    const wb_wasm_facts *facts;
    const sb_types *types;
    const uint32_t *func_type;
    wb_error *err;
    uint32_t nimports;
    uint32_t total;          /* functions, imports counted */
    uint32_t nodes;          /* total + type classes */
    int have_sp;
    uint32_t sp_global;

    /* graph under construction (CSR, filled in function order) */
    uint32_t *adj;
    size_t adj_len, adj_cap;
    uint32_t *off;           /* nodes + 1 */
    uint32_t off_filled;
    uint32_t *mark;          /* per node: function that last added an edge to it, +1 */
    uint8_t *taken;          /* per function: reference taken */
    uint64_t *frame;         /* per node: aux frame bytes */
    uint8_t *dyn;            /* per node: dynamic aux frame */
    uint32_t switches, indirect_sites, last_func;
    int seen_body;
    int oom;
    /* indirect calls the module resolves: table 0's fixed contents, and the
     * initial memory when nothing can write it (NULL when not known) */
    const uint32_t *slot;    /* function per slot, SB_NONE for an empty one */
    uint64_t slot_count;
    const struct sb_data *mem;
    uint32_t narrowed;       /* indirect call sites resolved to one function or to a trap */

    /* per-function state */
    uint32_t func;
    uint32_t h;              /* operand height */
    uint32_t nctl;
    uint32_t excess;         /* blocks nested beyond SB_CTL_CAP */
    int64_t maxk;            /* deepest $sp offset computed */
    int dynamic;
    int switched;
    int64_t cur;             /* $sp now, as an offset below $sp at entry */
    unsigned nlevels;
    struct {
        int64_t k;
        uint32_t depth;
    } level[SB_SP_LEVELS];
    sb_local *locals;
    uint32_t stamp;
    uint32_t base;           /* ctl[nctl - 1].base */
    sb_cell vals[SB_VALS_CAP];
    sb_ctl ctl[SB_CTL_CAP];
} sb_ctx;

/* Function f's reference is taken.  A part after the first allocates its
 * flags when it first takes one (most take none). */
static void sb_set_taken(sb_ctx *x, uint64_t f)
{
    if (f >= x->total)
        return;
    if (!x->taken && (x->taken = calloc(x->total, 1)) == NULL) {
        x->oom = 1;
        return;
    }
    x->taken[f] = 1;
}

static sb_val sb_v(uint8_t kind, int64_t v)
{
    sb_val x;
    x.kind = kind;
    x.v = v;
    return x;
}

static inline sb_cell sb_pack(sb_val a) { return (uint64_t)a.v << 3 | a.kind; }

static inline sb_val sb_unpack(sb_cell c)
{
    sb_val a;
    a.kind = (uint8_t)(c & 7);
    /* sign-extend the 61-bit value */
    a.v = (int64_t)((c >> 3) ^ ((uint64_t)1 << 60)) - ((int64_t)1 << 60);
    return a;
}

static int sb_tainted(sb_val a) { return a.kind == V_SP || a.kind == V_SPD || a.kind == V_SPSUB; }

/* A memory access at an address below $sp by a run-time amount, or such an
 * address stored to memory (-O0 code keeps the alloca pointer in its frame):
 * alloca memory used by a function that does not write $sp back (a leaf). */
static void sb_address(sb_ctx *x, sb_val addr)
{
    if (addr.kind == V_SPSUB)
        x->dynamic = 1;
}

static int64_t sb_wrap32(int64_t v) { return (int64_t)(int32_t)(uint32_t)((uint64_t)v & 0xffffffffu); }

/* An address k bytes below $sp at entry: the frame reaches at least that deep. */
static sb_val sb_sp(sb_ctx *x, int64_t k)
{
    if (k > SB_K_MAX || k < -SB_K_MAX)
        return sb_v(V_SPD, 0);
    if (k > x->maxk)
        x->maxk = k;
    return sb_v(V_SP, k);
}

static sb_ctl *sb_top(sb_ctx *x) { return &x->ctl[x->nctl - 1]; }

static void sb_push(sb_ctx *x, sb_val v)
{
    if (x->h < SB_VALS_CAP)
        x->vals[x->h] = sb_pack(v);
    if (x->h < UINT32_MAX)
        x->h++;
}

static sb_val sb_pop(sb_ctx *x)
{
    if (x->h <= x->base)
        return sb_v(V_UNK, 0); /* polymorphic, or lost track */
    x->h--;
    return x->h < SB_VALS_CAP ? sb_unpack(x->vals[x->h]) : sb_v(V_UNK, 0);
}

/* Pop n, push m results: derived from $sp when an operand was. */
static void sb_effect(sb_ctx *x, unsigned n, unsigned m, int propagate)
{
    int t = 0;
    for (unsigned i = 0; i < n; i++)
        t |= sb_tainted(sb_pop(x));
    for (unsigned i = 0; i < m; i++)
        sb_push(x, sb_v(propagate && t ? V_SPD : V_UNK, 0));
}

static void sb_pop_n(sb_ctx *x, uint64_t n)
{
    for (uint64_t i = 0; i < n && x->h > x->base; i++)
        (void)sb_pop(x);
}

static void sb_push_unknown(sb_ctx *x, uint64_t n)
{
    for (uint64_t i = 0; i < n && i < SB_VALS_CAP; i++)
        sb_push(x, sb_v(V_UNK, 0));
}

/* Unreachable code, or an instruction whose stack effect is not followed. */
static void sb_lose(sb_ctx *x)
{
    x->h = x->base;
    sb_top(x)->poly = 1;
}

static uint32_t sb_depth(const sb_ctx *x) { return x->nctl - 1 + x->excess; }

/* ---- locals ---- */

static sb_val sb_local_get(sb_ctx *x, uint64_t i)
{
    if (i < SB_LOCALS_CAP && x->locals[i].stamp == x->stamp)
        return sb_unpack(x->locals[i].cell);
    return sb_v(V_UNK, 0);
}

static void sb_local_set(sb_ctx *x, uint64_t i, sb_val v)
{
    if (i < SB_LOCALS_CAP) {
        x->locals[i].stamp = x->stamp;
        x->locals[i].cell = sb_pack(v);
    }
}

/* ---- the stack-pointer global ---- */

static void sb_sp_write(sb_ctx *x, sb_val v)
{
    uint32_t d = sb_depth(x);

    if (v.kind == V_CONST || v.kind == V_LOAD) {
        /* a new stack: thread start, or a fixed initial value */
        x->cur = 0;
        x->nlevels = 0;
        x->switched = 1;
        return;
    }
    if (v.kind != V_SP) {
        x->dynamic = 1; /* $sp moved by a size only known at run time */
        return;
    }
    if (v.v >= x->cur) {
        /* allocation: remember the level and the block it was made in */
        if (x->nlevels < SB_SP_LEVELS) {
            x->level[x->nlevels].k = v.v;
            x->level[x->nlevels].depth = d;
            x->nlevels++;
        }
        x->cur = v.v;
        return;
    }
    /* a restore counts only in the block of the allocation it undoes: one in
     * a nested block (an early-return epilogue) leaves the fall-through path
     * at the deeper level, so it is ignored */
    if (x->nlevels > 0 && x->level[x->nlevels - 1].depth == d) {
        while (x->nlevels > 0 && x->level[x->nlevels - 1].k > v.v)
            x->nlevels--;
        x->cur = v.v;
    }
}

/* ---- i32 arithmetic on addresses ---- */

static int sb_neg_pow2(int64_t m) { return m < 0 && m >= -((int64_t)1 << 31) && ((-m) & (-m - 1)) == 0; }

static int64_t sb_round_up(int64_t k, int64_t a) { return k >= 0 ? (k + a - 1) / a * a : -((-k) / a * a); }

/* ($sp at entry - k) & -A, as an offset below $sp at entry.  The C ABI keeps
 * $sp 16-byte aligned at every call (wasm32 stack alignment), so up to 16
 * the result is exact, k rounded up to A; a larger alignment (an
 * over-aligned local) can go at most A - 16 further. */
static int64_t sb_align_down(int64_t k, int64_t a)
{
    if (a <= WB_STACK_ALIGN)
        return sb_round_up(k, a);
    return sb_round_up(k, WB_STACK_ALIGN) + a - WB_STACK_ALIGN;
}

static sb_val sb_binop(sb_ctx *x, uint8_t op, sb_val a, sb_val b)
{
    int ca = a.kind == V_CONST, cb = b.kind == V_CONST;
    int sa = a.kind == V_SP, sbp = b.kind == V_SP;
    int da = a.kind == V_SPSUB, db = b.kind == V_SPSUB;

    switch (op) {
    case 0x6a: /* i32.add */
        if (sa && cb)
            return sb_sp(x, a.v - b.v);
        if (ca && sbp)
            return sb_sp(x, b.v - a.v);
        if (ca && cb)
            return sb_v(V_CONST, sb_wrap32(a.v + b.v));
        if (da || db)
            return sb_v(V_SPSUB, 0);
        break;
    case 0x6b: /* i32.sub */
        if (sa && cb)
            return sb_sp(x, a.v + b.v);
        if (sa && sbp)
            return sb_v(V_UNK, 0); /* a distance, not an address */
        if (sa || da)
            return sb_v(V_SPSUB, 0); /* $sp minus a run-time size, or end - p */
        if (ca && cb)
            return sb_v(V_CONST, sb_wrap32(a.v - b.v));
        if (sbp)
            return sb_v(V_UNK, 0); /* p - frame: an offset */
        break;
    case 0x71: /* i32.and with -A: an address aligned down */
        if (sa && cb && sb_neg_pow2(b.v))
            return sb_sp(x, sb_align_down(a.v, -b.v));
        if (ca && sbp && sb_neg_pow2(a.v))
            return sb_sp(x, sb_align_down(b.v, -a.v));
        if (ca && cb)
            return sb_v(V_CONST, a.v & b.v);
        if (da || db)
            return sb_v(V_SPSUB, 0);
        break;
    case 0x72: /* i32.or */
        if (ca && cb)
            return sb_v(V_CONST, a.v | b.v);
        break;
    case 0x6c: /* i32.mul */
        if (ca && cb)
            return sb_v(V_CONST, sb_wrap32(a.v * b.v));
        break;
    default:
        break;
    }
    return sb_v(sb_tainted(a) || sb_tainted(b) ? V_SPD : V_UNK, 0);
}

/* ---- calls and the graph ---- */

static int sb_edge(sb_ctx *x, uint32_t to)
{
    if (x->mark[to] == x->func + 1)
        return 0; /* already an edge from this function */
    x->mark[to] = x->func + 1;
    if (x->adj_len == x->adj_cap) {
        size_t cap = x->adj_cap ? x->adj_cap * 2 : 1024;
        uint32_t *p = realloc(x->adj, cap * sizeof *p);
        if (!p) {
            x->oom = 1;
            return 0;
        }
        x->adj = p;
        x->adj_cap = cap;
    }
    x->adj[x->adj_len++] = to;
    return 0;
}

/* First parameter and the result are i32.  A call's result may be its first
 * argument (LLVM's `returned` parameters: memcpy, memset, ...), and clang
 * then keeps using the result in place of the argument, e.g. to restore $sp
 * from it.  By-arity types cannot tell: no. */
static int sb_i32_to_i32(const uint8_t *data, const sb_types *t, uint32_t type)
{
    return !t->by_arity && t->plen[type] > 0 && t->rlen[type] == 1 &&
           data[t->pstart[type]] == 0x7f && data[t->rstart[type]] == 0x7f;
}

static int sb_call(sb_ctx *x, uint64_t func)
{
    if (func >= x->total)
        return -1;
    uint32_t t = x->func_type[func];
    uint32_t np = x->types->params[t];
    sb_val first = sb_v(V_UNK, 0);
    for (uint32_t i = 0; i < np && x->h > x->base; i++)
        first = sb_pop(x);
    if (x->types->results[t] == 1 && np > 0 && first.kind == V_SP && sb_i32_to_i32(x->data, x->types, t))
        sb_push(x, first); /* may return its first argument: memcpy, memset (`returned`) */
    else
        sb_push_unknown(x, x->types->results[t]);
    /* an imported function costs nothing on the aux stack but takes a frame
     * on the interpreter's operand stack: it is a node without edges */
    return sb_edge(x, (uint32_t)func);
}

/* How the walks know a call_indirect's table slot: the instruction right
 * before it pushed it (a constant, or an i32.load from a constant address).
 * Values followed further (through locals) are not trusted here: the walk
 * does not merge them where control flow joins. */
enum { SB_PK_NONE = 0, SB_PK_CONST = 1, SB_PK_LOAD = 2 };

typedef struct sb_data {
    uint32_t count;
    const uint64_t *at;      /* per active segment: its constant offset */
    const uint8_t *const *bytes;
    const uint32_t *len;
    uint64_t memory_bytes;   /* initial memory: a load past it is not resolved */
} sb_data;

/* The i32 at addr in the initial memory, which nothing writes; 0 when the
 * load would fall outside it. */
static int sb_data_i32(const sb_data *m, uint64_t addr, uint32_t *v)
{
    uint8_t b[4] = {0, 0, 0, 0};
    if (addr > m->memory_bytes || m->memory_bytes - addr < 4)
        return 0;
    for (uint32_t i = 0; i < m->count; i++) /* a later segment overwrites an earlier one */
        for (unsigned k = 0; k < 4; k++)
            if (addr + k >= m->at[i] && addr + k - m->at[i] < m->len[i])
                b[k] = m->bytes[i][addr + k - m->at[i]];
    *v = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    return 1;
}

/* The edges of an indirect call of `type` through table `table`: to the one
 * function a known slot holds (none when the call traps: an empty slot, a
 * slot past the table, a function of another type), else to the type's
 * class node.  Returns 0, or -1 on a bad type index. */
static int sb_indirect_edge(sb_ctx *x, uint64_t type, uint64_t table, int pk, uint64_t pv)
{
    if (type >= x->types->count)
        return -1;
    uint32_t klass = x->types->klass[type], v;
    if (table == 0 && x->slot && (pk == SB_PK_CONST || (pk == SB_PK_LOAD && x->mem))) {
        if (pk == SB_PK_LOAD && !sb_data_i32(x->mem, pv, &v))
            goto by_type;
        if (pk == SB_PK_CONST)
            v = (uint32_t)pv;
        x->narrowed++;
        if (v < x->slot_count && x->slot[v] != SB_NONE &&
            x->types->klass[x->func_type[x->slot[v]]] == klass)
            return sb_edge(x, x->slot[v]);
        return 0; /* it traps */
    }
by_type:
    if (x->mark[x->total + klass] != x->func + 1)
        x->indirect_sites++;
    return sb_edge(x, x->total + klass);
}

static int sb_call_indirect(sb_ctx *x, uint64_t type, uint64_t table, int pk, uint64_t pv)
{
    if (type >= x->types->count)
        return -1;
    (void)sb_pop(x); /* table slot or reference */
    sb_pop_n(x, x->types->params[type]);
    sb_push_unknown(x, x->types->results[type]);
    return sb_indirect_edge(x, type, table, pk, pv);
}

/* ---- blocks ---- */

/* Param and result counts of a block type (the decoder's s33 in sval):
 * -64 empty, another negative value one result, else a type index. */
static void sb_blocktype(const sb_ctx *x, int64_t bt, uint32_t *np, uint32_t *nr)
{
    *np = *nr = 0;
    if (bt == -64)
        return;
    if (bt < 0) {
        *nr = 1;
        return;
    }
    if ((uint64_t)bt < x->types->count) {
        *np = x->types->params[bt];
        *nr = x->types->results[bt];
    }
}

static void sb_block(sb_ctx *x, int64_t bt)
{
    uint32_t np, nr;
    sb_blocktype(x, bt, &np, &nr);
    if (x->excess > 0 || x->nctl == SB_CTL_CAP) {
        x->excess++;
        sb_lose(x);
        return;
    }
    sb_ctl *top = sb_top(x);
    uint32_t base = x->h >= top->base + np ? x->h - np : top->base;
    sb_ctl *c = &x->ctl[x->nctl++];
    c->base = base;
    c->nparams = np;
    c->nresults = nr;
    c->poly = 0;
    x->base = base;
}

/* Returns 1 at the end of the function. */
static int sb_end(sb_ctx *x)
{
    if (x->excess > 0) {
        x->excess--;
        sb_lose(x);
        return 0;
    }
    if (x->nctl == 1)
        return 1;
    sb_ctl c = x->ctl[--x->nctl];
    x->base = x->ctl[x->nctl - 1].base;
    x->h = c.base;
    sb_push_unknown(x, c.nresults);
    return 0;
}

static void sb_else(sb_ctx *x)
{
    if (x->excess > 0) {
        sb_lose(x);
        return;
    }
    sb_ctl *c = sb_top(x);
    x->h = c->base;
    c->poly = 0;
    sb_push_unknown(x, c->nparams);
}

/* ---- one instruction ---- */

static void sb_numeric(sb_ctx *x, uint8_t op)
{
    if (op == 0x45 || op == 0x50 || (op >= 0x67 && op <= 0x69) || (op >= 0x79 && op <= 0x7b) ||
        (op >= 0x8b && op <= 0x91) || (op >= 0x99 && op <= 0x9f) || (op >= 0xa7 && op <= 0xc4)) {
        sb_effect(x, 1, 1, 0); /* unary, tests, conversions */
    } else if (op >= 0x6a && op <= 0x78) {
        sb_val b = sb_pop(x), a = sb_pop(x);
        sb_push(x, sb_binop(x, op, a, b));
    } else if ((op >= 0x46 && op <= 0x4f) || (op >= 0x51 && op <= 0x66)) {
        sb_effect(x, 2, 1, 0); /* comparisons */
    } else if ((op >= 0x7c && op <= 0x8a) || (op >= 0x92 && op <= 0x98) || (op >= 0xa0 && op <= 0xa6)) {
        sb_effect(x, 2, 1, 0); /* i64 / float binary */
    } else {
        sb_lose(x);
    }
}

static void sb_prefixed_fc(sb_ctx *x, uint32_t sub)
{
    if (sub <= 7)
        sb_effect(x, 1, 1, 0); /* saturating truncations */
    else if (sub == 8 || sub == 10 || sub == 11) { /* memory.init/copy/fill: addresses */
        (void)sb_pop(x);
        sb_address(x, sb_pop(x));
        sb_address(x, sb_pop(x));
    } else if (sub == 12 || sub == 14 || sub == 17)
        sb_effect(x, 3, 0, 0); /* table.init/copy/fill */
    else if (sub == 9 || sub == 13)
        return; /* data.drop, elem.drop */
    else if (sub == 15)
        sb_effect(x, 2, 1, 0); /* table.grow */
    else if (sub == 16)
        sb_push(x, sb_v(V_UNK, 0)); /* table.size */
    else
        sb_lose(x);
}

static void sb_select(sb_ctx *x)
{
    (void)sb_pop(x);
    sb_val b = sb_pop(x);
    sb_val a = sb_pop(x);
    if (a.kind == V_SP && b.kind == V_SP)
        sb_push(x, sb_v(V_SP, a.v > b.v ? a.v : b.v));
    else if (a.kind == V_CONST && b.kind == V_CONST && a.v == b.v)
        sb_push(x, a);
    else if (a.kind == V_SPSUB || b.kind == V_SPSUB)
        sb_push(x, sb_v(V_SPSUB, 0));
    else
        sb_push(x, sb_v(sb_tainted(a) || sb_tainted(b) ? V_SPD : V_UNK, 0));
}

/* Returns 1 at the end of the function, -1 on a bad index. */
static int sb_step(sb_ctx *x, const wb_insn *in)
{
    uint8_t op = in->opcode;
    sb_val a;

    switch (op) {
    case 0x00: /* unreachable */
    case 0x08: /* throw */
    case 0x09: /* rethrow */
    case 0x0a: /* throw_ref */
    case 0x0c: /* br */
    case 0x0f: /* return */
        sb_lose(x);
        return 0;
    case 0x01: /* nop */
        return 0;
    case 0x02: /* block */
    case 0x03: /* loop */
    case 0x06: /* try */
    case 0x1f: /* try_table */
        sb_block(x, in->sval);
        return 0;
    case 0x04: /* if */
        (void)sb_pop(x);
        sb_block(x, in->sval);
        return 0;
    case 0x05: /* else */
        sb_else(x);
        return 0;
    case 0x07: /* catch */
    case 0x19: /* catch_all */
        sb_lose(x);
        return 0;
    case 0x0b: /* end */
    case 0x18: /* delegate */
        return sb_end(x);
    case 0x0d: /* br_if */
        (void)sb_pop(x);
        return 0;
    case 0x0e: /* br_table */
        sb_lose(x);
        return 0;
    case 0x10: /* call */
        return sb_call(x, in->imm0);
    case 0x12: /* return_call: counted like a call */
        if (sb_call(x, in->imm0) != 0)
            return -1;
        sb_lose(x);
        return 0;
    case 0x11: /* call_indirect */
    case 0x14: /* call_ref */
        return sb_call_indirect(x, in->imm0, UINT64_MAX, SB_PK_NONE, 0);
    case 0x13: /* return_call_indirect */
    case 0x15: /* return_call_ref */
        if (sb_call_indirect(x, in->imm0, UINT64_MAX, SB_PK_NONE, 0) != 0)
            return -1;
        sb_lose(x);
        return 0;
    case 0x1a: /* drop */
        (void)sb_pop(x);
        return 0;
    case 0x1b: /* select */
    case 0x1c: /* select t */
        sb_select(x);
        return 0;
    case 0x20: /* local.get */
        sb_push(x, sb_local_get(x, in->imm0));
        return 0;
    case 0x21: /* local.set */
        sb_local_set(x, in->imm0, sb_pop(x));
        return 0;
    case 0x22: /* local.tee */
        a = sb_pop(x);
        sb_local_set(x, in->imm0, a);
        sb_push(x, a);
        return 0;
    case 0x23: /* global.get */
        if (x->have_sp && in->imm0 == x->sp_global)
            sb_push(x, sb_sp(x, x->cur));
        else
            sb_push(x, sb_v(V_UNK, 0));
        return 0;
    case 0x24: /* global.set */
        a = sb_pop(x);
        if (x->have_sp && in->imm0 == x->sp_global)
            sb_sp_write(x, a);
        return 0;
    case 0x25: /* table.get */
        sb_effect(x, 1, 1, 0);
        return 0;
    case 0x26: /* table.set */
        sb_effect(x, 2, 0, 0);
        return 0;
    case 0x3f: /* memory.size */
        sb_push(x, sb_v(V_UNK, 0));
        return 0;
    case 0x40: /* memory.grow */
        sb_effect(x, 1, 1, 0);
        return 0;
    case 0x41: /* i32.const */
        sb_push(x, sb_v(V_CONST, sb_wrap32(in->sval)));
        return 0;
    case 0x42: /* i64.const */
    case 0x43: /* f32.const */
    case 0x44: /* f64.const */
    case 0xd0: /* ref.null */
        sb_push(x, sb_v(V_UNK, 0));
        return 0;
    case 0xd2: /* ref.func: the function may be called indirectly */
        sb_set_taken(x, in->imm0);
        sb_push(x, sb_v(V_UNK, 0));
        return 0;
    case 0xd1: /* ref.is_null */
    case 0xd3: /* ref.as_non_null */
    case 0xd4: /* br_on_null */
        sb_effect(x, 1, 1, 0);
        return 0;
    case 0xd5: /* ref.eq */
        sb_effect(x, 2, 1, 0);
        return 0;
    case 0xd6: /* br_on_non_null */
        (void)sb_pop(x);
        return 0;
    case 0xfc:
        sb_prefixed_fc(x, in->sub);
        return 0;
    default:
        break;
    }
    if (op >= 0x28 && op <= 0x35) { /* loads */
        sb_address(x, sb_pop(x));
        sb_push(x, sb_v(V_LOAD, 0));
    } else if (op >= 0x36 && op <= 0x3e) { /* stores: -O0 keeps an alloca pointer in memory */
        sb_address(x, sb_pop(x));
        sb_address(x, sb_pop(x));
    } else if (op >= 0x45 && op <= 0xc4) {
        sb_numeric(x, op);
    } else {
        sb_lose(x); /* SIMD, atomics, GC: stack effect not followed */
    }
    return 0;
}

/* ---- decoding ---- */

/* The walk keeps a bare pointer; these read one immediate with the
 * cursor's LEB128 readers and advance it.  0 when the immediate runs out or
 * is malformed (the caller then leaves the instruction to wb_wasm_decode). */
static inline wb_cursor sb_cursor(const uint8_t *p, const uint8_t *end)
{
    wb_cursor c;
    c.base = p;
    c.p = p;
    c.end = end;
    c.ok = 1;
    c.why = NULL;
    return c;
}

/* A u32 immediate. */
static inline int sb_u32(const uint8_t **pp, const uint8_t *end, uint64_t *out)
{
    wb_cursor c = sb_cursor(*pp, end);
    uint64_t v = wb_uleb_fast(&c, 32);
    if (!c.ok)
        return 0;
    *pp = c.p;
    *out = v;
    return 1;
}

/* An i32 immediate. */
static inline int sb_s32(const uint8_t **pp, const uint8_t *end, int64_t *out)
{
    wb_cursor c = sb_cursor(*pp, end);
    int64_t v = wb_sleb_fast(&c, 32);
    if (!c.ok)
        return 0;
    *pp = c.p;
    *out = v;
    return 1;
}

/* Step over an i64 immediate. */
static inline int sb_skip_sleb64(const uint8_t **pp, const uint8_t *end)
{
    wb_cursor c = sb_cursor(*pp, end);
    (void)wb_sleb_fast(&c, 64);
    if (!c.ok)
        return 0;
    *pp = c.p;
    return 1;
}

/* memarg without a memory index, offset within u32 (the immediates are not
 * used by the analysis; other shapes go to the general decoder). */
static inline int sb_memarg(const uint8_t **pp, const uint8_t *end)
{
    uint64_t u;
    return sb_u32(pp, end, &u) && !(u & 0x40) && sb_u32(pp, end, &u);
}

/* The same, giving the offset. */
static inline int sb_memarg_offset(const uint8_t **pp, const uint8_t *end, uint64_t *offset)
{
    uint64_t u;
    return sb_u32(pp, end, &u) && !(u & 0x40) && sb_u32(pp, end, offset);
}

/* An empty or one-value block type, as the decoder's s33. */
static inline int sb_simple_blocktype(const uint8_t **pp, const uint8_t *end, int64_t *bt)
{
    const uint8_t *p = *pp;
    if (p >= end)
        return 0;
    uint8_t b = *p;
    if (b == 0x40 || (b >= 0x7b && b <= 0x7f) || b == 0x70 || b == 0x6f) {
        *bt = (int64_t)b - 128;
        *pp = p + 1;
        return 1;
    }
    return 0;
}

/* br_table: count, the labels, the default label. */
static inline int sb_br_table(const uint8_t **pp, const uint8_t *end)
{
    uint64_t n, u;
    if (!sb_u32(pp, end, &n))
        return 0;
    for (uint64_t i = 0; i <= n; i++)
        if (!sb_u32(pp, end, &u))
            return 0;
    return 1;
}

static void sb_fill_off(sb_ctx *x, uint32_t upto)
{
    while (x->off_filled <= upto)
        x->off[x->off_filled++] = (uint32_t)x->adj_len;
}

/*
 * One walk of a body.  The common instructions are decoded in place and
 * interpreted at once; any other shape (prefixed opcodes, long or unusual
 * immediates) goes through wb_wasm_decode and sb_step, which give the same
 * results for all of them.  The module has been read (every body decoded
 * and checked) by wb_wasm_read before, so the in-place decoding only has to
 * stay within the body, not to diagnose: a malformed instruction falls to
 * the general decoder, which says what is wrong.
 *
 * A function that never names the stack pointer (or a module without one)
 * has no aux frame of its own: only its calls, indirect calls and function
 * references matter, and sb_skim collects them without following values.
 * It hands the body over to sb_interp (from the start) at the first
 * global.get or global.set of $sp; edges it already added are not added
 * again (mark[]), so the graph is the same as a full walk's.
 */

enum { SB_WALK_END = 1, SB_WALK_SP = 2 };

static int sb_bad_index(sb_ctx *x, const uint8_t *at)
{
    return wb_error_set(x->err, (size_t)(at - x->data), "code",
                        "function %u: bad index at this instruction", x->func);
}

static int sb_edge_limit(sb_ctx *x, const uint8_t *at)
{
    if (x->adj_len >= UINT32_MAX - x->total)
        return wb_error_set(x->err, (size_t)(at - x->data), "code", "too many call edges");
    return 0;
}

/* Decode the instruction at `at` the general way; NULL with err set when it
 * is malformed. */
static const uint8_t *sb_slow_decode(sb_ctx *x, const uint8_t *at, const uint8_t *end, wb_insn *in)
{
    wb_cursor c = wb_cursor_make(x->data, x->size);
    c.p = at;
    c.end = end;
    wb_wasm_decode(&c, in);
    if (!c.ok) {
        wb_error_set(x->err, wb_cursor_offset(&c), "code", "function %u: %s", x->func,
                     c.why ? c.why : "cannot decode");
        return NULL;
    }
    return c.p;
}

/* Calls and references without the operand stack (sb_skim). */
static int sb_skim_call(sb_ctx *x, const uint8_t *at, uint64_t func)
{
    if (func >= x->total)
        return sb_bad_index(x, at);
    (void)sb_edge(x, (uint32_t)func);
    return sb_edge_limit(x, at);
}

static int sb_skim_indirect(sb_ctx *x, const uint8_t *at, uint64_t type, uint64_t table, int pk,
                            uint64_t pv)
{
    if (sb_indirect_edge(x, type, table, pk, pv) != 0)
        return sb_bad_index(x, at);
    return sb_edge_limit(x, at);
}

/* An instruction sb_skim left to the general decoder. */
static int sb_skim_slow(sb_ctx *x, const uint8_t *at, const wb_insn *in, uint64_t *depth)
{
    switch (in->opcode) {
    case 0x02: /* block */
    case 0x03: /* loop */
    case 0x04: /* if */
    case 0x06: /* try */
    case 0x1f: /* try_table */
        ++*depth;
        return 0;
    case 0x0b: /* end */
    case 0x18: /* delegate */
        return --*depth == 0 ? SB_WALK_END : 0;
    case 0x10: /* call */
    case 0x12: /* return_call */
        return sb_skim_call(x, at, in->imm0);
    case 0x11: /* call_indirect */
    case 0x13: /* return_call_indirect */
    case 0x14: /* call_ref */
    case 0x15: /* return_call_ref */
        return sb_skim_indirect(x, at, in->imm0, UINT64_MAX, SB_PK_NONE, 0);
    case 0x23: /* global.get */
    case 0x24: /* global.set */
        return x->have_sp && in->imm0 == x->sp_global ? SB_WALK_SP : 0;
    case 0xd2: /* ref.func */
        sb_set_taken(x, in->imm0);
        return 0;
    default:
        return 0;
    }
}

/* How the walks treat each opcode (sb_interp and sb_skim): SB_OP_SLOW
 * goes to the general decoder and sb_step. */
enum {
    SB_OP_SLOW, SB_OP_LOSE, SB_OP_NOP, SB_OP_BLOCK, SB_OP_IF, SB_OP_ELSE, SB_OP_END, SB_OP_BR,
    SB_OP_BR_IF, SB_OP_BR_TABLE, SB_OP_CALL, SB_OP_CALL_INDIRECT, SB_OP_DROP, SB_OP_SELECT,
    SB_OP_LOCAL_GET, SB_OP_LOCAL_SET, SB_OP_LOCAL_TEE, SB_OP_GLOBAL_GET, SB_OP_GLOBAL_SET,
    SB_OP_LOAD, SB_OP_STORE, SB_OP_I32_CONST, SB_OP_I64_CONST, SB_OP_F32_CONST, SB_OP_F64_CONST,
    SB_OP_UNARY, SB_OP_BINARY, SB_OP_I32_ARITH
};

#define __ SB_OP_SLOW
#define LOSE SB_OP_LOSE
#define NOP SB_OP_NOP
#define BLK SB_OP_BLOCK
#define IF SB_OP_IF
#define ELSE SB_OP_ELSE
#define END SB_OP_END
#define BR SB_OP_BR
#define BRIF SB_OP_BR_IF
#define BRT SB_OP_BR_TABLE
#define CALL SB_OP_CALL
#define CALLI SB_OP_CALL_INDIRECT
#define DROP SB_OP_DROP
#define SEL SB_OP_SELECT
#define LGET SB_OP_LOCAL_GET
#define LSET SB_OP_LOCAL_SET
#define LTEE SB_OP_LOCAL_TEE
#define GGET SB_OP_GLOBAL_GET
#define GSET SB_OP_GLOBAL_SET
#define LD SB_OP_LOAD
#define ST SB_OP_STORE
#define I32 SB_OP_I32_CONST
#define I64 SB_OP_I64_CONST
#define F32 SB_OP_F32_CONST
#define F64 SB_OP_F64_CONST
#define UN SB_OP_UNARY   /* pop 1, push 1: tests, unary ops, conversions */
#define BIN SB_OP_BINARY /* pop 2, push 1: comparisons, i64 and float binary ops */
#define AR SB_OP_I32_ARITH /* i32 binary ops: sb_binop */
static const uint8_t sb_op_class[256] = {
    /* 0x00 */ LOSE, NOP, BLK, BLK, IF, ELSE, __, __, __, __, __, END, BR, BRIF, BRT, LOSE,
    /* 0x10 */ CALL, CALLI, CALL, CALLI, __, __, __, __, __, __, DROP, SEL, __, __, __, __,
    /* 0x20 */ LGET, LSET, LTEE, GGET, GSET, __, __, __, LD, LD, LD, LD, LD, LD, LD, LD,
    /* 0x30 */ LD, LD, LD, LD, LD, LD, ST, ST, ST, ST, ST, ST, ST, ST, ST, __,
    /* 0x40 */ __, I32, I64, F32, F64, UN, BIN, BIN, BIN, BIN, BIN, BIN, BIN, BIN, BIN, BIN,
    /* 0x50 */ UN, BIN, BIN, BIN, BIN, BIN, BIN, BIN, BIN, BIN, BIN, BIN, BIN, BIN, BIN, BIN,
    /* 0x60 */ BIN, BIN, BIN, BIN, BIN, BIN, BIN, UN, UN, UN, AR, AR, AR, AR, AR, AR,
    /* 0x70 */ AR, AR, AR, AR, AR, AR, AR, AR, AR, UN, UN, UN, BIN, BIN, BIN, BIN,
    /* 0x80 */ BIN, BIN, BIN, BIN, BIN, BIN, BIN, BIN, BIN, BIN, BIN, UN, UN, UN, UN, UN,
    /* 0x90 */ UN, UN, BIN, BIN, BIN, BIN, BIN, BIN, BIN, UN, UN, UN, UN, UN, UN, UN,
    /* 0xA0 */ BIN, BIN, BIN, BIN, BIN, BIN, BIN, UN, UN, UN, UN, UN, UN, UN, UN, UN,
    /* 0xB0 */ UN, UN, UN, UN, UN, UN, UN, UN, UN, UN, UN, UN, UN, UN, UN, UN,
    /* 0xC0 */ UN, UN, UN, UN, UN, __, __, __, __, __, __, __, __, __, __, __,
    /* 0xD0 */ __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __,
    /* 0xE0 */ __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __,
    /* 0xF0 */ __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __,
};
#undef __
#undef LOSE
#undef NOP
#undef BLK
#undef IF
#undef ELSE
#undef END
#undef BR
#undef BRIF
#undef BRT
#undef CALL
#undef CALLI
#undef DROP
#undef SEL
#undef LGET
#undef LSET
#undef LTEE
#undef GGET
#undef GSET
#undef LD
#undef ST
#undef I32
#undef I64
#undef F32
#undef F64
#undef UN
#undef BIN
#undef AR

/* Returns SB_WALK_END at the final end, SB_WALK_SP at the first use of $sp,
 * 0 when the bytes end first, -1 on an error (err set). */
static int sb_skim(sb_ctx *x, const uint8_t *p, const uint8_t *end)
{
    uint64_t depth = 1, u, table, pv = 0;
    int64_t sv;
    int pk = SB_PK_NONE;
    wb_insn in;

    while (p < end) {
        const uint8_t *at = p++;
        int r, pk_in = pk;
        pk = SB_PK_NONE;
        switch (sb_op_class[*at]) {
        case SB_OP_LOSE: case SB_OP_NOP: case SB_OP_ELSE: case SB_OP_DROP: case SB_OP_SELECT:
        case SB_OP_UNARY: case SB_OP_BINARY: case SB_OP_I32_ARITH:
            continue;
        case SB_OP_BLOCK:
        case SB_OP_IF:
            if (!sb_simple_blocktype(&p, end, &sv))
                break;
            depth++;
            continue;
        case SB_OP_END:
            if (--depth == 0)
                return SB_WALK_END;
            continue;
        case SB_OP_BR: case SB_OP_BR_IF: case SB_OP_LOCAL_GET: case SB_OP_LOCAL_SET:
        case SB_OP_LOCAL_TEE:
            if (!sb_u32(&p, end, &u))
                break;
            continue;
        case SB_OP_BR_TABLE:
            if (!sb_br_table(&p, end))
                break;
            continue;
        case SB_OP_CALL:
            if (!sb_u32(&p, end, &u))
                break;
            if (sb_skim_call(x, at, u) != 0)
                return -1;
            continue;
        case SB_OP_CALL_INDIRECT:
            if (!sb_u32(&p, end, &u) || !sb_u32(&p, end, &table))
                break;
            if (sb_skim_indirect(x, at, u, table, pk_in, pv) != 0)
                return -1;
            continue;
        case SB_OP_GLOBAL_GET:
        case SB_OP_GLOBAL_SET:
            if (!sb_u32(&p, end, &u))
                break;
            if (x->have_sp && u == x->sp_global)
                return SB_WALK_SP;
            continue;
        case SB_OP_LOAD:
            if (!sb_memarg_offset(&p, end, &u))
                break;
            if (*at == 0x28 && pk_in == SB_PK_CONST) { /* i32.load from a constant address */
                pk = SB_PK_LOAD;
                pv += u;
            }
            continue;
        case SB_OP_STORE:
            if (!sb_memarg(&p, end))
                break;
            continue;
        case SB_OP_I32_CONST:
            if (!sb_s32(&p, end, &sv))
                break;
            pk = SB_PK_CONST;
            pv = (uint32_t)sv;
            continue;
        case SB_OP_I64_CONST:
            if (!sb_skip_sleb64(&p, end))
                break;
            continue;
        case SB_OP_F32_CONST:
            if (end - p < 4)
                break;
            p += 4;
            continue;
        case SB_OP_F64_CONST:
            if (end - p < 8)
                break;
            p += 8;
            continue;
        default:
            break;
        }
        /* the general decoder, from the opcode */
        if (!(p = sb_slow_decode(x, at, end, &in)))
            return -1;
        r = sb_skim_slow(x, at, &in, &depth);
        if (r != 0)
            return r;
    }
    return 0;
}

/* The operand stack as sb_interp keeps it: the height in a register. */
static inline void sb_cpush(sb_cell *vals, uint32_t *h, sb_cell c)
{
    if (*h < SB_VALS_CAP)
        vals[*h] = c;
    if (*h < UINT32_MAX)
        ++*h;
}

static inline sb_cell sb_cpop(const sb_cell *vals, uint32_t *h, uint32_t base)
{
    if (*h <= base)
        return SB_CELL_UNK; /* polymorphic, or lost track */
    --*h;
    return *h < SB_VALS_CAP ? vals[*h] : SB_CELL_UNK;
}

static inline uint8_t sb_ckind(sb_cell c) { return (uint8_t)(c & 7); }

/* The abstract interpreter over a whole body (same results as sb_step for
 * every instruction; the height and block base live in registers and go
 * back to x around the calls that use them).  Returns as sb_skim does, but
 * never SB_WALK_SP. */
static int sb_interp(sb_ctx *x, const uint8_t *p, const uint8_t *end)
{
    sb_cell *const vals = x->vals;
    sb_local *const locals = x->locals;
    const uint32_t stamp = x->stamp;
    uint32_t h = x->h, base = x->base;
    uint64_t u, table, pv = 0;
    int64_t sv;
    int pk = SB_PK_NONE;
    sb_cell a, b;
    wb_insn in;

    while (p < end) {
        const uint8_t *at = p++;
        uint8_t op = *at;
        int r, pk_in = pk;
        pk = SB_PK_NONE;
        switch (sb_op_class[op]) {
        case SB_OP_LOSE: /* unreachable, return */
            h = base;
            sb_top(x)->poly = 1;
            continue;
        case SB_OP_NOP:
            continue;
        case SB_OP_BLOCK: /* block, loop */
        case SB_OP_IF:
            if (!sb_simple_blocktype(&p, end, &sv))
                break;
            if (op == 0x04)
                (void)sb_cpop(vals, &h, base);
            x->h = h;
            sb_block(x, sv);
            h = x->h;
            base = x->base;
            continue;
        case SB_OP_ELSE:
            x->h = h;
            sb_else(x);
            h = x->h;
            continue;
        case SB_OP_END:
            x->h = h;
            if (sb_end(x))
                return SB_WALK_END;
            h = x->h;
            base = x->base;
            continue;
        case SB_OP_BR:
            if (!sb_u32(&p, end, &u))
                break;
            h = base;
            sb_top(x)->poly = 1;
            continue;
        case SB_OP_BR_IF:
            if (!sb_u32(&p, end, &u))
                break;
            (void)sb_cpop(vals, &h, base);
            continue;
        case SB_OP_BR_TABLE:
            if (!sb_br_table(&p, end))
                break;
            h = base;
            sb_top(x)->poly = 1;
            continue;
        case SB_OP_CALL: /* call, return_call (counted like a call) */
            if (!sb_u32(&p, end, &u))
                break;
            x->h = h;
            if (sb_call(x, u) != 0)
                return sb_bad_index(x, at);
            if (op == 0x12)
                sb_lose(x);
            h = x->h;
            if (sb_edge_limit(x, at) != 0)
                return -1;
            continue;
        case SB_OP_CALL_INDIRECT: /* call_indirect, return_call_indirect */
            if (!sb_u32(&p, end, &u) || !sb_u32(&p, end, &table))
                break;
            x->h = h;
            if (sb_call_indirect(x, u, table, pk_in, pv) != 0)
                return sb_bad_index(x, at);
            if (op == 0x13)
                sb_lose(x);
            h = x->h;
            if (sb_edge_limit(x, at) != 0)
                return -1;
            continue;
        case SB_OP_DROP:
            (void)sb_cpop(vals, &h, base);
            continue;
        case SB_OP_SELECT:
            x->h = h;
            sb_select(x);
            h = x->h;
            continue;
        case SB_OP_LOCAL_GET:
            if (!sb_u32(&p, end, &u))
                break;
            sb_cpush(vals, &h,
                     u < SB_LOCALS_CAP && locals[u].stamp == stamp ? locals[u].cell : SB_CELL_UNK);
            continue;
        case SB_OP_LOCAL_SET:
        case SB_OP_LOCAL_TEE:
            if (!sb_u32(&p, end, &u))
                break;
            a = sb_cpop(vals, &h, base);
            if (u < SB_LOCALS_CAP) {
                locals[u].stamp = stamp;
                locals[u].cell = a;
            }
            if (op == 0x22)
                sb_cpush(vals, &h, a);
            continue;
        case SB_OP_GLOBAL_GET:
            if (!sb_u32(&p, end, &u))
                break;
            sb_cpush(vals, &h,
                     x->have_sp && u == x->sp_global ? sb_pack(sb_sp(x, x->cur)) : SB_CELL_UNK);
            continue;
        case SB_OP_GLOBAL_SET:
            if (!sb_u32(&p, end, &u))
                break;
            a = sb_cpop(vals, &h, base);
            if (x->have_sp && u == x->sp_global)
                sb_sp_write(x, sb_unpack(a));
            continue;
        case SB_OP_LOAD:
            if (!sb_memarg_offset(&p, end, &u))
                break;
            if (op == 0x28 && pk_in == SB_PK_CONST) { /* i32.load from a constant address */
                pk = SB_PK_LOAD;
                pv += u;
            }
            if (sb_ckind(sb_cpop(vals, &h, base)) == V_SPSUB)
                x->dynamic = 1; /* as sb_address */
            sb_cpush(vals, &h, (sb_cell)V_LOAD);
            continue;
        case SB_OP_STORE: /* -O0 keeps an alloca pointer in memory */
            if (!sb_memarg(&p, end))
                break;
            a = sb_cpop(vals, &h, base);
            b = sb_cpop(vals, &h, base);
            if (sb_ckind(a) == V_SPSUB || sb_ckind(b) == V_SPSUB)
                x->dynamic = 1;
            continue;
        case SB_OP_I32_CONST:
            if (!sb_s32(&p, end, &sv))
                break;
            pk = SB_PK_CONST;
            pv = (uint32_t)sv;
            sb_cpush(vals, &h, sb_pack(sb_v(V_CONST, sb_wrap32(sv))));
            continue;
        case SB_OP_I64_CONST:
            if (!sb_skip_sleb64(&p, end))
                break;
            sb_cpush(vals, &h, SB_CELL_UNK);
            continue;
        case SB_OP_F32_CONST:
            if (end - p < 4)
                break;
            p += 4;
            sb_cpush(vals, &h, SB_CELL_UNK);
            continue;
        case SB_OP_F64_CONST:
            if (end - p < 8)
                break;
            p += 8;
            sb_cpush(vals, &h, SB_CELL_UNK);
            continue;
        case SB_OP_UNARY:
            (void)sb_cpop(vals, &h, base);
            sb_cpush(vals, &h, SB_CELL_UNK);
            continue;
        case SB_OP_BINARY:
            (void)sb_cpop(vals, &h, base);
            (void)sb_cpop(vals, &h, base);
            sb_cpush(vals, &h, SB_CELL_UNK);
            continue;
        case SB_OP_I32_ARITH:
            b = sb_cpop(vals, &h, base);
            a = sb_cpop(vals, &h, base);
            /* unknown or loaded operands (kinds 0 and 1) give an unknown
             * result (sb_binop); only the others need it */
            if (((a | b) & 6) != 0)
                a = sb_pack(sb_binop(x, op, sb_unpack(a), sb_unpack(b)));
            else
                a = SB_CELL_UNK;
            sb_cpush(vals, &h, a);
            continue;
        default:
            break;
        }
        /* the general decoder and interpreter, from the opcode */
        x->h = h;
        if (!(p = sb_slow_decode(x, at, end, &in)))
            return -1;
        r = sb_step(x, &in);
        if (r < 0)
            return sb_bad_index(x, at);
        if (r == 1)
            return SB_WALK_END;
        if (sb_edge_limit(x, at) != 0)
            return -1;
        h = x->h;
        base = x->base;
    }
    x->h = h;
    return 0;
}

static void sb_begin(sb_ctx *x, uint32_t f)
{
    x->func = f;
    x->h = 0;
    x->nctl = 1;
    x->excess = 0;
    x->ctl[0].base = 0;
    x->ctl[0].nparams = 0;
    x->ctl[0].nresults = 0;
    x->ctl[0].poly = 0;
    x->base = 0;
    x->maxk = 0;
    x->dynamic = 0;
    x->switched = 0;
    x->cur = 0;
    x->nlevels = 0;
    x->stamp = f + 1;
}

static int sb_body(void *vctx, const wb_func_body *body)
{
    sb_ctx *x = vctx;
    uint32_t f = body->func_index;

    if (f >= x->total || f < x->nimports || (x->seen_body && f <= x->last_func))
        return wb_error_set(x->err, body->body_offset, "code", "function %u out of order", f);
    if (x->adj_len >= UINT32_MAX - x->total)
        return wb_error_set(x->err, body->body_offset, "code", "too many call edges");
    x->seen_body = 1;
    x->last_func = f;
    sb_fill_off(x, f);

    sb_begin(x, f);
    uint32_t narrowed = x->narrowed;
    int r = sb_skim(x, body->expr, body->end);
    if (r == SB_WALK_SP) {
        x->narrowed = narrowed; /* the interpretation walks the body again from its start */
        r = sb_interp(x, body->expr, body->end);
    }
    if (r < 0)
        return -1;
    if (x->oom)
        return wb_error_set(x->err, body->body_offset, "code", "out of memory for the call graph");
    x->frame[f] = x->maxk > 0 ? (uint64_t)x->maxk : 0;
    x->dyn[f] = (uint8_t)x->dynamic;
    if (x->switched)
        x->switches++;
    return 0;
}

/* The walk's scratch (edge marks and locals; both stamped per function, so
 * a part may take over what another part left), kept for reuse: the parts
 * allocate as many as run at once, not one each. */
typedef struct sb_walk_scratch {
    pthread_mutex_t lock;
    unsigned n;
    uint32_t *mark[WB_PAR_PARTS_MAX];
    sb_local *locals[WB_PAR_PARTS_MAX];
} sb_walk_scratch;

/* A large code section is walked in parts at the same time (see
 * wb_par_set_part_bytes).  Each part builds its piece of the graph with a
 * context of its own; the pieces are then appended in order, which gives the
 * graph of one walk in function order. */
typedef struct sb_part {
    sb_ctx *x;
    sb_walk_scratch *scratch;
    wb_body_part from;
    uint32_t last;        /* defined-function numbering */
    wb_error err;
    int rc;
} sb_part;

static void sb_part_run(void *ctx, unsigned index)
{
    sb_part *p = (sb_part *)ctx + index;
    sb_ctx *x = p->x;
    sb_walk_scratch *sc = p->scratch;

    p->rc = -1;
    if (sc) {
        pthread_mutex_lock(&sc->lock);
        if (sc->n > 0) {
            sc->n--;
            x->mark = sc->mark[sc->n];
            x->locals = sc->locals[sc->n];
        }
        pthread_mutex_unlock(&sc->lock);
        if (!x->mark) {
            x->mark = calloc(x->nodes ? x->nodes : 1, sizeof *x->mark);
            x->locals = calloc(SB_LOCALS_CAP, sizeof *x->locals);
            if (!x->mark || !x->locals) { /* the pool holds whole pairs only */
                free(x->mark);
                free(x->locals);
                x->mark = NULL;
                x->locals = NULL;
            }
        }
    }
    if (x->mark && x->locals) {
        p->rc = wb_wasm_for_each_body_in(x->data, x->size, x->facts, &p->from, p->last,
                                         sb_body, x);
    } else {
        wb_error_set(x->err, x->facts->section_offset[10], "code",
                     "out of memory for the call graph");
    }
    if (sc && x->mark) {
        /* back for the next part; the graph piece and the taken flags stay */
        pthread_mutex_lock(&sc->lock);
        sc->mark[sc->n] = x->mark;
        sc->locals[sc->n] = x->locals;
        sc->n++;
        pthread_mutex_unlock(&sc->lock);
        x->mark = NULL;
        x->locals = NULL;
    }
}

/* A context for a part after the first: the module's tables and the
 * per-function arrays shared (each part writes its own functions), its own
 * graph piece and taken flags; the walk's scratch comes from the pool. */
static sb_ctx *sb_part_ctx(const sb_ctx *x, uint32_t from, wb_error *err)
{
    sb_ctx *y = malloc(sizeof *y);
    if (!y)
        return NULL;
    /* the module and graph fields; the per-function state (most of the
     * context) is set by sb_begin and stays untouched until used */
    memcpy(y, x, offsetof(sb_ctx, func));
    y->err = err;
    y->adj = NULL;
    y->adj_len = y->adj_cap = 0;
    y->off_filled = from;
    y->switches = y->indirect_sites = y->last_func = y->narrowed = 0;
    y->seen_body = y->oom = 0;
    y->mark = NULL;
    y->locals = NULL;
    y->taken = NULL;
    return y;
}

static void sb_part_ctx_free(sb_ctx *y)
{
    if (!y)
        return;
    free(y->adj);
    free(y->taken);
    free(y);
}

/* Append a later part's edges, offsets and counts to the first's. */
static int sb_join(sb_ctx *x, const sb_ctx *y, uint32_t from)
{
    size_t need = x->adj_len + y->adj_len;
    if (need >= UINT32_MAX - x->total)
        return wb_error_set(x->err, x->facts->section_offset[10], "code", "too many call edges");
    if (need > x->adj_cap) {
        uint32_t *p = realloc(x->adj, (need ? need : 1) * sizeof *p);
        if (!p)
            return wb_error_set(x->err, x->facts->section_offset[10], "code",
                                "out of memory for the call graph");
        x->adj = p;
        x->adj_cap = need;
    }
    if (y->adj_len)
        memcpy(x->adj + x->adj_len, y->adj, y->adj_len * sizeof *y->adj);
    for (uint32_t i = from; i < y->off_filled; i++)
        x->off[i] += (uint32_t)x->adj_len;
    if (y->off_filled > x->off_filled)
        x->off_filled = y->off_filled;
    x->adj_len = need;
    for (uint32_t f = 0; y->taken && f < x->total; f++)
        x->taken[f] |= y->taken[f];
    x->switches += y->switches;
    x->indirect_sites += y->indirect_sites;
    x->narrowed += y->narrowed;
    if (y->seen_body) {
        x->seen_body = 1;
        x->last_func = y->last_func;
    }
    return 0;
}

/* Walk every body: in one piece, or in parts at once. */
static int sb_walk(sb_ctx *x, wb_error *err)
{
    wb_body_part cut[WB_PAR_PARTS_MAX];
    sb_part *part;
    sb_walk_scratch scratch;
    unsigned n = wb_wasm_body_parts(x->data, x->size, x->facts, wb_par_part_bytes(), cut), k;
    int rc = 0;

    if (n < 2) {
        sb_part one = {x, NULL, {0, NULL}, UINT32_MAX, {0, NULL, ""}, 0};
        sb_part_run(&one, 0);
        return one.rc != 0 ? -1 : 0;
    }
    part = calloc(n, sizeof *part);
    if (!part)
        return wb_error_set(err, x->facts->section_offset[10], "code",
                            "out of memory for the call graph");
    /* the analysis' own scratch is the first in the pool */
    pthread_mutex_init(&scratch.lock, NULL);
    scratch.n = 1;
    scratch.mark[0] = x->mark;
    scratch.locals[0] = x->locals;
    x->mark = NULL;
    x->locals = NULL;
    for (k = 0; k < n && rc == 0; k++) {
        part[k].scratch = &scratch;
        part[k].from = cut[k];
        part[k].last = k + 1 < n ? cut[k + 1].first : UINT32_MAX;
        part[k].x = k == 0 ? x : sb_part_ctx(x, x->nimports + cut[k].first, &part[k].err);
        if (!part[k].x)
            rc = wb_error_set(err, x->facts->section_offset[10], "code",
                              "out of memory for the call graph");
    }
    if (rc == 0)
        wb_par_run(n, sb_part_run, part);
    /* every part has given its scratch back: the analysis keeps one */
    x->mark = scratch.mark[0];
    x->locals = scratch.locals[0];
    for (k = 1; k < scratch.n; k++) {
        free(scratch.mark[k]);
        free(scratch.locals[k]);
    }
    pthread_mutex_destroy(&scratch.lock);
    /* room for every part's edges at once, so the joins copy each edge once */
    size_t edges = x->adj_len;
    for (k = 1; k < n && rc == 0; k++)
        edges += part[k].x->adj_len;
    if (rc == 0 && edges > x->adj_cap && edges < UINT32_MAX - x->total) {
        uint32_t *p = realloc(x->adj, edges * sizeof *p);
        if (p) {
            x->adj = p;
            x->adj_cap = edges;
        }
    }
    /* the first part that failed reports, as a walk from start to end would */
    for (k = 0; k < n && rc == 0; k++) {
        rc = part[k].rc;
        if (rc != 0 && k > 0)
            *err = part[k].err;
        else if (rc == 0 && k > 0)
            rc = sb_join(x, part[k].x, x->nimports + cut[k].first);
    }
    for (k = 1; k < n; k++)
        sb_part_ctx_free(part[k].x);
    free(part);
    return rc != 0 ? -1 : 0;
}

static int sb_take(void *vctx, uint32_t func)
{
    sb_ctx *x = vctx;
    if (func < x->total)
        x->taken[func] = 1;
    return 0;
}

/* Class nodes: class c has an edge to every function whose reference is
 * taken and whose type is in class c. */
static int sb_class_edges(sb_ctx *x, uint32_t *targets, wb_error *err)
{
    uint32_t nc = x->types->class_count;
    uint64_t n = 0;

    sb_fill_off(x, x->total);
    for (uint32_t f = 0; f < x->total; f++)
        n += x->taken[f];
    *targets = (uint32_t)n;
    if (n > (uint64_t)UINT32_MAX - 1 - x->adj_len)
        return wb_error_set(err, 0, "code", "too many call edges");
    size_t need = x->adj_len + (size_t)n;
    if (need > x->adj_cap) {
        uint32_t *p = realloc(x->adj, (need ? need : 1) * sizeof *p);
        if (!p)
            return wb_error_set(err, 0, "code", "out of memory for the call graph");
        x->adj = p;
        x->adj_cap = need;
    }
    /* count per class into off[], then place */
    uint32_t *o = x->off + x->total;
    for (uint32_t c = 0; c <= nc; c++)
        o[c] = 0;
    for (uint32_t f = 0; f < x->total; f++)
        if (x->taken[f])
            o[x->types->klass[x->func_type[f]] + 1]++;
    o[0] = (uint32_t)x->adj_len;
    for (uint32_t c = 0; c < nc; c++)
        o[c + 1] += o[c];
    /* o[c] is now the start of class c; use mark[] as fill cursors */
    for (uint32_t c = 0; c < nc; c++)
        x->mark[x->total + c] = o[c];
    for (uint32_t f = 0; f < x->total; f++)
        if (x->taken[f]) {
            uint32_t node = x->total + x->types->klass[x->func_type[f]];
            x->adj[x->mark[node]++] = f;
        }
    x->adj_len = need;
    return 0;
}

/* ------------------------------------------------------- longest paths */

/*
 * Strongly connected components (Tarjan, with an explicit stack) give the
 * recursion and the order: a component is complete only after every
 * component it reaches, so its worst depth is known when it closes.
 * A cyclic component (recursion) is unbounded when one of its functions
 * has a frame: each turn adds it again.  A cycle of frameless functions
 * (musl's frexp calls itself; a zero aux frame) costs nothing on that
 * stack and is bounded by its exits.
 *
 * Recursion is certain when the component holds a cycle of direct calls
 * through a function with a frame; when every such cycle passes through an
 * indirect call (a class node: every function of the call's type), it is
 * only possible, and the conditional bound leaves those calls out.  An
 * annotated depth (`recursion f N`) bounds a component when the annotated
 * functions cut all its cycles (see sb_sub).
 *
 * The operand stack of WAMR's interpreters weighs the same graph with the
 * interpreter frames and combines them differently: a frame is allocated
 * only while twice its size is free above the stack top
 * (wasm_exec_env_alloc_wasm_frame), so what a call of f needs above f's
 * frame base is need(f) = max(2 frame(f), frame(f) + max need(callee)).
 */

typedef struct sb_graph {
    uint32_t n;              /* nodes */
    uint32_t total;          /* function nodes come first */
    uint32_t nimports;       /* imported functions, the first function nodes */
    const uint32_t *off;
    const uint32_t *adj;
} sb_graph;

/* What one bound weighs the nodes with. */
typedef struct sb_weights {
    const uint64_t *frame;   /* per node */
    const uint8_t *dyn;      /* per node: 1 dynamic frame, 2 no frame size known */
    int doubling;            /* the operand stack's rule */
    const uint32_t *depth;   /* per node: annotated recursion depth, 0 none; may be NULL */
} sb_weights;

typedef struct sb_solver {
    /* per node */
    uint32_t *index, *low, *comp;
    uint8_t *on_stack;
    uint32_t *scc_stack;     /* Tarjan's stack */
    uint32_t *call_node, *call_pos; /* the depth-first search stack */
    /* per component */
    uint64_t *worst;         /* deepest use from it, when bounded */
    uint32_t *exit_from, *exit_to; /* the edge the worst path leaves by; exit_to SB_NONE: ends */
    uint32_t *why;           /* unbounded: the function that makes it so */
    uint8_t *kind;           /* 0 bounded, else WB_STACK_* */
    uint8_t *own;            /* its own unbounded kind, not inherited */
    uint8_t *cyclic;
    /* components within a component (sb_sub) */
    uint32_t *sidx, *slow, *scomp, *sstack, *scall, *spos;
    uint8_t *son;
    uint64_t *slen;
    uint64_t *nodew;         /* per node of an annotated recursion: its worst, by where the
                                path enters the component */
    uint8_t *annotated;      /* per component: bounded by annotated depths */
} sb_solver;

static uint64_t sb_add_sat(uint64_t a, uint64_t b) { return a > UINT64_MAX - b ? UINT64_MAX : a + b; }

static uint64_t sb_mul_sat(uint64_t a, uint64_t b)
{
    return a && b > UINT64_MAX / a ? UINT64_MAX : a * b;
}

static uint64_t sb_max(uint64_t a, uint64_t b) { return a > b ? a : b; }

/*
 * One iterative Tarjan walk: per node its index, low link and whether it is
 * on the component stack; the component stack; the depth-first call stack
 * (node, next edge).  counter and top carry over from root to root.
 */
typedef struct sb_scc {
    uint32_t *index, *low, *stack, *call, *pos;
    uint8_t *on;
    uint32_t counter, top;
} sb_scc;

/* The components reachable from root (not yet visited) over the edges
 * keep() accepts (NULL: every edge), each passed to done() as it closes,
 * with its members stack[first..top), then popped.  A non-zero return of
 * done() stops the walk and is returned. */
static int sb_scc_walk(const sb_graph *g, sb_scc *t, uint32_t root,
                       int (*keep)(void *ctx, uint32_t v, uint32_t to),
                       int (*done)(void *ctx, uint32_t first, uint32_t top), void *ctx)
{
    uint32_t sp = 0;

    t->index[root] = t->low[root] = t->counter++;
    t->stack[t->top++] = root;
    t->on[root] = 1;
    t->call[sp] = root;
    t->pos[sp++] = g->off[root];
    while (sp > 0) {
        uint32_t v = t->call[sp - 1];
        if (t->pos[sp - 1] < g->off[v + 1]) {
            uint32_t to = g->adj[t->pos[sp - 1]++];
            if (keep && !keep(ctx, v, to))
                continue;
            if (t->index[to] == SB_NONE) {
                t->index[to] = t->low[to] = t->counter++;
                t->stack[t->top++] = to;
                t->on[to] = 1;
                t->call[sp] = to;
                t->pos[sp++] = g->off[to];
            } else if (t->on[to] && t->index[to] < t->low[v]) {
                t->low[v] = t->index[to];
            }
            continue;
        }
        sp--;
        if (sp > 0 && t->low[v] < t->low[t->call[sp - 1]])
            t->low[t->call[sp - 1]] = t->low[v];
        if (t->low[v] != t->index[v])
            continue;
        uint32_t first = t->top;
        while (t->stack[first - 1] != v)
            first--;
        first--;
        for (uint32_t j = first; j < t->top; j++)
            t->on[t->stack[j]] = 0;
        int rc = done(ctx, first, t->top);
        t->top = first;
        if (rc)
            return rc;
    }
    return 0;
}

enum { SB_SUB_DIRECT = 0, SB_SUB_CUT = 1 };
enum { SB_SUB_OK = 0, SB_SUB_CYCLE = 1 };


/* Whether the edge v -> w stays in the sub-graph of component c. */
static int sb_sub_keeps(const sb_graph *g, const sb_weights *w, const sb_solver *s, uint32_t c,
                        int mode, uint32_t v, uint32_t to)
{
    if (s->comp[to] != c)
        return 0;
    if (mode == SB_SUB_DIRECT)
        return v < g->total && to < g->total; /* calls, not the type's every function */
    return !(to < g->total && w->depth && w->depth[to] > 0); /* not into an annotated function */
}

/* What a walk of sb_sub needs: the component, the mode, the count of
 * sub-components closed so far, and where a cycle's function goes. */
typedef struct sb_sub_ctx {
    const sb_graph *g;
    const sb_weights *w;
    sb_solver *s;
    uint32_t c, nsub, *why;
    int mode;
} sb_sub_ctx;

static int sb_sub_keep(void *ctx, uint32_t v, uint32_t to)
{
    const sb_sub_ctx *k = ctx;
    return sb_sub_keeps(k->g, k->w, k->s, k->c, k->mode, v, to);
}

/* A sub-component closes (members sstack[first..top)): its weight and the
 * longest it adds, or SB_SUB_CYCLE when it is a cycle through a frame. */
static int sb_sub_done(void *ctx, uint32_t first, uint32_t top)
{
    sb_sub_ctx *k = ctx;
    const sb_graph *g = k->g;
    const sb_weights *w = k->w;
    sb_solver *s = k->s;
    uint32_t framed = SB_NONE, nsub = k->nsub;
    uint64_t weight = 0, best = 0;
    int cyc = top - first > 1;

    for (uint32_t j = first; j < top; j++) {
        uint32_t u = s->sstack[j];
        s->scomp[u] = nsub;
        weight = sb_add_sat(weight, w->frame[u]);
        if (w->frame[u] > 0 && framed == SB_NONE)
            framed = u;
    }
    for (uint32_t j = first; j < top; j++) {
        uint32_t u = s->sstack[j];
        for (uint32_t e = g->off[u]; e < g->off[u + 1]; e++) {
            uint32_t to = g->adj[e];
            if (!sb_sub_keep(k, u, to))
                continue;
            /* every target is a member or closed before in this walk */
            if (s->scomp[to] == nsub)
                cyc = 1; /* an edge back into itself (a self-call too) */
            else
                best = sb_max(best, s->slen[s->scomp[to]]);
        }
    }
    if (cyc && framed != SB_NONE) {
        *k->why = framed;
        return SB_SUB_CYCLE;
    }
    /* a frameless cycle adds nothing per turn */
    s->slen[nsub] = sb_add_sat(cyc ? 0 : weight, best);
    k->nsub++;
    return SB_SUB_OK;
}

/*
 * Components within component c (members scc_stack[first..top)), over the
 * direct calls (SB_SUB_DIRECT) or over every edge but those into an
 * annotated function (SB_SUB_CUT).  Returns SB_SUB_CYCLE with *why set when
 * one of them is a cycle through a function with a frame.  Otherwise, in
 * SB_SUB_CUT mode, s->nodew[v] is what the component can add to a path
 * that enters it at v: a first stretch from v (none when v is annotated)
 * plus, for each annotated function a, depth(a) stretches starting at a,
 * each at most the longest path from a that does not enter an annotated
 * function again; *total is the largest of them.
 */
static int sb_sub(const sb_graph *g, const sb_weights *w, sb_solver *s, uint32_t c, uint32_t first,
                  uint32_t top, int mode, uint32_t *why, uint64_t *total)
{
    uint64_t sum = 0;
    sb_sub_ctx k = {g, w, s, c, 0, why, mode};

    sb_scc t = {s->sidx, s->slow, s->sstack, s->scall, s->spos, s->son, 0, 0};
    for (uint32_t i = first; i < top; i++) {
        s->sidx[s->scc_stack[i]] = SB_NONE;
        s->son[s->scc_stack[i]] = 0;
    }
    for (uint32_t i = first; i < top; i++) {
        uint32_t root = s->scc_stack[i];
        if (s->sidx[root] != SB_NONE || (mode == SB_SUB_DIRECT && root >= g->total))
            continue;
        if (sb_scc_walk(g, &t, root, sb_sub_keep, sb_sub_done, &k) == SB_SUB_CYCLE)
            return SB_SUB_CYCLE;
    }
    if (mode == SB_SUB_DIRECT)
        return SB_SUB_OK;
    for (uint32_t i = first; i < top; i++) {
        uint32_t v = s->scc_stack[i];
        if (v < g->total && w->depth && w->depth[v] > 0)
            sum = sb_add_sat(sum, sb_mul_sat(w->depth[v], s->slen[s->scomp[v]]));
    }
    /* entered at v: v's own stretch (none for an annotated v, whose first
     * turn is one of its depth), then the annotated stretches */
    for (uint32_t i = first; i < top; i++) {
        uint32_t v = s->scc_stack[i];
        int ann = v < g->total && w->depth && w->depth[v] > 0;
        s->nodew[v] = sb_add_sat(ann ? 0 : s->slen[s->scomp[v]], sum);
        *total = sb_max(*total, s->nodew[v]);
    }
    return SB_SUB_OK;
}

/* The worst from node v: per node inside an annotated recursion (where a
 * path enters it matters), else its component's. */
static uint64_t sb_node_worst(const sb_solver *s, uint32_t v)
{
    uint32_t c = s->comp[v];
    return s->annotated[c] ? s->nodew[v] : s->worst[c];
}

/* Which unbounded kind to report when several are reachable: a possible
 * recursion only when nothing else stands in the way. */
static int sb_worse(int a, int b)
{
    if (!a || (a == WB_STACK_POSSIBLE_RECURSION && b && b != WB_STACK_POSSIBLE_RECURSION))
        return b;
    return a;
}

/* A component closed: members are scc_stack[first..top). */
static void sb_close(const sb_graph *g, const sb_weights *w, sb_solver *s, uint32_t c,
                     uint32_t first, uint32_t top)
{
    uint64_t sum = 0, best = 0, maxframe = 0, inside = 0;
    uint32_t from = SB_NONE, to = SB_NONE, framed = SB_NONE, dynamic = SB_NONE;
    int cyclic = top - first > 1, inf_kind = 0, own = 0, annotated = 0;
    uint32_t inf_why = SB_NONE, own_why = SB_NONE;

    for (uint32_t i = first; i < top; i++) {
        uint32_t v = s->scc_stack[i];
        s->comp[v] = c;
    }
    for (uint32_t i = first; i < top; i++) {
        uint32_t v = s->scc_stack[i];
        sum = sb_add_sat(sum, w->frame[v]);
        maxframe = sb_max(maxframe, w->frame[v]);
        if (w->frame[v] > 0 && framed == SB_NONE)
            framed = v;
        if (w->dyn[v] && dynamic == SB_NONE)
            dynamic = v;
        for (uint32_t k = g->off[v]; k < g->off[v + 1]; k++) {
            uint32_t u = g->adj[k], cu = s->comp[u];
            if (cu == c) {
                cyclic = 1;
                continue;
            }
            if (s->kind[cu]) {
                int worse = sb_worse(inf_kind, s->kind[cu]);
                if (worse != inf_kind) {
                    inf_kind = worse;
                    inf_why = s->why[cu];
                }
            } else {
                uint64_t uw = sb_node_worst(s, u);
                /* the deepest exit; on a tie, not an import */
                if (from == SB_NONE || uw > best ||
                    (uw == best && to < g->nimports && u >= g->nimports)) {
                    best = uw;
                    from = v;
                    to = u;
                }
            }
        }
    }
    if (dynamic != SB_NONE) {
        own = w->dyn[dynamic] == 2 ? WB_STACK_UNKNOWN_FRAME : WB_STACK_DYNAMIC_FRAME;
        own_why = dynamic;
    } else if (cyclic && sum > 0) {
        uint32_t why = framed;
        int r = SB_SUB_CYCLE;
        if (w->depth) {
            for (uint32_t i = first; i < top && !annotated; i++)
                annotated = s->scc_stack[i] < g->total && w->depth[s->scc_stack[i]] > 0;
            if (annotated)
                r = sb_sub(g, w, s, c, first, top, SB_SUB_CUT, &why, &inside);
        }
        if (r != SB_SUB_OK) {
            annotated = 0;
            own_why = why;
            r = sb_sub(g, w, s, c, first, top, SB_SUB_DIRECT, &own_why, &inside);
            own = r == SB_SUB_OK ? WB_STACK_POSSIBLE_RECURSION : WB_STACK_RECURSION;
            if (r == SB_SUB_OK)
                own_why = framed;
        }
    }
    /* an import that takes nothing on this stack is not worth showing */
    if (to < g->nimports && best == 0 && !w->doubling)
        to = SB_NONE;
    s->cyclic[c] = (uint8_t)cyclic;
    s->annotated[c] = 0;
    s->own[c] = (uint8_t)own;
    s->exit_from[c] = from;
    s->exit_to[c] = to;
    s->worst[c] = 0;
    s->kind[c] = (uint8_t)sb_worse(own, inf_kind);
    s->why[c] = s->kind[c] == own ? own_why : inf_why;
    if (s->kind[c])
        return;
    if (annotated) {
        /* the annotated recursion, then the deepest exit (or, on the
         * operand stack, its largest frame kept free again) */
        uint64_t tail = w->doubling ? sb_max(maxframe, best) : best;
        for (uint32_t i = first; i < top; i++)
            s->nodew[s->scc_stack[i]] = sb_add_sat(s->nodew[s->scc_stack[i]], tail);
        s->worst[c] = sb_add_sat(inside, tail);
        s->annotated[c] = 1;
    } else if (cyclic) {
        s->worst[c] = best; /* frameless cycles add nothing */
    } else if (w->doubling) {
        uint64_t f = w->frame[s->scc_stack[first]];
        if (from == SB_NONE || sb_mul_sat(2, f) >= sb_add_sat(f, best)) {
            s->worst[c] = sb_mul_sat(2, f); /* the path ends at this frame */
            s->exit_to[c] = SB_NONE;
        } else {
            s->worst[c] = sb_add_sat(f, best);
        }
    } else {
        s->worst[c] = sb_add_sat(sum, from == SB_NONE ? 0 : best);
    }
}

/* What the walk of sb_solve needs to close a component. */
typedef struct sb_solve_ctx {
    const sb_graph *g;
    const sb_weights *w;
    sb_solver *s;
    uint32_t ncomp;
} sb_solve_ctx;

static int sb_solve_done(void *ctx, uint32_t first, uint32_t top)
{
    sb_solve_ctx *k = ctx;
    sb_close(k->g, k->w, k->s, k->ncomp++, first, top);
    return 0;
}

/* Components of everything reachable from the entries, with their worst
 * depth; components are numbered in closing order. */
static void sb_solve(const sb_graph *g, const sb_weights *w, const uint32_t *entries,
                     uint32_t nentries, sb_solver *s)
{
    sb_solve_ctx k = {g, w, s, 0};
    sb_scc t = {s->index, s->low, s->scc_stack, s->call_node, s->call_pos, s->on_stack, 0, 0};

    for (uint32_t i = 0; i < g->n; i++)
        s->index[i] = s->comp[i] = SB_NONE;
    memset(s->on_stack, 0, g->n);

    for (uint32_t i = 0; i < nentries; i++) {
        uint32_t e = entries[i];
        if (e >= g->n || s->index[e] != SB_NONE)
            continue;
        sb_scc_walk(g, &t, e, NULL, sb_solve_done, &k);
    }
}

/* The functions of a shortest path from `from` to `to` (class nodes left
 * out) into out[], at most cap of them; returns how many there are. */
static uint32_t sb_shortest(const sb_graph *g, uint32_t from, uint32_t to, uint32_t *parent,
                            uint32_t *queue, uint32_t *out, uint32_t cap)
{
    uint32_t head = 0, tail = 0, len = 0;

    for (uint32_t i = 0; i < g->n; i++)
        parent[i] = SB_NONE;
    parent[from] = from;
    queue[tail++] = from;
    while (head < tail) {
        uint32_t v = queue[head++];
        if (v == to)
            break;
        for (uint32_t k = g->off[v]; k < g->off[v + 1]; k++) {
            uint32_t w = g->adj[k];
            if (parent[w] == SB_NONE) {
                parent[w] = v;
                queue[tail++] = w;
            }
        }
    }
    if (parent[to] == SB_NONE)
        return 0;
    for (uint32_t v = to;; v = parent[v]) {
        if (v < g->total)
            len++;
        if (v == from)
            break;
    }
    uint32_t i = len;
    for (uint32_t v = to;; v = parent[v]) {
        if (v < g->total) {
            i--;
            if (i < cap)
                out[i] = v;
        }
        if (v == from)
            break;
    }
    return len;
}

typedef struct sb_scratch {
    uint32_t *parent, *queue;
    uint32_t hop[WB_STACK_PATH_MAX];
} sb_scratch;

static void sb_path_add(wb_stack_bound *b, const sb_graph *g, const sb_weights *w, uint32_t v)
{
    if (v >= g->total)
        return;
    if (b->path_len == WB_STACK_PATH_MAX) {
        b->path_truncated = 1;
        return;
    }
    b->path[b->path_len].func_index = v;
    b->path[b->path_len].frame_bytes = w->frame[v];
    b->path[b->path_len].times = w->depth && w->depth[v] > 1 ? w->depth[v] : 1;
    b->path_len++;
}

/* The recursion through function r: r -> s -> ... -> r. */
static void sb_cycle(const sb_graph *g, const sb_solver *s, sb_scratch *t, uint32_t r, wb_stack_bound *b)
{
    uint32_t succ = SB_NONE;
    for (uint32_t k = g->off[r]; k < g->off[r + 1]; k++)
        if (s->comp[g->adj[k]] == s->comp[r]) {
            succ = g->adj[k];
            break;
        }
    b->cycle[0] = r;
    b->cycle_len = 1;
    if (succ == SB_NONE || succ == r)
        return;
    uint32_t n = sb_shortest(g, succ, r, t->parent, t->queue, b->cycle + 1, WB_STACK_PATH_MAX - 1);
    /* the path ends at r, which cycle[0] already names */
    uint32_t keep = n > 0 ? n - 1 : 0;
    b->cycle_len = 1 + (keep < WB_STACK_PATH_MAX - 1 ? keep : WB_STACK_PATH_MAX - 1);
    b->cycle_truncated = keep > WB_STACK_PATH_MAX - 1;
}

/* What a path from entry e needs: the component's worst, or on the operand
 * stack the host call's frame below it as well. */
static uint64_t sb_entry_need(const sb_solver *s, const uint64_t *entry_bytes, uint32_t e)
{
    uint64_t worst = sb_node_worst(s, e);
    if (!entry_bytes)
        return worst;
    return sb_max(sb_mul_sat(2, entry_bytes[e]), sb_add_sat(entry_bytes[e], worst));
}

static void sb_fill(const sb_graph *g, const sb_solver *s, const sb_weights *w,
                    const uint64_t *entry_bytes, const uint32_t *entries, uint32_t nentries,
                    sb_scratch *t, wb_stack_bound *b)
{
    memset(b, 0, sizeof *b);
    b->entry = SB_NONE;
    if (nentries == 0)
        return;
    b->analysed = 1;
    /* the worst reason any entry meets (sb_worse), else the deepest entry */
    uint32_t bad = SB_NONE;
    for (uint32_t i = 0; i < nentries; i++) {
        uint32_t c = s->comp[entries[i]];
        if (s->kind[c] && (bad == SB_NONE || sb_worse(s->kind[s->comp[bad]], s->kind[c]) !=
                                                 s->kind[s->comp[bad]]))
            bad = entries[i];
    }
    if (bad != SB_NONE) {
        uint32_t c = s->comp[bad];
        b->entry = bad;
        b->unbounded_kind = s->kind[c];
        if (s->kind[c] == WB_STACK_RECURSION || s->kind[c] == WB_STACK_POSSIBLE_RECURSION) {
            sb_cycle(g, s, t, s->why[c], b);
        } else {
            b->cycle[0] = s->why[c];
            b->cycle_len = 1;
        }
        return;
    }
    uint32_t best = entries[0];
    for (uint32_t i = 1; i < nentries; i++)
        if (sb_entry_need(s, entry_bytes, entries[i]) > sb_entry_need(s, entry_bytes, best))
            best = entries[i];
    b->bounded = 1;
    b->entry = best;
    b->max_bytes = sb_entry_need(s, entry_bytes, best);
    b->entry_bytes = entry_bytes ? entry_bytes[best] : 0;
    if (entry_bytes && sb_mul_sat(2, entry_bytes[best]) >= sb_add_sat(entry_bytes[best],
                                                                     sb_node_worst(s, best)))
        return; /* the host call's own frame decides */
    for (uint32_t v = best; v != SB_NONE && !b->path_truncated;) {
        uint32_t c = s->comp[v], from = s->exit_from[c];
        unsigned at = b->path_len;
        sb_path_add(b, g, w, v);
        if (s->annotated[c]) {
            /* once round the recursion, every frame of it marked with the
             * annotated depth that bounds it */
            uint32_t succ = SB_NONE, depth = 1;
            for (uint32_t k = g->off[v]; k < g->off[v + 1] && succ == SB_NONE; k++)
                if (s->comp[g->adj[k]] == c)
                    succ = g->adj[k];
            uint32_t n = succ == SB_NONE || succ == v
                             ? 0
                             : sb_shortest(g, succ, v, t->parent, t->queue, t->hop, WB_STACK_PATH_MAX);
            for (uint32_t i = 0; i + 1 < n && i < WB_STACK_PATH_MAX; i++)
                sb_path_add(b, g, w, t->hop[i]);
            for (unsigned i = at; i < b->path_len; i++)
                depth = b->path[i].times > depth ? b->path[i].times : depth;
            for (unsigned i = at; i < b->path_len; i++)
                b->path[i].times = depth;
        }
        if (s->cyclic[c] && from != SB_NONE && from != v) {
            /* through the cycle to the member that leaves it */
            uint32_t n = sb_shortest(g, v, from, t->parent, t->queue, t->hop, WB_STACK_PATH_MAX);
            for (uint32_t i = 1; i < n && i < WB_STACK_PATH_MAX; i++)
                sb_path_add(b, g, w, t->hop[i]);
            if (n > WB_STACK_PATH_MAX)
                b->path_truncated = 1;
        }
        v = s->exit_to[c];
    }
}

/* ------------------------------------------------------------- analysis */

struct wb_stack_graph {
    const uint8_t *data;
    size_t size;
    const wb_wasm_facts *facts;
    /* where annotations find functions by name: a copy of the module with
     * its name section when the module itself is stripped, else the module */
    const uint8_t *names_data;
    size_t names_size;
    const wb_wasm_facts *names_facts;
    const wb_stack_notes *notes;   /* the user's and the built-in ones (merged) */
    wb_stack_notes merged;
    sb_types types;
    sb_exports exports;
    uint32_t *func_type;
    sb_ctx *x;
    sb_graph g;
    uint32_t *adj2, *off2;   /* the graph after `indirect` annotations, when there are any */
    uint32_t *depth;         /* per node: `recursion` annotations, NULL without */
    uint32_t *note_of;       /* per function: its annotation + 1, 0 none (NULL without notes) */
    uint32_t *note_func;     /* per annotation: the function it names */
    uint32_t *all;           /* every entry: main entries, then thread entries */
    uint32_t nmain, nthread;
    int pthread_entries;
    uint32_t *slot;          /* table 0's fixed contents */
    sb_data mem;
    uint64_t *mem_at;
    const uint8_t **mem_bytes;
    uint32_t *mem_len;
    sb_solver s;
    sb_scratch t;
    uint32_t *mark2;         /* scratch of the conditional graph */
    uint32_t indirect_targets;
};

static void sb_solver_free(sb_solver *s)
{
    free(s->index);
    free(s->low);
    free(s->comp);
    free(s->on_stack);
    free(s->scc_stack);
    free(s->call_node);
    free(s->call_pos);
    free(s->worst);
    free(s->exit_from);
    free(s->exit_to);
    free(s->why);
    free(s->kind);
    free(s->own);
    free(s->annotated);
    free(s->cyclic);
    free(s->sidx);
    free(s->slow);
    free(s->scomp);
    free(s->sstack);
    free(s->scall);
    free(s->spos);
    free(s->son);
    free(s->slen);
    free(s->nodew);
    memset(s, 0, sizeof *s);
}

static int sb_solver_alloc(sb_solver *s, uint32_t nodes)
{
    size_t n = nodes ? nodes : 1;
    s->index = malloc(n * sizeof *s->index);
    s->low = malloc(n * sizeof *s->low);
    s->comp = malloc(n * sizeof *s->comp);
    s->on_stack = malloc(n);
    s->scc_stack = malloc(n * sizeof *s->scc_stack);
    s->call_node = malloc(n * sizeof *s->call_node);
    s->call_pos = malloc(n * sizeof *s->call_pos);
    s->worst = malloc(n * sizeof *s->worst);
    s->exit_from = malloc(n * sizeof *s->exit_from);
    s->exit_to = malloc(n * sizeof *s->exit_to);
    s->why = malloc(n * sizeof *s->why);
    s->kind = malloc(n);
    s->own = malloc(n);
    s->annotated = malloc(n);
    s->cyclic = malloc(n);
    /* the walks within a component (sb_sub) */
    s->sidx = malloc(n * sizeof *s->sidx);
    s->slow = malloc(n * sizeof *s->slow);
    s->scomp = malloc(n * sizeof *s->scomp);
    s->sstack = malloc(n * sizeof *s->sstack);
    s->scall = malloc(n * sizeof *s->scall);
    s->spos = malloc(n * sizeof *s->spos);
    s->son = malloc(n);
    s->slen = malloc(n * sizeof *s->slen);
    s->nodew = malloc(n * sizeof *s->nodew);
    return s->index && s->low && s->comp && s->on_stack && s->scc_stack && s->call_node &&
                   s->call_pos && s->worst && s->exit_from && s->exit_to && s->why && s->kind &&
                   s->own && s->annotated && s->cyclic && s->sidx && s->slow && s->scomp &&
                   s->sstack && s->scall && s->spos && s->son && s->slen && s->nodew
               ? 0
               : -1;
}

void wb_stack_graph_free(wb_stack_graph *gr)
{
    if (!gr)
        return;
    sb_types_free(&gr->types);
    free(gr->exports.main);
    free(gr->func_type);
    if (gr->x) {
        free(gr->x->adj);
        free(gr->x->off);
        free(gr->x->mark);
        free(gr->x->taken);
        free(gr->x->frame);
        free(gr->x->dyn);
        free(gr->x->locals);
        free(gr->x);
    }
    free(gr->adj2);
    free(gr->off2);
    free(gr->depth);
    free(gr->note_of);
    free(gr->note_func);
    free(gr->merged.notes);
    free(gr->all);
    free(gr->slot);
    free(gr->mem_at);
    free(gr->mem_bytes);
    free(gr->mem_len);
    sb_solver_free(&gr->s);
    free(gr->t.parent);
    free(gr->t.queue);
    free(gr->mark2);
    free(gr);
}

static int sb_alloc_walk(sb_ctx *x, uint32_t total, uint32_t nodes)
{
    size_t n = nodes ? nodes : 1;
    x->off = calloc(n + 1, sizeof *x->off);
    x->mark = calloc(n, sizeof *x->mark);
    x->taken = calloc(total ? total : 1, 1);
    x->frame = calloc(n, sizeof *x->frame);
    x->dyn = calloc(n, 1);
    x->locals = calloc(SB_LOCALS_CAP, sizeof *x->locals);
    return x->off && x->mark && x->taken && x->frame && x->dyn && x->locals ? 0 : -1;
}

/* The stack pointer is the global WAMR takes for it (README: Aux stack)
 * when __heap_base and __data_end are exported.  Without them WAMR takes
 * none, but clang's code still uses the first mutable i32 global (wasm-ld
 * puts __stack_pointer first); a module not built by wasm-ld may use that
 * global for something else, so it counts only when its initial value is
 * a non-zero multiple of the stack alignment, as wasm-ld places it. */
static int sb_stack_pointer_plausible(const wb_wasm_facts *f)
{
    if (!f->stack_pointer_found)
        return 0;
    if (f->heap_base.usable && f->data_end.usable)
        return 1;
    return f->stack_pointer_init != 0 && f->stack_pointer_init % WB_STACK_ALIGN == 0;
}

/* Native frames from the stack-usage file: 1 = dynamic, 2 = no line.
 * LLVM's frame size leaves out the return address a call pushes (on
 * x86: every non-leaf frame + 8 is a multiple of 16 in the calibration
 * files); call_bytes adds it back per frame. */
static int sb_native_frames(const wb_stack_usage *su, uint32_t nimports, uint32_t total,
                            uint32_t nodes, uint64_t **frame, uint8_t **dyn)
{
    *frame = calloc(nodes ? nodes : 1, sizeof **frame);
    *dyn = calloc(nodes ? nodes : 1, 1);
    if (!*frame || !*dyn)
        return -1;
    for (uint32_t f = nimports; f < total; f++) {
        uint32_t n = f - nimports;
        if (n >= su->count || su->frame_bytes[n] == UINT64_MAX)
            (*dyn)[f] = 2;
        else if (su->dynamic && su->dynamic[n])
            (*dyn)[f] = 1;
        else
            (*frame)[f] = sb_add_sat(su->frame_bytes[n], su->call_bytes);
    }
    return 0;
}

/* ---- what the module fixes: table 0's contents, and memory nothing writes ---- */

typedef struct sb_slots {
    uint32_t *slot;
    uint64_t count, cap;
    uint32_t total;
    uint64_t limit;          /* slots a table of this module's elements may reach */
} sb_slots;

static int sb_slot_put(void *ctx, uint64_t slot, uint32_t func)
{
    sb_slots *t = ctx;
    if (slot >= t->limit || (func != UINT32_MAX && func >= t->total))
        return 1; /* elements far apart: not worth the memory, nothing narrowed */
    if (slot >= t->cap) {
        uint64_t nc = t->cap ? t->cap : 64;
        while (nc <= slot)
            nc *= 2;
        uint32_t *p = realloc(t->slot, (size_t)nc * sizeof *p);
        if (!p)
            return 1;
        for (uint64_t i = t->cap; i < nc; i++)
            p[i] = SB_NONE;
        t->slot = p;
        t->cap = nc;
    }
    t->slot[slot] = func == UINT32_MAX ? SB_NONE : func;
    if (slot >= t->count)
        t->count = slot + 1;
    return 0;
}

/* Table 0 keeps its initial contents when the module defines it, does not
 * export it and has no instruction that writes a table. */
static void sb_fixed_table(wb_stack_graph *gr, uint32_t total)
{
    const wb_wasm_facts *f = gr->facts;
    const wb_opcode_counts *o = &f->ops;
    /* wasm-ld fills a table from slot 1 on: room for 16 times the elements */
    sb_slots t = {NULL, 0, 0, total, 16 * ((uint64_t)f->elem_total_elements + 256)};
    if (f->import_table_count > 0 || f->table_count == 0 || gr->exports.table_exported ||
        o->op[0x26] || o->fc[12] || o->fc[14] || o->fc[15] || o->fc[17])
        return;
    if (wb_wasm_for_each_table_slot(gr->data, gr->size, f, 0, sb_slot_put, &t) != 0) {
        free(t.slot);
        return;
    }
    gr->slot = t.slot;
    gr->x->slot = t.slot ? t.slot : NULL;
    gr->x->slot_count = t.count;
    if (!t.slot) { /* an empty table: every call through it traps */
        static const uint32_t none = SB_NONE;
        gr->x->slot = &none;
        gr->x->slot_count = 0;
    }
}

/* Memory keeps its data segments' bytes when nothing can write it: no
 * store, bulk-memory or atomic write in the module, no imported function
 * (a host function may write any address), and a memory the module
 * defines and does not export. */
static void sb_fixed_memory(wb_stack_graph *gr)
{
    const wb_wasm_facts *f = gr->facts;
    const wb_opcode_counts *o = &f->ops;
    wb_cursor c;
    uint32_t n;
    if (f->memory_total != 1 || f->memory_imported || f->memory.is64 || f->import_func_count > 0 ||
        f->export_memory_count > 0 || o->op[0xfe] || o->fc[8] || o->fc[10] || o->fc[11] ||
        o->fd[0x0b] || o->fd[0x58] || o->fd[0x59] || o->fd[0x5a] || o->fd[0x5b])
        return;
    for (unsigned op = 0x36; op <= 0x3e; op++)
        if (o->op[op])
            return;
    if (sb_section(gr->data, gr->size, f, 11, &c) <= 0) {
        c = wb_cursor_make(gr->data, 0);
        n = 0;
    } else if ((uint32_t)wb_uleb(&c, 32) != (n = f->data_segment_count))
        return; /* the count the reader checked */
    if (n > 0) {
        gr->mem_at = calloc(n, sizeof *gr->mem_at);
        gr->mem_bytes = calloc(n, sizeof *gr->mem_bytes);
        gr->mem_len = calloc(n, sizeof *gr->mem_len);
        if (!gr->mem_at || !gr->mem_bytes || !gr->mem_len)
            return;
    }
    uint32_t k = 0;
    for (uint32_t i = 0; i < n && c.ok; i++) {
        uint32_t flags = (uint32_t)wb_uleb(&c, 32);
        int64_t at = 0;
        if (flags == 1) { /* passive: only memory.init copies it, and there is none */
            uint64_t len = wb_uleb(&c, 32);
            (void)wb_cursor_sub(&c, len);
            continue;
        }
        if (flags == 2 && wb_uleb(&c, 32) != 0)
            return;
        if (flags > 2 || wb_u8(&c) != 0x41)
            return; /* an offset that is not i32.const: not known here */
        at = wb_sleb(&c, 32);
        if (wb_u8(&c) != 0x0b)
            return;
        uint64_t len = wb_uleb(&c, 32);
        wb_cursor bytes = wb_cursor_sub(&c, len);
        if (!c.ok)
            return;
        gr->mem_at[k] = (uint32_t)at;
        gr->mem_bytes[k] = bytes.p;
        gr->mem_len[k] = (uint32_t)len;
        k++;
    }
    if (!c.ok)
        return;
    gr->mem.count = k;
    gr->mem.at = gr->mem_at;
    gr->mem.bytes = gr->mem_bytes;
    gr->mem.len = gr->mem_len;
    gr->mem.memory_bytes = f->memory.initial << (f->memory.has_page_size ? f->memory.page_size_log2 : 16);
    gr->x->mem = &gr->mem;
}

/* ---- annotations ---- */

/* The function an annotation names: `func[N]` or a name-section name. */
static int sb_note_func(const wb_stack_graph *gr, const wb_stack_note *n, const char *name,
                        uint32_t *index, wb_error *err)
{
    uint32_t total = gr->g.total;
    if (strncmp(name, "func[", 5) == 0) {
        const char *p = name + 5;
        uint64_t v = 0;
        if (*p == ']')
            goto bad;
        for (; *p >= '0' && *p <= '9'; p++)
            if ((v = v * 10 + (uint64_t)(*p - '0')) > UINT32_MAX)
                goto bad;
        if (p[0] != ']' || p[1] != '\0')
            goto bad;
        if (v >= total)
            return wb_error_set(err, n->line, "annotations",
                                "%s: the module has %u functions (imports counted)", name, total);
        *index = (uint32_t)v;
        return 0;
    }
    switch (wb_wasm_func_by_name(gr->names_data, gr->names_size, gr->names_facts, name,
                                 strlen(name), index)) {
    case 1:
        return 0;
    case -1:
        return wb_error_set(err, n->line, "annotations",
                            "'%.96s' names several functions: use func[N]", name);
    default:
        return wb_error_set(err, n->line, "annotations",
                            "no function is named '%.96s'%s", name,
                            gr->names_facts->has_name_section ? "" : " (the module has no name section: "
                                                              "use func[N])");
    }
bad:
    return wb_error_set(err, n->line, "annotations", "'%.96s': expected func[N]", name);
}

/*
 * Recursions the checker knows a bound of, as if annotated: musl's frexp
 * family (wasi-libc) calls itself once, for a subnormal argument, with the
 * argument scaled into the normal range (src/math/frexp.c).  Applied to a
 * program that imports WASI, to the function of that name when it calls
 * nothing but itself and the file does not annotate it.
 */
static const struct {
    const char *name;
    uint32_t depth;
} sb_builtin_notes[] = {
    {"frexp", 2},
    {"frexpf", 2},
    {"frexpl", 2},
};

static const char sb_builtin_source[] = "wasi-libc: recurses once, for a subnormal argument";

/* The user's annotations and the built-in ones that apply, in one list the
 * graph owns. */
static int sb_merge_notes(wb_stack_graph *gr, const wb_stack_notes *user, wb_error *err)
{
    const size_t nb = sizeof sb_builtin_notes / sizeof sb_builtin_notes[0];
    unsigned nu = user ? user->count : 0;
    const sb_ctx *x = gr->x;

    gr->merged.notes = calloc(nu + nb, sizeof *gr->merged.notes);
    if (!gr->merged.notes)
        return wb_error_set(err, 0, "annotations", "out of memory");
    if (nu)
        memcpy(gr->merged.notes, user->notes, nu * sizeof *user->notes);
    gr->merged.count = nu;
    for (size_t i = 0; i < nb && gr->facts->imports_wasi; i++) {
        uint32_t f;
        int named = 0, self = 0, other = 0;
        if (wb_wasm_func_by_name(gr->names_data, gr->names_size, gr->names_facts,
                                 sb_builtin_notes[i].name,
                                 strlen(sb_builtin_notes[i].name), &f) != 1 ||
            f < gr->facts->import_func_count)
            continue;
        for (unsigned k = 0; k < nu; k++)
            named |= strcmp(user->notes[k].func, sb_builtin_notes[i].name) == 0;
        for (uint32_t k = x->off[f]; k < x->off[f + 1]; k++) {
            self |= x->adj[k] == f;
            other |= x->adj[k] != f;
        }
        if (named || !self || other)
            continue;
        wb_stack_note *n = &gr->merged.notes[gr->merged.count++];
        n->kind = WB_NOTE_RECURSION;
        n->func = sb_builtin_notes[i].name;
        n->depth = sb_builtin_notes[i].depth;
        n->builtin = sb_builtin_source;
    }
    gr->notes = &gr->merged;
    return 0;
}

const wb_stack_notes *wb_stack_graph_notes(const wb_stack_graph *g) { return g ? g->notes : NULL; }

/* Apply the annotations: recursion depths per node; each `indirect`
 * function's calls through class nodes replaced by calls of its targets. */
static int sb_apply_notes(wb_stack_graph *gr, wb_error *err)
{
    const wb_stack_notes *notes = gr->notes;
    sb_ctx *x = gr->x;
    uint32_t total = gr->g.total, n = gr->g.n;
    int any_indirect = 0;
    char name[128];

    if (!notes || notes->count == 0)
        return 0;
    gr->note_of = calloc(total ? total : 1, sizeof *gr->note_of);
    gr->note_func = calloc(notes->count, sizeof *gr->note_func);
    gr->depth = calloc(n ? n : 1, sizeof *gr->depth);
    if (!gr->note_of || !gr->note_func || !gr->depth)
        return wb_error_set(err, 0, "annotations", "out of memory");
    for (unsigned i = 0; i < notes->count; i++) {
        const wb_stack_note *note = &notes->notes[i];
        uint32_t f;
        if (sb_note_func(gr, note, note->func, &f, err) != 0)
            return -1;
        gr->note_func[i] = f;
        if (note->kind == WB_NOTE_RECURSION) {
            if (gr->depth[f])
                return wb_error_set(err, note->line, "annotations",
                                    "the recursion of %s is annotated twice",
                                    wb_stack_func_name(gr->names_data, gr->names_size, gr->names_facts, f, name,
                                                       sizeof name));
            gr->depth[f] = note->depth;
            continue;
        }
        if (gr->note_of[f])
            return wb_error_set(err, note->line, "annotations",
                                "the indirect calls of %s are annotated twice (line %u)",
                                wb_stack_func_name(gr->names_data, gr->names_size, gr->names_facts, f, name, sizeof name),
                                notes->notes[gr->note_of[f] - 1].line);
        gr->note_of[f] = i + 1;
        any_indirect = 1;
        /* every target must be of a type one of its indirect calls uses */
        int calls = 0;
        for (uint32_t k = x->off[f]; k < x->off[f + 1]; k++)
            calls |= x->adj[k] >= total;
        if (!calls)
            return wb_error_set(err, note->line, "annotations",
                                "%s has no indirect call to annotate (none, or each is resolved "
                                "from the module)",
                                wb_stack_func_name(gr->names_data, gr->names_size, gr->names_facts, f, name, sizeof name));
        for (unsigned j = 0; j < note->target_count; j++) {
            uint32_t t, node;
            int ok = 0;
            if (sb_note_func(gr, note, note->targets[j], &t, err) != 0)
                return -1;
            node = total + gr->types.klass[gr->func_type[t]];
            for (uint32_t k = x->off[f]; k < x->off[f + 1] && !ok; k++)
                ok = x->adj[k] == node;
            if (!ok)
                return wb_error_set(err, note->line, "annotations",
                                    "%.96s is of a type none of the indirect calls in %s uses",
                                    note->targets[j],
                                    wb_stack_func_name(gr->names_data, gr->names_size, gr->names_facts, f, name,
                                                       sizeof name));
        }
    }
    if (!any_indirect)
        return 0;
    /* the graph again, with the annotated functions' edges replaced */
    size_t len = 0, cap = (size_t)x->off[n];
    for (uint32_t f = 0; f < total; f++)
        if (gr->note_of[f])
            cap += notes->notes[gr->note_of[f] - 1].target_count;
    gr->off2 = malloc(((size_t)n + 1) * sizeof *gr->off2);
    gr->adj2 = malloc((cap ? cap : 1) * sizeof *gr->adj2);
    if (!gr->off2 || !gr->adj2)
        return wb_error_set(err, 0, "annotations", "out of memory");
    memset(x->mark, 0, (size_t)n * sizeof *x->mark);
    for (uint32_t v = 0; v < n; v++) {
        gr->off2[v] = (uint32_t)len;
        for (uint32_t k = x->off[v]; k < x->off[v + 1]; k++) {
            uint32_t to = x->adj[k];
            if (v < total && gr->note_of[v] && to >= total)
                continue;
            if (x->mark[to] != v + 1) {
                x->mark[to] = v + 1;
                gr->adj2[len++] = to;
            }
        }
        if (v < total && gr->note_of[v]) {
            const wb_stack_note *note = &notes->notes[gr->note_of[v] - 1];
            for (unsigned j = 0; j < note->target_count; j++) {
                uint32_t t = 0;
                (void)sb_note_func(gr, note, note->targets[j], &t, NULL); /* checked above */
                if (x->mark[t] != v + 1) {
                    x->mark[t] = v + 1;
                    gr->adj2[len++] = t;
                }
            }
        }
    }
    gr->off2[n] = (uint32_t)len;
    gr->g.off = gr->off2;
    gr->g.adj = gr->adj2;
    return 0;
}

/* The annotations a solve relied on: `indirect` on a reachable function,
 * `recursion` on a function in a reachable cycle. */
static void sb_notes_used(const wb_stack_graph *gr, const sb_solver *s, wb_stack_result *r)
{
    const wb_stack_notes *notes = gr->notes;
    if (!notes)
        return;
    for (unsigned i = 0; i < notes->count; i++) {
        const wb_stack_note *note = &notes->notes[i];
        uint32_t f = gr->note_func[i];
        int used = 0;
        if (s->index[f] == SB_NONE)
            continue;
        if (note->kind == WB_NOTE_INDIRECT)
            used = 1;
        else
            used = s->comp[f] != SB_NONE && s->cyclic[s->comp[f]];
        if (!used)
            continue;
        int seen = 0;
        for (unsigned k = 0; k < r->notes_used_count && k < WB_STACK_NOTES_MAX; k++)
            seen |= r->notes_used[k] == i;
        if (seen)
            continue;
        if (r->notes_used_count < WB_STACK_NOTES_MAX)
            r->notes_used[r->notes_used_count] = i;
        r->notes_used_count++;
    }
}

/* ---- building the graph ---- */

int wb_stack_graph_build(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                         const wb_stack_notes *notes, wb_stack_graph **out, wb_error *err)
{
    return wb_stack_graph_build_named(data, size, facts, NULL, 0, NULL, notes, out, err);
}

int wb_stack_graph_build_named(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                               const uint8_t *names, size_t names_size,
                               const wb_wasm_facts *names_facts, const wb_stack_notes *notes,
                               wb_stack_graph **out, wb_error *err)
{
    uint32_t nimports = facts->import_func_count;
    uint64_t total64 = (uint64_t)nimports + facts->func_count;
    wb_stack_graph *gr = calloc(1, sizeof *gr);

    *out = NULL;
    if (!gr)
        return wb_error_set(err, 0, "code", "out of memory");
    gr->data = data;
    gr->size = size;
    gr->facts = facts;
    gr->names_data = names && names_facts ? names : data;
    gr->names_size = names && names_facts ? names_size : size;
    gr->names_facts = names && names_facts ? names_facts : facts;
    if (sb_types_read(data, size, facts, &gr->types, err) != 0)
        goto fail;
    if (total64 + gr->types.class_count >= UINT32_MAX) {
        wb_error_set(err, 0, "function", "too many functions");
        goto fail;
    }
    uint32_t total = (uint32_t)total64;
    uint32_t nodes = total + gr->types.class_count;

    gr->func_type = malloc((total ? total : 1) * sizeof *gr->func_type);
    gr->x = calloc(1, sizeof *gr->x);
    gr->t.parent = malloc((nodes ? nodes : 1) * sizeof *gr->t.parent);
    gr->t.queue = malloc((nodes ? nodes : 1) * sizeof *gr->t.queue);
    if (!gr->func_type || !gr->x || !gr->t.parent || !gr->t.queue ||
        sb_alloc_walk(gr->x, total, nodes) != 0 || sb_solver_alloc(&gr->s, nodes) != 0) {
        wb_error_set(err, 0, "code", "out of memory for %u functions", total);
        goto fail;
    }
    if (sb_func_types(data, size, facts, total, gr->func_type, err) != 0 ||
        sb_exports_read(data, size, facts, total, &gr->exports, err) != 0)
        goto fail;

    sb_ctx *x = gr->x;
    x->data = data;
    x->size = size;
    x->facts = facts;
    x->types = &gr->types;
    x->func_type = gr->func_type;
    x->err = err;
    x->nimports = nimports;
    x->total = total;
    x->nodes = nodes;
    x->have_sp = sb_stack_pointer_plausible(facts);
    x->sp_global = facts->stack_pointer_index;

    if (wb_wasm_for_each_elem_func(data, size, facts, sb_take, x) != 0) {
        wb_error_set(err, facts->section_offset[9], "element", "cannot read the element segments");
        goto fail;
    }
    /* the host may store any exported function in an imported or exported table */
    if (facts->import_table_count > 0 || gr->exports.table_exported) {
        for (uint32_t i = 0; i < gr->exports.main_count; i++)
            x->taken[gr->exports.main[i]] = 1;
        if (gr->exports.thread != SB_NONE)
            x->taken[gr->exports.thread] = 1;
    }
    sb_fixed_table(gr, total);
    if (gr->slot || x->slot)
        sb_fixed_memory(gr);
    if (sb_walk(x, err) != 0)
        goto fail;
    if (sb_class_edges(x, &gr->indirect_targets, err) != 0)
        goto fail;
    gr->g.n = nodes;
    gr->g.total = total;
    gr->g.nimports = nimports;
    gr->g.off = x->off;
    gr->g.adj = x->adj;
    if (sb_merge_notes(gr, notes, err) != 0 || sb_apply_notes(gr, err) != 0)
        goto fail;

    /* entries: the main thread's, then the threads' (wasi_thread_start, or
     * lib-pthread's start routines: the functions of type (i32) -> i32 a
     * pointer may hold) */
    gr->nmain = gr->exports.main_count;
    gr->all = malloc(((size_t)gr->nmain + 1) * sizeof *gr->all);
    if (!gr->all) {
        wb_error_set(err, 0, "code", "out of memory");
        goto fail;
    }
    memcpy(gr->all, gr->exports.main, (size_t)gr->nmain * sizeof *gr->all);
    if (gr->exports.thread != SB_NONE) {
        gr->all[gr->nmain] = gr->exports.thread;
        gr->nthread = 1;
    } else if (facts->imports_pthread_create && !gr->types.by_arity) {
        /* lib-pthread's threads start at a function pointer of type (i32) -> i32 */
        for (uint32_t t = 0; t < gr->types.count && !gr->nthread; t++) {
            if (gr->types.params[t] == 1 && gr->types.results[t] == 1 &&
                data[gr->types.pstart[t]] == 0x7f && data[gr->types.rstart[t]] == 0x7f) {
                gr->all[gr->nmain] = total + gr->types.klass[t];
                gr->nthread = 1;
                gr->pthread_entries = 1;
            }
        }
    }
    x->err = NULL; /* the walk's: the context outlives err */
    *out = gr;
    return 0;
fail:
    wb_stack_graph_free(gr);
    return -1;
}

/* ---- the conditional bound of a possible recursion ---- */

/*
 * The graph without the doubtful edges: a function in a component whose
 * own unbounded kind is possible recursion calls, instead of a class node
 * of its own component, those of the class's functions that lie outside
 * the component.  The pairs it leaves out are the assumptions.  Returns 0
 * or -1 (no memory).
 */
typedef struct sb_edges {
    uint32_t *adj;
    size_t len, cap;
} sb_edges;

static int sb_edges_add(sb_edges *e, uint32_t to)
{
    if (e->len == e->cap) {
        size_t nc = e->cap ? e->cap * 2 : 1024;
        uint32_t *p = nc < UINT32_MAX ? realloc(e->adj, nc * sizeof *p) : NULL;
        if (!p)
            return -1;
        e->adj = p;
        e->cap = nc;
    }
    e->adj[e->len++] = to;
    return 0;
}

static void sb_assume(wb_stack_conditional *cond, uint32_t from, uint32_t to)
{
    if (cond->assume_count < WB_STACK_ASSUME_MAX) {
        cond->assumes[cond->assume_count].from = from;
        cond->assumes[cond->assume_count].to = to;
    }
    cond->assume_count++;
}

static int sb_conditional_graph(wb_stack_graph *gr, sb_graph *g2, uint32_t **off2, uint32_t **adj2,
                                wb_stack_conditional *cond)
{
    const sb_graph *g = &gr->g;
    const sb_solver *s = &gr->s;
    sb_edges e = {NULL, 0, 0};
    uint32_t *off = malloc(((size_t)g->n + 1) * sizeof *off);

    if (!gr->mark2)
        gr->mark2 = malloc((g->n ? g->n : 1) * sizeof *gr->mark2);
    if (!off || !gr->mark2)
        goto nomem;
    memset(gr->mark2, 0, (size_t)g->n * sizeof *gr->mark2);
    memset(cond, 0, sizeof *cond);
    for (uint32_t v = 0; v < g->n; v++) {
        uint32_t cv = v < g->total ? s->comp[v] : SB_NONE;
        int doubtful = cv != SB_NONE && s->own[cv] == WB_STACK_POSSIBLE_RECURSION;
        off[v] = (uint32_t)e.len;
        for (uint32_t k = g->off[v]; k < g->off[v + 1]; k++) {
            uint32_t to = g->adj[k];
            if (!(doubtful && to >= g->total && s->comp[to] == cv)) {
                if (gr->mark2[to] != v + 1) {
                    gr->mark2[to] = v + 1;
                    if (sb_edges_add(&e, to) != 0)
                        goto nomem;
                }
                continue;
            }
            /* an indirect call that closes the recursion: only its targets
             * outside the component stay */
            for (uint32_t j = g->off[to]; j < g->off[to + 1]; j++) {
                uint32_t t = g->adj[j];
                if (s->comp[t] == cv) {
                    sb_assume(cond, v, t);
                } else if (gr->mark2[t] != v + 1) {
                    gr->mark2[t] = v + 1;
                    if (sb_edges_add(&e, t) != 0)
                        goto nomem;
                }
            }
        }
    }
    off[g->n] = (uint32_t)e.len;
    *g2 = *g;
    g2->off = off;
    g2->adj = e.adj;
    *off2 = off;
    *adj2 = e.adj;
    return 0;
nomem:
    free(off);
    free(e.adj);
    return -1;
}

/* For each bound left as a possible recursion, the conditional bound.
 * Runs after the bounds are filled: it solves the graph again. */
static int sb_conditionals(wb_stack_graph *gr, const sb_weights *w, const uint64_t *entry_bytes,
                           wb_stack_bound *main_b, wb_stack_bound *thread_b)
{
    wb_stack_bound *b[2] = {main_b, thread_b};
    const uint32_t *ent[2] = {gr->all, gr->all + gr->nmain};
    uint32_t nent[2] = {gr->nmain, gr->nthread};
    wb_stack_conditional cond;
    sb_graph g2;
    uint32_t *off2, *adj2;
    int need = 0;

    for (int i = 0; i < 2; i++)
        need |= b[i]->analysed && !b[i]->bounded &&
                b[i]->unbounded_kind == WB_STACK_POSSIBLE_RECURSION;
    if (!need)
        return 0;
    if (sb_conditional_graph(gr, &g2, &off2, &adj2, &cond) != 0)
        return -1;
    sb_solve(&g2, w, gr->all, gr->nmain + gr->nthread, &gr->s);
    for (int i = 0; i < 2; i++) {
        wb_stack_bound tmp;
        if (!(b[i]->analysed && !b[i]->bounded &&
              b[i]->unbounded_kind == WB_STACK_POSSIBLE_RECURSION))
            continue;
        sb_fill(&g2, &gr->s, w, entry_bytes, ent[i], nent[i], &gr->t, &tmp);
        b[i]->conditional = cond;
        b[i]->conditional.computed = 1;
        b[i]->conditional.bounded = tmp.bounded;
        b[i]->conditional.max_bytes = tmp.bounded ? tmp.max_bytes : 0;
    }
    free(off2);
    free(adj2);
    return 0;
}

/* ---- the bounds ---- */

int wb_stack_bounds(wb_stack_graph *gr, const wb_stack_usage *su, wb_stack_result *r, wb_error *err)
{
    const wb_wasm_facts *facts = gr->facts;
    sb_ctx *x = gr->x;
    uint32_t nimports = facts->import_func_count, total = gr->g.total, nodes = gr->g.n;
    const uint32_t *main_e = gr->all, *thread_e = gr->all + gr->nmain;

    memset(r, 0, sizeof *r);
    r->aux_main.entry = r->aux_thread.entry = SB_NONE;
    r->native_main.entry = r->native_thread.entry = SB_NONE;
    r->operand_main.entry = r->operand_thread.entry = SB_NONE;
    r->functions_analysed = facts->func_count;
    r->types_by_arity = gr->types.by_arity;
    r->indirect_targets = gr->indirect_targets;
    r->stack_switches = x->switches;
    r->indirect_call_sites = x->indirect_sites;
    r->narrowed_sites = x->narrowed;
    r->pthread_entries = gr->pthread_entries;
    for (uint32_t f = nimports; f < total; f++) {
        r->dynamic_frames += x->dyn[f];
        r->frame_functions += x->frame[f] > 0 || x->dyn[f];
    }
    if (su && su->count > facts->func_count)
        return wb_error_set(err, 0, "stack-usage",
                            "the stack-usage file has %u functions but the module defines %u: "
                            "not its file",
                            su->count, facts->func_count);

    if (gr->x->have_sp) {
        sb_weights w = {x->frame, x->dyn, 0, gr->depth};
        sb_solve(&gr->g, &w, gr->all, gr->nmain + gr->nthread, &gr->s);
        sb_fill(&gr->g, &gr->s, &w, NULL, main_e, gr->nmain, &gr->t, &r->aux_main);
        sb_fill(&gr->g, &gr->s, &w, NULL, thread_e, gr->nthread, &gr->t, &r->aux_thread);
        sb_notes_used(gr, &gr->s, r);
        if (sb_conditionals(gr, &w, NULL, &r->aux_main, &r->aux_thread) != 0)
            return wb_error_set(err, 0, "code", "out of memory");
    }
    if (su) {
        uint64_t *nframe;
        uint8_t *ndyn;
        if (sb_native_frames(su, nimports, total, nodes, &nframe, &ndyn) != 0) {
            free(nframe);
            free(ndyn);
            return wb_error_set(err, 0, "stack-usage", "out of memory");
        }
        sb_weights w = {nframe, ndyn, 0, gr->depth};
        sb_solve(&gr->g, &w, gr->all, gr->nmain + gr->nthread, &gr->s);
        sb_fill(&gr->g, &gr->s, &w, NULL, main_e, gr->nmain, &gr->t, &r->native_main);
        sb_fill(&gr->g, &gr->s, &w, NULL, thread_e, gr->nthread, &gr->t, &r->native_thread);
        sb_notes_used(gr, &gr->s, r);
        int rc = sb_conditionals(gr, &w, NULL, &r->native_main, &r->native_thread);
        free(nframe);
        free(ndyn);
        if (rc != 0)
            return wb_error_set(err, 0, "code", "out of memory");
    }
    return 0;
}

const wb_stack_bound *wb_stack_operand_worst(const wb_stack_result *r, int threads)
{
    const wb_stack_bound *m = &r->operand_main, *t = &r->operand_thread;
    if (!threads || !m->analysed || !m->bounded || !t->analysed)
        return m;
    return !t->bounded || t->max_bytes > m->max_bytes ? t : m;
}

int wb_stack_operand(wb_stack_graph *gr, const uint32_t *frame, const uint32_t *entry,
                     uint32_t count, wb_stack_result *r, wb_error *err)
{
    const sb_graph *g = &gr->g;
    uint32_t n = g->n;
    uint64_t *f = NULL, *e = NULL;
    uint8_t *dyn = NULL;
    int rc = -1;

    memset(&r->operand_main, 0, sizeof r->operand_main);
    memset(&r->operand_thread, 0, sizeof r->operand_thread);
    r->operand_main.entry = r->operand_thread.entry = SB_NONE;
    if (count != g->total)
        return wb_error_set(err, 0, "code", "frames for %u functions, the module has %u", count,
                            g->total);
    f = calloc(n ? n : 1, sizeof *f);
    e = calloc(n ? n : 1, sizeof *e);
    dyn = calloc(n ? n : 1, 1);
    if (!f || !e || !dyn) {
        wb_error_set(err, 0, "code", "out of memory");
        goto out;
    }
    for (uint32_t v = 0; v < g->total; v++) {
        f[v] = frame[v];
        e[v] = entry[v];
    }
    /* a class node as an entry (lib-pthread start routines): the host call's
     * frame of the functions it holds, all of one type */
    for (uint32_t v = g->total; v < n; v++)
        for (uint32_t k = g->off[v]; k < g->off[v + 1]; k++)
            e[v] = sb_max(e[v], e[g->adj[k]]);
    sb_weights w = {f, dyn, 1, gr->depth};
    sb_solve(g, &w, gr->all, gr->nmain + gr->nthread, &gr->s);
    sb_fill(g, &gr->s, &w, e, gr->all, gr->nmain, &gr->t, &r->operand_main);
    sb_fill(g, &gr->s, &w, e, gr->all + gr->nmain, gr->nthread, &gr->t, &r->operand_thread);
    sb_notes_used(gr, &gr->s, r);
    if (sb_conditionals(gr, &w, e, &r->operand_main, &r->operand_thread) != 0) {
        wb_error_set(err, 0, "code", "out of memory");
        goto out;
    }
    rc = 0;
out:
    free(f);
    free(e);
    free(dyn);
    return rc;
}

int wb_stack_analyse(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                     const wb_stack_usage *su, wb_stack_result *r, wb_error *err)
{
    wb_stack_graph *g;
    int rc;
    memset(r, 0, sizeof *r);
    if (wb_stack_graph_build(data, size, facts, NULL, &g, err) != 0)
        return -1;
    rc = wb_stack_bounds(g, su, r, err);
    wb_stack_graph_free(g);
    return rc;
}

/* ------------------------------------------------------------ rendering */

typedef struct sb_out {
    char *buf;
    size_t cap, len;
    int full;
} sb_out;

static void sb_put(sb_out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void sb_put(sb_out *o, const char *fmt, ...)
{
    va_list ap;
    if (o->full || o->cap == 0)
        return;
    va_start(ap, fmt);
    int n = vsnprintf(o->buf + o->len, o->cap - o->len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= o->cap - o->len) {
        o->full = 1;
        o->len = o->cap - 1;
        /* mark the cut */
        if (o->cap >= 4)
            memcpy(o->buf + o->cap - 4, "...", 4);
        return;
    }
    o->len += (size_t)n;
}

const char *wb_stack_func_name(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                               uint32_t f, char *buf, size_t cap)
{
    const char *n = data && facts ? wb_wasm_func_name(data, size, facts, f, buf, cap) : NULL;
    if (!n || !*n) {
        snprintf(buf, cap, "func[%u]", f);
        n = buf;
    }
    return n;
}

const char *wb_stack_format_path(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                                 const wb_stack_bound *b, char *buf, size_t cap)
{
    sb_out o = {buf, cap, 0, 0};
    char name[128];

    if (cap == 0)
        return buf;
    buf[0] = '\0';
    if (!b->analysed) {
        sb_put(&o, "not analysed");
        return buf;
    }
    if (b->bounded) {
        if (b->entry_bytes)
            sb_put(&o, "call from the host (%llu B)%s", (unsigned long long)b->entry_bytes,
                   b->path_len ? " -> " : "");
        /* the frames of an annotated recursion: "(a (16 B) -> b (32 B)) x 12" */
        for (unsigned i = 0; i < b->path_len; i++) {
            uint32_t times = b->path[i].times;
            int opens = times > 1 && (i == 0 || b->path[i - 1].times != times);
            int closes = times > 1 && (i + 1 == b->path_len || b->path[i + 1].times != times);
            sb_put(&o, "%s%s%s (%llu B)", i ? " -> " : "", opens ? "(" : "",
                   wb_stack_func_name(data, size, facts, b->path[i].func_index, name, sizeof name),
                   (unsigned long long)b->path[i].frame_bytes);
            if (closes)
                sb_put(&o, ") x %u", times);
        }
        if (b->path_truncated)
            sb_put(&o, " -> ...");
        return buf;
    }
    switch (b->unbounded_kind) {
    case WB_STACK_RECURSION:
    case WB_STACK_POSSIBLE_RECURSION:
        sb_put(&o, "%s: ", b->unbounded_kind == WB_STACK_RECURSION ? "recursion"
                                                                   : "possible recursion");
        for (unsigned i = 0; i < b->cycle_len; i++)
            sb_put(&o, "%s -> ", wb_stack_func_name(data, size, facts, b->cycle[i], name, sizeof name));
        if (b->cycle_truncated)
            sb_put(&o, "... -> ");
        if (b->cycle_len > 0)
            sb_put(&o, "%s", wb_stack_func_name(data, size, facts, b->cycle[0], name, sizeof name));
        break;
    case WB_STACK_DYNAMIC_FRAME:
        sb_put(&o, "dynamic frame in %s",
               b->cycle_len ? wb_stack_func_name(data, size, facts, b->cycle[0], name, sizeof name) : "?");
        break;
    case WB_STACK_UNKNOWN_FRAME:
        sb_put(&o, "no frame size for %s in the stack-usage file",
               b->cycle_len ? wb_stack_func_name(data, size, facts, b->cycle[0], name, sizeof name) : "?");
        break;
    default:
        sb_put(&o, "unresolved indirect call");
        break;
    }
    return buf;
}

const char *wb_stack_reason(int unbounded_kind)
{
    switch (unbounded_kind) {
    case WB_STACK_RECURSION: return "recursion";
    case WB_STACK_POSSIBLE_RECURSION: return "possible-recursion";
    case WB_STACK_DYNAMIC_FRAME: return "dynamic-frame";
    case WB_STACK_UNKNOWN_FRAME: return "unknown-frame";
    case 0: return "";
    default: return "unresolved-call";
    }
}
