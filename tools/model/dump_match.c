/* WAMR's own memory figures beside the estimate: what each dump line counts, and what it leaves out. */
#include "model/dump_match.h"

#include <string.h>

#include "model/wamr_versions.h"

int wb_wamr_dump_facts_for(const char *version, wb_wamr_dump_facts *out)
{
    const wb_wamr_version *v = version ? wb_wamr_version_find(version) : NULL;
    int known = v != NULL;
    if (!v)
        v = wb_wamr_version_find(WB_EST_VERSION_UNNAMED);
    out->version = known ? version : WB_EST_VERSION_UNNAMED;
    out->aot_copies_data_segments = v->t->aot_data_copied;
    out->loader_grows_in_place = v->t->loader_grows_in_place;
    return known;
}

/* ---- runs ---- */

unsigned wb_device_runs(const wb_device_log *log, wb_device_run *runs)
{
    unsigned n = 0, di = 0, si = 0;
    wb_device_run *cur = NULL;
    while (di < log->dump_count || si < log->sample_count) {
        int take_dump = di < log->dump_count &&
                        (si >= log->sample_count || log->dumps[di].first_line <= log->samples[si].line);
        if (take_dump) {
            const wb_device_dump *d = &log->dumps[di++];
            if (!cur || cur->dump) {
                cur = &runs[n++];
                memset(cur, 0, sizeof *cur);
                cur->first_line = d->first_line;
            }
            cur->dump = d;
            if (d->last_line > cur->last_line)
                cur->last_line = d->last_line;
        } else {
            const wb_pool_sample *s = &log->samples[si++];
            const wb_pool_sample *prev = cur && cur->sample_count ? &cur->samples[cur->sample_count - 1] : NULL;
            /* a pool's highmark never falls while it lives: a lower one is a new pool */
            if (!cur || (prev && (s->highmark < prev->highmark || s->total != prev->total))) {
                cur = &runs[n++];
                memset(cur, 0, sizeof *cur);
                cur->first_line = s->line;
            }
            if (cur->sample_count == 0)
                cur->samples = s;
            cur->sample_count++;
            if (s->line > cur->last_line)
                cur->last_line = s->line;
        }
    }
    return n;
}

/* ---- the estimate, as the lines below need it ---- */

typedef struct est_view {
    const char *mode;
    int aot;
    uint64_t module_load, module_load_peak, exec_memory, inst_structs, linear_max, exec_env;
    uint64_t module_buffer, global_heap_peak, total;
    int buffer_in_heap;           /* the profile keeps the module buffer in the pool */
    int has_stack_size, has_app_heap, has_recommended;
    uint64_t stack_size, app_heap, recommended;
    int stack_bounded, operand_bounded, has_aux_size, has_operand_max;
    uint64_t stack_max, aux_size, operand_max;
} est_view;

static void view_of(const wb_estimate_file *f, est_view *v)
{
    memset(v, 0, sizeof *v);
    v->mode = wb_est_str(f, "mode");
    if (!v->mode)
        v->mode = "?";
    v->aot = strcmp(v->mode, "aot") == 0;
    /* the contract's fields: the reader made sure they are there */
    wb_est_u64(f, "estimate.module_load", &v->module_load);
    wb_est_u64(f, "estimate.module_load_peak", &v->module_load_peak);
    wb_est_u64(f, "estimate.exec_memory", &v->exec_memory);
    wb_est_u64(f, "estimate.linear_memory_max", &v->linear_max);
    wb_est_u64(f, "estimate.exec_env", &v->exec_env);
    wb_est_u64(f, "estimate.module_buffer", &v->module_buffer);
    /* a module buffer that adds nothing to its own pool is counted in the
     * global heap already (profile key module_buffer_in_pool) */
    uint64_t buffer_pool = 0;
    v->buffer_in_heap = v->module_buffer > 0 &&
                        wb_est_u64(f, "estimate.pools.module_buffer", &buffer_pool) &&
                        buffer_pool == 0;
    wb_est_u64(f, "estimate.total", &v->total);
    if (!wb_est_u64(f, "estimate.global_heap_peak", &v->global_heap_peak))
        wb_est_u64(f, "estimate.module_load_peak", &v->global_heap_peak);
    /* the instance without linear memory: its items (on Zephyr and RIOT
     * estimate.instance also holds the initial linear memory) */
    int any = 0;
    for (unsigned i = 0; i < f->item_count; i++)
        if (strncmp(f->items[i].key, "instance.", 9) == 0) {
            v->inst_structs += f->items[i].bytes;
            any = 1;
        }
    if (!any)
        wb_est_u64(f, "estimate.instance", &v->inst_structs);
    v->has_stack_size = wb_est_u64(f, "settings.stack_size", &v->stack_size);
    v->has_app_heap = wb_est_u64(f, "estimate.app_heap", &v->app_heap) ||
                      wb_est_u64(f, "settings.heap_size", &v->app_heap);
    v->has_recommended = wb_est_u64(f, "estimate.recommended_pool", &v->recommended);
    int b = 0;
    if (wb_est_bool(f, "stack.bounded", &b) && b && wb_est_u64(f, "stack.max_depth", &v->stack_max))
        v->stack_bounded = 1;
    v->has_aux_size = (wb_est_u64(f, "stack.stack_size", &v->aux_size) && v->aux_size > 0) ||
                      (wb_est_u64(f, "settings.aux_stack_bytes", &v->aux_size) && v->aux_size > 0);
    b = 0;
    if (wb_est_bool(f, "operand_stack.bounded", &b) && b &&
        wb_est_u64(f, "operand_stack.max_bytes", &v->operand_max))
        v->operand_bounded = v->has_operand_max = 1;
}

/* ---- lines ---- */

static wb_recon_line *add_line(wb_recon_run *r, const char *key, const char *label, int sub, int compared)
{
    if (r->count == WB_RECON_MAX_LINES)
        return NULL;
    wb_recon_line *l = &r->lines[r->count++];
    memset(l, 0, sizeof *l);
    l->key = key;
    l->label = label;
    l->sub = sub;
    l->compared = compared;
    return l;
}

static void device_value(wb_recon_line *l, const wb_dump_value *v)
{
    if (v->state != WB_DV_VALUE)
        return;
    l->has_device = 1;
    l->device = v->value;
    l->device_negative = v->negative;
    l->device_line = v->line;
}

static void estimate_value(wb_recon_line *l, uint64_t v, const char *from)
{
    l->has_estimate = 1;
    l->estimate = v;
    l->estimate_from = from;
}

static void note(wb_note *notes, unsigned *count, unsigned cap, wb_note_code code, uint64_t a, uint64_t b,
                 const char *s, uint32_t line)
{
    if (*count == cap)
        return;
    wb_note *n = &notes[(*count)++];
    n->code = code;
    n->a = a;
    n->b = b;
    n->s = s;
    n->line = line;
}

#define LINE_NOTE(l, code, a, b, s, line) note((l)->notes, &(l)->note_count, WB_RECON_LINE_NOTES, code, a, b, s, line)
#define RUN_NOTE(r, code, a, b, s, line) note((r)->notes, &(r)->note_count, WB_RECON_RUN_NOTES, code, a, b, s, line)

static uint64_t sat_add(uint64_t a, uint64_t b)
{
    return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

static int has(const wb_device_dump *d, wb_dump_field f)
{
    return d && d->v[f].state == WB_DV_VALUE;
}

static uint64_t val(const wb_device_dump *d, wb_dump_field f)
{
    return has(d, f) ? d->v[f].value : 0;
}

/* The lines of a section add up to its total (WAMR sums them so); a
 * difference means lines were lost or mixed with another dump. */
static void check_sum(wb_recon_run *r, const wb_device_dump *d, const char *name, wb_dump_section sec,
                      wb_dump_field total, const wb_dump_field *parts, size_t n)
{
    if (!has(d, total))
        return;
    uint64_t sum = 0;
    for (size_t i = 0; i < n; i++)
        sum = sat_add(sum, val(d, parts[i]));
    for (unsigned i = 0; i < d->extra_count; i++)
        if (d->extra[i].section == sec)
            sum = sat_add(sum, d->extra[i].value);
    if (sum != val(d, total))
        RUN_NOTE(r, WB_NOTE_RUN_SUMS, sum, val(d, total), name, d->v[total].line);
}

static void run_notes(wb_recon_run *r, const wb_device_dump *d, const est_view *e)
{
    if (!d) {
        RUN_NOTE(r, WB_NOTE_RUN_NO_DUMP, 0, 0, NULL, 0);
        return;
    }
    if (!has(d, WB_DF_MODULE_TOTAL) && !d->summary_header)
        RUN_NOTE(r, WB_NOTE_RUN_STARTS_LATE, 0, 0, NULL, d->first_line);
    if (!d->complete)
        RUN_NOTE(r, WB_NOTE_RUN_TRUNCATED, 0, 0, NULL, d->last_line);
    if (d->repeat_line)
        RUN_NOTE(r, WB_NOTE_RUN_REPEAT, 0, 0, wb_dump_field_text(d->repeat_field), d->repeat_line);
    if (d->complete) {
        static const wb_dump_field module_parts[] = {
            WB_DF_MODULE_STRUCT, WB_DF_TYPES, WB_DF_IMPORTS, WB_DF_FUNCS, WB_DF_TABLES,
            WB_DF_MEMORIES, WB_DF_GLOBALS, WB_DF_EXPORTS, WB_DF_TABLE_SEGS, WB_DF_DATA_SEGS,
            WB_DF_CONST_STRINGS, WB_DF_CUSTOM_SECTIONS, WB_DF_AOT_CODE};
        static const wb_dump_field inst_parts[] = {WB_DF_INST_STRUCT, WB_DF_INST_MEMORIES, WB_DF_INST_TABLES,
                                                   WB_DF_INST_FUNCTIONS, WB_DF_INST_GLOBALS, WB_DF_INST_EXPORTS};
        /* the block address cache is inside the exec env struct */
        static const wb_dump_field exec_parts[] = {WB_DF_EXEC_ENV_STRUCT, WB_DF_EXEC_ENV_STACK};
        static const wb_dump_field totals[] = {WB_DF_MODULE_TOTAL, WB_DF_INST_TOTAL, WB_DF_EXEC_ENV_TOTAL};
        check_sum(r, d, "module", WB_SEC_MODULE, WB_DF_MODULE_TOTAL, module_parts,
                  sizeof module_parts / sizeof module_parts[0]);
        check_sum(r, d, "module instance", WB_SEC_INSTANCE, WB_DF_INST_TOTAL, inst_parts,
                  sizeof inst_parts / sizeof inst_parts[0]);
        check_sum(r, d, "exec env", WB_SEC_EXEC_ENV, WB_DF_EXEC_ENV_TOTAL, exec_parts,
                  sizeof exec_parts / sizeof exec_parts[0]);
        check_sum(r, d, "whole dump", WB_SEC_NONE, WB_DF_TOTAL, totals, sizeof totals / sizeof totals[0]);
    }
    if (val(d, WB_DF_AOT_CODE) > 0 && !e->aot)
        RUN_NOTE(r, WB_NOTE_RUN_MODE_AOT, 0, 0, e->mode, d->v[WB_DF_AOT_CODE].line);
    else if (e->aot && has(d, WB_DF_MODULE_TOTAL) && val(d, WB_DF_AOT_CODE) == 0)
        RUN_NOTE(r, WB_NOTE_RUN_MODE_INTERP, 0, 0, e->mode, d->v[WB_DF_MODULE_TOTAL].line);
    for (unsigned i = 0; i < d->extra_count; i++)
        RUN_NOTE(r, WB_NOTE_RUN_EXTRA, d->extra[i].value, 0, d->extra[i].name, d->extra[i].line);
}

static void dump_lines(wb_recon_run *r, const wb_device_dump *d, const est_view *e,
                       const wb_wamr_dump_facts *facts)
{
    wb_recon_line *l;
    uint64_t aot_code = val(d, WB_DF_AOT_CODE);
    int aot_line = aot_code > 0 || e->aot;

    /* the module: the dump counts AOT code under it, here it has a line of its own */
    if ((l = add_line(r, "module", "module, kept after load", 0, 1))) {
        if (has(d, WB_DF_MODULE_TOTAL)) {
            device_value(l, &d->v[WB_DF_MODULE_TOTAL]);
            l->device -= aot_code <= l->device ? aot_code : l->device;
        }
        estimate_value(l, e->module_load, "estimate.module_load");
        LINE_NOTE(l, WB_NOTE_DUMP_LEAVES_OUT_LOAD, e->module_buffer, e->module_load_peak, NULL, 0);
        if (aot_code > 0)
            LINE_NOTE(l, WB_NOTE_AOT_CODE_MOVED, aot_code, 0, NULL, d->v[WB_DF_AOT_CODE].line);
        if (facts->aot_copies_data_segments && aot_line)
            LINE_NOTE(l, WB_NOTE_AOT_DATA_COPIED, 0, 0, facts->version, 0);
    }
    if (aot_line && (l = add_line(r, "aot_code", "AOT code and data", 0, 1))) {
        device_value(l, &d->v[WB_DF_AOT_CODE]);
        estimate_value(l, e->exec_memory, "estimate.exec_memory");
    }
    if ((l = add_line(r, "instance", "module instance + linear memory", 0, 1))) {
        device_value(l, &d->v[WB_DF_INST_TOTAL]);
        estimate_value(l, sat_add(e->inst_structs, e->linear_max),
                       "estimate.items instance.* + estimate.linear_memory_max");
        LINE_NOTE(l, WB_NOTE_LINEAR_CURRENT, 0, 0, NULL, 0);
        LINE_NOTE(l, WB_NOTE_INSTANCE_PARTS, 0, 0, NULL, 0);
    }
    if ((l = add_line(r, "linear_memory", "memories (linear memory and its structs)", 1, 0))) {
        device_value(l, &d->v[WB_DF_INST_MEMORIES]);
        estimate_value(l, e->linear_max, "estimate.linear_memory_max");
    }
    if ((l = add_line(r, "app_heap", "app heap (heap_size)", 1, 1))) {
        device_value(l, &d->v[WB_DF_INST_APP_HEAP]);
        if (e->has_app_heap)
            estimate_value(l, e->app_heap, "estimate.app_heap");
        if (l->has_device && l->has_estimate && l->device != l->estimate)
            LINE_NOTE(l, WB_NOTE_HEAP_SIZE_DIFFERS, l->device, l->estimate, NULL, l->device_line);
    }
    if ((l = add_line(r, "exec_env", "exec env", 0, 1))) {
        device_value(l, &d->v[WB_DF_EXEC_ENV_TOTAL]);
        estimate_value(l, e->exec_env, "estimate.exec_env");
        LINE_NOTE(l, WB_NOTE_EXEC_ENV_PARTS, 0, 0, NULL, 0);
    }
    if ((l = add_line(r, "stack_size", "operand stack (stack_size)", 1, 1))) {
        device_value(l, &d->v[WB_DF_EXEC_ENV_STACK]);
        if (e->has_stack_size)
            estimate_value(l, e->stack_size, "settings.stack_size");
        if (l->has_device && l->has_estimate && l->device != l->estimate)
            LINE_NOTE(l, WB_NOTE_STACK_SIZE_DIFFERS, l->device, l->estimate, NULL, l->device_line);
    }
    if ((l = add_line(r, "dump_total", "WAMR's total (module, instance, exec env)", 0, 1))) {
        device_value(l, &d->v[WB_DF_TOTAL]);
        uint64_t sum = sat_add(sat_add(e->module_load, aot_line ? e->exec_memory : 0),
                               sat_add(sat_add(e->inst_structs, e->linear_max), e->exec_env));
        estimate_value(l, sum, "the four lines above");
        LINE_NOTE(l, WB_NOTE_TOTAL_LEAVES_OUT, e->total, 0, NULL, 0);
    }
    if ((l = add_line(r, "operand_stack_used", "operand stack used", 0, 1))) {
        device_value(l, &d->v[WB_DF_INTERP_STACK_USED]);
        if (e->operand_bounded)
            estimate_value(l, e->operand_max, "operand_stack.max_bytes");
        else if (e->has_stack_size) {
            estimate_value(l, e->stack_size, "settings.stack_size");
            if (!e->aot)
                LINE_NOTE(l, WB_NOTE_OPERAND_NO_BOUND, 0, 0, NULL, 0);
        }
        if (e->aot)
            LINE_NOTE(l, WB_NOTE_OPERAND_AOT, 0, 0, NULL, 0);
    }
    if ((l = add_line(r, "aux_stack_used", "aux stack used (main thread)", 0, 1))) {
        device_value(l, &d->v[WB_DF_AUX_STACK_USED]);
        if (d->v[WB_DF_AUX_STACK_USED].state == WB_DV_NO_INFO)
            LINE_NOTE(l, WB_NOTE_AUX_NO_INFO, 0, 0, NULL, d->v[WB_DF_AUX_STACK_USED].line);
        if (e->stack_bounded)
            estimate_value(l, e->stack_max, "stack.max_depth");
        else if (e->has_aux_size) {
            estimate_value(l, e->aux_size, "stack.stack_size");
            LINE_NOTE(l, WB_NOTE_AUX_NO_BOUND, 0, 0, NULL, 0);
        }
    }
    if ((l = add_line(r, "app_heap_used", "app heap used", 0, 1))) {
        device_value(l, &d->v[WB_DF_APP_HEAP_USED]);
        if (e->has_app_heap)
            estimate_value(l, e->app_heap, "estimate.app_heap");
    }
    if ((l = add_line(r, "native_stack_left", "native stack left", 0, 0))) {
        device_value(l, &d->v[WB_DF_NATIVE_STACK_LEFT]);
        LINE_NOTE(l, WB_NOTE_NATIVE_NOT_ESTIMATED, 0, 0, NULL, 0);
    }
}

/* used as the allocator counts it (total - free): below zero when it
 * over-credits free.  Figures are capped at 2^61 so that differences fit. */
static int64_t used_of(const wb_pool_sample *s)
{
    const uint64_t cap = (uint64_t)1 << 61;
    uint64_t t = s->total < cap ? s->total : cap, f = s->free < cap ? s->free : cap;
    return (int64_t)t - (int64_t)f;
}

static void pool_lines(wb_recon_run *r, const wb_device_run *run, const est_view *e,
                       const wb_wamr_dump_facts *facts, const wb_recon_options *opt)
{
    const wb_pool_sample *s = run->samples, *top = &s[0];
    unsigned n = run->sample_count;
    int64_t first_used = used_of(&s[0]), min_used = first_used;
    uint32_t min_line = s[0].line;
    for (unsigned i = 1; i < n; i++) {
        int64_t used = used_of(&s[i]);
        if (s[i].highmark > top->highmark)
            top = &s[i];
        if (used < min_used) {
            min_used = used;
            min_line = s[i].line;
        }
    }
    uint64_t over = 0;
    if (min_used < first_used && (facts->loader_grows_in_place || min_used < 0))
        over = (uint64_t)(first_used - min_used);

    wb_recon_line *l;
    /* The pool's highmark counts each block with its header and rounding,
     * as the recommended pool does (the estimate's peak does not). */
    if ((l = add_line(r, "pool_highmark", "global heap pool, highest use", 0, 1))) {
        l->has_device = 1;
        l->device = sat_add(top->highmark, over);
        l->device_line = top->line;
        uint64_t est = e->has_recommended ? e->recommended : e->global_heap_peak;
        const char *from = e->has_recommended ? "estimate.recommended_pool" : "estimate.global_heap_peak";
        if (e->buffer_in_heap) {
            LINE_NOTE(l, WB_NOTE_POOL_BUFFER_IN_ESTIMATE, e->module_buffer, 0, NULL, 0);
        } else if (opt->buffer_in_pool) {
            est = sat_add(est, e->module_buffer);
            from = e->has_recommended ? "estimate.recommended_pool + estimate.module_buffer"
                                      : "estimate.global_heap_peak + estimate.module_buffer";
            LINE_NOTE(l, WB_NOTE_POOL_WITH_BUFFER, e->module_buffer, 0, NULL, 0);
        } else if (l->device > est && l->device <= sat_add(est, e->module_buffer)) {
            LINE_NOTE(l, WB_NOTE_POOL_BUFFER_MAYBE, e->module_buffer, 0, NULL, 0);
        }
        estimate_value(l, est, from);
        if (e->has_recommended)
            LINE_NOTE(l, WB_NOTE_POOL_RECOMMENDED, e->global_heap_peak, 0, NULL, 0);
        if (facts->aot_copies_data_segments && e->aot)
            LINE_NOTE(l, WB_NOTE_AOT_DATA_COPIED, 0, 0, facts->version, 0);
        if (over)
            LINE_NOTE(l, WB_NOTE_POOL_OVERCREDIT, over, top->highmark, NULL, min_line);
        else if (facts->loader_grows_in_place && !e->aot && n < 2)
            LINE_NOTE(l, WB_NOTE_POOL_MAY_OVERCREDIT, 0, 0, facts->version, 0);
    }
    if ((l = add_line(r, "pool_size", "global heap pool size", 0, 0))) {
        l->has_device = 1;
        l->device = s[n - 1].total;
        l->device_line = s[n - 1].line;
        if (e->has_recommended) {
            estimate_value(l, e->recommended, "estimate.recommended_pool");
            if (l->device < l->estimate)
                LINE_NOTE(l, WB_NOTE_POOL_SMALLER, l->estimate - l->device, 0, NULL, 0);
        }
        LINE_NOTE(l, WB_NOTE_POOL_EMBEDDER, 0, 0, NULL, 0);
    }
}

void wb_recon_match(const wb_device_run *run, const wb_estimate_file *est,
                    const wb_wamr_dump_facts *facts, const wb_recon_options *opt, wb_recon_run *out)
{
    est_view e;
    memset(out, 0, sizeof *out);
    out->run = run;
    view_of(est, &e);
    run_notes(out, run->dump, &e);
    if (run->dump)
        dump_lines(out, run->dump, &e, facts);
    if (run->sample_count)
        pool_lines(out, run, &e, facts, opt);
}
