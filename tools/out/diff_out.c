/* What changed between two estimates: the report and the JSON. */
#include <inttypes.h>
#include <string.h>

#include "out/compare_out.h"
#include "out/outputs.h"

/* The name for people of a pool's JSON key ("total" is the total's). */
static const char *pool_name(const char *key)
{
    for (int p = 0; p < WB_POOL_COUNT; p++)
        if (strcmp(wb_pool_key((wb_pool)p), key) == 0)
            return wb_pool_name((wb_pool)p);
    return key;
}

/* "+9.0%", "-3.2%", "new" (from 0 B), "gone" (to 0 B), "" (no change) */
static const char *percent_text(const wb_diff_change *c, char *buf, size_t cap)
{
    uint64_t d;
    double p;
    int sign = wb_diff_delta(c, &d);
    if (sign == 0)
        snprintf(buf, cap, "%s", "");
    else if (!c->in_old || c->old_bytes == 0)
        snprintf(buf, cap, "%s", "new");
    else if (!c->in_new || c->new_bytes == 0)
        snprintf(buf, cap, "%s", "gone");
    else if (wb_diff_percent(c, &p))
        snprintf(buf, cap, "%+.1f%%", p);
    else
        buf[0] = '\0';
    return buf;
}

#define NAME_WIDTH 36

/* "12,345 B", or "-" for a figure the file does not have */
static const char *bytes_cell(int present, uint64_t v, char *buf, size_t cap)
{
    char g[32];
    if (!present)
        snprintf(buf, cap, "-");
    else
        snprintf(buf, cap, "%s B", wb_fmt_grouped(v, g, sizeof g));
    return buf;
}

static void change_row(FILE *out, const char *indent, const char *name, const wb_diff_change *c,
                       const wb_colour *col, int mark_growth)
{
    char o[40], n[40], ch[40], chb[48], pc[24];
    uint64_t d;
    int sign = wb_diff_delta(c, &d);
    const char *red = mark_growth && sign > 0 ? wb_red(col) : "";
    const char *end = mark_growth && sign > 0 ? wb_plain(col) : "";
    snprintf(chb, sizeof chb, "%s B", wb_fmt_change(sign, d, ch, sizeof ch));
    percent_text(c, pc, sizeof pc);
    fprintf(out, "%s%-*s %15s %15s  %s%15s", indent, (int)(NAME_WIDTH - strlen(indent)), name,
            bytes_cell(c->in_old, c->old_bytes, o, sizeof o), bytes_cell(c->in_new, c->new_bytes, n, sizeof n),
            red, chb);
    if (pc[0])
        fprintf(out, " %8s", pc);
    fprintf(out, "%s\n", end);
}

static void value_rows(FILE *out, const char *title, const wb_diff_value *v, unsigned n)
{
    if (n == 0)
        return;
    fprintf(out, "\n  %s\n", title);
    for (unsigned i = 0; i < n; i++)
        fprintf(out, "    %-*s %s -> %s\n", NAME_WIDTH - 4, v[i].path, v[i].old_text, v[i].new_text);
}

void wb_diff_report_write(FILE *out, const wb_diff_report *r, const wb_colour *c)
{
    const wb_diff *d = r->diff;
    fprintf(out, "wamr-budget diff: %s -> %s\n", r->old_path, r->new_path);
    static const char assumed[] = " (assumed: no wamr_version in the file, from an older checker)";
    if (strcmp(d->old_version, d->new_version) == 0)
        fprintf(out, "  WAMR %s%s\n", d->old_version,
                d->old_version_assumed || d->new_version_assumed ? assumed : "");
    else
        fprintf(out, "  WAMR %s%s -> %s%s\n", d->old_version, d->old_version_assumed ? assumed : "",
                d->new_version, d->new_version_assumed ? assumed : "");

    value_rows(out, "settings changed", d->settings, d->setting_count);
    if (d->setting_count == 0)
        fprintf(out, "\n  settings: no change\n");

    fprintf(out, "\n  %-*s %15s %15s  %15s\n", NAME_WIDTH - 2, "pool", "old", "new", "change");
    for (unsigned i = 0; i < d->pool_count; i++)
        change_row(out, "  ", pool_name(d->pools[i].key), &d->pools[i], c, 1);
    change_row(out, "  ", "total", &d->total, c, 1);

    unsigned changed = 0;
    for (unsigned i = 0; i < d->item_count; i++) {
        uint64_t x;
        if (wb_diff_delta(&d->items[i], &x) != 0)
            changed++;
    }
    fprintf(out, "\n  items, largest change first%s\n", changed ? "" : ": no change");
    for (unsigned i = 0; i < d->item_count; i++) {
        uint64_t x;
        if (wb_diff_delta(&d->items[i], &x) == 0)
            continue;
        change_row(out, "    ", d->items[i].key, &d->items[i], c, 1);
        fprintf(out, "      %s, %s\n", pool_name(d->items[i].pool), d->items[i].label);
    }
    if (changed && changed < d->item_count)
        fprintf(out, "    (%u more items, unchanged)\n", d->item_count - changed);

    unsigned fchanged = 0;
    for (unsigned i = 0; i < d->figure_count; i++) {
        uint64_t x;
        if (wb_diff_delta(&d->figures[i], &x) == 0)
            continue;
        if (fchanged++ == 0)
            fprintf(out, "\n  other figures\n");
        change_row(out, "    ", d->figures[i].key, &d->figures[i], c, 0);
    }
    value_rows(out, "results changed", d->results, d->result_count);

    char b[40], pc[24];
    uint64_t t;
    int sign = wb_diff_delta(&d->total, &t);
    fprintf(out, "\n  total %s B (%s)\n", wb_fmt_change(sign, t, b, sizeof b),
            sign ? percent_text(&d->total, pc, sizeof pc) : "no change");
    if (r->limit_text)
        fprintf(out, "  growth limit %s on %s: %s%s%s\n", r->limit_text, pool_name(r->limit_pool),
                r->exceeded ? wb_red(c) : "", r->exceeded ? "EXCEEDED" : "within", r->exceeded ? wb_plain(c) : "");
}

/* ---- JSON ---- */

static void json_value(FILE *out, const wb_est_field *f, const char *fallback)
{
    if (!f && fallback == wb_diff_none) {
        fputs("null", out); /* the file has no such field */
        return;
    }
    if (!f) {
        wb_json_string(out, fallback);
        return;
    }
    switch (f->kind) {
    case WB_EST_STRING: wb_json_string(out, f->text); break;
    case WB_EST_U64: fprintf(out, "%" PRIu64, f->u64); break;
    default: fputs(f->text, out); break; /* numbers as written, true, false, null */
    }
}

static void json_change_fields(FILE *out, const wb_diff_change *c)
{
    uint64_t d;
    double p;
    int sign = wb_diff_delta(c, &d);
    fprintf(out, "\"old\": %" PRIu64 ", \"new\": %" PRIu64 ", \"change\": %s%" PRIu64 ", \"percent\": ",
            c->old_bytes, c->new_bytes, sign < 0 ? "-" : "", d);
    if (wb_diff_percent(c, &p))
        fprintf(out, "%.2f", p);
    else
        fputs("null", out);
}

static void json_values(FILE *out, const char *key, const wb_diff_value *v, unsigned n)
{
    fprintf(out, "  \"%s\": [", key);
    for (unsigned i = 0; i < n; i++) {
        fprintf(out, "%s\n    {\"field\": ", i ? "," : "");
        wb_json_string(out, v[i].path);
        fputs(", \"old\": ", out);
        json_value(out, v[i].old_field, v[i].old_text);
        fputs(", \"new\": ", out);
        json_value(out, v[i].new_field, v[i].new_text);
        fputc('}', out);
    }
    fprintf(out, "%s],\n", n ? "\n  " : "");
}

static void json_changes(FILE *out, const char *key, const char *name, const wb_diff_change *c, unsigned n,
                         int items)
{
    fprintf(out, "  \"%s\": [", key);
    for (unsigned i = 0; i < n; i++) {
        fprintf(out, "%s\n    {\"%s\": ", i ? "," : "", name);
        wb_json_string(out, c[i].key);
        if (items) {
            fputs(", \"label\": ", out);
            wb_json_string(out, c[i].label);
            fputs(", \"pool\": ", out);
            wb_json_string(out, c[i].pool);
            fprintf(out, ", \"in_old\": %s, \"in_new\": %s", c[i].in_old ? "true" : "false",
                    c[i].in_new ? "true" : "false");
        }
        fputs(", ", out);
        json_change_fields(out, &c[i]);
        fputc('}', out);
    }
    fprintf(out, "%s],\n", n ? "\n  " : "");
}

void wb_diff_json_write(FILE *out, const wb_diff_report *r)
{
    const wb_diff *d = r->diff;
    fputs("{\n  \"schema\": \"wamr-budget-diff/1\",\n  \"old\": ", out);
    wb_json_string(out, r->old_path);
    fputs(",\n  \"new\": ", out);
    wb_json_string(out, r->new_path);
    fputs(",\n  \"old_wamr_version\": ", out);
    wb_json_string(out, d->old_version);
    fprintf(out, ",\n  \"old_wamr_version_assumed\": %s,\n  \"new_wamr_version\": ",
            d->old_version_assumed ? "true" : "false");
    wb_json_string(out, d->new_version);
    fprintf(out, ",\n  \"new_wamr_version_assumed\": %s,\n", d->new_version_assumed ? "true" : "false");
    json_values(out, "settings_diff", d->settings, d->setting_count);
    json_values(out, "results_diff", d->results, d->result_count);
    json_changes(out, "pools_diff", "pool", d->pools, d->pool_count, 0);
    json_changes(out, "items_diff", "key", d->items, d->item_count, 1);
    json_changes(out, "figures_diff", "field", d->figures, d->figure_count, 0);
    fputs("  \"total_diff\": {", out);
    json_change_fields(out, &d->total);
    fputs("},\n  \"growth\": ", out);
    if (r->limit_text) {
        fputs("{\"limit\": ", out);
        wb_json_string(out, r->limit_text);
        fputs(", \"pool\": ", out);
        wb_json_string(out, r->limit_pool);
        fprintf(out, ", \"exceeded\": %s}", r->exceeded ? "true" : "false");
    } else {
        fputs("null", out);
    }
    fputs("\n}\n", out);
}
