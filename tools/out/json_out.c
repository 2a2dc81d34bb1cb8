/* The JSON contract: estimate fields in bytes, budget, fits, diagnostics[]. */
#include "out/outputs.h"

#include <inttypes.h>

void wb_json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\t': fputs("\\t", out); break;
        case '\r': fputs("\\r", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out);
        }
    }
    fputc('"', out);
}

static void kv_u64(FILE *out, const char *indent, const char *key, uint64_t v, int comma)
{
    fprintf(out, "%s\"%s\": %" PRIu64 "%s\n", indent, key, v, comma ? "," : "");
}

static void kv_str(FILE *out, const char *indent, const char *key, const char *v, int comma)
{
    fprintf(out, "%s\"%s\": ", indent, key);
    wb_json_string(out, v);
    fprintf(out, "%s\n", comma ? "," : "");
}

static void kv_bool(FILE *out, const char *indent, const char *key, int v, int comma)
{
    fprintf(out, "%s\"%s\": %s%s\n", indent, key, v ? "true" : "false", comma ? "," : "");
}

static void path_json(FILE *out, const wb_check *c, const wb_stack_bound *b)
{
    const uint8_t *names;
    size_t names_size;
    const wb_wasm_facts *names_facts;
    int have_names = wb_check_names(c, &names, &names_size, &names_facts);

    fputc('[', out);
    for (unsigned i = 0; i < b->path_len; i++) {
        char name[128];
        const char *n = NULL;
        if (have_names)
            n = wb_wasm_func_name(names, names_size, names_facts, b->path[i].func_index, name,
                                  sizeof name);
        fprintf(out, "%s{\"function\": %u, \"name\": ", i ? ", " : "", b->path[i].func_index);
        wb_json_string(out, n ? n : "");
        fprintf(out, ", \"frame_bytes\": %" PRIu64, b->path[i].frame_bytes);
        if (b->path[i].times > 1)
            fprintf(out, ", \"times\": %u", b->path[i].times);
        fputc('}', out);
    }
    fputc(']', out);
}

/* What makes a bound unbounded: the recursion's cycle, or the function with
 * a dynamic or unknown frame; [] when bounded. */
static void cycle_json(FILE *out, const wb_check *c, const wb_stack_bound *b)
{
    fputc('[', out);
    for (unsigned i = 0; b->analysed && !b->bounded && i < b->cycle_len; i++) {
        char name[128];
        fprintf(out, "%s", i ? ", " : "");
        wb_json_string(out, wb_check_func_name(c, b->cycle[i], name, sizeof name));
    }
    fputc(']', out);
}

/* The conditional bound of a possible recursion, or null. */
static void conditional_json(FILE *out, const wb_check *c, const wb_stack_bound *b, const char *key)
{
    const wb_stack_conditional *k = &b->conditional;
    if (!k->computed) {
        fprintf(out, "null");
        return;
    }
    fprintf(out, "{\"bounded\": %s, \"%s\": %" PRIu64 ", \"assumes\": [", k->bounded ? "true" : "false",
            key, k->bounded ? k->max_bytes : 0);
    for (unsigned i = 0; i < k->assume_count && i < WB_STACK_ASSUME_MAX; i++) {
        char n1[128], n2[128];
        fprintf(out, "%s{\"caller\": ", i ? ", " : "");
        wb_json_string(out, wb_check_func_name(c, k->assumes[i].from, n1, sizeof n1));
        fprintf(out, ", \"callee\": ");
        wb_json_string(out, wb_check_func_name(c, k->assumes[i].to, n2, sizeof n2));
        fprintf(out, "}");
    }
    fprintf(out, "], \"assume_count\": %u}", k->assume_count);
}

static void bound_json(FILE *out, const char *key, const wb_check *c, const wb_stack_bound *b, int comma)
{
    fprintf(out, "    \"%s\": {\"analysed\": %s, \"bounded\": %s, \"max_depth\": %" PRIu64
                 ", \"unbounded_reason\": \"%s\", \"worst_path\": ",
            key, b->analysed ? "true" : "false", b->bounded ? "true" : "false",
            b->bounded ? b->max_bytes : 0, b->analysed ? wb_stack_reason(b->unbounded_kind) : "");
    path_json(out, c, b);
    fprintf(out, ", \"unbounded_at\": ");
    cycle_json(out, c, b);
    fprintf(out, ", \"conditional\": ");
    conditional_json(out, c, b, "max_depth");
    fprintf(out, "}%s\n", comma ? "," : "");
}

static void notes_json(FILE *out, const wb_check *c)
{
    const wb_stack_result *s = c->stack;
    fprintf(out, "    \"annotations_used\": [");
    for (unsigned i = 0; s && c->notes && i < s->notes_used_count && i < WB_STACK_NOTES_MAX; i++) {
        const wb_stack_note *n = &c->notes->notes[s->notes_used[i]];
        fprintf(out, "%s{\"line\": %u, \"kind\": \"%s\", \"function\": ", i ? ", " : "", n->line,
                n->kind == WB_NOTE_RECURSION ? "recursion" : "indirect");
        wb_json_string(out, n->func);
        if (n->kind == WB_NOTE_RECURSION) {
            fprintf(out, ", \"depth\": %u", n->depth);
        } else {
            fprintf(out, ", \"targets\": [");
            for (unsigned k = 0; k < n->target_count; k++) {
                fprintf(out, "%s", k ? ", " : "");
                wb_json_string(out, n->targets[k]);
            }
            fprintf(out, "]");
        }
        fprintf(out, ", \"builtin\": ");
        wb_json_string(out, n->builtin ? n->builtin : "");
        fprintf(out, "}");
    }
    fprintf(out, "],\n");
}

static void stack_json(FILE *out, const wb_check *c)
{
    const wb_stack_result *s = c->stack;

    fprintf(out, "  \"stack\": {\n");
    kv_bool(out, "    ", "c_shadow_stack", wb_check_has_c_stack(c), 1);
    if (s) {
        const wb_stack_bound *m = &s->aux_main;
        kv_bool(out, "    ", "analysed", m->analysed, 1);
        kv_bool(out, "    ", "bounded", m->analysed && m->bounded, 1);
        kv_u64(out, "    ", "max_depth", m->bounded ? m->max_bytes : 0, 1);
        kv_u64(out, "    ", "stack_size", c->main_stack_size, 1);
        kv_str(out, "    ", "unbounded_reason", m->analysed ? wb_stack_reason(m->unbounded_kind) : "", 1);
        fprintf(out, "    \"worst_path\": ");
        path_json(out, c, m);
        fprintf(out, ",\n    \"unbounded_at\": ");
        cycle_json(out, c, m);
        fprintf(out, ",\n    \"conditional\": ");
        conditional_json(out, c, m, "max_depth");
        fprintf(out, ",\n");
        kv_u64(out, "    ", "narrowed_indirect_calls", s->narrowed_sites, 1);
        notes_json(out, c);
        bound_json(out, "thread", c, &s->aux_thread, 1);
        bound_json(out, "native_main", c, &s->native_main, 1);
        bound_json(out, "native_thread", c, &s->native_thread, 0);
    } else {
        kv_bool(out, "    ", "analysed", 0, 1);
        kv_bool(out, "    ", "bounded", 0, 1);
        kv_u64(out, "    ", "max_depth", 0, 1);
        kv_u64(out, "    ", "stack_size", c->main_stack_size, 1);
        kv_str(out, "    ", "unbounded_reason", "", 1);
        fprintf(out, "    \"worst_path\": [],\n    \"unbounded_at\": [],\n    \"conditional\": null\n");
    }
    fprintf(out, "  },\n");
}

/* One thread's operand-stack bound: the fields of operand_stack. */
static void operand_fields(FILE *out, const char *I, const wb_check *c, const wb_stack_bound *b)
{
    kv_bool(out, I, "analysed", b->analysed, 1);
    kv_bool(out, I, "bounded", b->analysed && b->bounded, 1);
    kv_u64(out, I, "max_bytes", b->bounded ? b->max_bytes : 0, 1);
    kv_u64(out, I, "entry_frame_bytes", b->bounded ? b->entry_bytes : 0, 1);
    kv_str(out, I, "unbounded_reason", b->analysed ? wb_stack_reason(b->unbounded_kind) : "", 1);
    fprintf(out, "%s\"worst_path\": ", I);
    path_json(out, c, b);
    fprintf(out, ",\n%s\"unbounded_at\": ", I);
    cycle_json(out, c, b);
    fprintf(out, ",\n%s\"conditional\": ", I);
    conditional_json(out, c, b, "max_bytes");
}

/* The interpreters' operand stack: the smallest stack_size WAMR runs the
 * module with (README: Stack bounds); not analysed under AOT. */
static void operand_json(FILE *out, const wb_check *c)
{
    const wb_stack_result *s = c->stack;
    static const wb_stack_bound none = {0};
    const wb_stack_bound *m = s ? &s->operand_main : &none, *t = s ? &s->operand_thread : &none;
    const char *I = "    ";

    fprintf(out, "  \"operand_stack\": {\n");
    kv_u64(out, I, "stack_size", c->estimate->wasm_stack_size, 1);
    kv_bool(out, I, "auto", c->stack_auto && !c->stack_auto_failed, 1);
    kv_str(out, I, "not_analysed_because",
           m->analysed ? ""
           : c->estimate->mode == WB_MODE_AOT ? "AOT code keeps no values on the operand stack"
           : c->operand_why ? c->operand_why : "no entry point",
           1);
    operand_fields(out, I, c, m);
    fprintf(out, ",\n    \"thread\": {\n");
    operand_fields(out, "      ", c, t);
    fprintf(out, "\n    }\n  },\n");
}

void wb_json_write(FILE *out, const wb_check *c, const wb_verdict *v)
{
    const wb_estimate *e = c->estimate;
    const wb_profile *p = c->profile;
    const char *I = "    ";

    fprintf(out, "{\n");
    kv_str(out, "  ", "schema", "wamr-budget/1", 1);
    kv_str(out, "  ", "module", c->module_path, 1);
    if (c->aot_path)
        kv_str(out, "  ", "aot", c->aot_path, 1);
    if (c->names_path)
        kv_str(out, "  ", "names", c->names_path, 1);
    kv_str(out, "  ", "profile", p->name, 1);
    kv_str(out, "  ", "mode", wb_mode_name(e->mode), 1);
    kv_str(out, "  ", "wamr_version", p->wamr_version, 1);

    fprintf(out, "  \"settings\": {\n");
    kv_u64(out, I, "stack_size", e->wasm_stack_size, 1);
    kv_u64(out, I, "heap_size", e->heap_size, 1);
    kv_u64(out, I, "threads", e->threads, 1);
    kv_u64(out, I, "max_threads", p->max_threads, 1);
    kv_u64(out, I, "memory_initial_pages", e->memory_initial_pages, 1);
    kv_u64(out, I, "memory_max_pages", e->memory_max_pages, 1);
    kv_u64(out, I, "bytes_per_page", e->bytes_per_page, 1);
    kv_bool(out, I, "memory_shrunk", e->memory_shrunk, 1);
    kv_bool(out, I, "memory_unbounded", e->memory_unbounded, 1);
    kv_u64(out, I, "aux_stack_bytes", e->aux_stack_bytes, 1);
    kv_u64(out, I, "aux_stack_main_bytes", e->aux_stack_main, 1);
    kv_bool(out, I, "lib_pthread", p->lib_pthread, 1);
    kv_bool(out, I, "shared_memory", wb_profile_shared_memory(p), 1);
    kv_bool(out, I, "ref_types", wb_profile_ref_types(p), 0);
    fprintf(out, "  },\n");

    fprintf(out, "  \"estimate\": {\n");
    kv_u64(out, I, "runtime_init", e->runtime_init, 1);
    kv_u64(out, I, "module_load", e->module_load, 1);
    kv_u64(out, I, "module_load_peak", e->module_load_peak, 1);
    kv_u64(out, I, "exec_memory", e->exec_memory, 1);
    kv_u64(out, I, "exec_memory_peak", e->exec_memory_peak, 1);
    kv_u64(out, I, "aot_plt", e->aot_plt, 1);
    kv_u64(out, I, "exec_text", e->exec_text, 1);
    kv_u64(out, I, "instance", e->instance, 1);
    kv_u64(out, I, "exec_env", e->exec_env, 1);
    kv_u64(out, I, "per_thread", e->per_thread, 1);
    kv_u64(out, I, "per_thread_native", e->per_thread_native, 1);
    kv_u64(out, I, "linear_memory_initial", e->linear_memory_initial, 1);
    kv_u64(out, I, "linear_memory_max", e->linear_memory_max, 1);
    kv_u64(out, I, "native_stacks", e->native_stacks, 1);
    kv_u64(out, I, "module_buffer", e->module_buffer, 1);
    kv_u64(out, I, "app_heap", e->app_heap, 1);
    kv_u64(out, I, "global_heap_peak", e->global_heap_peak, 1);
    kv_u64(out, I, "recommended_pool", e->recommended_pool, 1);
    kv_u64(out, I, "operand_stack_unused", e->operand_stack_unused, 1);
    kv_u64(out, I, "total", e->total, 1);
    fprintf(out, "    \"pools\": {");
    for (int i = 0; i < WB_POOL_COUNT; i++)
        fprintf(out, "%s\"%s\": %" PRIu64, i ? ", " : "", wb_pool_key((wb_pool)i), e->pool_totals[i]);
    fprintf(out, "},\n    \"items\": [\n");
    for (unsigned i = 0; i < e->item_count; i++) {
        const wb_item *it = &e->items[i];
        fprintf(out, "      {\"key\": ");
        wb_json_string(out, it->key);
        fprintf(out, ", \"label\": ");
        wb_json_string(out, it->label);
        fprintf(out, ", \"pool\": \"%s\", \"phase\": ", wb_pool_key(it->pool));
        wb_json_string(out, it->phase);
        fprintf(out, ", \"bytes\": %" PRIu64 ", \"upper_bound\": %s}%s\n", it->bytes,
                it->upper_bound ? "true" : "false", i + 1 < e->item_count ? "," : "");
    }
    fprintf(out, "    ]\n  },\n");

    stack_json(out, c);
    operand_json(out, c);
    kv_u64(out, "  ", "budget", c->budget, 1);
    kv_u64(out, "  ", "headroom", c->budget > e->total ? c->budget - e->total : 0, 1);
    kv_bool(out, "  ", "fits", wb_verdict_exit_code(v) == 0, 1);
    kv_bool(out, "  ", "within_budget", v->fits, 1);
    kv_bool(out, "  ", "misconfigured", v->misconfigured, 1);
    fprintf(out, "  \"diagnostics\": [\n");
    for (unsigned i = 0; i < v->count; i++) {
        const wb_diag *d = &v->diags[i];
        fprintf(out, "    {\"severity\": \"%s\", \"code\": ", wb_severity_name(d->severity));
        wb_json_string(out, d->code);
        fprintf(out, ", \"message\": ");
        wb_json_string(out, d->message);
        fprintf(out, ", \"fix\": ");
        wb_json_string(out, d->fix);
        fprintf(out, "}%s\n", i + 1 < v->count ? "," : "");
    }
    fprintf(out, "  ]\n}\n");
}
