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
        fprintf(out, ", \"frame_bytes\": %" PRIu64 "}", b->path[i].frame_bytes);
    }
    fputc(']', out);
}

static void bound_json(FILE *out, const char *key, const wb_check *c, const wb_stack_bound *b, int comma)
{
    fprintf(out, "    \"%s\": {\"analysed\": %s, \"bounded\": %s, \"max_depth\": %" PRIu64 ", \"worst_path\": ",
            key, b->analysed ? "true" : "false", b->bounded ? "true" : "false",
            b->bounded ? b->max_bytes : 0);
    path_json(out, c, b);
    fprintf(out, "}%s\n", comma ? "," : "");
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
        fprintf(out, "    \"worst_path\": ");
        path_json(out, c, m);
        fprintf(out, ",\n");
        bound_json(out, "thread", c, &s->aux_thread, 1);
        bound_json(out, "native_main", c, &s->native_main, 1);
        bound_json(out, "native_thread", c, &s->native_thread, 0);
    } else {
        kv_bool(out, "    ", "analysed", 0, 1);
        kv_bool(out, "    ", "bounded", 0, 1);
        kv_u64(out, "    ", "max_depth", 0, 1);
        kv_u64(out, "    ", "stack_size", c->main_stack_size, 1);
        fprintf(out, "    \"worst_path\": []\n");
    }
    fprintf(out, "  },\n");
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
    static const char *const pool_keys[WB_POOL_COUNT] = {"global_heap", "exec_memory", "linear_memory",
                                                         "native_stack", "module_buffer"};
    fprintf(out, "    \"pools\": {");
    for (int i = 0; i < WB_POOL_COUNT; i++)
        fprintf(out, "%s\"%s\": %" PRIu64, i ? ", " : "", pool_keys[i], e->pool_totals[i]);
    fprintf(out, "},\n    \"items\": [\n");
    for (unsigned i = 0; i < e->item_count; i++) {
        const wb_item *it = &e->items[i];
        fprintf(out, "      {\"key\": ");
        wb_json_string(out, it->key);
        fprintf(out, ", \"label\": ");
        wb_json_string(out, it->label);
        fprintf(out, ", \"pool\": \"%s\", \"phase\": ", pool_keys[it->pool]);
        wb_json_string(out, it->phase);
        fprintf(out, ", \"bytes\": %" PRIu64 ", \"upper_bound\": %s}%s\n", it->bytes,
                it->upper_bound ? "true" : "false", i + 1 < e->item_count ? "," : "");
    }
    fprintf(out, "    ]\n  },\n");

    stack_json(out, c);
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
