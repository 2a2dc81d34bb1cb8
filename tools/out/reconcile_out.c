/* The device's own figures beside the estimate: the report and the JSON. */
#include <inttypes.h>
#include <string.h>

#include "out/compare_out.h"
#include "out/outputs.h"

static const char *const note_codes[WB_NOTE_COUNT] = {
    [WB_NOTE_DUMP_LEAVES_OUT_LOAD] = "dump-leaves-out-load",
    [WB_NOTE_AOT_CODE_MOVED] = "aot-code-under-module",
    [WB_NOTE_AOT_DATA_COPIED] = "aot-data-segments-copied",
    [WB_NOTE_LINEAR_CURRENT] = "linear-memory-current",
    [WB_NOTE_INSTANCE_PARTS] = "instance-parts",
    [WB_NOTE_EXEC_ENV_PARTS] = "exec-env-parts",
    [WB_NOTE_STACK_SIZE_DIFFERS] = "stack-size-differs",
    [WB_NOTE_HEAP_SIZE_DIFFERS] = "heap-size-differs",
    [WB_NOTE_OPERAND_NO_BOUND] = "operand-stack-no-bound",
    [WB_NOTE_OPERAND_AOT] = "operand-stack-aot",
    [WB_NOTE_AUX_NO_BOUND] = "aux-stack-no-bound",
    [WB_NOTE_AUX_NO_INFO] = "aux-stack-no-figure",
    [WB_NOTE_NATIVE_NOT_ESTIMATED] = "native-stack-not-estimated",
    [WB_NOTE_POOL_WITH_BUFFER] = "pool-with-module-buffer",
    [WB_NOTE_POOL_BUFFER_MAYBE] = "pool-module-buffer-maybe",
    [WB_NOTE_POOL_BUFFER_IN_ESTIMATE] = "pool-module-buffer-in-estimate",
    [WB_NOTE_POOL_OVERCREDIT] = "pool-free-over-credited",
    [WB_NOTE_POOL_MAY_OVERCREDIT] = "pool-may-over-credit",
    [WB_NOTE_POOL_RECOMMENDED] = "pool-compared-with-recommended",
    [WB_NOTE_POOL_EMBEDDER] = "pool-embedder-allocations",
    [WB_NOTE_POOL_SMALLER] = "pool-below-recommended",
    [WB_NOTE_TOTAL_LEAVES_OUT] = "total-leaves-out",
    [WB_NOTE_RUN_TRUNCATED] = "dump-truncated",
    [WB_NOTE_RUN_STARTS_LATE] = "dump-starts-late",
    [WB_NOTE_RUN_REPEAT] = "dump-line-repeated",
    [WB_NOTE_RUN_SUMS] = "dump-sums-differ",
    [WB_NOTE_RUN_MODE_AOT] = "device-ran-aot",
    [WB_NOTE_RUN_MODE_INTERP] = "device-ran-interpreter",
    [WB_NOTE_RUN_EXTRA] = "dump-unknown-figure",
    [WB_NOTE_RUN_NO_DUMP] = "no-dump",
};

const char *wb_note_code_name(wb_note_code code)
{
    return (unsigned)code < WB_NOTE_COUNT && note_codes[code] ? note_codes[code] : "?";
}

void wb_note_text(const wb_note *n, char *buf, size_t cap)
{
    char a[32], b[32];
    wb_fmt_grouped(n->a, a, sizeof a);
    wb_fmt_grouped(n->b, b, sizeof b);
    const char *s = n->s ? n->s : "";
    switch (n->code) {
    case WB_NOTE_DUMP_LEAVES_OUT_LOAD:
        snprintf(buf, cap,
                 "WAMR's dump leaves out the module buffer (%s B in the estimate) and the loader's "
                 "scratch, freed before load returns (load peak %s B)", a, b);
        break;
    case WB_NOTE_AOT_CODE_MOVED:
        snprintf(buf, cap,
                 "the dump counts the AOT code and data (%s B) under the module; they sit in "
                 "executable memory (NuttX: the text heap), so they have a line of their own here", a);
        break;
    case WB_NOTE_AOT_DATA_COPIED:
        snprintf(buf, cap,
                 "WAMR %s copies the AOT data segments into the global heap at load and its dump "
                 "leaves them out: the device figure is low by their size; the pool's highest use "
                 "shows them", s);
        break;
    case WB_NOTE_LINEAR_CURRENT:
        snprintf(buf, cap,
                 "the dump gives linear memory at its size when printed, not at the peak of "
                 "memory.grow (old and new blocks at once without an MMU) that the estimate allows for");
        break;
    case WB_NOTE_INSTANCE_PARTS:
        snprintf(buf, cap,
                 "the dump counts an app heap control block for each memory even without an app "
                 "heap, and leaves out the WASI context that the estimate counts");
        break;
    case WB_NOTE_EXEC_ENV_PARTS:
        snprintf(buf, cap,
                 "the dump leaves out the exec env's argument buffer (AOT-capable builds) and its "
                 "thread cluster, which the estimate counts");
        break;
    case WB_NOTE_STACK_SIZE_DIFFERS:
        snprintf(buf, cap,
                 "the device ran with stack_size %s B, the estimate is for %s B: check with "
                 "--stack-size %" PRIu64 " (WASM_STACK_SIZE)", a, b, n->a);
        break;
    case WB_NOTE_HEAP_SIZE_DIFFERS:
        snprintf(buf, cap,
                 "the device's app heap is %s B, the estimate's %s B: check with --heap-size "
                 "%" PRIu64 " (HEAP_SIZE)", a, b, n->a);
        break;
    case WB_NOTE_OPERAND_NO_BOUND:
        snprintf(buf, cap, "the estimate has no static bound of the operand stack: compared with stack_size");
        break;
    case WB_NOTE_OPERAND_AOT:
        snprintf(buf, cap, "AOT code keeps no values on the operand stack: WAMR reports 0 for it");
        break;
    case WB_NOTE_AUX_NO_BOUND:
        snprintf(buf, cap, "the estimate has no static bound of the aux stack: compared with its size");
        break;
    case WB_NOTE_AUX_NO_INFO:
        snprintf(buf, cap,
                 "WAMR printed no figure (\"no enough info to profile\"): it has one only for an "
                 "interpreted module with an aux stack pointer");
        break;
    case WB_NOTE_NATIVE_NOT_ESTIMATED:
        snprintf(buf, cap,
                 "the native stack is the host thread's: the estimate leaves it out (--stack-usage "
                 "bounds what AOT frames take of it)");
        break;
    case WB_NOTE_POOL_WITH_BUFFER:
        snprintf(buf, cap,
                 "estimate with the module buffer (%s B): --buffer-in-pool says the embedder reads "
                 "the module into the pool", a);
        break;
    case WB_NOTE_POOL_BUFFER_IN_ESTIMATE:
        snprintf(buf, cap,
                 "the estimate holds the module buffer (%s B) in the pool already: the profile "
                 "says the embedder reads the module into it (module_buffer_in_pool)", a);
        break;
    case WB_NOTE_POOL_BUFFER_MAYBE:
        snprintf(buf, cap,
                 "within the estimate plus the module buffer (%s B): if the embedder reads the module "
                 "into the pool (iwasm does), pass --buffer-in-pool", a);
        break;
    case WB_NOTE_POOL_OVERCREDIT:
        snprintf(buf, cap,
                 "the pool's used figure (total - free) fell %s B below its first value (line %u): "
                 "WAMR's pool allocator over-credits free after growing a block in place (the "
                 "fast-interpreter loader reallocs from WAMR 2.3.0 on), so the printed highmark "
                 "(%s B) is low by as much; the figure here is corrected", a, (unsigned)n->line, b);
        break;
    case WB_NOTE_POOL_MAY_OVERCREDIT:
        snprintf(buf, cap,
                 "WAMR %s's pool may report an interpreter run low (free over-credited after "
                 "realloc): print the pool statistics after runtime init and after unloading too, "
                 "and reconcile corrects the highmark", s);
        break;
    case WB_NOTE_POOL_RECOMMENDED:
        snprintf(buf, cap,
                 "compared with the recommended pool: the pool counts each block with its header and "
                 "rounding, which the recommended pool adds to the estimate's peak of %s B", a);
        break;
    case WB_NOTE_POOL_EMBEDDER:
        snprintf(buf, cap,
                 "the pool also holds what the embedder allocates from it; its size is the "
                 "embedder's choice, shown beside the recommended pool");
        break;
    case WB_NOTE_POOL_SMALLER:
        snprintf(buf, cap,
                 "the device's pool is %s B smaller than the recommended pool (which adds the "
                 "allocator's overhead and a margin for fragmentation)", a);
        break;
    case WB_NOTE_TOTAL_LEAVES_OUT:
        snprintf(buf, cap,
                 "the estimate's total (%s B) also counts the module buffer, the load peak, native "
                 "stacks and memory.grow's worst case, which WAMR's total leaves out", a);
        break;
    case WB_NOTE_RUN_TRUNCATED:
        snprintf(buf, cap, "the dump ends early (its last line read is line %u): the figures it does not "
                           "reach are not compared", (unsigned)n->line);
        break;
    case WB_NOTE_RUN_STARTS_LATE:
        snprintf(buf, cap, "the dump starts after its first lines (line %u): the log begins inside it",
                 (unsigned)n->line);
        break;
    case WB_NOTE_RUN_REPEAT:
        snprintf(buf, cap,
                 "line %u gives \"%s\" a second, different value (two dumps mixed?): the first is used",
                 (unsigned)n->line, s);
        break;
    case WB_NOTE_RUN_SUMS:
        snprintf(buf, cap,
                 "the lines of the %s section add up to %s B, not to its total of %s B (line %u): "
                 "lines lost or mixed with other output", s, a, b, (unsigned)n->line);
        break;
    case WB_NOTE_RUN_MODE_AOT:
        snprintf(buf, cap, "the device ran an AOT module (the dump has AOT code, line %u) but the estimate "
                           "is for %s", (unsigned)n->line, s);
        break;
    case WB_NOTE_RUN_MODE_INTERP:
        snprintf(buf, cap, "the estimate is for aot but the device's dump has no AOT code (line %u): an "
                           "interpreted module?", (unsigned)n->line);
        break;
    case WB_NOTE_RUN_EXTRA:
        snprintf(buf, cap,
                 "line %u: \"%s\" = %s B is a figure this wamr-budget does not know (another WAMR "
                 "version): not compared", (unsigned)n->line, s, a);
        break;
    case WB_NOTE_RUN_NO_DUMP:
        snprintf(buf, cap, "no memory dump in this run: pool statistics only");
        break;
    default:
        snprintf(buf, cap, "?");
        break;
    }
}

static const char *status_word(wb_recon_status s)
{
    switch (s) {
    case WB_RS_COVERED: return "covered";
    case WB_RS_UNDER: return "UNDER-ESTIMATE";
    case WB_RS_INFO: return "not compared";
    case WB_RS_MISSING: return "not printed";
    }
    return "?";
}

static void run_report(FILE *out, const wb_reconcile_report *r, const wb_recon_run *run, unsigned index,
                       const wb_colour *c)
{
    char dv[40], ev[40], text[640];
    fprintf(out, "\n  run %u of %u, log lines %u-%u%s\n", index, r->runs_in_log, (unsigned)run->run->first_line,
            (unsigned)run->run->last_line, run->run->dump ? "" : " (pool statistics only)");
    for (unsigned i = 0; i < run->note_count; i++) {
        wb_note_text(&run->notes[i], text, sizeof text);
        fprintf(out, "    note: %s\n", text);
    }
    fprintf(out, "    %-44s %15s %15s\n", "figure", "device", "estimate");
    for (unsigned i = 0; i < run->count; i++) {
        const wb_recon_line *l = &run->lines[i];
        char label[64];
        snprintf(label, sizeof label, "%s%s", l->sub ? "  " : "", l->label);
        if (l->has_device) {
            char g[32];
            snprintf(dv, sizeof dv, "%s%s B", l->device_negative ? "-" : "",
                     wb_fmt_grouped(l->device, g, sizeof g));
        } else
            snprintf(dv, sizeof dv, "-");
        if (l->has_estimate) {
            char g[32];
            snprintf(ev, sizeof ev, "%s B", wb_fmt_grouped(l->estimate, g, sizeof g));
        } else
            snprintf(ev, sizeof ev, "-");
        int under = l->status == WB_RS_UNDER;
        fprintf(out, "    %-44s %15s %15s  %s%s%s", label, dv, ev, under ? wb_red(c) : "",
                status_word(l->status), under ? wb_plain(c) : "");
        if (under) {
            char g[32];
            fprintf(out, " by %s B", wb_fmt_grouped(l->device - l->estimate, g, sizeof g));
        }
        if (l->device_line)
            fprintf(out, " (line %u)", (unsigned)l->device_line);
        fputc('\n', out);
    }
    int any = 0;
    for (unsigned i = 0; i < run->count; i++) {
        const wb_recon_line *l = &run->lines[i];
        for (unsigned k = 0; k < l->note_count; k++) {
            if (!any++)
                fprintf(out, "    why they differ\n");
            wb_note_text(&l->notes[k], text, sizeof text);
            fprintf(out, "      %s: %s\n", l->label, text);
        }
    }
    fprintf(out, "    %u figure%s covered, %s%u under the estimate%s\n", run->covered, run->covered == 1 ? "" : "s",
            run->under ? wb_red(c) : "", run->under, run->under ? wb_plain(c) : "");
}

void wb_reconcile_report_write(FILE *out, const wb_reconcile_report *r, const wb_colour *c)
{
    const char *module = wb_est_str(r->estimate, "module");
    const char *profile = wb_est_str(r->estimate, "profile");
    const char *mode = wb_est_str(r->estimate, "mode");
    fprintf(out, "wamr-budget reconcile: %s against %s%s\n", r->log_path, r->estimate_path,
            r->estimate_checked ? " (checked now)" : "");
    fprintf(out, "  estimate: %s on %s (%s), WAMR %s%s\n", module ? module : "?", profile ? profile : "?",
            mode ? mode : "?", r->wamr_version,
            r->version_assumed ? " (assumed: the estimate has no wamr_version, an older checker)" : "");
    if (!r->version_known)
        fprintf(out, "  note: wamr-budget does not know how WAMR %s's dump differs: the differences "
                     "below are those of " WB_EST_VERSION_UNNAMED "\n", r->wamr_version);
    unsigned under = 0;
    for (unsigned i = 0; i < r->run_count; i++) {
        run_report(out, r, &r->runs[i], r->first_index + i, c);
        under += r->runs[i].under;
    }
    if (under)
        fprintf(out, "\n  result: %sUNDER-ESTIMATE: %u device figure%s above the estimate%s\n", wb_red(c),
                under, under == 1 ? " is" : "s are", wb_plain(c));
    else
        fprintf(out, "\n  result: every device figure is within the estimate\n");
}

static void json_notes(FILE *out, const wb_note *notes, unsigned n)
{
    char text[640];
    fputc('[', out);
    for (unsigned i = 0; i < n; i++) {
        wb_note_text(&notes[i], text, sizeof text);
        fprintf(out, "%s{\"code\": \"%s\", \"message\": ", i ? ", " : "", wb_note_code_name(notes[i].code));
        wb_json_string(out, text);
        fputc('}', out);
    }
    fputc(']', out);
}

void wb_reconcile_json_write(FILE *out, const wb_reconcile_report *r)
{
    unsigned under = 0;
    fputs("{\n  \"schema\": \"wamr-budget-reconcile/1\",\n  \"log\": ", out);
    wb_json_string(out, r->log_path);
    fputs(",\n  \"estimate\": ", out);
    wb_json_string(out, r->estimate_path);
    fprintf(out, ",\n  \"estimate_checked\": %s,\n  \"wamr_version\": ", r->estimate_checked ? "true" : "false");
    wb_json_string(out, r->wamr_version);
    fprintf(out, ",\n  \"wamr_version_assumed\": %s,\n  \"wamr_version_known\": %s,\n",
            r->version_assumed ? "true" : "false", r->version_known ? "true" : "false");
    fprintf(out, "  \"buffer_in_pool\": %s,\n  \"runs_in_log\": %u,\n  \"runs\": [",
            r->buffer_in_pool ? "true" : "false", r->runs_in_log);
    for (unsigned i = 0; i < r->run_count; i++) {
        const wb_recon_run *run = &r->runs[i];
        under += run->under;
        fprintf(out, "%s\n    {\"run\": %u, \"first_line\": %u, \"last_line\": %u, \"dump\": %s, "
                     "\"complete\": %s, \"pool_samples\": %u, \"covered\": %u, \"under\": %u,\n     \"notes\": ",
                i ? "," : "", r->first_index + i, (unsigned)run->run->first_line, (unsigned)run->run->last_line,
                run->run->dump ? "true" : "false", run->run->dump && run->run->dump->complete ? "true" : "false",
                run->run->sample_count, run->covered, run->under);
        json_notes(out, run->notes, run->note_count);
        fputs(",\n     \"figures\": [", out);
        for (unsigned k = 0; k < run->count; k++) {
            const wb_recon_line *l = &run->lines[k];
            fprintf(out, "%s\n       {\"key\": \"%s\", \"label\": ", k ? "," : "", l->key);
            wb_json_string(out, l->label);
            fputs(", \"device\": ", out);
            if (l->has_device)
                fprintf(out, "%s%" PRIu64, l->device_negative ? "-" : "", l->device);
            else
                fputs("null", out);
            fprintf(out, ", \"device_line\": %u, \"estimate\": ", (unsigned)l->device_line);
            if (l->has_estimate)
                fprintf(out, "%" PRIu64, l->estimate);
            else
                fputs("null", out);
            fputs(", \"estimate_from\": ", out);
            wb_json_string(out, l->estimate_from ? l->estimate_from : "");
            fprintf(out, ", \"compared\": %s, \"status\": \"%s\", \"notes\": ", l->compared ? "true" : "false",
                    wb_recon_status_name(l->status));
            json_notes(out, l->notes, l->note_count);
            fputc('}', out);
        }
        fprintf(out, "%s]}", run->count ? "\n     " : "");
    }
    fprintf(out, "%s],\n  \"under_estimates\": %u,\n  \"covered\": %s\n}\n", r->run_count ? "\n  " : "", under,
            under ? "false" : "true");
}
