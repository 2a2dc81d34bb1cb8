/* The verdict: turns facts, settings and the estimate into coded diagnostics. */
#include "check/verdict.h"
#include "model/wamr_versions.h"

#include "model/simd_rule.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define KIB 1024u
#define WASM_PAGE 65536u

const char *wb_severity_name(wb_severity s)
{
    switch (s) {
    case WB_SEV_ERROR: return "error";
    case WB_SEV_WARNING: return "warning";
    case WB_SEV_NOTE: return "note";
    }
    return "?";
}

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static wb_diag *add(wb_verdict *v, wb_severity sev, const char *code, const char *fmt, ...)
{
    wb_diag *d;
    va_list ap;

    if (v->count >= WB_MAX_DIAGS)
        return NULL;
    d = &v->diags[v->count++];
    memset(d, 0, sizeof *d);
    d->severity = sev;
    d->code = code;
    va_start(ap, fmt);
    vsnprintf(d->message, sizeof d->message, fmt, ap);
    va_end(ap);
    if (sev == WB_SEV_ERROR)
        v->errors++;
    else if (sev == WB_SEV_WARNING)
        v->warnings++;
    else
        v->notes++;
    return d;
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void fix(wb_diag *d, const char *fmt, ...)
{
    va_list ap;
    if (!d)
        return;
    va_start(ap, fmt);
    vsnprintf(d->fix, sizeof d->fix, fmt, ap);
    va_end(ap);
}

static uint64_t round_up(uint64_t x, uint64_t to) { return (x + to - 1) / to * to; }

int wb_check_names(const wb_check *c, const uint8_t **data, size_t *size,
                   const wb_wasm_facts **facts)
{
    if (c->names_wasm && c->names_facts) {
        *data = c->names_wasm;
        *size = c->names_size;
        *facts = c->names_facts;
        return 1;
    }
    if (c->wasm && c->wasm_facts) {
        *data = c->wasm;
        *size = c->wasm_size;
        *facts = c->wasm_facts;
        return 1;
    }
    return 0;
}

const char *wb_check_func_name(const wb_check *c, uint32_t f, char *buf, size_t cap)
{
    const uint8_t *data;
    size_t size;
    const wb_wasm_facts *facts;
    if (wb_check_names(c, &data, &size, &facts))
        return wb_stack_func_name(data, size, facts, f, buf, cap);
    snprintf(buf, cap, "func[%u]", f);
    return buf;
}

const char *wb_check_format_path(const wb_check *c, const wb_stack_bound *b, char *buf, size_t cap)
{
    const uint8_t *data;
    size_t size;
    const wb_wasm_facts *facts;
    if (wb_check_names(c, &data, &size, &facts))
        return wb_stack_format_path(data, size, facts, b, buf, cap);
    if (cap)
        buf[0] = '\0';
    return buf;
}

/* Once, when the stack paths and messages can only say func[N]. */
static void check_names(const wb_check *c, wb_verdict *v)
{
    const uint8_t *data;
    size_t size;
    const wb_wasm_facts *names;

    if (!wb_check_names(c, &data, &size, &names) || c->wasm_facts->func_count == 0 ||
        names->has_function_names)
        return;
    wb_diag *d = add(v, WB_SEV_NOTE, "names-missing",
                     "%s has no function names (no name section, as after wasm-opt without -g "
                     "or a link with --strip-all): the report and JSON name functions func[N]",
                     c->names_path ? c->names_path : "the module");
    fix(d, "keep a copy with names and pass it with --names FILE (wasm-opt -g; wamr_add_module "
           "does this for OPTIMIZE); the deployed module may stay stripped");
}

/* The largest items of the estimate, for the over-budget message. */
static void biggest_items(const wb_estimate *e, char *buf, size_t cap)
{
    unsigned used[3] = {WB_MAX_ITEMS, WB_MAX_ITEMS, WB_MAX_ITEMS};
    size_t len = 0;

    buf[0] = '\0';
    for (unsigned k = 0; k < 3; k++) {
        unsigned best = WB_MAX_ITEMS;
        for (unsigned i = 0; i < e->item_count; i++) {
            if (i == used[0] || i == used[1])
                continue;
            if (best == WB_MAX_ITEMS || e->items[i].bytes > e->items[best].bytes)
                best = i;
        }
        if (best == WB_MAX_ITEMS || e->items[best].bytes == 0)
            break;
        used[k] = best;
        int n = snprintf(buf + len, cap - len, "%s%s %llu B", k ? ", " : "", e->items[best].label,
                         (unsigned long long)e->items[best].bytes);
        if (n < 0 || (size_t)n >= cap - len)
            break;
        len += (size_t)n;
    }
}

static void check_budget(const wb_check *c, wb_verdict *v)
{
    const wb_estimate *e = c->estimate;
    char items[256];

    if (c->budget == 0 || e->total <= c->budget)
        return;
    v->fits = 0;
    biggest_items(e, items, sizeof items);
    uint64_t over = e->total - c->budget;
    wb_diag *d = add(v, WB_SEV_ERROR, "over-budget",
                     "estimate %llu B exceeds the %s of %llu B by %llu B (%.1f%%); biggest: %s",
                     (unsigned long long)e->total,
                     c->budget_is_ram ? "device's RAM (the profile's ram: no budget given)"
                                      : "budget",
                     (unsigned long long)c->budget,
                     (unsigned long long)over, 100.0 * (double)over / (double)c->budget, items);
    fix(d, "lower the largest item (max memory, stack sizes, code size) or raise the budget "
           "(MEMORY_BUDGET / --budget) to at least %llu B",
        (unsigned long long)e->total);
}

static void check_features(const wb_check *c, wb_verdict *v)
{
    const wb_wasm_facts *w = c->wasm_facts;
    static const struct {
        uint32_t bit;
        const char *what;
    } unsupported[] = {
        {WB_FEAT_MEMORY64, "memory64 (64-bit linear memory)"},
        {WB_FEAT_TABLE64, "table64 (64-bit table indexes)"},
        {WB_FEAT_MULTI_MEMORY, "multi-memory (more than one linear memory)"},
        {WB_FEAT_CUSTOM_PAGE_SIZE, "custom page sizes"},
        {WB_FEAT_EXCEPTIONS, "exception handling"},
    };

    /* without libc-wasi the imports stay unlinked: WAMR loads the module and
     * traps on the first WASI call ("failed to call unlinked import function") */
    if ((w ? w->imports_wasi : c->aot_facts && c->aot_facts->imports_wasi) &&
        !c->profile->libc_wasi) {
        wb_diag *d = add(v, WB_SEV_ERROR, "wasi-not-in-runtime",
                         "the module imports WASI (wasi_snapshot_preview1 or wasi_unstable), but the "
                         "runtime of profile '%s' has no libc-wasi: its first WASI call traps",
                         c->profile->name);
        fix(d, "build WAMR with WAMR_BUILD_LIBC_WASI=1 and set libc_wasi = yes (WAMR 2.4.5 and "
               "older have no WASI on Zephyr), or build the module without WASI (FREESTANDING)");
    }
    /* proposals WAMR runs only when its build has them */
    const struct {
        uint32_t bit;
        const char *what;
        int in_runtime;
        const char *build;   /* the WAMR build option and the profile key */
        const char *compile; /* how to build the module without it */
    } optional[] = {
        {WB_FEAT_REFERENCE_TYPES,
         "reference types (reference-typed values, table instructions, typed select, or a "
         "call_indirect table index other than one 0x00 byte, which LLVM 19 and later write)",
         wb_profile_ref_types(c->profile), "WAMR_BUILD_REF_TYPES=1 (profile: ref_types = yes)",
         "-mno-reference-types"},
        {WB_FEAT_BULK_MEMORY, "bulk memory (memory.copy, memory.fill, memory.init, data.drop)",
         c->profile->bulk_memory, "WAMR_BUILD_BULK_MEMORY=1 (profile: bulk_memory = yes)",
         "-mno-bulk-memory"},
        {WB_FEAT_TAIL_CALL, "tail calls (return_call, return_call_indirect)",
         c->profile->tail_call, "WAMR_BUILD_TAIL_CALL=1 (profile: tail_call = yes)",
         "-mno-tail-call"},
        {WB_FEAT_SHARED_MEMORY | WB_FEAT_ATOMICS,
         "shared memory or atomics (a shared linear memory, or atomic instructions)",
         wb_profile_shared_memory(c->profile),
         "WAMR_BUILD_SHARED_MEMORY=1 (profile: shared_memory = yes)",
         "neither -pthread nor -matomics, and link without --shared-memory"},
    };

    /* an .aot of a shared memory: the AOT loader refuses its memory's flags */
    if (!w && c->aot_facts && c->aot_facts->memory_shared && !wb_profile_shared_memory(c->profile)) {
        wb_diag *d = add(v, WB_SEV_ERROR, "unsupported-feature",
                         "the module's memory is shared, and the WAMR %s runtime of profile '%s' "
                         "is built without shared memory: it refuses the module at load",
                         c->profile->wamr_version, c->profile->name);
        fix(d, "build the module without --shared-memory, or build WAMR with "
               "WAMR_BUILD_SHARED_MEMORY=1 (profile: shared_memory = yes)");
    }
    if (!w)
        return;
    for (size_t i = 0; i < sizeof optional / sizeof optional[0]; i++) {
        if (!(w->features & optional[i].bit) || optional[i].in_runtime)
            continue;
        wb_diag *d = add(v, WB_SEV_ERROR, "unsupported-feature",
                         "the module uses %s, and the WAMR %s runtime of profile '%s' is built "
                         "without it: it refuses the module at load",
                         optional[i].what, c->profile->wamr_version, c->profile->name);
        fix(d, "build the module with %s, or build WAMR with %s", optional[i].compile,
            optional[i].build);
    }
    for (size_t i = 0; i < sizeof unsupported / sizeof unsupported[0]; i++) {
        if (!(w->features & unsupported[i].bit))
            continue;
        wb_diag *d = add(v, WB_SEV_ERROR, "unsupported-feature",
                         "the module uses %s, which the WAMR runtime of profile '%s' cannot load",
                         unsupported[i].what, c->profile->name);
        fix(d, "rebuild without that feature (check -m flags and wasm-ld options)");
    }
}

/* AOT_FEATURE_SIMD of an .aot's target info (core/iwasm/aot/aot_runtime.h). */
#define AOT_FEATURE_SIMD 1u

/* simd-unsupported: v128 code the mode and the runtime build (and wamrc,
 * for AOT without an .aot) cannot run (model/simd_rule.h). */
static void check_simd(const wb_check *c, wb_verdict *v)
{
    const wb_wasm_facts *w = c->wasm_facts;
    const wb_aot_facts *a = c->aot_facts;
    const wb_profile *p = c->profile;
    const wb_estimate *e = c->estimate;
    char where[200], name[96], why[224];
    const char *remedy;

    if (!(w && (w->features & WB_FEAT_SIMD)) && !(a && (a->feature_flags & AOT_FEATURE_SIMD)))
        return;
    /* the row of the WAMR version checked against */
    const wb_wamr_version *ver = wb_wamr_version_find(p->wamr_version);
    if (!ver)
        return;
    const wb_simd_facts *facts = &ver->t->simd;
    wb_simd_block b = wb_simd_check(p, e->mode, a != NULL, facts);
    if (b == WB_SIMD_RUNS)
        return;

    if (w && w->simd_first_func != UINT32_MAX) {
        const uint8_t *data;
        size_t size;
        const wb_wasm_facts *names;
        const char *n = NULL;
        if (wb_check_names(c, &data, &size, &names))
            n = wb_wasm_func_name(data, size, names, w->simd_first_func, name, sizeof name);
        if (n && *n)
            snprintf(where, sizeof where, ", first in function %s (func[%u])", n,
                     w->simd_first_func);
        else
            snprintf(where, sizeof where, ", first in func[%u]", w->simd_first_func);
    } else if (w) {
        snprintf(where, sizeof where, " (v128 values in a signature or a global)");
    } else {
        snprintf(where, sizeof where, " (the .aot was compiled with SIMD)");
    }
    switch (b) {
    case WB_SIMD_CLASSIC_INTERP:
        snprintf(why, sizeof why, "WAMR's classic interpreter has no SIMD");
        remedy = "run it with the fast interpreter or AOT";
        break;
    case WB_SIMD_INTERP_VERSION:
        snprintf(why, sizeof why, "the fast interpreter of WAMR %s has no SIMD (it has from 2.3.0)",
                 ver->name);
        remedy = "run it with AOT, or a WAMR of 2.3.0 or later";
        break;
    case WB_SIMD_AOT_TARGET:
        snprintf(why, sizeof why,
                 "wamrc keeps SIMD only for x86_64, aarch64 and arc; for --target=%s it stops at "
                 "the first v128 (\"SIMD type was found\")",
                 p->aot_target);
        remedy = "pick a target with SIMD, or the fast interpreter of a runtime built with SIMD";
        break;
    case WB_SIMD_AOT_CPU:
        snprintf(why, sizeof why,
                 "wamrc needs SSE4.1 for SIMD on x86_64 and --cpu=%s has none (\"SIMD "
                 "compatibility check failed\")",
                 p->aot_cpu[0] ? p->aot_cpu : "(generic)");
        remedy = "set aot_cpu to a CPU with SSE4.1 (x86-64-v2 or newer)";
        break;
    case WB_SIMD_AOT_PROFILE:
        snprintf(why, sizeof why, "profile '%s' says its AOT target has none (aot_simd = no)",
                 p->name);
        remedy = "pick a target with SIMD";
        break;
    default:
        snprintf(why, sizeof why,
                 "the runtime of profile '%s' is built without SIMD (simd = no), so its %s "
                 "refuses it",
                 p->name, e->mode == WB_MODE_AOT ? "AOT loader" : "loader");
        remedy = "build WAMR with WAMR_BUILD_SIMD=1 and set simd = yes";
        break;
    }
    wb_diag *d = add(v, WB_SEV_ERROR, "simd-unsupported", "the module uses SIMD (v128)%s, but %s",
                     where, why);
    fix(d, "build without -msimd128 (clang then emits no SIMD, not even by vectorising loops), "
           "or %s",
        remedy);
}

static void check_mode(const wb_check *c, wb_verdict *v)
{
    const wb_profile *p = c->profile;
    unsigned bit = c->estimate->mode == WB_MODE_AOT ? WB_MODE_BIT_AOT
                   : c->estimate->mode == WB_MODE_FAST_INTERP ? WB_MODE_BIT_FAST_INTERP
                                                               : WB_MODE_BIT_CLASSIC_INTERP;
    if (!(p->modes & bit)) {
        wb_diag *d = add(v, WB_SEV_ERROR, "mode-not-in-runtime",
                         "running mode %s is not built into the runtime of profile '%s'",
                         wb_mode_name(c->estimate->mode), p->name);
        fix(d, "choose a mode the profile lists in 'modes', or use a profile of a runtime built "
               "with that engine");
    }
    if (c->estimate->mode == WB_MODE_AOT && !c->aot_facts) {
        wb_diag *d = add(v, WB_SEV_NOTE, "aot-code-estimated",
                         "no .aot file given: AOT code and data are bounded from the wasm code size "
                         "(an upper bound)");
        fix(d, "compile with wamrc for the profile's target and pass --aot FILE for exact figures");
    }
}

/* The versions whose wamrc writes `format` ("2.4.5, 2.4.4"), for the fix. */
static void writers_of(unsigned format, char *buf, size_t cap)
{
    size_t n, used = 0;
    const wb_wamr_version *all = wb_wamr_versions(&n);
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (all[i].aot_format != format)
            continue;
        int w = snprintf(buf + used, cap - used, "%s%s", used ? ", " : "", all[i].name);
        if (w < 0 || (size_t)w >= cap - used)
            break;
        used += (size_t)w;
    }
}

/* An .aot the selected WAMR refuses ("unknown binary version"), or one whose
 * element segments its loader would read in another layout (format 4 was
 * written in two layouts: 2.3.x's and 2.4.0's). */
static void check_aot_format(const wb_check *c, wb_verdict *v)
{
    const wb_aot_facts *a = c->aot_facts;
    const wb_wamr_version *ver = wb_wamr_version_find(c->profile->wamr_version);
    char writers[160];
    wb_diag *d;

    if (!ver)
        return;
    writers_of(a->version, writers, sizeof writers);
    if (a->version >= 32 || !(ver->aot_formats_loaded & (1u << a->version))) {
        d = add(v, WB_SEV_ERROR, "aot-version-mismatch",
                "WAMR %s loads AOT format %u; this file is format %u: WAMR %s refuses it "
                "(\"unknown binary version\")",
                ver->name, ver->aot_format, a->version, ver->name);
    } else if (a->elem_offsets != WB_AOT_ELEM_OFFSETS_NONE &&
               (a->elem_offsets == WB_AOT_ELEM_OFFSETS_EXPR) != ver->aot_elem_offset_expr) {
        d = add(v, WB_SEV_ERROR, "aot-version-mismatch",
                "WAMR %s takes format %u but reads element segment offsets as %s, and this file "
                "writes them as %s: its tables would be initialised wrongly",
                ver->name, a->version,
                ver->aot_elem_offset_expr ? "initializer expressions" : "a type and a value",
                a->elem_offsets == WB_AOT_ELEM_OFFSETS_EXPR ? "initializer expressions"
                                                            : "a type and a value");
    } else {
        return;
    }
    fix(d, "compile it with the wamrc of WAMR %s%s%s%s", ver->name,
        writers[0] ? ", or check it against the WAMR version it was made for (--wamr / "
                     "WAMR_VERSION: "
                   : "",
        writers, writers[0] ? ")" : "");
}

static void check_aot(const wb_check *c, wb_verdict *v)
{
    const wb_aot_facts *a = c->aot_facts;
    const wb_profile *p = c->profile;

    if (!a)
        return;
    check_aot_format(c, v);
    if (p->aot_target[0] && strncmp(a->arch, p->aot_target, strlen(p->aot_target)) != 0 &&
        strncmp(p->aot_target, a->arch, strlen(a->arch)) != 0) {
        wb_diag *d = add(v, WB_SEV_ERROR, "aot-target-mismatch",
                         "the .aot file was compiled for '%s' but profile '%s' runs '%s'", a->arch,
                         p->name, p->aot_target);
        fix(d, "run wamrc with --target=%s%s%s", p->aot_target, p->aot_cpu[0] ? " --cpu=" : "",
            p->aot_cpu);
    }
    if (c->wasm_facts && a->func_count != c->wasm_facts->func_count) {
        wb_diag *d = add(v, WB_SEV_ERROR, "aot-module-mismatch",
                         "the .aot file has %u functions but the module has %u: it was compiled "
                         "from another build",
                         a->func_count, c->wasm_facts->func_count);
        fix(d, "recompile the .aot from this .wasm");
    }
}

static void check_memory(const wb_check *c, wb_verdict *v)
{
    const wb_estimate *e = c->estimate;

    if (e->memory_unbounded) {
        wb_diag *d = add(v, WB_SEV_ERROR, "memory-unbounded",
                         "linear memory has no declared maximum and the module contains "
                         "memory.grow: it may grow to %llu pages (%llu MiB)",
                         (unsigned long long)e->memory_max_pages,
                         (unsigned long long)(e->memory_max_pages * WASM_PAGE / (1024u * 1024u)));
        fix(d, "link with -Wl,--max-memory=<bytes> (MAX_MEMORY in wamr_add_module)");
    }
}

static int is_libc_program(const wb_wasm_facts *w)
{
    return w->imports_wasi || w->heap_base.present;
}

int wb_check_has_c_stack(const wb_check *c)
{
    if (!c->wasm_facts)
        return 0;
    if (c->stack)
        return c->stack->frame_functions > 0;
    return c->wasm_facts->stack_pointer_found; /* not analysed: assume the C convention */
}

/* WAMR's aux stack is the C shadow stack: the diagnostics about it apply
 * only to a module that has one (README: Producers). */
static void check_aux_stack(const wb_check *c, wb_verdict *v)
{
    const wb_wasm_facts *w = c->wasm_facts;

    if (!w || w->memory_total == 0 || !wb_check_has_c_stack(c))
        return;
    if (!w->heap_base.usable || !w->data_end.usable) {
        const char *missing = !w->heap_base.usable && !w->data_end.usable ? "__heap_base and __data_end"
                              : !w->heap_base.usable                      ? "__heap_base"
                                                                          : "__data_end";
        const char *verb = strchr(missing, ' ') ? "are" : "is";
        wb_diag *d;
        /* With the stack below the static data (wasm-ld --stack-first, as
         * rustc, TinyGo and Zig link) an overflow runs below address 0 and
         * traps as an out-of-bounds access: nothing is overwritten. */
        if (w->stack_below_data) {
            d = add(v, WB_SEV_NOTE, "aux-stack-not-exported",
                    "%s %s not exported as constant i32 globals: WAMR cannot find the aux stack, "
                    "but it lies below the static data, so an overflow traps as an out-of-bounds "
                    "access (not \"wasm auxiliary stack overflow\") and overwrites nothing; no "
                    "memory shrinking",
                    missing, verb);
            fix(d, "to have WAMR check and shrink it, link with -Wl,--export=__heap_base "
                   "-Wl,--export=__data_end (rustc: -C link-arg=--export=__heap_base ...)");
            return;
        }
        d = add(v, WB_SEV_ERROR, "aux-stack-not-exported",
                "%s %s not exported as constant i32 globals: WAMR cannot find the aux stack (no "
                "overflow detection: an overflow overwrites the static data below it; no "
                "memory shrinking, app heap cannot go at __heap_base)",
                missing, verb);
        fix(d, "link with -Wl,--export=__heap_base -Wl,--export=__data_end, or with "
               "-Wl,--stack-first so that an overflow traps");
    }
}

static void check_app_heap(const wb_check *c, wb_verdict *v)
{
    const wb_wasm_facts *w = c->wasm_facts;
    const wb_estimate *e = c->estimate;

    if (!w || e->heap_size == 0)
        return;
    if (!(w->exports_malloc && w->exports_free) && is_libc_program(w)) {
        wb_diag *d = add(v, WB_SEV_ERROR, "app-heap-overlaps-libc",
                         "heap_size is %llu B but the module has its own libc heap and does not "
                         "export malloc/free: WAMR's app heap and libc's heap overlap",
                         (unsigned long long)e->heap_size);
        fix(d, "pass heap_size 0 (HEAP_SIZE 0 / --heap-size 0), or export malloc and free so WAMR "
               "disables its app heap");
    }
}

static void check_threads(const wb_check *c, wb_verdict *v)
{
    const wb_wasm_facts *w = c->wasm_facts;
    const wb_aot_facts *a = c->aot_facts;
    const wb_profile *p = c->profile;
    const wb_estimate *e = c->estimate;
    uint32_t threads = e->threads;
    int spawn = w ? w->imports_thread_spawn : (a && a->imports_thread_spawn);

    if (threads == 0) {
        if (spawn) {
            wb_diag *d = add(v, WB_SEV_WARNING, "threads-not-budgeted",
                             "the module imports wasi.thread-spawn but the check assumes no "
                             "thread is spawned");
            fix(d, "pass the most threads alive at once (THREADS / --threads N)");
        }
        return;
    }
    if (!p->wasi_threads) {
        wb_diag *d = add(v, WB_SEV_ERROR, "threads-not-in-runtime",
                         "%u threads requested but the runtime of profile '%s' is built without "
                         "wasi-threads",
                         threads, p->name);
        fix(d, "build WAMR with WAMR_BUILD_LIB_WASI_THREADS=1 and set wasi_threads = yes in the "
               "profile, or use no threads");
    }
    if (w) {
        if (w->memory_total == 0 || !w->memory.shared) {
            wb_diag *d = add(v, WB_SEV_ERROR, "threads-no-shared-memory",
                             "%u threads requested but the module's memory is not shared", threads);
            fix(d, "build with the -threads target triple and -pthread, and link with "
                   "--shared-memory and --max-memory (THREADS in wamr_add_module)");
        }
        if (!w->exports_wasi_thread_start) {
            wb_diag *d = add(v, WB_SEV_ERROR, "threads-no-start-export",
                             "%u threads requested but the module does not export "
                             "wasi_thread_start",
                             threads);
            fix(d, "link with -Wl,--export=wasi_thread_start (wasi-libc's pthreads provide it)");
        }
        if (!w->imports_thread_spawn) {
            wb_diag *d = add(v, WB_SEV_ERROR, "threads-no-spawn-import",
                             "%u threads requested but the module does not import "
                             "wasi.thread-spawn, so it cannot start a thread",
                             threads);
            fix(d, "build with the wasm32-wasi-threads (wasm32-wasip1-threads) target and -pthread");
        }
    }
    if (threads > p->max_threads) {
        wb_diag *d = add(v, WB_SEV_ERROR, "threads-over-limit",
                         "%u threads requested but profile '%s' allows %u per module "
                         "(CLUSTER_MAX_THREAD_NUM / max_thread_num): the next pthread_create "
                         "fails with EAGAIN",
                         threads, p->name, p->max_threads);
        fix(d, "spawn at most %u threads, or raise RuntimeInitArgs.max_thread_num and max_threads "
               "in the profile",
            p->max_threads);
    }
    /* wasi-libc's pthread_create mallocs each thread's C stack (the main
     * thread's size by default) plus TLS, rounded up to 64 KiB, from the libc
     * heap.  Only a libc program (one that imports
     * WASI) allocates them there; a freestanding module manages its own. */
    if (w && w->imports_wasi && w->heap_base.usable && e->aux_stack_bytes > 0 &&
        !e->memory_unbounded) {
        uint64_t per = round_up(e->aux_stack_bytes + 1, 64u * KIB);
        uint64_t need = per * threads;
        uint64_t max_bytes = e->memory_max_pages * e->bytes_per_page;
        uint64_t heap_base = w->heap_base.value;
        uint64_t room = max_bytes > heap_base ? max_bytes - heap_base : 0;
        if (need > room) {
            wb_diag *d = add(v, WB_SEV_ERROR, "thread-stacks-exceed-heap",
                             "%u thread C stacks of %llu B each (stack size %llu B + TLS, rounded "
                             "up to 64 KiB by wasi-libc) need %llu B but the libc heap under max "
                             "memory has %llu B",
                             threads, (unsigned long long)per,
                             (unsigned long long)e->aux_stack_bytes, (unsigned long long)need,
                             (unsigned long long)room);
            fix(d, "raise MAX_MEMORY to at least %llu B, or lower STACK_SIZE / use "
                   "pthread_attr_setstacksize",
                (unsigned long long)round_up(heap_base + need + 64u * KIB, WASM_PAGE));
        }
    }
}

static const char *unbounded_why(const wb_stack_bound *b)
{
    switch (b->unbounded_kind) {
    case WB_STACK_RECURSION:
        return "recursion";
    case WB_STACK_POSSIBLE_RECURSION:
        return "possible recursion: every cycle passes through an indirect call matched by type";
    case WB_STACK_DYNAMIC_FRAME:
        return "a dynamic frame: alloca or VLA";
    case WB_STACK_UNKNOWN_FRAME:
        return "a function the stack-usage file does not list";
    default:
        return "an unresolved indirect call";
    }
}

/* The conditional bound of a possible recursion, for a message: "; without
 * the indirect calls that close it (a -> b, ...) at most N B". */
static void conditional_text(const wb_check *c, const wb_stack_bound *b, const char *unit,
                             char *buf, size_t cap)
{
    const wb_stack_conditional *k = &b->conditional;
    char n1[64], n2[64];
    size_t used;
    buf[0] = '\0';
    if (!k->computed || !k->bounded)
        return;
    used = (size_t)snprintf(buf, cap, "; without the indirect calls that close it (");
    for (unsigned i = 0; i < k->assume_count && i < WB_STACK_ASSUME_MAX && used < cap; i++)
        used += (size_t)snprintf(buf + used, cap - used, "%s%s -> %s", i ? ", " : "",
                                 wb_check_func_name(c, k->assumes[i].from, n1, sizeof n1),
                                 wb_check_func_name(c, k->assumes[i].to, n2, sizeof n2));
    if (used < cap)
        snprintf(buf + used, cap - used, "%s) %s %llu B",
                 k->assume_count > WB_STACK_ASSUME_MAX ? ", ..." : "", unit,
                 (unsigned long long)k->max_bytes);
}

/* stack-unbounded: which stack, of which thread, and why. */
static void stack_unbounded(const wb_check *c, wb_verdict *v, const wb_stack_bound *b,
                            const char *stack, const char *thread, const char *fix_text)
{
    char cond[200];
    conditional_text(c, b, "it uses at most", cond, sizeof cond);
    wb_diag *d = add(v, WB_SEV_WARNING, "stack-unbounded", "the %s use of %s has no static bound (%s)%s",
                     stack, thread, unbounded_why(b), cond);
    fix(d, "see the stack section of the report for the cycle or function; annotate a recursion's "
           "depth or an indirect call's targets (--stack-annotations, STACK_ANNOTATIONS), or %s",
        fix_text);
}

static void check_stack(const wb_check *c, wb_verdict *v)
{
    const wb_stack_result *s = c->stack;
    const wb_profile *p = c->profile;
    int threads = c->estimate->threads > 0;

    if (!s)
        return;
    int aux = wb_check_has_c_stack(c); /* without an aux stack only the native one is checked */
    if (aux && s->aux_main.analysed && !s->aux_main.bounded)
        stack_unbounded(c, v, &s->aux_main, "aux (C) stack", "the main thread",
                        "give STACK_SIZE explicitly with a margin");
    if (aux && threads && s->aux_thread.analysed && !s->aux_thread.bounded)
        stack_unbounded(c, v, &s->aux_thread, "aux (C) stack", "a wasi-thread",
                        "give STACK_SIZE explicitly with a margin");
    if (s->native_main.analysed && !s->native_main.bounded)
        stack_unbounded(c, v, &s->native_main, "native stack (AOT frames)", "the main thread",
                        "give the host thread that runs wasm a stack with a margin");
    if (threads && s->native_thread.analysed && !s->native_thread.bounded)
        stack_unbounded(c, v, &s->native_thread, "native stack (AOT frames)", "a wasi-thread",
                        "check APP_THREAD_STACK_SIZE_DEFAULT with a margin");
    const wb_estimate *e = c->estimate;
    uint64_t slices = (uint64_t)p->max_threads + 1;
    if (aux && e->aux_stack_split && e->aux_stack_bytes / slices < e->aux_stack_slice_min) {
        wb_diag *d = add(v, WB_SEV_ERROR, "aux-stack-slice-too-small",
                         "WAMR's lib-pthread cuts the %llu B aux stack into %llu slices of %llu B, "
                         "below the %llu B it accepts: creating the exec env fails",
                         (unsigned long long)e->aux_stack_bytes, (unsigned long long)slices,
                         (unsigned long long)(e->aux_stack_bytes / slices),
                         (unsigned long long)e->aux_stack_slice_min);
        fix(d, "link with -z stack-size=%llu or more (STACK_SIZE)",
            (unsigned long long)(e->aux_stack_slice_min * slices));
    } else if (aux && s->aux_main.analysed && s->aux_main.bounded && c->main_stack_size &&
               s->aux_main.max_bytes > c->main_stack_size) {
        wb_diag *d;
        if (e->aux_stack_split) {
            d = add(v, WB_SEV_ERROR, "stack-overflow",
                    "the main thread may use %llu B of aux stack but WAMR's lib-pthread gives it "
                    "one slice of %llu (max_threads + 1) of the %llu B stack: %llu B",
                    (unsigned long long)s->aux_main.max_bytes, (unsigned long long)slices,
                    (unsigned long long)e->aux_stack_bytes, (unsigned long long)c->main_stack_size);
            fix(d, "link with -z stack-size=%llu or more (STACK_SIZE), or lower max_thread_num",
                (unsigned long long)(round_up(s->aux_main.max_bytes, 16) * slices));
        } else {
            d = add(v, WB_SEV_ERROR, "stack-overflow",
                    "the main thread may use %llu B of aux stack but it has %llu B",
                    (unsigned long long)s->aux_main.max_bytes,
                    (unsigned long long)c->main_stack_size);
            fix(d, "link with -z stack-size=%llu or more (STACK_SIZE, or STACK_SIZE AUTO)",
                (unsigned long long)round_up(s->aux_main.max_bytes, 16));
        }
    }
    if (aux && s->aux_thread.analysed && s->aux_thread.bounded && c->main_stack_size &&
        s->aux_thread.max_bytes > c->main_stack_size) {
        wb_diag *d;
        if (e->aux_stack_split) {
            d = add(v, WB_SEV_ERROR, "thread-stack-overflow",
                    "a thread may use %llu B of aux stack but WAMR's lib-pthread gives each a slice "
                    "of %llu B: WAMR stops it with \"wasm auxiliary stack overflow\"",
                    (unsigned long long)s->aux_thread.max_bytes,
                    (unsigned long long)c->main_stack_size);
            fix(d, "link with -z stack-size=%llu or more (STACK_SIZE)",
                (unsigned long long)(round_up(s->aux_thread.max_bytes, 16) * slices));
        } else {
            d = add(v, WB_SEV_ERROR, "thread-stack-overflow",
                    "a wasi-thread may use %llu B of aux stack but gets %llu B (the main "
                    "thread's size) and WAMR does not check it: an overflow corrupts the libc heap",
                    (unsigned long long)s->aux_thread.max_bytes,
                    (unsigned long long)c->main_stack_size);
            fix(d, "raise STACK_SIZE or use pthread_attr_setstacksize");
        }
    }
    if (s->native_main.analysed && s->native_main.bounded && p->main_native_stack &&
        s->native_main.max_bytes > p->main_native_stack) {
        wb_diag *d = add(v, WB_SEV_ERROR, "native-stack-overflow",
                         "AOT code may use %llu B of native stack on the main thread but profile "
                         "'%s' gives %llu B",
                         (unsigned long long)s->native_main.max_bytes, p->name,
                         (unsigned long long)p->main_native_stack);
        fix(d, "give the host thread that runs wasm a bigger stack (main_native_stack in the profile)");
    }
    if (s->native_thread.analysed && s->native_thread.bounded && c->estimate->threads > 0 &&
        s->native_thread.max_bytes > p->app_thread_stack) {
        wb_diag *d = add(v, WB_SEV_ERROR, "native-thread-stack-overflow",
                         "AOT code may use %llu B of native stack in a wasi-thread but the "
                         "runtime gives each %llu B (APP_THREAD_STACK_SIZE_DEFAULT)",
                         (unsigned long long)s->native_thread.max_bytes,
                         (unsigned long long)p->app_thread_stack);
        fix(d, "build WAMR with a larger APP_THREAD_STACK_SIZE_DEFAULT and update app_thread_stack");
    }
}

/* What --stack-size auto would give: the bound + margin, rounded up to 16. */
static uint64_t operand_suggestion(const wb_check *c, uint64_t bound)
{
    return round_up(bound + c->stack_margin, 16);
}

/* Whether threads of the module may run, each with an exec env of its own:
 * the wasi-threads the check budgets, or lib-pthread's, which it cannot
 * count. */
static int operand_threads(const wb_check *c)
{
    return c->estimate->threads > 0 || (c->stack && c->stack->pthread_entries);
}

/* The interpreters' operand stack (README: Stack bounds): each thread's exec
 * env has stack_size bytes for its interpreter frames. */
static void check_operand_stack(const wb_check *c, wb_verdict *v)
{
    const wb_estimate *e = c->estimate;
    const wb_stack_result *s = c->stack;
    const wb_stack_bound *b[2] = {s ? &s->operand_main : NULL, s ? &s->operand_thread : NULL};
    const char *who[2] = {"the main thread", s && s->pthread_entries ? "a thread" : "a wasi-thread"};
    char path[300], cond[200];
    int n = operand_threads(c) ? 2 : 1; /* the threads' bound only where threads may run */

    if (e->mode == WB_MODE_AOT || !c->wasm_facts)
        return;
    if (!s || !s->operand_main.analysed) {
        wb_diag *d = add(v, c->stack_auto_failed ? WB_SEV_ERROR : WB_SEV_WARNING,
                         c->stack_auto_failed ? "operand-stack-auto" : "operand-stack-unbounded",
                         "the interpreter's operand stack has no static bound: %s",
                         c->operand_why ? c->operand_why : "no entry point");
        fix(d, "give WASM_STACK_SIZE / --stack-size explicitly with a margin");
        return;
    }
    for (int i = 0; i < n; i++) {
        if (!b[i]->analysed || b[i]->bounded)
            continue;
        wb_check_format_path(c, b[i], path, sizeof path);
        conditional_text(c, b[i], "it needs a stack_size of", cond, sizeof cond);
        if (c->stack_auto_failed) {
            wb_diag *d = add(v, WB_SEV_ERROR, "operand-stack-auto",
                             "WASM_STACK_SIZE AUTO: the operand stack of %s has no static bound: "
                             "%s%s",
                             who[i], path, cond);
            fix(d, "annotate the recursion's depth or the indirect call's targets (recursion "
                   "<function> <depth>, indirect <function> -> <target>... in STACK_ANNOTATIONS / "
                   "--stack-annotations), or give WASM_STACK_SIZE a size");
        } else {
            wb_diag *d = add(v, WB_SEV_WARNING, "operand-stack-unbounded",
                             "the interpreter's operand stack of %s has no static bound: %s%s",
                             who[i], path, cond);
            fix(d, "annotate the recursion's depth or the indirect call's targets (recursion "
                   "<function> <depth>, indirect <function> -> <target>... in --stack-annotations / "
                   "STACK_ANNOTATIONS), or give WASM_STACK_SIZE explicitly with a margin");
        }
    }
    for (int i = 0; i < n; i++) {
        if (!b[i]->analysed || !b[i]->bounded || b[i]->max_bytes <= e->wasm_stack_size)
            continue;
        wb_diag *d = add(v, WB_SEV_ERROR, "operand-stack-overflow",
                         "%s needs a stack_size of %llu B for its interpreter frames but it is %llu "
                         "B: WAMR stops it with \"wasm operand stack overflow\"",
                         who[i], (unsigned long long)b[i]->max_bytes,
                         (unsigned long long)e->wasm_stack_size);
        fix(d, "pass stack_size %llu or more (WASM_STACK_SIZE / --stack-size, or AUTO)",
            (unsigned long long)operand_suggestion(c, b[i]->max_bytes));
    }
}

/* An interpreter's operand stack much larger than its frames can take: the saving. */
static void operand_saving(const wb_check *c, wb_verdict *v)
{
    const wb_estimate *e = c->estimate;
    const wb_stack_result *s = c->stack;

    if (e->mode == WB_MODE_AOT || !s)
        return;
    const wb_stack_bound *worst = wb_stack_operand_worst(s, operand_threads(c));
    if (worst->analysed && worst->bounded) {
        uint64_t need = worst->max_bytes;
        uint64_t keep = operand_suggestion(c, need);
        if (e->wasm_stack_size >= 2 * keep && e->wasm_stack_size - keep >= 2048u) {
            uint64_t envs = 1u + e->threads;
            wb_diag *d = add(v, WB_SEV_NOTE, "operand-stack-unused",
                             "the interpreter's frames need at most %llu B of the %llu B operand "
                             "stack: stack_size %llu saves %llu B",
                             (unsigned long long)need, (unsigned long long)e->wasm_stack_size,
                             (unsigned long long)keep,
                             (unsigned long long)((e->wasm_stack_size - keep) * envs));
            fix(d, "pass stack_size %llu (WASM_STACK_SIZE / --stack-size, or AUTO: the bound + %llu "
                   "B)",
                (unsigned long long)keep, (unsigned long long)c->stack_margin);
        }
    }
}

static void suggest_savings(const wb_check *c, wb_verdict *v)
{
    operand_saving(c, v);
    const wb_estimate *e = c->estimate;

    /* AOT code keeps no values on the operand stack; WAMR still allocates it in
     * full per exec env (README: WASM stack).  Keep 1 KiB for the call frames
     * that call-stack dumps and profiling builds put there; 0 would mean the
     * default size, not none. */
    if (e->mode == WB_MODE_AOT && e->operand_stack_unused >= 2048u && e->wasm_stack_size > 1024u) {
        uint64_t keep = 1024u;
        uint64_t per_env = e->wasm_stack_size - keep;
        uint64_t envs = 1u + e->threads;
        wb_diag *d = add(v, WB_SEV_NOTE, "operand-stack-unused",
                         "AOT code does not keep values on the WASM operand stack, yet WAMR "
                         "allocates all %llu B of it per exec env: lowering it to %llu B saves "
                         "%llu B",
                         (unsigned long long)e->wasm_stack_size, (unsigned long long)keep,
                         (unsigned long long)(per_env * envs));
        fix(d, "pass stack_size %llu (WASM_STACK_SIZE / --stack-size); not 0, which means the "
               "runtime default",
            (unsigned long long)keep);
    }
    if (e->app_heap_disabled_by_exports && c->settings->heap_size_given && c->settings->heap_size) {
        wb_diag *d = add(v, WB_SEV_NOTE, "app-heap-disabled",
                         "the module exports malloc and free, so WAMR ignores heap_size %llu B",
                         (unsigned long long)c->settings->heap_size);
        fix(d, "pass heap_size 0");
    }
}

void wb_verdict_make(const wb_check *c, wb_verdict *v)
{
    memset(v, 0, sizeof *v);
    v->fits = 1;
    check_features(c, v);
    check_simd(c, v);
    check_mode(c, v);
    check_aot(c, v);
    check_memory(c, v);
    check_aux_stack(c, v);
    check_app_heap(c, v);
    check_threads(c, v);
    check_stack(c, v);
    check_operand_stack(c, v);
    check_budget(c, v);
    suggest_savings(c, v);
    check_names(c, v);
    for (unsigned i = 0; i < v->count; i++)
        if (v->diags[i].severity == WB_SEV_ERROR && strcmp(v->diags[i].code, "over-budget") != 0)
            v->misconfigured = 1;
}

int wb_verdict_exit_code(const wb_verdict *v)
{
    return (v->fits && !v->misconfigured) ? 0 : 1;
}
