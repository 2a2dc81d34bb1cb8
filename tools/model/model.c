/* The model of WAMR's allocations: module facts + profile + settings -> estimate. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "model/interp_tables.h"
#include "model/model.h"
#include "model/model_classic_interp.h"
#include "model/model_fast_interp.h"
#include "model/platforms.h"
#include "model/wamr_versions.h"

/*
 * Sources: WAMR measured on Linux x86-64 (LP64) and x86-32 (ILP32), main at
 * 646b5a9bc and the releases 2.4.5, 2.3.1 and 2.1.0 (the calibration runs in
 * tests/data/calibration; README: How the estimate is computed), WAMR 2.1.0
 * and 2.4.5 measured in NuttX's simulator (tests/data/nuttx-sim), and for
 * the MCU ports WAMR's core/shared/platform/<port> code.  What differs
 * between versions and layouts is in the tables of model/wamr_versions.c,
 * what differs between ports in model/platforms.c; this file applies them
 * the same way to every version and port.
 */

#define KIB 1024u
#define WASM_PAGE 65536u
#define MAX_PAGES 65536u

static uint64_t al(uint64_t x, uint64_t a) { return a ? (x + a - 1) / a * a : x; }
static uint64_t mx(uint64_t a, uint64_t b) { return a > b ? a : b; }
static uint64_t mn(uint64_t a, uint64_t b) { return a < b ? a : b; }

typedef wb_wamr_sizes layout;

/* The thread manager is built in with wasi-threads and with lib-pthread. */
static int thread_manager(const wb_profile *p) { return p->wasi_threads || p->lib_pthread; }

/* Without wasi-threads there is no heap aux-stack allocation: lib-pthread's
 * thread manager cuts the module's aux stack into slices. */
static int aux_stack_slices(const wb_profile *p) { return p->lib_pthread && !p->wasi_threads; }

static int layout_index(const wb_profile *p)
{
    return p->abi == WB_ABI_LP64 ? WB_LAYOUT_LP64
           : p->abi == WB_ABI_ILP32 ? WB_LAYOUT_ILP32 : WB_LAYOUT_ILP32_ALIGN8;
}

/* The struct sizes of the profile's runtime build: its WAMR version's table
 * for its layout, less the parts of build options it lacks, with its own
 * lock types in the structs that hold a lock. */
static layout layout_of(const wb_profile *p, const wb_wamr_version *v)
{
    int k = layout_index(p);
    layout L = v->t->sizes[k];
    wb_lock_sizes lk = wb_lock_sizes_of(p->locks, k);

    if (!wb_profile_ref_types(p)) {
        L.runtime_init -= L.ref_types_runtime_init;
        L.inst_extra -= L.ref_types_inst_extra;
        L.aot_inst_extra -= L.ref_types_aot_inst_extra;
    }
    if (!p->wasi_threads)
        L.runtime_init -= L.wasi_threads_runtime_init;
    if (wb_profile_shared_memory(p))
        L.runtime_init = L.runtime_init - L.mutex + lk.mutex; /* the wait map's lock */
    else
        L.runtime_init -= L.shared_memory_runtime_init;
    if (p->lib_pthread)
        L.runtime_init += L.lib_pthread_runtime_init;
    if (!p->libc_wasi)
        L.runtime_init -= L.libc_wasi_runtime_init;
    if (!p->hw_bound_check)
        L.exec_env -= L.exec_env_hw_bound_check;
    if (thread_manager(p))
        L.exec_env = L.exec_env - L.mutex - L.cond + lk.mutex + lk.cond;
    else
        L.exec_env -= L.exec_env_thread_mgr;
    L.heap_struct = L.heap_struct - L.mutex + lk.mutex;
    L.cluster = L.cluster - L.mutex + lk.mutex + (aux_stack_slices(p) ? L.cluster_slices : 0);
    /* a larger lock grows the instance extras; a smaller one may leave them
     * as they are (padding), so they never shrink below the table's */
    if (lk.mutex > L.mutex) {
        L.inst_extra += L.inst_extra_locks * (lk.mutex - L.mutex);
        L.aot_inst_extra += L.inst_extra_locks * (lk.mutex - L.mutex);
    }
    L.mutex = lk.mutex;
    L.cond = lk.cond;
    return L;
}

int wb_model_struct_sizes(const wb_profile *p, wb_wamr_sizes *out)
{
    const wb_wamr_version *v = wb_wamr_version_find(p->wamr_version);
    if (!v)
        return -1;
    *out = layout_of(p, v);
    return 0;
}

/* ------------------------------------------------------------------ items */

static void add_item(wb_estimate *e, const char *key, const char *label, wb_pool pool,
                     const char *phase, uint64_t bytes, int upper)
{
    wb_item *it;
    if (e->item_count >= WB_MAX_ITEMS || bytes == 0)
        return;
    it = &e->items[e->item_count++];
    it->key = key;
    it->label = label;
    it->pool = pool;
    it->phase = phase;
    it->bytes = bytes;
    it->upper_bound = upper;
}

const char *wb_pool_key(wb_pool pool)
{
    switch (pool) {
    case WB_POOL_GLOBAL_HEAP: return "global_heap";
    case WB_POOL_EXEC_MEMORY: return "exec_memory";
    case WB_POOL_LINEAR_MEMORY: return "linear_memory";
    case WB_POOL_NATIVE_STACK: return "native_stack";
    case WB_POOL_MODULE_BUFFER: return "module_buffer";
    default: return "?";
    }
}

const char *wb_pool_name(wb_pool pool)
{
    switch (pool) {
    case WB_POOL_GLOBAL_HEAP: return "global heap";
    case WB_POOL_EXEC_MEMORY: return "executable memory";
    case WB_POOL_LINEAR_MEMORY: return "linear memory";
    case WB_POOL_NATIVE_STACK: return "native stacks";
    case WB_POOL_MODULE_BUFFER: return "module buffer";
    default: return "?";
    }
}

/* ----------------------------------------------- fast-interp upper bound */

/*
 * Most the fast-interpreter loader emits for each instruction (label L,
 * byte B, slot offset 2; see model_fast_interp.c for the rules).  Used when
 * the module bytes are not at hand or the replay does not model an opcode,
 * so every term covers the largest case of wasm_loader_prepare_bytecode:
 *  - block results: one copy per value at end, and at else for an if
 *    (reserve_block_ret), plus the 2-byte pop of each result when the block
 *    ends in unreachable code (check_block_stack);
 *  - branches: the arity record of wasm_loader_emit_br_info for the largest
 *    result count, plus the pops of wasm_loader_check_br in unreachable code;
 *  - local.set never folded into the previous result; local.tee with the
 *    fake pop and push it does in unreachable code;
 *  - one preserve copy per local.get (preserve_referenced_local copies a
 *    local's value out once per stack entry that still refers to it, when
 *    the local is written or a block is entered) and per value br_if leaves
 *    with offset 0 in unreachable code;
 *  - constants cost only area cells, except in a function with more than
 *    16382 of them, where the area can be full and the rest go inline
 *    (label + 8 + slot); a constant takes at least 2 body bytes, so only a
 *    body of 32766 bytes or more can get there.
 */
void wb_fast_interp_bound(const wb_wasm_facts *f, unsigned L, unsigned B, wb_fast_interp_size *out)
{
    const wb_opcode_counts *o = &f->ops;
    const uint64_t *op = o->op;
    uint64_t t = 0, k, rmax, arity, setc, nblocks, nconst, i;
    /* what target_features declares counts too: the bound stays an upper bound */
    uint32_t feat = f->features | f->declared_features;
    int multi = (feat & WB_FEAT_MULTI_VALUE) != 0;
    unsigned cells_per_local = (feat & WB_FEAT_SIMD) ? 4 : 2;

    rmax = f->type_results_total ? (multi ? f->type_results_total : 1) : 0;
    arity = rmax ? 4 + (uint64_t)rmax * (B + 4 + 2) : 0;
    nblocks = op[0x02] + op[0x03] + op[0x04];
    t += op[0x00] * L;                                   /* unreachable */
    t += op[0x04] * (5 * (uint64_t)L + 2);               /* if + (virtual) else */
    /* block parameters: a copy instruction per block (P_b values) */
    t += mn(nblocks, o->block_params) * (2 * (uint64_t)L + 8 + 2 + B + 2) +
         o->block_params * (B + 4);
    /* block results: a copy per value at end, and at else for an if */
    k = (multi ? L + 8 + B + 4 : L + 4) + 2;
    t += (o->block_results + mn(op[0x04] * (multi ? rmax : 1), o->block_results)) * k;
    /* function end: result copy + return label + result slots */
    t += (uint64_t)f->func_count * (L + rmax * (k + 2));
    t += op[0x0c] * (2 * (uint64_t)L + 4 + arity);       /* br */
    t += op[0x0d] * (2 * (uint64_t)L + 6 + arity);       /* br_if */
    t += op[0x0e] * (L + 6) + (op[0x0e] + o->br_table_targets) * (L + 4 + arity);
    t += op[0x0f] * (L + 2 * rmax);                      /* return */
    t += (op[0x10] + op[0x12]) * (L + 4) + 2 * (o->call_params + o->call_results);
    t += (op[0x11] + op[0x13]) * (L + B + 10) + 2 * (o->call_indirect_params + o->call_indirect_results);
    t += (op[0x1b] + op[0x1c]) * (L + 8);                /* select */
    setc = L + ((uint64_t)cells_per_local * f->func_params_plus_locals_max >= 256 ? 6 : B + 2);
    t += op[0x21] * setc + op[0x22] * (setc + 4);        /* local.set / tee */
    t += (op[0x20] + op[0x0d] * rmax) * (L + 4);         /* preserve copies */
    t += (op[0x23] + op[0x24]) * (L + 6);                /* globals */
    t += (op[0x25] + op[0x26]) * (L + 8);                /* table.get/set */
    for (i = 0x28; i <= 0x3e; i++)
        t += op[i] * (L + 8);                            /* loads, stores */
    t += op[0x3f] * (L + 2) + op[0x40] * (L + 4);
    for (i = 0x45; i <= 0xc4; i++) {                     /* numeric: 1 or 2 operands */
        int two = (i >= 0x46 && i <= 0x4f) || (i >= 0x51 && i <= 0x5a) ||
                  (i >= 0x5b && i <= 0x66) || (i >= 0x6a && i <= 0x78) ||
                  (i >= 0x7c && i <= 0x8a) || (i >= 0x92 && i <= 0x98) || (i >= 0xa0 && i <= 0xa6);
        t += op[i] * (L + (two ? 6 : 4));
    }
    t += op[0xd0] * (L + 2) + op[0xd1] * (L + 4) + op[0xd2] * (L + 6);
    t += op[0xfc] * (L + B + 8 + 6);
    t += op[0xfe] * (L + B + 4 + 8);
    t += op[0xfd] * (L + B + 16 + 8 + 4);                /* SIMD: immediates + 3 slots */
    /* exception handling and GC: not run by the fast interpreter; charged
     * as a label, two immediates and three slots should a build accept them */
    t += (op[0x06] + op[0x07] + op[0x08] + op[0x09] + op[0x0a] + op[0x18] + op[0x19] +
          op[0x1f] + op[0xfb]) * (L + 8 + 6);
    nconst = op[0x41] + op[0x42] + op[0x43] + op[0x44];
    if (f->code_body_bytes_max >= 32766 && nconst > 16382)
        t += (nconst - 16382) * (L + 8 + 2);
    out->code_bytes = t;
    /* constants: at most one area entry per constant instruction */
    out->const_bytes = 4 * (op[0x41] + op[0x43]) + 8 * (op[0x42] + op[0x44]);
    out->const_allocs = f->func_count;
    out->max_function_code = t;
    /* scratch of the largest body: constant pools of up to 16 B per body
     * byte (an 8-byte constant per 2 bytes, capacity doubled, old and new
     * block during growth), operand stacks 6 B per byte, control frames */
    out->max_function_scratch = 24 * f->code_body_bytes_max + 4096;
}

/* ---------------------------------------------------------- the module */

/* Module shape from the wasm, or from the .aot init data when only that is
 * given (counts the .aot does not carry are 0). */
typedef struct shape {
    uint64_t T, Tparams, Tresults, I, Fi, Gi, Mi, Tabi, F, G, M, Tab, E, Ef, ES, n_e, D;
    uint64_t global_data, table_slots, params, locals;
    uint64_t code_body, func_count;
} shape;

static uint64_t table_slots(const wb_wasm_facts *w)
{
    uint64_t s = 0;
    uint32_t i;
    if (w->tables_detailed == 0 || w->tables_detailed < w->import_table_count + w->table_count)
        return w->has_table_grow ? mx(w->table_max_total, 1024u * (w->import_table_count + w->table_count))
                                 : w->table_initial_total;
    for (i = 0; i < w->tables_detailed; i++) {
        const wb_wasm_limits *t = &w->tables[i];
        /* the max when table.grow is used (no max: max(2*initial, 1024)) */
        if (w->has_table_grow)
            s += t->has_max ? t->max : mx(2 * t->initial, 1024);
        else
            s += t->initial;
    }
    return s;
}

static void shape_from_wasm(const wb_wasm_facts *w, shape *s)
{
    memset(s, 0, sizeof *s);
    s->T = w->type_count;
    s->Tparams = w->type_params_total;
    s->Tresults = w->type_results_total;
    s->I = w->import_count;
    s->Fi = w->import_func_count;
    s->Gi = w->import_global_count;
    s->Mi = w->import_memory_count;
    s->Tabi = w->import_table_count;
    s->F = w->func_count;
    s->G = w->global_count;
    s->M = w->memory_count;
    s->Tab = w->table_count;
    s->E = w->export_count;
    s->Ef = w->export_func_count;
    s->ES = w->elem_segment_count;
    s->n_e = w->elem_total_elements;
    s->D = w->data_segment_count;
    s->global_data = w->import_global_value_bytes + w->global_value_bytes;
    s->table_slots = table_slots(w);
    s->params = w->func_params_total;
    s->locals = w->func_locals_total;
    s->code_body = w->code_body_bytes_total;
    s->func_count = w->func_count;
}

static void shape_from_aot(const wb_aot_facts *a, shape *s)
{
    memset(s, 0, sizeof *s);
    s->T = a->type_count;
    s->Tparams = a->type_params_total;
    s->Tresults = a->type_results_total;
    s->Fi = a->import_func_count;
    s->Gi = a->import_global_count;
    s->Mi = 0;
    s->Tabi = a->import_table_count;
    s->I = s->Fi + s->Gi + s->Tabi;
    s->F = a->func_count;
    s->G = a->global_count;
    s->M = a->memory_count;
    s->Tab = a->table_count;
    s->E = a->export_count;
    s->Ef = a->export_func_count;
    s->ES = a->table_init_data_count;
    s->n_e = a->table_init_elements;
    s->D = a->mem_init_data_count;
    s->global_data = a->global_value_bytes;
    s->table_slots = a->table_slots_total;
    s->func_count = a->func_count;
}

/* Instance block shared by both engines (README: Loaded module and its instances). */
static uint64_t instance_block(const layout *L, const shape *s, unsigned extra)
{
    uint64_t tables = (s->Tabi + s->Tab) * 24 + s->table_slots * L->table_slot;
    return al(344 + 120 * (s->Mi + s->M) + s->global_data + tables, 8) + extra;
}

/* Bitmaps of dropped data segments (bulk memory) and, with reference
 * types, of dropped element segments. */
static uint64_t bitmaps(const shape *s, int ref_types)
{
    uint64_t b = 0;
    if (s->D)
        b += 16 + (s->D + 7) / 8;
    if (s->ES && ref_types)
        b += 16 + (s->ES + 7) / 8;
    return b;
}

/* ------------------------------------------------------- linear memory */

typedef struct linear {
    uint64_t init_pages, max_pages, bpp;
    int shared, shrunk, unbounded, has_memory;
    uint64_t heap_base;      /* 0: not usable */
    uint64_t app_heap;       /* bytes of the app heap inside the memory */
    uint64_t initial, worst; /* RAM */
} linear;

/* Memory shrinking and app heap insertion, as memory instantiation does it
 * (README: Linear memory, App heap). */
static void linear_layout(const wb_module_facts *m, const wb_estimate *e, int shrink, linear *lm)
{
    const wb_wasm_facts *w = m->wasm;
    const wb_aot_facts *a = m->aot;
    uint64_t heap = e->heap_size, inc = 0, hb;
    int grow_op;

    memset(lm, 0, sizeof *lm);
    if (a && (!w || e->mode == WB_MODE_AOT)) {
        /* wamrc already applied the shrinking */
        lm->has_memory = a->memory_count > 0;
        lm->init_pages = a->memory_init_pages;
        lm->max_pages = a->memory_max_pages;
        lm->bpp = a->memory_num_bytes_per_page ? a->memory_num_bytes_per_page : WASM_PAGE;
        lm->shared = a->memory_shared;
        lm->shrunk = lm->bpp < WASM_PAGE;
        lm->heap_base = a->aux_heap_base;
        grow_op = w ? w->has_memory_grow : !(lm->init_pages == 1 && lm->max_pages == 1);
        lm->unbounded = 0;
        if (w && !w->memory.has_max && !w->memory.shared && w->has_memory_grow)
            lm->unbounded = 1;
    } else if (w) {
        lm->has_memory = w->memory_total > 0;
        lm->init_pages = w->memory.initial;
        lm->shared = w->memory.shared;
        grow_op = w->has_memory_grow;
        if (w->memory.has_max)
            lm->max_pages = mn(w->memory.max, MAX_PAGES);
        else
            lm->max_pages = MAX_PAGES;
        lm->unbounded = !w->memory.has_max && !w->memory.shared && grow_op;
        lm->bpp = WASM_PAGE;
        if (w->heap_base.usable && w->data_end.usable && w->data_end.value <= w->heap_base.value)
            lm->heap_base = w->heap_base.value;
        if (shrink && lm->has_memory && !grow_op && lm->init_pages > 0) {
            /* no memory.grow: one non-growable page, cut to __heap_base */
            hb = al(lm->heap_base, 8);
            lm->bpp = lm->init_pages * WASM_PAGE;
            if (lm->heap_base && hb < lm->bpp)
                lm->bpp = hb;
            lm->init_pages = lm->max_pages = 1;
            lm->shrunk = 1;
        }
    } else {
        return;
    }
    if (!grow_op && !lm->shared)
        lm->max_pages = mn(lm->max_pages, lm->init_pages);
    if (lm->max_pages < lm->init_pages)
        lm->max_pages = lm->init_pages;

    /* the app heap (README: App heap) */
    if (heap > 0 && lm->has_memory) {
        if (lm->init_pages == lm->max_pages && lm->init_pages == 1) {
            lm->app_heap = heap;
            lm->bpp += heap;                      /* appended to the one page */
        } else if (lm->init_pages == lm->max_pages && lm->init_pages == 0) {
            lm->bpp = heap;
            lm->app_heap = heap;
            inc = 1;
        } else if (lm->heap_base && lm->heap_base < lm->bpp * lm->init_pages) {
            uint64_t last = lm->heap_base % lm->bpp, to_end, nb;
            if (last == 0)
                last = lm->bpp;
            to_end = lm->bpp - last;
            inc = heap > to_end ? (heap - to_end + lm->bpp - 1) / lm->bpp : 0;
            nb = lm->heap_base + heap;
            last = nb % lm->bpp;
            if (last == 0)
                last = lm->bpp;
            if (lm->bpp - last < KIB)
                inc++;
            lm->app_heap = heap;
        } else {
            inc = (heap + lm->bpp - 1) / lm->bpp;
            lm->app_heap = inc * lm->bpp - (inc ? KIB : 0);
        }
        lm->init_pages += inc;
        lm->max_pages = mn(lm->max_pages + inc, MAX_PAGES);
    }
}

/* RAM of the memory: with virtual memory (Linux) touched pages are
 * committed (page-rounded, in place with hardware bound check); other ports
 * allocate the exact size at once, shared memories at their max, and grow a
 * memory by allocating the new size, copying and freeing the old block
 * (os_mremap_slow), so old and new are held at once
 * (core/iwasm/common/wasm_memory.c, each port's os_mmap). */
static void linear_cost(const wb_profile *p, linear *lm, uint64_t threads)
{
    uint64_t page = p->page_size ? p->page_size : 4096;
    uint64_t init = lm->bpp * lm->init_pages, max = lm->bpp * lm->max_pages;
    if (!lm->has_memory)
        return;
    if (wb_platform_rules_of(p->platform)->virtual_memory) {
        lm->initial = al(init, page);
        if (lm->shared || p->hw_bound_check || max == init)
            lm->worst = al(max, page);
        else /* remap by copy (no mremap on 32-bit builds): old + new */
            lm->worst = al(max, page) + al(max - lm->bpp, page);
    } else {
        uint64_t ov = p->mmap_overhead;
        if (lm->shared) {
            lm->initial = max + ov;
            lm->worst = max + ov;
        } else {
            lm->initial = init + ov;
            lm->worst = max == init ? init + ov : max + (max - lm->bpp) + 2 * ov;
        }
    }
    /* a non-shared memory is instantiated again for every thread */
    if (!lm->shared && threads) {
        lm->worst += threads * lm->initial;
    }
}

/* -------------------------------------------------- executable memory */

typedef struct execmem {
    uint64_t code;      /* the text section as in the file (XIP or not, no PLT) */
    uint64_t plt;       /* the PLT appended to the text */
    uint64_t text, data, kept, peak;
    uint64_t text_kept; /* the part of kept that holds the text */
    int bounded;
} execmem;

/*
 * The PLT the AOT loader appends to the text: one entry per symbol of the
 * target's table, each of the target's entry size (get_plt_item_size in
 * aot_reloc_<arch>.c), for the symbols of the runtime build: the target's
 * own (compiler-rt helpers), the AOT intrinsics, and those of bulk memory,
 * shared memory (wasi-threads) and reference types.  Measured: 99 entries
 * of 12 B on x86-64 (main, 2.4.5, 2.3.1), 90 and 95 on 2.1.0 without and
 * with reference types, 92 and 88 in NuttX's simulator (no shared memory).
 */
static const struct {
    const char *prefix;   /* of the wamrc --target / the .aot's arch */
    unsigned entry;       /* bytes per entry */
    size_t base;          /* offsetof the target's own symbols in wb_wamr_plt */
} plt_targets[] = {
    {"x86_64", 12, offsetof(wb_wamr_plt, x86_64)},
    {"aarch64", 32, offsetof(wb_wamr_plt, aarch64)},
    {"thumb", 20, offsetof(wb_wamr_plt, thumb)},
    {"arm", 12, offsetof(wb_wamr_plt, arm)},
    {"riscv64", 20, offsetof(wb_wamr_plt, riscv64)},
};

static uint64_t plt_bytes(const wb_profile *p, const wb_wamr_version *v, const char *arch)
{
    const wb_wamr_plt *t = &v->t->plt;
    if (p->aot_plt_bytes != WB_PROFILE_AUTO)
        return p->aot_plt_bytes;
    for (size_t i = 0; i < sizeof plt_targets / sizeof plt_targets[0]; i++) {
        if (strncmp(arch, plt_targets[i].prefix, strlen(plt_targets[i].prefix)) != 0)
            continue;
        unsigned own;
        memcpy(&own, (const char *)t + plt_targets[i].base, sizeof own);
        uint64_t n = own + t->intrinsics + (p->bulk_memory ? t->bulk_memory : 0) +
                     (wb_profile_shared_memory(p) ? t->shared_memory : 0) +
                     (wb_profile_ref_types(p) ? t->ref_types : 0);
        return n * plt_targets[i].entry;
    }
    return 0; /* i386, riscv32, xtensa: no PLT */
}

/*
 * AOT text and data (aot_loader.c; README: AOT code).  With virtual memory
 * (Linux): page(text + PLT) + Σ page(data_i), mapped twice while text and
 * data are merged.  Other ports: align4(text + PLT) in one block, and the
 * data sections in one block of Σ page(data_i) (2.1.0: one block of its
 * exact size per section), each block with the port's mmap_overhead; the
 * ports that merge text and data (Zephyr, RIOT, RT-Thread; from 2.2.0) then
 * copy both into one page(align4(text + PLT)) + Σ page(data_i) block (peak:
 * all three); XIP keeps the text in the module buffer.  Without an .aot the
 * text is bounded from the wasm code: wamrc's x86-64 code (no bounds
 * checks) was at most 2.9x the wasm bodies and 32-bit code with bounds
 * checks at most 3.2x in the calibration set; 3.25x / 3.5x + 4 KiB is
 * charged, plus 64 B per function and 256 B per exported function, so that
 * modules of many tiny functions stay covered (each function has a frame
 * prologue and epilogue: 118-124 B of text for 70 B bodies in t02/t03, 162 B
 * for 105 B in c03; 400 exports added about 230 B each in c08), and the data
 * sections (jump tables, float constants, stack sizes) at 8 B per br_table
 * target and 64-bit constant, 4 B per function, + two 4 KiB pages (or two
 * of the port's pages, when larger), in four sections.
 */
static void exec_memory(const wb_module_facts *m, const wb_profile *p, const wb_wamr_version *v,
                        const layout *L, execmem *x)
{
    uint64_t page = p->page_size ? p->page_size : 4096, datapages = 0, text, sections;
    const wb_aot_facts *a = m->aot;
    const wb_platform_rules *r = wb_platform_rules_of(p->platform);
    int merge = r->merge_text_data && v->t->aot_text_mapped_twice;
    /* the granule of the data sections: pages when merged into one block
     * or mapped by a kernel, their own size when each is allocated alone */
    uint64_t dpage = (r->virtual_memory || v->t->aot_data_sections_merged) ? page : 1;
    int xip;
    uint32_t i;

    memset(x, 0, sizeof *x);
    if (a) {
        text = a->text_section_bytes;
        x->data = a->data_section_bytes_total;
        uint64_t listed = 0;
        for (i = 0; i < a->data_section_count && i < WB_AOT_MAX_DATA_SECTIONS; i++) {
            datapages += al(a->data_section_bytes[i], dpage);
            listed += a->data_section_bytes[i];
        }
        /* sections past the listed ones: each may start a page of its own */
        if (a->data_section_count > WB_AOT_MAX_DATA_SECTIONS)
            datapages += al(a->data_section_bytes_total - listed, dpage) +
                         (uint64_t)(a->data_section_count - WB_AOT_MAX_DATA_SECTIONS) * dpage;
        sections = a->data_section_count;
        xip = a->xip;
    } else if (m->wasm) {
        const wb_wasm_facts *w = m->wasm;
        int wide = L->ptr == 8 && !p->aot_bounds_checks;
        uint64_t code = w->code_body_bytes_total;
        text = (wide ? code * 13 / 4 : code * 7 / 2) + 64 * (uint64_t)w->func_count +
               256 * (uint64_t)w->export_func_count + 4 * KIB;
        x->data = 8 * (w->ops.br_table_targets + w->ops.op[0x0e] + w->ops.op[0x42] +
                       w->ops.op[0x44]) + 4 * (uint64_t)w->func_count;
        datapages = al(x->data, dpage) + 2 * mx(page, 4 * KIB);
        sections = 4;
        x->bounded = 1;
        xip = p->aot_xip;
    } else {
        return;
    }
    x->code = text;
    x->plt = xip ? 0 : plt_bytes(p, v, a ? a->arch : p->aot_target);
    x->text = xip ? 0 : text + x->plt;
    if (r->virtual_memory) {
        x->text_kept = al(x->text, page);
        x->kept = al(x->text, page) + datapages;
        /* text and data mapped twice while they are merged, where the
         * version does that */
        x->peak = merge ? 2 * x->kept : x->kept;
    } else {
        uint64_t tb = al(x->text, 4), ov = p->mmap_overhead;
        uint64_t blocks = (x->text ? 1 : 0) +
                          (v->t->aot_data_sections_merged ? (sections ? 1 : 0) : sections);
        if (merge && !xip) {
            x->text_kept = al(tb, page) + ov;
            x->kept = al(tb, page) + datapages + ov;
            x->peak = tb + datapages + blocks * ov + x->kept;
        } else {
            x->text_kept = x->text ? tb + ov : 0;
            x->kept = tb + datapages + blocks * ov;
            x->peak = x->kept;
        }
    }
}

/* ------------------------------------------------------------- phases */

static int interp_mode(wb_mode mode) { return mode != WB_MODE_AOT; }

/* The running mode a check uses: the one asked for, else the profile's (AOT for an .aot alone). */
wb_mode wb_model_mode(const wb_module_facts *m, const wb_profile *p, const wb_settings *s)
{
    return s->mode_given ? s->mode : (m && m->wasm ? p->mode : WB_MODE_AOT);
}

static uint32_t type_cells(const uint8_t *ts, uint32_t n)
{
    uint64_t c = 0;
    for (uint32_t i = 0; i < n; i++) {
        int k = wb_wasm_valtype_cells(ts[i]);
        c += k > 0 ? (uint64_t)k : 1u;
    }
    return c > UINT32_MAX ? UINT32_MAX : (uint32_t)c;
}

static uint32_t frame_bytes(uint64_t header, uint64_t cells, uint64_t extra)
{
    uint64_t b = al(header + 4 * cells + extra, 4);
    return b > UINT32_MAX ? UINT32_MAX : (uint32_t)b;
}

/*
 * The frames WAMR's interpreters allocate on the operand stack
 * (wasm_interp_fast.c / wasm_interp_classic.c, wasm_interp_interp_frame_size):
 *  - a call of a defined function: the frame header, then the fast
 *    interpreter's constants, params, locals and the operand area its loader
 *    sizes, or the classic interpreter's params, locals, operand cells and
 *    label stack (max_block_num WASMBranchBlocks);
 *  - a call of an imported function (wasm_interp_call_func_native): the
 *    header and max(param cells, 2);
 *  - a call from the host (wasm_interp_call_wasm): the header and
 *    max(result cells, 2), below the function's own frame.
 */
static int interp_frames(const wb_wasm_facts *w, const uint8_t *wasm, size_t size,
                         const layout *L, wb_mode mode, const uint32_t *cells,
                         const uint32_t *blocks, wb_interp_frames *fr)
{
    wb_interp_tables t;
    uint32_t total = w->import_func_count + w->func_count;
    unsigned hdr = mode == WB_MODE_CLASSIC_INTERP ? L->frame_classic : L->frame_fast;

    if (wb_interp_tables_read(wasm, size, w, &t) != 0)
        return -1;
    fr->frame = malloc((total ? total : 1) * sizeof *fr->frame);
    fr->entry = malloc((total ? total : 1) * sizeof *fr->entry);
    if (!fr->frame || !fr->entry || t.func_total != total) {
        wb_interp_tables_free(&t);
        return -1;
    }
    for (uint32_t f = 0; f < total; f++) {
        const wb_interp_type *ft = &t.types[t.func_type[f]];
        uint32_t rc = type_cells(ft->results, ft->nr);
        fr->entry[f] = frame_bytes(hdr, rc > 2 ? rc : 2, 0);
        if (f < w->import_func_count) {
            uint32_t pc = type_cells(ft->params, ft->np);
            fr->frame[f] = frame_bytes(hdr, pc > 2 ? pc : 2, 0);
        } else {
            uint32_t i = f - w->import_func_count;
            fr->frame[f] = frame_bytes(hdr, cells[i],
                                       blocks ? (uint64_t)blocks[i] * L->branch_block : 0);
        }
    }
    fr->count = total;
    wb_interp_tables_free(&t);
    return 0;
}

void wb_interp_load_free(wb_interp_load *r)
{
    free(r->frames.frame);
    free(r->frames.entry);
    memset(&r->frames, 0, sizeof r->frames);
}

int wb_model_interp_load(const wb_wasm_facts *w, const uint8_t *wasm, size_t size,
                         const wb_profile *p, wb_mode mode, int want_frames, wb_interp_load *r)
{
    const wb_wamr_version *v = wb_wamr_version_find(p->wamr_version);
    layout L;
    uint32_t *cells = NULL, *blocks = NULL;
    size_t nf;

    memset(r, 0, sizeof *r);
    r->frames.why = "";
    if (!v)
        return -1;
    if (!w || !interp_mode(mode))
        return 0;
    L = layout_of(p, v);
    nf = w->func_count ? w->func_count : 1;
    if (want_frames) {
        cells = calloc(nf, sizeof *cells);
        if (mode == WB_MODE_CLASSIC_INTERP)
            blocks = calloc(nf, sizeof *blocks);
        if (!cells || (mode == WB_MODE_CLASSIC_INTERP && !blocks)) {
            free(cells);
            free(blocks);
            return -1;
        }
    }
    /* the fast replay also sizes the loader's scratch in classic mode */
    if (wasm && size &&
        wb_fast_interp_replay_frames(wasm, size, w, L.label, L.byte,
                                     cells && mode == WB_MODE_FAST_INTERP &&
                                         v->t->fast_interp_consts_by_bits,
                                     &r->code, mode == WB_MODE_FAST_INTERP ? cells : NULL) == 0) {
        r->code_exact = 1;
    } else {
        wb_fast_interp_bound(w, L.label, L.byte, &r->code);
        r->frames.why = wasm ? "the module uses instructions the fast-interpreter replay does not "
                               "model"
                             : "no module bytes";
    }
    if (want_frames) {
        int ok = mode == WB_MODE_FAST_INTERP ? r->code_exact
                 : wasm && size && wb_classic_interp_frames(wasm, size, w, cells, blocks) == 0;
        if (mode == WB_MODE_CLASSIC_INTERP && !ok)
            r->frames.why = "the module uses instructions the classic interpreter does not run "
                            "(SIMD, exceptions, GC)";
        if (ok && interp_frames(w, wasm, size, &L, mode, cells, blocks, &r->frames) != 0) {
            wb_interp_load_free(r);
            r->frames.why = "out of memory";
        }
    }
    free(cells);
    free(blocks);
    return 0;
}

int wb_model_estimate(const wb_module_facts *m, const wb_profile *p, const wb_settings *s,
                      wb_estimate *e, const char **why)
{
    return wb_model_estimate_bytes(m, NULL, 0, p, s, e, why);
}

int wb_model_estimate_bytes(const wb_module_facts *m, const uint8_t *wasm, size_t wasm_size,
                            const wb_profile *p, const wb_settings *s, wb_estimate *e,
                            const char **why)
{
    wb_interp_load r;
    int rc;
    if (!m || !p || !s || !e) {
        if (why)
            *why = "missing input";
        return -1;
    }
    if (wb_model_interp_load(m->wasm, wasm, wasm_size, p, wb_model_mode(m, p, s), 0, &r) != 0) {
        if (why)
            *why = "unknown WAMR version";
        return -1;
    }
    rc = wb_model_estimate_loaded(m, &r, p, s, e, why);
    wb_interp_load_free(&r);
    return rc;
}

int wb_model_estimate_loaded(const wb_module_facts *m, const wb_interp_load *il,
                             const wb_profile *p, const wb_settings *s, wb_estimate *e,
                             const char **why)
{
    const wb_wamr_version *v;
    layout L;
    int ref_types;
    shape sh;
    linear lm;
    execmem xm;
    const wb_wasm_facts *w = m ? m->wasm : NULL;
    const wb_aot_facts *a = m ? m->aot : NULL;
    uint64_t wasi = 0, load_kept = 0, load_trans = 0, inst = 0, app_meta = 0, ee = 0;
    uint64_t thread_heap = 0, thread_native = 0, init = 0, allocs = 0, n;
    int heap_linear, heap_exec, heap_stacks, buffer_in_heap;
    const wb_platform_rules *rules;
    static const char *none = "";

    if (why)
        *why = none;
    if (!m || !p || !s || !e) {
        if (why)
            *why = "missing input";
        return -1;
    }
    memset(e, 0, sizeof *e);
    v = wb_wamr_version_find(p->wamr_version);
    if (!v) {
        if (why)
            *why = "unknown WAMR version";
        return -1;
    }
    L = layout_of(p, v);
    ref_types = wb_profile_ref_types(p);
    e->mode = wb_model_mode(m, p, s); /* as the replayed load was made for */
    if (!w && !a) {
        if (why)
            *why = "no module facts";
        return -1;
    }
    if (interp_mode(e->mode) && !w) {
        if (why)
            *why = "the interpreter needs the .wasm module";
        return -1;
    }
    if (w)
        shape_from_wasm(w, &sh);
    else
        shape_from_aot(a, &sh);

    /* settings: stack_size 0 means DEFAULT_WASM_STACK_SIZE (README: WASM stack) */
    e->wasm_stack_size = s->wasm_stack_given ? s->wasm_stack_size : p->wasm_stack_size;
    if (e->wasm_stack_size == 0)
        e->wasm_stack_size = p->default_wasm_stack ? p->default_wasm_stack : 16384;
    /* instantiation first rounds heap_size up to 8 */
    e->heap_size = al(s->heap_size_given ? s->heap_size : p->heap_size, 8);
    if (e->heap_size && ((w && w->exports_malloc && w->exports_free) ||
                         (!w && a && a->exports_malloc_free))) {
        e->heap_size = 0; /* WAMR disables the app heap (README: App heap) */
        e->app_heap_disabled_by_exports = 1;
    }
    e->threads = s->threads;
    rules = wb_platform_rules_of(p->platform);
    heap_linear = rules->linear_in_heap;
    heap_exec = rules->exec_in_heap;
    heap_stacks = rules->stacks_in_heap;

    /* runtime init (measured) */
    init = L.runtime_init;
    e->runtime_init = init;
    add_item(e, "init.runtime", "runtime init (natives, tid allocator, maps)", WB_POOL_GLOBAL_HEAP,
             "runtime_init", init, 0);
    allocs += 8 + (p->lib_pthread ? 2 : 0);

    /* module load */
    if (interp_mode(e->mode)) {
        wb_fast_interp_size fi = il ? il->code : (wb_fast_interp_size){0, 0, 0, 0, 0};
        uint64_t structs = L.module, types, funcs, rest;
        int exact = il && il->code_exact;
        if (!il)
            wb_fast_interp_bound(w, L.label, L.byte, &fi);
        if (e->mode == WB_MODE_CLASSIC_INTERP) {
            /* classic interp keeps running the bytes in the module buffer;
             * it allocates a block-address cache per exec env, not code */
            fi.code_bytes = fi.const_bytes = 0;
            exact = 1;
        }
        e->fast_interp_exact = exact;
        e->fast_interp_code = fi.code_bytes + fi.const_bytes;
        types = sh.T * L.ptr + sh.T * L.functype_hdr + sh.Tparams + sh.Tresults;
        funcs = sh.F * L.ptr + sh.F * L.function + sh.locals + 2 * (sh.params + sh.locals);
        rest = (uint64_t)L.table * sh.Tab + (uint64_t)L.memory * sh.M + (uint64_t)L.global * sh.G + (uint64_t)L.export_ * sh.E +
               (uint64_t)L.table_seg * sh.ES + (uint64_t)L.init_expr * sh.n_e +
               (uint64_t)(L.ptr + L.data_seg) * sh.D;
        add_item(e, "load.module_struct", "module struct", WB_POOL_GLOBAL_HEAP, "load", structs, 0);
        add_item(e, "load.types", "function types", WB_POOL_GLOBAL_HEAP, "load", types, 0);
        add_item(e, "load.imports", "imports", WB_POOL_GLOBAL_HEAP, "load", L.import * sh.I, 0);
        add_item(e, "load.functions", "function structs, local types and offsets",
                 WB_POOL_GLOBAL_HEAP, "load", funcs, 0);
        add_item(e, "load.fast_interp_code", "fast-interpreter compiled code",
                 WB_POOL_GLOBAL_HEAP, "load", fi.code_bytes, !exact);
        add_item(e, "load.fast_interp_consts", "fast-interpreter constant areas",
                 WB_POOL_GLOBAL_HEAP, "load", fi.const_bytes, !exact);
        add_item(e, "load.tables_globals_exports", "tables, memories, globals, exports, segments",
                 WB_POOL_GLOBAL_HEAP, "load", rest, 0);
        load_kept = structs + types + L.import * sh.I + funcs + fi.code_bytes + fi.const_bytes + rest;
        /* transient: loader context, label lists, operand/offset stacks of
         * the largest function; measured 1.5 KiB [1.1] up to 2.5 KiB (bound:
         * 2 B per byte of the largest body on top of the base, or the
         * replay's per-function scratch when larger: a constant-heavy
         * function fills constant pools of 4-8 B per constant) */
        load_trans = (L.ptr == 8 ? 1600 : 1200) +
                     mx(2 * w->code_body_bytes_max, fi.max_function_scratch);
        allocs += 16 + sh.T + 5 * sh.F + fi.const_allocs + 2 * sh.ES + 2 * sh.D + 2 * sh.I + sh.E;
    } else {
        uint64_t base, DS = a ? a->data_section_count : 0, rel;
        base = L.aot_module + (uint64_t)L.memory * sh.M /* AOTMemory is WASMMemory */ + L.ptr * sh.D + (uint64_t)L.aot_mem_init * sh.D +
               (uint64_t)L.aot_import_mem * sh.Mi + (uint64_t)L.aot_import_table * sh.Tabi +
               (uint64_t)L.table * sh.Tab /* AOTTable is WASMTable */ + L.ptr * sh.ES + (uint64_t)L.aot_table_init_hdr * sh.ES +
               (uint64_t)L.init_expr * sh.n_e + sh.T * L.ptr + sh.T * L.functype_hdr + sh.Tparams +
               sh.Tresults + (uint64_t)L.aot_import_global * sh.Gi + (uint64_t)L.aot_global * sh.G +
               (uint64_t)L.aot_import_func * sh.Fi + (uint64_t)L.aot_data_section * DS +
               (uint64_t)L.aot_func_inst * sh.F + (uint64_t)L.export_ * sh.E;
        if (!a) /* data sections unknown: allow for 4 */
            base += 4 * (uint64_t)L.aot_data_section;
        add_item(e, "load.aot_module", "AOT module structures", WB_POOL_GLOBAL_HEAP, "load", base, !a);
        load_kept = base;
        if (v->t->aot_data_copied) {
            /* data segments copied next to their AOTMemInitData (aot_mem_init
             * counts up to the bytes), not borrowed from the module buffer */
            uint64_t bytes = a ? a->mem_init_data_bytes : w->data_bytes;
            add_item(e, "load.aot_data_segments", "AOT data segments copied into the heap",
                     WB_POOL_GLOBAL_HEAP, "load", bytes, 0);
            load_kept += bytes;
        }
        /* transient: relocation groups and symbol tables while linking:
         * at most 1.73 x the relocation section in the calibration set (charged 1.75x), plus
         * the export map; without an .aot, 2.1 x the bounded text (relocations
         * were at most 1.24 x the text, scratch 2.05 x) */
        rel = a ? a->section_bytes[5] : 0;
        if (a)
            load_trans = rel * 7 / 4 + 8 * sh.E + 1024;
        else
            load_trans = 0; /* filled below from the text bound */
        allocs += 32 + sh.T + 2 * sh.ES + sh.D + sh.I + DS + sh.E;
    }

    /* executable memory (AOT only) */
    if (e->mode == WB_MODE_AOT) {
        exec_memory(m, p, v, &L, &xm);
        e->aot_code_bounded = xm.bounded;
        if (!a)
            load_trans = 21 * xm.text / 10 + 8 * sh.E + 1024;
        e->exec_memory = xm.kept;
        e->exec_memory_peak = xm.peak;
        e->exec_text = xm.text_kept;
        e->aot_plt = xm.plt;
        add_item(e, "exec.aot_text_data", heap_exec ? "AOT text + data (in the global heap)"
                                                    : "AOT text + PLT + data mappings",
                 heap_exec ? WB_POOL_GLOBAL_HEAP : WB_POOL_EXEC_MEMORY, "load", xm.kept, xm.bounded);
    }
    e->module_load = load_kept;
    e->module_load_peak = load_kept + load_trans;
    add_item(e, "load.transient", "loader scratch (freed before load returns)", WB_POOL_GLOBAL_HEAP,
             "load", load_trans, 1);

    /* instance */
    if (p->libc_wasi)
        wasi = L.wasi_ctx;
    if (interp_mode(e->mode)) {
        inst = instance_block(&L, &sh, L.inst_extra) + bitmaps(&sh, ref_types) + 24 * (sh.Gi + sh.G) +
               L.ptr * (sh.Mi + sh.M) + L.ptr * (sh.Tabi + sh.Tab) +
               (uint64_t)L.func_inst * (sh.Fi + sh.F) + L.ptr * sh.Fi +
               (uint64_t)L.export_func_inst * sh.Ef;
    } else {
        inst = instance_block(&L, &sh, L.aot_inst_extra) + bitmaps(&sh, ref_types) +
               (uint64_t)L.aot_func_inst * (sh.Fi + sh.F) + L.ptr * (sh.Tabi + sh.Tab) +
               L.ptr * (sh.Mi + sh.M) + (uint64_t)L.aot_export * sh.Ef;
    }
    if (L.ptr == 4)
        inst += 16; /* the 32-bit instance formula was within 16 B of the measurements */
    add_item(e, "instance.module_inst", "module instance (globals, tables, functions, exports)",
             WB_POOL_GLOBAL_HEAP, "instantiate", inst, 0);
    add_item(e, "instance.wasi_ctx", "WASI context (argv, env, preopens: bound for a short argv)",
             WB_POOL_GLOBAL_HEAP, "instantiate", wasi, 1);
    allocs += 24 + (sh.D ? 1 : 0) + (sh.ES ? 1 : 0);

    /* linear memory */
    linear_layout(m, e, wb_profile_shrunk_memory(p), &lm);
    if (e->heap_size && lm.has_memory) {
        app_meta = L.heap_struct;
        add_item(e, "instance.app_heap_struct", "app heap allocator struct", WB_POOL_GLOBAL_HEAP,
                 "instantiate", app_meta, 0);
    }
    linear_cost(p, &lm, e->threads);
    e->memory_initial_pages = lm.init_pages;
    e->memory_max_pages = lm.max_pages;
    e->bytes_per_page = lm.bpp;
    e->memory_shrunk = lm.shrunk;
    e->memory_unbounded = lm.unbounded;
    e->app_heap = lm.app_heap;
    e->linear_memory_initial = lm.initial;
    e->linear_memory_max = lm.worst;
    e->instance = inst + wasi + app_meta + (heap_linear ? lm.initial : 0);
    add_item(e, "linear.initial", "linear memory at instantiation",
             heap_linear ? WB_POOL_GLOBAL_HEAP : WB_POOL_LINEAR_MEMORY, "instantiate", lm.initial, 0);
    if (lm.worst > lm.initial)
        add_item(e, "linear.libc_heap_growth",
                 lm.unbounded ? "libc heap growth through memory.grow (no declared max: 4 GiB)"
                              : "libc heap growth through memory.grow up to max pages",
                 heap_linear ? WB_POOL_GLOBAL_HEAP : WB_POOL_LINEAR_MEMORY, "run",
                 lm.worst - lm.initial, 0);

    /* aux stack (README: Aux stack) */
    if (a && a->aux_stack_size && e->mode == WB_MODE_AOT)
        e->aux_stack_bytes = a->aux_stack_size;
    else if (w && lm.heap_base && w->stack_pointer_found && w->stack_pointer_init <= lm.heap_base) {
        uint64_t de = al(w->data_end.value, 16);
        e->aux_stack_bytes = w->stack_pointer_init > de ? w->stack_pointer_init - de
                                                        : w->stack_pointer_init;
    }

    /* WAMR's lib-pthread without wasi-threads (no heap aux-stack allocation):
     * wasm_cluster_create gives each of max_threads + 1 threads, the main one
     * too, an equal slice of the aux stack, rounded down to 16 */
    e->aux_stack_main = e->aux_stack_bytes;
    if (aux_stack_slices(p) && e->aux_stack_bytes) {
        e->aux_stack_split = 1;
        e->aux_stack_main = e->aux_stack_bytes / ((uint64_t)p->max_threads + 1) & ~(uint64_t)15;
        e->aux_stack_slice_min = v->t->thread_aux_stack_min;
    }

    /* exec env: what WAMR creates for every thread, the main one too: its
     * struct, the operand stack and the argument buffer of AOT-capable
     * builds; in the classic interpreter the struct holds a block address
     * cache of BLOCK_ADDR_CACHE_SIZE (64) x BLOCK_ADDR_CONFLICT_SIZE (2)
     * BlockAddr of three pointers (interpreter/wasm.h) */
    uint64_t ee_own = L.exec_env + e->wasm_stack_size + ((p->modes & WB_MODE_BIT_AOT) ? 256 : 0);
    if (e->mode == WB_MODE_CLASSIC_INTERP)
        ee_own += 64 * 2 * 3 * (uint64_t)L.ptr;
    /* the main one's: the thread manager creates the cluster with it; in a
     * slice build the cluster also allocates the slice tops (uint64 each)
     * and their occupied flags, for max_threads slices */
    ee = ee_own + (thread_manager(p) ? L.cluster : 0) +
         (aux_stack_slices(p) ? (uint64_t)p->max_threads * (8 + 1) : 0);
    e->exec_env = ee;
    add_item(e, "exec_env.struct", "exec env struct, argument buffer, cluster", WB_POOL_GLOBAL_HEAP,
             "exec_env", ee - e->wasm_stack_size, 0);
    add_item(e, "exec_env.operand_stack", "WASM operand stack (stack_size)", WB_POOL_GLOBAL_HEAP,
             "exec_env", e->wasm_stack_size, 0);
    if (e->mode == WB_MODE_AOT)
        e->operand_stack_unused = e->wasm_stack_size; /* AOT keeps values in registers/native frames */
    allocs += 3 + (aux_stack_slices(p) ? 2 : 0);

    /* per wasi-thread (README: Threads) */
    thread_heap = inst + ee_own +
                  L.thread_args;
    thread_heap += rules->thread_object;
    thread_native = p->app_thread_stack + (p->hw_bound_check ? p->signal_stack_bytes : 0);
    if (heap_stacks)
        thread_heap += thread_native;
    e->per_thread = thread_heap;
    e->per_thread_native = heap_stacks ? 0 : thread_native;
    n = e->threads;
    if (n) {
        add_item(e, "thread.instance_exec_env", "per thread: instance + exec env + operand stack",
                 WB_POOL_GLOBAL_HEAP, "thread", n * thread_heap, 0);
        add_item(e, "thread.native_stacks", "per thread: native stack (+ signal stack)",
                 WB_POOL_NATIVE_STACK, "thread", n * e->per_thread_native, 0);
    }
    e->native_stacks = n * e->per_thread_native;
    allocs += n * (24 + 6);

    /* module buffer: the embedder keeps the file bytes alive (README:
     * Module).  An .aot not given is bounded by what it holds: the module's
     * own sections (at most the .wasm), the text and data sections, and
     * their relocation records (at most the bounded text again). */
    if (e->mode == WB_MODE_AOT && a)
        e->module_buffer = a->file_bytes;
    else if (e->mode == WB_MODE_AOT && w)
        e->module_buffer = w->file_bytes + 2 * xm.code + xm.data;
    else if (w)
        e->module_buffer = w->file_bytes;
    else if (a)
        e->module_buffer = a->file_bytes;
    buffer_in_heap = p->module_buffer_in_pool;
    add_item(e, "buffer.module",
             buffer_in_heap ? "module file buffer (kept in the global heap by the embedder)"
                            : "module file buffer (kept alive by WAMR)",
             buffer_in_heap ? WB_POOL_GLOBAL_HEAP : WB_POOL_MODULE_BUFFER, "load", e->module_buffer,
             e->mode == WB_MODE_AOT && !a);
    if (buffer_in_heap)
        allocs += 1;

    /* the global heap over time: load peak, or everything live while the
     * threads run (+ instantiate scratch 88 B [76]); the module buffer
     * throughout when the embedder keeps it there */
    {
        uint64_t exec_in_heap = heap_exec ? e->exec_memory : 0;
        uint64_t exec_peak_in_heap = heap_exec ? e->exec_memory_peak : 0;
        uint64_t buffer = buffer_in_heap ? e->module_buffer : 0;
        uint64_t at_load = init + buffer + e->module_load_peak + exec_peak_in_heap;
        uint64_t running =
            init + buffer + load_kept + exec_in_heap + e->instance + 128 + ee + n * thread_heap;
        if (heap_linear) /* memory.grow keeps old + new inside the pool */
            running += lm.worst - lm.initial;
        e->global_heap_peak = mx(at_load, running);
    }
    /*
     * Pool for RuntimeInitArgs (EMS, core/shared/mem-alloc/ems): gc_heap_t + 8, per live
     * allocation a 4-byte header and rounding to 8 (at most 12 B, 16 B for
     * tiny blocks), charged at 16 B for a conservative count of allocations;
     * + 1/16 of the peak and 1 KiB as fragmentation margin (not established).
     */
    e->recommended_pool = al(e->global_heap_peak + al(L.heap_struct, 8) + 8 + 16 * allocs +
                                 e->global_heap_peak / 16 + KIB,
                             1024);

    /*
     * Total RAM, worst case: global heap peak + executable memory not in the
     * heap (its load peak, when text and data are mapped twice) + linear
     * memory worst case not in the heap (committed bytes, not the 8 GiB
     * reservation of hardware bound check) + native stacks of spawned
     * threads + the module buffer.  Not included: the host thread's own
     * native stack, the 32 KiB signal stack of the main thread, guard pages
     * (PROT_NONE, not resident), allocator headers outside the pool.
     */
    e->pool_totals[WB_POOL_GLOBAL_HEAP] = e->global_heap_peak;
    e->pool_totals[WB_POOL_EXEC_MEMORY] = heap_exec ? 0 : mx(e->exec_memory, e->exec_memory_peak);
    e->pool_totals[WB_POOL_LINEAR_MEMORY] = heap_linear ? 0 : e->linear_memory_max;
    e->pool_totals[WB_POOL_NATIVE_STACK] = e->native_stacks;
    e->pool_totals[WB_POOL_MODULE_BUFFER] = buffer_in_heap ? 0 : e->module_buffer;
    e->total = 0;
    {
        int i;
        for (i = 0; i < WB_POOL_COUNT; i++)
            e->total += e->pool_totals[i];
    }
    return 0;
}
