/* Unit tests of the model's formulas on hand-made module facts. */
#include <stdio.h>
#include <string.h>

#include "model/model.h"
#include "read/aot_reader.h"
#include "model/model_fast_interp.h"
#include "read/wasm_reader.h"

static int failures;

#define EXPECT_EQ(what, got, want)                                                          \
    do {                                                                                    \
        unsigned long long g_ = (unsigned long long)(got), w_ = (unsigned long long)(want); \
        if (g_ != w_) {                                                                     \
            printf("FAIL %s: %s = %llu, want %llu\n", __func__, what, g_, w_);              \
            failures++;                                                                     \
        }                                                                                   \
    } while (0)

/* A small libc-style module: 2..4 pages, memory.grow, aux stack exported. */
static void base_facts(wb_wasm_facts *w)
{
    memset(w, 0, sizeof *w);
    w->file_bytes = 1000;
    w->type_count = 2;
    w->func_count = 3;
    w->memory_count = 1;
    w->memory_total = 1;
    w->memory.initial = 2;
    w->memory.max = 4;
    w->memory.has_max = 1;
    w->has_memory_grow = 1;
    w->heap_base.present = w->heap_base.usable = 1;
    w->heap_base.value = 22016;
    w->data_end.present = w->data_end.usable = 1;
    w->data_end.value = 5632;
    w->stack_pointer_found = 1;
    w->stack_pointer_init = 22016;
    w->code_body_bytes_total = 300;
    w->code_body_bytes_max = 200;
}

static int run(const wb_wasm_facts *w, const wb_profile *p, wb_mode mode, uint64_t heap,
               uint32_t threads, wb_estimate *e)
{
    wb_module_facts m = {w, NULL};
    wb_settings s;
    const char *why = NULL;
    memset(&s, 0, sizeof s);
    s.mode = mode;
    s.mode_given = 1;
    s.heap_size = heap;
    s.heap_size_given = 1;
    s.threads = threads;
    if (wb_model_estimate(&m, p, &s, e, &why) != 0) {
        printf("FAIL: estimate refused: %s\n", why ? why : "?");
        failures++;
        return -1;
    }
    return 0;
}

static void test_plain_and_aux_stack(void)
{
    wb_wasm_facts w;
    wb_profile p;
    wb_estimate e;
    base_facts(&w);
    wb_profile_defaults(&p);
    if (run(&w, &p, WB_MODE_FAST_INTERP, 0, 0, &e))
        return;
    EXPECT_EQ("pages", e.memory_initial_pages, 2);
    EXPECT_EQ("max pages", e.memory_max_pages, 4);
    EXPECT_EQ("linear initial", e.linear_memory_initial, 131072);
    EXPECT_EQ("linear max (grows in place)", e.linear_memory_max, 262144);
    EXPECT_EQ("aux stack (sp - align16(data_end))", e.aux_stack_bytes, 16384);
    EXPECT_EQ("operand stack default", e.wasm_stack_size, 16384);
    EXPECT_EQ("exec env", e.exec_env, 288 + 16384 + 256 + 72);
    EXPECT_EQ("bound used without bytes", e.fast_interp_exact, 0);
    EXPECT_EQ("total = sum of pools", e.total,
              e.pool_totals[0] + e.pool_totals[1] + e.pool_totals[2] + e.pool_totals[3] +
                  e.pool_totals[4]);
    EXPECT_EQ("module buffer", e.module_buffer, 1000);
}

static void test_shrunk_memory(void)
{
    wb_wasm_facts w;
    wb_profile p;
    wb_estimate e;
    base_facts(&w);
    w.has_memory_grow = 0;
    w.memory.initial = 4;
    w.memory.has_max = 0;
    w.heap_base.value = 31750;
    wb_profile_defaults(&p);
    if (run(&w, &p, WB_MODE_FAST_INTERP, 0, 0, &e))
        return;
    EXPECT_EQ("shrunk", e.memory_shrunk, 1);
    EXPECT_EQ("bytes per page = align8(__heap_base)", e.bytes_per_page, 31752);
    EXPECT_EQ("pages", e.memory_initial_pages, 1);
    EXPECT_EQ("max pages", e.memory_max_pages, 1);
    EXPECT_EQ("committed, page-rounded", e.linear_memory_initial, 32768);
    EXPECT_EQ("not unbounded without memory.grow", e.memory_unbounded, 0);
    /* app heap appended to the single page */
    if (run(&w, &p, WB_MODE_FAST_INTERP, 8192, 0, &e))
        return;
    EXPECT_EQ("bpp + heap", e.bytes_per_page, 31752 + 8192);
    EXPECT_EQ("app heap", e.app_heap, 8192);
}

static void test_app_heap(void)
{
    wb_wasm_facts w;
    wb_profile p;
    wb_estimate e0, e;
    base_facts(&w);
    wb_profile_defaults(&p);
    if (run(&w, &p, WB_MODE_FAST_INTERP, 0, 0, &e0) || run(&w, &p, WB_MODE_FAST_INTERP, 8192, 0, &e))
        return;
    /* inserted at __heap_base: 22016 + 8192 still leaves > 1 KiB in page 0 */
    EXPECT_EQ("pages unchanged", e.memory_initial_pages, 2);
    EXPECT_EQ("app heap", e.app_heap, 8192);
    EXPECT_EQ("heap struct on the global heap", e.instance - e0.instance, 384);
    /* heap that crosses the page end: one more page */
    if (run(&w, &p, WB_MODE_FAST_INTERP, 65536, 0, &e))
        return;
    EXPECT_EQ("pages +1", e.memory_initial_pages, 3);
    EXPECT_EQ("max +1", e.memory_max_pages, 5);
    /* without __heap_base: appended as whole pages, minus 1 KiB */
    w.heap_base.usable = 0;
    if (run(&w, &p, WB_MODE_FAST_INTERP, 100000, 0, &e))
        return;
    EXPECT_EQ("pages +2", e.memory_initial_pages, 4);
    EXPECT_EQ("heap = pages - 1 KiB", e.app_heap, 2 * 65536 - 1024);
    /* malloc/free exported: WAMR disables the app heap */
    w.exports_malloc = w.exports_free = 1;
    if (run(&w, &p, WB_MODE_FAST_INTERP, 100000, 0, &e))
        return;
    EXPECT_EQ("disabled", e.app_heap_disabled_by_exports, 1);
    EXPECT_EQ("heap size", e.heap_size, 0);
    EXPECT_EQ("pages", e.memory_initial_pages, 2);
}

static void test_unbounded(void)
{
    wb_wasm_facts w;
    wb_profile p;
    wb_estimate e;
    base_facts(&w);
    w.memory.has_max = 0;
    wb_profile_defaults(&p);
    if (run(&w, &p, WB_MODE_AOT, 0, 0, &e))
        return;
    EXPECT_EQ("unbounded", e.memory_unbounded, 1);
    EXPECT_EQ("max pages", e.memory_max_pages, 65536);
    EXPECT_EQ("worst case 4 GiB", e.linear_memory_max, 65536ull * 65536);
    EXPECT_EQ("AOT code is bounded without .aot", e.aot_code_bounded, 1);
    EXPECT_EQ("AOT leaves the operand stack unused", e.operand_stack_unused, e.wasm_stack_size);
}

static void test_grow_by_copy_32bit(void)
{
    wb_wasm_facts w;
    wb_profile p;
    wb_estimate e;
    base_facts(&w);
    wb_profile_defaults(&p);
    p.abi = WB_ABI_ILP32;
    p.hw_bound_check = 0;
    if (run(&w, &p, WB_MODE_FAST_INTERP, 0, 0, &e))
        return;
    /* no in-place remap: old (3 pages) and new (4 pages) both mapped */
    EXPECT_EQ("grow peak", e.linear_memory_max, 4 * 65536 + 3 * 65536);
    EXPECT_EQ("exec env ILP32", e.exec_env, 172 + 16384 + 256 + 44);
}

static void test_shared_no_mmu_and_threads(void)
{
    wb_wasm_facts w;
    wb_profile p;
    wb_estimate e, e1;
    base_facts(&w);
    w.memory.shared = 1;
    w.memory.max = 16;
    w.features = WB_FEAT_SHARED_MEMORY;
    wb_profile_defaults(&p);
    p.platform = WB_PLATFORM_ZEPHYR;
    p.abi = WB_ABI_ILP32_ALIGN8;
    p.locks = WB_LOCKS_ZEPHYR;
    p.hw_bound_check = 0;
    p.signal_stack_bytes = 0;
    p.app_thread_stack = 4096;
    p.page_size = 4096;
    if (run(&w, &p, WB_MODE_FAST_INTERP, 0, 0, &e) || run(&w, &p, WB_MODE_FAST_INTERP, 0, 2, &e1))
        return;
    EXPECT_EQ("shared: whole max at instantiation", e.linear_memory_initial, 16 * 65536);
    EXPECT_EQ("in the global heap, not a separate pool", e.pool_totals[WB_POOL_LINEAR_MEMORY], 0);
    if (e.instance < 16 * 65536) {
        printf("FAIL %s: instance %llu does not hold the memory\n", __func__,
               (unsigned long long)e.instance);
        failures++;
    }
    EXPECT_EQ("threads: heap peak grows by 2 per-thread", e1.global_heap_peak - e.global_heap_peak,
              2 * e.per_thread);
    EXPECT_EQ("threads: native stacks", e1.native_stacks, 2 * 4096);
    EXPECT_EQ("shared memory is not instantiated again", e1.linear_memory_max, e.linear_memory_max);
    /* thumb with Zephyr's locks: offsetof(WASMExecEnv, wasm_stack_u) is 144
     * (sizeof probe); the ARM tables hold the exec env with glibc's armhf
     * locks, where the korp_cond's 8-byte alignment adds padding that
     * Zephyr's 24-byte cond does not remove in full, so the model may charge
     * up to 4 B more, never less */
    if (e.exec_env < 144 + 16384 + 256 + 40 || e.exec_env > 148 + 16384 + 256 + 40) {
        printf("FAIL %s: exec env thumb %llu, want 144..148 + stack + argv buffer + cluster\n",
               __func__, (unsigned long long)e.exec_env);
        failures++;
    }
    if (e.recommended_pool < e.global_heap_peak + 208) {
        printf("FAIL %s: pool below peak + EMS overhead\n", __func__);
        failures++;
    }
}

/* A NuttX build as measured in its simulator: no wasi-threads, no
 * reference types, no hardware bound check, NuttX locks, page size 1, an
 * os_mmap costing 72 B, the module read into WAMR's pool. */
static void nuttx_profile(wb_profile *p, wb_abi abi)
{
    wb_profile_defaults(p);
    p->platform = WB_PLATFORM_NUTTX;
    p->abi = abi;
    p->locks = WB_LOCKS_NUTTX;
    p->hw_bound_check = 0;
    p->signal_stack_bytes = 0;
    p->wasi_threads = 0;
    p->ref_types = 0;
    p->page_size = 1;
    p->mmap_overhead = 72;
    p->aot_bounds_checks = 1;
    p->module_buffer_in_pool = 1;
}

/*
 * Runtime init and exec env without the options the NuttX build lacks, as
 * measured there (tests/data/nuttx-sim): runtime init 3 NativeSymbolsNodes
 * (96 [60] B), the exec env 144 [76] B without the thread manager; with
 * wasi-threads on, the thread manager's part holds NuttX's locks (112 B,
 * measured with lib-pthread).  Linear memory: exact size + 72 B at
 * instantiation, old + new on memory.grow, outside the pool.
 */
static void test_nuttx_build(void)
{
    wb_wasm_facts w;
    wb_profile p;
    wb_estimate e, t;
    base_facts(&w);
    nuttx_profile(&p, WB_ABI_LP64);
    snprintf(p.wamr_version, sizeof p.wamr_version, "2.4.5");
    if (run(&w, &p, WB_MODE_FAST_INTERP, 0, 0, &e))
        return;
    EXPECT_EQ("runtime init, 64-bit", e.runtime_init, 96);
    EXPECT_EQ("exec env, 64-bit", e.exec_env, 144 + 16384 + 256);
    EXPECT_EQ("linear memory initial", e.linear_memory_initial, 2 * 65536 + 72);
    EXPECT_EQ("linear memory: old + new", e.linear_memory_max, 4 * 65536 + 3 * 65536 + 2 * 72);
    EXPECT_EQ("linear memory outside the pool", e.pool_totals[WB_POOL_LINEAR_MEMORY],
              e.linear_memory_max);
    p.wasi_threads = 1;
    if (run(&w, &p, WB_MODE_FAST_INTERP, 0, 0, &t))
        return;
    EXPECT_EQ("exec env with the thread manager, NuttX locks", t.exec_env,
              256 + 16384 + 256 + 72);
    EXPECT_EQ("runtime init with wasi-threads, NuttX's mutex in the wait map", t.runtime_init,
              96 + 392);
    nuttx_profile(&p, WB_ABI_ILP32);
    if (run(&w, &p, WB_MODE_FAST_INTERP, 0, 0, &e))
        return;
    EXPECT_EQ("runtime init, 32-bit", e.runtime_init, 60);
    EXPECT_EQ("exec env, 32-bit", e.exec_env, 76 + 16384 + 256);
}

/* The classic interpreter's block address cache sits in every exec env,
 * a spawned thread's too. */
static void test_classic_thread_exec_env(void)
{
    wb_wasm_facts w;
    wb_profile p;
    wb_estimate fast, classic;
    base_facts(&w);
    w.memory.shared = 1;
    wb_profile_defaults(&p);
    p.modes = WB_MODE_BIT_FAST_INTERP | WB_MODE_BIT_CLASSIC_INTERP;
    if (run(&w, &p, WB_MODE_FAST_INTERP, 0, 1, &fast) || run(&w, &p, WB_MODE_CLASSIC_INTERP, 0, 1, &classic))
        return;
    EXPECT_EQ("main exec env: + the cache", classic.exec_env - fast.exec_env, 64 * 2 * 3 * 8);
    EXPECT_EQ("thread: + the cache", classic.per_thread - fast.per_thread, 64 * 2 * 3 * 8);
}

/* WAMR's lib-pthread without wasi-threads (NuttX's sim:wamr, measured with
 * the probe's struct sizes): the thread manager's fields in the exec env,
 * the cluster with its slice tops and flags, lib-pthread's natives and
 * destroy callback at init, and the aux stack cut into max_threads + 1
 * slices.  Shared memory follows WAMR's CMake unless the profile says. */
static void test_lib_pthread(void)
{
    wb_wasm_facts w;
    wb_profile p;
    wb_estimate e;
    base_facts(&w);
    nuttx_profile(&p, WB_ABI_LP64);
    snprintf(p.wamr_version, sizeof p.wamr_version, "2.4.5");
    p.lib_pthread = 1;
    p.shared_memory = 0;
    if (run(&w, &p, WB_MODE_FAST_INTERP, 0, 0, &e))
        return;
    /* measured in the pool: 4 x 40 + 24 B blocks, 16,648 + 264 + 96 + 40 + 16 B */
    EXPECT_EQ("runtime init: + lib-pthread's natives and callback", e.runtime_init, 96 + 32 + 16);
    EXPECT_EQ("exec env: thread manager, slice cluster, slice tops", e.exec_env,
              256 + 16384 + 256 + 88 + 4 * 8 + 4);
    EXPECT_EQ("aux stack: the main thread's slice", e.aux_stack_main,
              (22016 - 5632) / 5 / 16 * 16);
    p.shared_memory = -1; /* WAMR's CMake: on with lib-pthread */
    if (run(&w, &p, WB_MODE_FAST_INTERP, 0, 0, &e))
        return;
    EXPECT_EQ("runtime init: + the wait map with NuttX's mutex", e.runtime_init,
              96 + 32 + 16 + 304 + 40);
    p.wasi_threads = 1; /* heap aux-stack allocation: no slices */
    if (run(&w, &p, WB_MODE_FAST_INTERP, 0, 0, &e))
        return;
    EXPECT_EQ("aux stack: whole with wasi-threads", e.aux_stack_main, 22016 - 5632);
    EXPECT_EQ("exec env: the heap-variant cluster", e.exec_env, 256 + 16384 + 256 + 72);
    nuttx_profile(&p, WB_ABI_ILP32);
    snprintf(p.wamr_version, sizeof p.wamr_version, "2.4.5");
    p.lib_pthread = 1;
    p.shared_memory = 0;
    if (run(&w, &p, WB_MODE_FAST_INTERP, 0, 0, &e))
        return;
    /* the probe: exec env 148 up to its stack, cluster 52 (NuttX sim32 thr) */
    EXPECT_EQ("32-bit runtime init", e.runtime_init, 60 + 20 + 8);
    EXPECT_EQ("32-bit exec env", e.exec_env, 148 + 16384 + 256 + 52 + 4 * 8 + 4);
}

/* The module read into WAMR's pool (iwasm) counts in the global heap from
 * before load to after unload, and the recommended pool covers it; the
 * total counts it once. */
static void test_module_buffer_in_pool(void)
{
    wb_wasm_facts w;
    wb_profile p;
    wb_estimate in, out;
    base_facts(&w);
    w.file_bytes = 50000;
    nuttx_profile(&p, WB_ABI_LP64);
    if (run(&w, &p, WB_MODE_FAST_INTERP, 0, 0, &in))
        return;
    p.module_buffer_in_pool = 0;
    if (run(&w, &p, WB_MODE_FAST_INTERP, 0, 0, &out))
        return;
    EXPECT_EQ("buffer bytes", in.module_buffer, 50000);
    EXPECT_EQ("peak holds the buffer", in.global_heap_peak, out.global_heap_peak + 50000);
    EXPECT_EQ("not a pool of its own", in.pool_totals[WB_POOL_MODULE_BUFFER], 0);
    EXPECT_EQ("outside: a pool of its own", out.pool_totals[WB_POOL_MODULE_BUFFER], 50000);
    EXPECT_EQ("total counts it once", in.total, out.total);
    if (in.recommended_pool < out.recommended_pool + 50000) {
        printf("FAIL %s: recommended pool %llu does not cover the buffer\n", __func__,
               (unsigned long long)in.recommended_pool);
        failures++;
    }
}

/* AOT on NuttX: the text in one block (the text heap), the data sections in
 * another (2.4.5: one block of page-rounded sections; 2.1.0: one exact block
 * per section), each with the port's os_mmap cost; never merged; page 1.  An
 * .aot not given bounds the module buffer above the .wasm. */
static void test_nuttx_aot(void)
{
    wb_wasm_facts w;
    wb_aot_facts a;
    wb_profile p;
    wb_estimate e, b;
    wb_module_facts m;
    wb_settings s;
    const char *why = NULL;
    base_facts(&w);
    memset(&a, 0, sizeof a);
    a.file_bytes = 9000;
    a.text_section_bytes = 1001;
    a.data_section_count = 3;
    a.data_section_bytes[0] = 10;
    a.data_section_bytes[1] = 20;
    a.data_section_bytes[2] = 30;
    a.data_section_bytes_total = 60;
    a.func_count = 3;
    a.memory_count = 1;
    a.memory_init_pages = 2;
    a.memory_max_pages = 4;
    nuttx_profile(&p, WB_ABI_ILP32);
    p.aot_plt_bytes = 0;
    m.wasm = &w;
    m.aot = &a;
    memset(&s, 0, sizeof s);
    s.mode = WB_MODE_AOT;
    s.mode_given = 1;
    snprintf(p.wamr_version, sizeof p.wamr_version, "2.4.5");
    if (wb_model_estimate(&m, &p, &s, &e, &why) != 0) {
        printf("FAIL %s: %s\n", __func__, why);
        failures++;
        return;
    }
    EXPECT_EQ("2.4.5: text block + one data block", e.exec_memory, 1004 + 72 + 60 + 72);
    EXPECT_EQ("text part", e.exec_text, 1004 + 72);
    EXPECT_EQ("no merge: peak is what stays", e.exec_memory_peak, e.exec_memory);
    EXPECT_EQ("the .aot is the buffer", e.module_buffer, 9000);
    snprintf(p.wamr_version, sizeof p.wamr_version, "2.1.0");
    if (wb_model_estimate(&m, &p, &s, &e, &why) != 0) {
        printf("FAIL %s: %s\n", __func__, why);
        failures++;
        return;
    }
    EXPECT_EQ("2.1.0: a block per data section", e.exec_memory, 1004 + 72 + 60 + 3 * 72);
    m.aot = NULL;
    if (wb_model_estimate(&m, &p, &s, &b, &why) != 0) {
        printf("FAIL %s: %s\n", __func__, why);
        failures++;
        return;
    }
    if (b.module_buffer <= w.file_bytes + 2 * 300) {
        printf("FAIL %s: bounded .aot buffer %llu not above the .wasm and twice its code\n",
               __func__, (unsigned long long)b.module_buffer);
        failures++;
    }
}

/* Lock types: the structs that hold a lock take the profile's; ESP-IDF's
 * 4-byte handles shrink the cluster, the app heap struct and the exec env's
 * thread manager part against the Zephyr sizes of the ARM tables. */
static void test_lock_types(void)
{
    wb_wasm_facts w;
    wb_profile p;
    wb_estimate z, n;
    base_facts(&w);
    wb_profile_defaults(&p);
    p.platform = WB_PLATFORM_ZEPHYR;
    p.abi = WB_ABI_ILP32_ALIGN8;
    p.locks = WB_LOCKS_ZEPHYR;
    p.hw_bound_check = 0;
    p.signal_stack_bytes = 0;
    if (run(&w, &p, WB_MODE_FAST_INTERP, 4096, 0, &z))
        return;
    p.platform = WB_PLATFORM_ESP_IDF;
    p.locks = WB_LOCKS_NEWLIB;
    if (run(&w, &p, WB_MODE_FAST_INTERP, 4096, 0, &n))
        return;
    EXPECT_EQ("exec env: cluster and thread manager with 4-byte locks", z.exec_env - n.exec_env,
              (20 - 4) + (20 - 4) + (24 - 4));
    EXPECT_EQ("runtime init: the wait map's lock", z.runtime_init - n.runtime_init, 16);
}

static void test_refusals(void)
{
    wb_profile p;
    wb_settings s;
    wb_estimate e;
    wb_module_facts none = {NULL, NULL};
    const char *why = NULL;
    wb_profile_defaults(&p);
    memset(&s, 0, sizeof s);
    EXPECT_EQ("no facts refused", wb_model_estimate(&none, &p, &s, &e, &why), (unsigned long long)-1);
    if (!why || !*why) {
        printf("FAIL %s: no reason given\n", __func__);
        failures++;
    }
}

/*
 * SIMD in the fast-interpreter replay, counted by hand from the loader's
 * WASM_OP_SIMD_PREFIX case (label L, byte B, slot 2):
 *  f0 (i32)->i32: local.get 0 (free); v128.load offset=16: L+B+4+2+2;
 *     i8x16.all_true: L+B+2+2; end: result copy L+4, return label L and
 *     result slot 2.  L=8,B=1: 17+13+22 = 52; L=4,B=2: 14+10+14 = 38.
 *  f1 ()->i32: 2 x v128.const (16 bytes inline): L+B+16+2 each;
 *     i8x16.shuffle: L+B+16+3 slots; i32x4.extract_lane: L+2B+2+2; end as
 *     above: 6L+5B+68 = 121 (L=8,B=1) and 102 (L=4,B=2).  No constant
 *     area, but the function counts as one allocation (a loader that pools
 *     v128 constants would allocate one).
 */
static void test_simd_replay(void)
{
    static const uint8_t mod[] = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x0a, 0x02, 0x60, 0x01, 0x7f, 0x01, 0x7f, 0x60, 0x00, 0x01, 0x7f, /* types */
        0x03, 0x03, 0x02, 0x00, 0x01,                                           /* funcs */
        0x05, 0x03, 0x01, 0x00, 0x01,                                           /* memory */
        0x0a, 0x48, 0x02,                                                       /* code */
        0x0a, 0x00, 0x20, 0x00, 0xfd, 0x00, 0x04, 0x10, 0xfd, 0x63, 0x0b,
        0x3b, 0x00,
        0xfd, 0x0c, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
        0xfd, 0x0c, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0xfd, 0x0d, 0, 17, 2, 19, 4, 21, 6, 23, 8, 25, 10, 27, 12, 29, 14, 31,
        0xfd, 0x1b, 0x02, 0x0b,
    };
    static const unsigned cfg[2][3] = {{8, 1, 52 + 121}, {4, 2, 38 + 102}};
    wb_wasm_facts f;
    wb_error err;
    int k;
    if (wb_wasm_read(mod, sizeof mod, &f, &err) != 0) {
        printf("FAIL %s: module not read: %s\n", __func__, err.message);
        failures++;
        return;
    }
    for (k = 0; k < 2; k++) {
        wb_fast_interp_size r, b;
        EXPECT_EQ("replay rc", wb_fast_interp_replay(mod, sizeof mod, &f, cfg[k][0], cfg[k][1], &r), 0);
        EXPECT_EQ("code bytes", r.code_bytes, cfg[k][2]);
        EXPECT_EQ("const bytes", r.const_bytes, 0);
        EXPECT_EQ("const allocs", r.const_allocs, 1);
        wb_fast_interp_bound(&f, cfg[k][0], cfg[k][1], &b);
        if (b.code_bytes < r.code_bytes) {
            printf("FAIL %s: bound %llu below replay %llu\n", __func__,
                   (unsigned long long)b.code_bytes, (unsigned long long)r.code_bytes);
            failures++;
        }
    }
}

/* The PLT of AOT text per version and target: entries of the target's
 * symbol table, the AOT intrinsics, bulk memory, shared memory and
 * reference types, each of the target's entry size.  Measured: 99 x 12 B on
 * x86-64 (2.4.5, 2.3.1, main), 90 and 95 on 2.1.0 without and with
 * reference types, 92 and 88 in NuttX's simulator (no shared memory). */
static void test_plt(void)
{
    static const struct {
        const char *version, *target;
        int ref_types, threads, bulk;
        uint64_t want;
    } cases[] = {
        {"2.4.5", "x86_64", -1, 1, 1, 99 * 12},
        {"2.3.1", "x86_64", -1, 1, 1, 99 * 12},
        {"main-646b5a9bc", "x86_64", -1, 1, 1, 99 * 12},
        {"2.1.0", "x86_64", -1, 1, 1, 90 * 12},
        {"2.1.0", "x86_64", 1, 1, 1, 95 * 12},
        {"2.4.5", "x86_64", 0, 0, 1, 92 * 12},
        {"2.1.0", "x86_64", 0, 0, 1, 88 * 12},
        {"2.4.5", "i386", -1, 1, 1, 0},
        {"2.4.5", "xtensa", 0, 0, 1, 0},
        {"2.4.5", "riscv32", 0, 0, 1, 0},
        /* from the symbol tables (aot_reloc_thumb.c, aot_reloc.h), not measured */
        {"2.4.5", "thumbv7em", 0, 0, 1, 188 * 20},
        {"2.4.5", "thumbv7em", 1, 1, 1, 195 * 20},
        {"main-646b5a9bc", "thumbv7em", 1, 1, 1, 199 * 20},
        {"2.1.0", "thumbv7em", 0, 0, 1, 169 * 20},
        {"2.4.5", "thumbv7em", 0, 0, 0, 186 * 20},
        {"2.4.5", "aarch64", 0, 0, 1, 92 * 32},
        {"2.4.5", "riscv64", 0, 0, 1, 129 * 20},
        {"2.4.5", "armv7", 0, 0, 1, 188 * 12},
    };
    wb_wasm_facts w;
    base_facts(&w);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wb_profile p;
        wb_estimate e;
        char what[96];
        wb_profile_defaults(&p);
        snprintf(p.wamr_version, sizeof p.wamr_version, "%s", cases[i].version);
        snprintf(p.aot_target, sizeof p.aot_target, "%s", cases[i].target);
        p.ref_types = cases[i].ref_types;
        p.wasi_threads = cases[i].threads;
        p.bulk_memory = cases[i].bulk;
        if (run(&w, &p, WB_MODE_AOT, 0, 0, &e))
            continue;
        snprintf(what, sizeof what, "PLT of %s on WAMR %s", cases[i].target, cases[i].version);
        EXPECT_EQ(what, e.aot_plt, cases[i].want);
    }
}

int main(void)
{
    test_plain_and_aux_stack();
    test_shrunk_memory();
    test_app_heap();
    test_unbounded();
    test_grow_by_copy_32bit();
    test_shared_no_mmu_and_threads();
    test_nuttx_build();
    test_module_buffer_in_pool();
    test_nuttx_aot();
    test_lock_types();
    test_refusals();
    test_simd_replay();
    test_plt();
    test_lib_pthread();
    test_classic_thread_exec_env();
    if (failures) {
        printf("%d failure(s)\n", failures);
        return 1;
    }
    printf("all model unit tests passed\n");
    return 0;
}
