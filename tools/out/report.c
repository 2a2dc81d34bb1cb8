/* The report a person reads at a glance, the diagnostics block, and `inspect`. */
#include "out/outputs.h"
#include "out/format.h"

#include <string.h>

#define BAR_WIDTH 40

static const char *basename_of(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static void row(FILE *out, const char *name, uint64_t bytes, const char *detail)
{
    char b[32];
    fprintf(out, "  %-19s %13s B  %s\n", name, wb_fmt_grouped(bytes, b, sizeof b), detail);
}

static void ram_bar(FILE *out, uint64_t total, uint64_t budget, const char *what)
{
    char bar[BAR_WIDTH + 1];
    double ratio = (double)total / (double)budget;
    unsigned fill = ratio >= 1.0 ? BAR_WIDTH : (unsigned)(ratio * BAR_WIDTH + 0.5);
    char b1[32], b2[32];

    for (unsigned i = 0; i < BAR_WIDTH; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[BAR_WIDTH] = '\0';
    fprintf(out, "  RAM [%s] %5.1f%% of %s B %s\n", bar, 100.0 * ratio,
            wb_fmt_grouped(budget, b1, sizeof b1), what);
    if (total <= budget)
        fprintf(out, "  headroom %s B\n", wb_fmt_grouped(budget - total, b2, sizeof b2));
    else
        fprintf(out, "  over budget by %s B\n", wb_fmt_grouped(total - budget, b2, sizeof b2));
}

static void biggest(FILE *out, const wb_estimate *e)
{
    unsigned order[WB_MAX_ITEMS];
    unsigned n = 0;
    int any_bound = 0;

    for (unsigned i = 0; i < e->item_count; i++)
        if (e->items[i].bytes > 0)
            order[n++] = i;
    /* insertion sort, largest first; n is small */
    for (unsigned i = 1; i < n; i++) {
        unsigned x = order[i], j = i;
        while (j > 0 && e->items[order[j - 1]].bytes < e->items[x].bytes) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = x;
    }
    fprintf(out, "\n  biggest items\n");
    for (unsigned i = 0; i < n && i < 8; i++) {
        const wb_item *it = &e->items[order[i]];
        char b[32];
        fprintf(out, "    %13s B%s %-18s %s\n", wb_fmt_grouped(it->bytes, b, sizeof b),
                it->upper_bound ? "*" : " ", wb_pool_name(it->pool), it->label);
        any_bound |= it->upper_bound;
    }
    if (any_bound)
        fprintf(out, "    * an upper bound, not an exact figure (see README: how the estimate is computed)\n");
}

static void stack_bound_line(FILE *out, const wb_check *c, const char *who, const wb_stack_bound *b,
                             uint64_t size)
{
    char path[512], n1[32], n2[32];

    if (!b->analysed)
        return;
    wb_check_format_path(c, b, path, sizeof path);
    if (b->bounded) {
        fprintf(out, "    %-12s %s B", who, wb_fmt_grouped(b->max_bytes, n1, sizeof n1));
        if (size)
            fprintf(out, " of %s B", wb_fmt_grouped(size, n2, sizeof n2));
        fprintf(out, "%s%s", path[0] ? ": " : "", path);
        /* the operand stack: WAMR keeps the last frame's size free again */
        if (b->entry_bytes && b->path_len) {
            uint64_t sum = b->entry_bytes;
            int repeated = 0;
            for (unsigned i = 0; i < b->path_len; i++) {
                sum += b->path[i].frame_bytes;
                repeated |= b->path[i].times > 1;
            }
            if (!repeated && !b->path_truncated && b->max_bytes > sum)
                fprintf(out, " + %s B kept free", wb_fmt_grouped(b->max_bytes - sum, n1, sizeof n1));
        }
        fputc('\n', out);
        return;
    }
    fprintf(out, "    %-12s unbounded: %s\n", who, path);
    if (b->conditional.computed && b->conditional.bounded) {
        fprintf(out, "    %-12s %s B if the indirect calls that close it are not taken:", "",
                wb_fmt_grouped(b->conditional.max_bytes, n1, sizeof n1));
        for (unsigned i = 0; i < b->conditional.assume_count && i < WB_STACK_ASSUME_MAX; i++) {
            char a[96], t[96];
            fprintf(out, "%s %s -> %s", i ? "," : "",
                    wb_check_func_name(c, b->conditional.assumes[i].from, a, sizeof a),
                    wb_check_func_name(c, b->conditional.assumes[i].to, t, sizeof t));
        }
        if (b->conditional.assume_count > WB_STACK_ASSUME_MAX)
            fprintf(out, ", ... (%u in all)", b->conditional.assume_count);
        fputc('\n', out);
    }
}

static void notes_lines(FILE *out, const wb_check *c)
{
    const wb_stack_result *s = c->stack;
    const wb_stack_notes *n = c->notes;
    if (!s || !n || s->notes_used_count == 0)
        return;
    fprintf(out, "  stack annotations relied on%s%s%s\n", c->notes_path ? " (" : "",
            c->notes_path ? c->notes_path : "", c->notes_path ? ")" : "");
    for (unsigned i = 0; i < s->notes_used_count && i < WB_STACK_NOTES_MAX; i++) {
        const wb_stack_note *note = &n->notes[s->notes_used[i]];
        if (note->builtin)
            fprintf(out, "    built in: ");
        else
            fprintf(out, "    line %u: ", note->line);
        if (note->kind == WB_NOTE_RECURSION) {
            fprintf(out, "recursion %s %u", note->func, note->depth);
        } else {
            fprintf(out, "indirect %s ->", note->func);
            for (unsigned k = 0; k < note->target_count; k++)
                fprintf(out, " %s", note->targets[k]);
        }
        fprintf(out, "%s%s%s\n", note->builtin ? " (" : "", note->builtin ? note->builtin : "",
                note->builtin ? ")" : "");
    }
    if (s->notes_used_count > WB_STACK_NOTES_MAX)
        fprintf(out, "    ... (%u in all)\n", s->notes_used_count);
}

static void stack_lines(FILE *out, const wb_check *c)
{
    const wb_stack_result *s = c->stack;
    const char *thread = s && s->pthread_entries ? "thread" : "wasi-thread";
    uint64_t stack_size = c->estimate->wasm_stack_size;
    int has_aux, aux_lines;

    if (!s)
        return;
    has_aux = wb_check_has_c_stack(c);
    aux_lines = has_aux && (s->aux_main.analysed || s->aux_thread.analysed);
    if (aux_lines) {
        fprintf(out, "\n  aux stack (C shadow stack), worst case%s\n",
                c->estimate->aux_stack_split ? " (one slice of lib-pthread's split)" : "");
        stack_bound_line(out, c, "main thread", &s->aux_main, c->main_stack_size);
        stack_bound_line(out, c, thread, &s->aux_thread, c->main_stack_size);
    } else if (!has_aux) {
        aux_lines = 1;
        fprintf(out, "\n  aux stack (C shadow stack): none (no function keeps a frame on a "
                     "stack-pointer global; WAMR's aux-stack checks do not apply)\n");
    }
    if (s->native_main.analysed || s->native_thread.analysed) {
        fprintf(out, "%s  native stack (AOT frames), worst case\n", aux_lines ? "" : "\n");
        stack_bound_line(out, c, "main thread", &s->native_main, c->profile->main_native_stack);
        stack_bound_line(out, c, "wasi-thread", &s->native_thread, c->profile->app_thread_stack);
    }
    if (s->operand_main.analysed || s->operand_thread.analysed) {
        fprintf(out, "%s  operand stack (%s frames), smallest stack_size%s\n",
                aux_lines || s->native_main.analysed || s->native_thread.analysed ? "" : "\n",
                wb_mode_name(c->estimate->mode), c->stack_auto ? " (AUTO)" : "");
        stack_bound_line(out, c, "main thread", &s->operand_main, stack_size);
        stack_bound_line(out, c, thread, &s->operand_thread, stack_size);
    }
    notes_lines(out, c);
}

void wb_report_write(FILE *out, const wb_check *c, const wb_verdict *v)
{
    const wb_estimate *e = c->estimate;
    const wb_profile *p = c->profile;
    char b1[32], b2[32], b3[32], b4[32], b5[32], detail[256];

    fprintf(out, "wamr-budget: %s%s%s on %s (WAMR %s, %s, %s, %s%s)\n", basename_of(c->module_path),
            c->aot_path ? " + " : "", c->aot_path ? basename_of(c->aot_path) : "", p->name,
            p->wamr_version, wb_mode_name(e->mode), wb_abi_name(p->abi),
            wb_platform_name(p->platform), p->hw_bound_check ? ", hw bound check" : "");
    fprintf(out, "  operand stack %s B, app heap %s B, threads %u, memory %llu..%llu pages of %s B%s\n",
            wb_fmt_grouped(e->wasm_stack_size, b1, sizeof b1), wb_fmt_grouped(e->heap_size, b2, sizeof b2),
            e->threads, (unsigned long long)e->memory_initial_pages,
            (unsigned long long)e->memory_max_pages, wb_fmt_grouped(e->bytes_per_page, b3, sizeof b3),
            e->memory_shrunk ? " (shrunk)" : "");
    fprintf(out, "\n  %-19s %15s  %s\n", "pool", "bytes", "detail");
    snprintf(detail, sizeof detail, "init %s | load %s (peak %s) | instance %s | exec env %s%s",
             wb_fmt_grouped(e->runtime_init, b1, sizeof b1), wb_fmt_grouped(e->module_load, b2, sizeof b2),
             wb_fmt_grouped(e->module_load_peak, b3, sizeof b3), wb_fmt_grouped(e->instance, b4, sizeof b4),
             wb_fmt_grouped(e->exec_env, b5, sizeof b5), e->threads ? " | + threads" : "");
    row(out, "global heap (peak)", e->global_heap_peak, detail);
    if (e->threads) {
        snprintf(detail, sizeof detail, "%u x %s B heap", e->threads, wb_fmt_grouped(e->per_thread, b1, sizeof b1));
        row(out, "  of which threads", e->per_thread * e->threads, detail);
    }
    /* On ports without virtual memory (Zephyr, RIOT) these come out of the
     * global heap: the heap row already holds them, the total counts them once. */
    int exec_in_heap = e->exec_memory > 0 && e->pool_totals[WB_POOL_EXEC_MEMORY] == 0;
    int linear_in_heap = e->linear_memory_max > 0 && e->pool_totals[WB_POOL_LINEAR_MEMORY] == 0;
    /* the total counts the mappings at their load peak (text and data
     * mapped twice while relocating on Linux; never below what stays, which
     * the detail gives) */
    uint64_t exec_peak = e->exec_memory_peak;
    if (e->mode != WB_MODE_AOT)
        snprintf(detail, sizeof detail, "none for the interpreter");
    else if (exec_peak > e->exec_memory)
        snprintf(detail, sizeof detail, "AOT text + data at the load peak, %s kept%s",
                 wb_fmt_grouped(e->exec_memory, b1, sizeof b1),
                 exec_in_heap ? ", inside the global heap above" : "");
    else
        snprintf(detail, sizeof detail, "AOT text + data%s",
                 exec_in_heap ? ", inside the global heap above" : "");
    row(out, "executable memory", exec_peak, detail);
    snprintf(detail, sizeof detail, "initial %s, worst case%s%s", wb_fmt_grouped(e->linear_memory_initial, b1, sizeof b1),
             e->memory_unbounded ? " UNBOUNDED (4 GiB)" : "",
             linear_in_heap ? ", inside the global heap above" : "");
    row(out, "linear memory", e->linear_memory_max, detail);
    snprintf(detail, sizeof detail, "%s", e->threads ? "per wasi-thread native stacks" : "no spawned threads");
    row(out, "native stacks", e->native_stacks, detail);
    /* an embedder that reads the module into WAMR's pool (iwasm) keeps it there */
    row(out, "module buffer", e->module_buffer,
        e->module_buffer > 0 && e->pool_totals[WB_POOL_MODULE_BUFFER] == 0
            ? "the module bytes, kept by WAMR, inside the global heap above"
            : "the module bytes, kept by WAMR");
    fprintf(out, "  %s\n", "-------------------------------------------");
    row(out, "total", e->total, "worst case on the device");
    fprintf(out, "  recommended global heap pool %s B\n", wb_fmt_grouped(e->recommended_pool, b1, sizeof b1));

    biggest(out, e);
    stack_lines(out, c);
    fputc('\n', out);
    if (c->budget && c->budget_is_ram) {
        ram_bar(out, e->total, c->budget, "device RAM (profile's ram; no budget given)");
    } else if (c->budget) {
        char what[64];
        if (p->ram)
            snprintf(what, sizeof what, "budget (device RAM %s B)", wb_fmt_grouped(p->ram, b1, sizeof b1));
        else
            snprintf(what, sizeof what, "budget");
        ram_bar(out, e->total, c->budget, what);
    } else
        fprintf(out, "  no budget given (--budget SIZE)\n");
    if (wb_verdict_exit_code(v) == 0)
        fprintf(out, "  result: FITS%s\n", v->warnings ? " (with warnings)" : "");
    else if (!v->fits)
        fprintf(out, "  result: DOES NOT FIT\n");
    else
        fprintf(out, "  result: MISCONFIGURED (%d error%s)\n", v->errors, v->errors == 1 ? "" : "s");
}

void wb_diags_write(FILE *out, const wb_check *c, const wb_verdict *v)
{
    for (unsigned i = 0; i < v->count; i++) {
        const wb_diag *d = &v->diags[i];
        fprintf(out, "%s: %s[%s]: %s\n", c->module_path, wb_severity_name(d->severity), d->code,
                d->message);
        if (d->fix[0])
            fprintf(out, "  fix: %s\n", d->fix);
    }
}

/* "simd128, bulk-memory": the WB_FEAT_* bits by their target_features names */
static void features_line(FILE *out, const char *what, uint32_t bits)
{
    static const struct {
        uint32_t bit;
        const char *name;
    } names[] = {
        {WB_FEAT_SHARED_MEMORY, "shared-mem"}, {WB_FEAT_ATOMICS, "atomics"},
        {WB_FEAT_BULK_MEMORY, "bulk-memory"}, {WB_FEAT_REFERENCE_TYPES, "reference-types"},
        {WB_FEAT_MULTI_VALUE, "multivalue"}, {WB_FEAT_SIMD, "simd128"},
        {WB_FEAT_MEMORY64, "memory64"}, {WB_FEAT_TABLE64, "table64"},
        {WB_FEAT_MULTI_MEMORY, "multimemory"}, {WB_FEAT_CUSTOM_PAGE_SIZE, "custom-page-sizes"},
        {WB_FEAT_EXCEPTIONS, "exception-handling"}, {WB_FEAT_TAIL_CALL, "tail-call"},
        {WB_FEAT_SIGN_EXT, "sign-ext"}, {WB_FEAT_SAT_CONVERSIONS, "nontrapping-fptoint"},
        {WB_FEAT_MUTABLE_GLOBALS, "mutable-globals"},
    };
    int any = 0;
    fprintf(out, "  %-21s", what);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (bits & names[i].bit) {
            fprintf(out, "%s%s", any ? ", " : " ", names[i].name);
            any = 1;
        }
    }
    fprintf(out, "%s\n", any ? "" : " none beyond the MVP");
}

void wb_inspect_write(FILE *out, const char *path, const wb_wasm_facts *w, const wb_aot_facts *a)
{
    fprintf(out, "%s\n", path);
    if (w) {
        fprintf(out, "  file bytes            %llu\n", (unsigned long long)w->file_bytes);
        fprintf(out, "  types                 %u\n", w->type_count);
        fprintf(out, "  imports               %u (functions %u, globals %u, tables %u, memories %u)\n",
                w->import_count, w->import_func_count, w->import_global_count,
                w->import_table_count, w->import_memory_count);
        fprintf(out, "  functions             %u defined\n", w->func_count);
        fprintf(out, "  code                  %llu B section, %llu B of expressions, %llu instructions\n",
                (unsigned long long)w->section_bytes[10], (unsigned long long)w->code_expr_bytes_total,
                (unsigned long long)w->instruction_count);
        fprintf(out, "  locals                %llu params, %llu locals (max %llu in one function)\n",
                (unsigned long long)w->func_params_total, (unsigned long long)w->func_locals_total,
                (unsigned long long)w->func_locals_max);
        fprintf(out, "  tables                %u defined, %llu initial slots\n", w->table_count,
                (unsigned long long)w->table_initial_total);
        if (w->memory_total) {
            fprintf(out, "  memory                %s%llu..", w->memory_imported ? "imported, " : "",
                    (unsigned long long)w->memory.initial);
            if (w->memory.has_max)
                fprintf(out, "%llu", (unsigned long long)w->memory.max);
            else
                fprintf(out, "(no max)");
            fprintf(out, " pages");
            if (w->memory.has_page_size)
                fprintf(out, " of %llu B", 1ull << w->memory.page_size_log2);
            fprintf(out, "%s%s", w->memory.shared ? ", shared" : "", w->memory.is64 ? ", memory64" : "");
            if (w->memory_total > 1)
                fprintf(out, " (the first of %u memories)", w->memory_total);
            fputc('\n', out);
        } else {
            fprintf(out, "  memory                none\n");
        }
        features_line(out, "features used", w->features);
        if (w->has_target_features)
            features_line(out, "features declared", w->declared_features);
        fprintf(out, "  memory.grow           %s\n", w->has_memory_grow ? "yes" : "no");
        fprintf(out, "  globals               %u defined (%u mutable)\n", w->global_count,
                w->global_mutable_count);
        fprintf(out, "  exports               %u (functions %u)\n", w->export_count, w->export_func_count);
        fprintf(out, "  elements              %u segments, %llu elements\n", w->elem_segment_count,
                (unsigned long long)w->elem_total_elements);
        fprintf(out, "  data                  %u segments, %llu B\n", w->data_segment_count,
                (unsigned long long)w->data_bytes);
        if (w->heap_base.usable)
            fprintf(out, "  __heap_base           %u\n", w->heap_base.value);
        else
            fprintf(out, "  __heap_base           %s\n", w->heap_base.present ? "exported, unusable" : "not exported");
        if (w->data_end.usable)
            fprintf(out, "  __data_end            %u\n", w->data_end.value);
        else
            fprintf(out, "  __data_end            %s\n", w->data_end.present ? "exported, unusable" : "not exported");
        /* WAMR takes the aux stack pointer only with both globals exported
         * and usable, __data_end <= __heap_base; the global is still shown
         * (the stack bound follows the code's use of it) */
        if (w->stack_pointer_found)
            fprintf(out, "  stack pointer         global %u, initial %u%s\n", w->stack_pointer_index,
                    w->stack_pointer_init,
                    w->heap_base.usable && w->data_end.usable &&
                            w->data_end.value <= w->heap_base.value &&
                            w->stack_pointer_init <= w->heap_base.value
                        ? ""
                        : " (WAMR takes no aux stack: needs __heap_base and __data_end exported, "
                          "__data_end <= __heap_base)");
        else
            fprintf(out, "  stack pointer         not found\n");
        fprintf(out, "  malloc/free exported  %s\n", w->exports_malloc && w->exports_free ? "yes" : "no");
        fprintf(out, "  wasi-threads          spawn import %s, wasi_thread_start export %s\n",
                w->imports_thread_spawn ? "yes" : "no", w->exports_wasi_thread_start ? "yes" : "no");
        fprintf(out, "  name section          %s\n",
                !w->has_name_section     ? "no"
                : w->has_function_names ? "yes, with function names"
                                        : "yes, no function names");
    }
    if (a) {
        fprintf(out, "  aot file bytes        %llu (format version %u)\n", (unsigned long long)a->file_bytes,
                a->version);
        /* where the two layouts of format 4 differ, what this file holds */
        if (a->elem_offsets != WB_AOT_ELEM_OFFSETS_NONE)
            fprintf(out, "  aot element offsets   %s\n",
                    a->elem_offsets == WB_AOT_ELEM_OFFSETS_VALUE ? "values (u32 type + u64 value)"
                                                                 : "initializer expressions");
        if (a->extended_const_exprs)
            fprintf(out, "  aot extended consts   %u initializer expressions of two operands\n",
                    a->extended_const_exprs);
        fprintf(out, "  aot target            %s, %s-bit, %s\n", a->arch, a->is_64bit ? "64" : "32",
                a->xip ? "XIP (text executed in place)" : "not XIP");
        fprintf(out, "  aot text              %llu B (code %llu B, literals %llu B)\n",
                (unsigned long long)a->text_section_bytes, (unsigned long long)a->text_code_bytes,
                (unsigned long long)a->text_literal_bytes);
        fprintf(out, "  aot functions         %u\n", a->func_count);
        fprintf(out, "  aot data sections     %u, %llu B\n", a->data_section_count,
                (unsigned long long)a->data_section_bytes_total);
    }
}
