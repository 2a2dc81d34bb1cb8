/* What changed between two estimates, and whether the growth stays within a limit. */
#include "check/diff.h"

#include <stdlib.h>
#include <string.h>

#include "read/size_parse.h"

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Settings: what the estimate was made for. */
static int is_setting(const char *path)
{
    static const char *const top[] = {"module", "aot", "names", "profile", "mode", "wamr_version", "budget"};
    for (size_t i = 0; i < sizeof top / sizeof top[0]; i++)
        if (strcmp(path, top[i]) == 0)
            return 1;
    /* the main thread's aux stack, as the module declares it */
    return starts_with(path, "settings.") || strcmp(path, "stack.stack_size") == 0;
}

/* Byte counts the estimate gives, other than the pools and the total. */
static int is_figure(const wb_est_field *f)
{
    if (f->kind != WB_EST_U64 || is_setting(f->path))
        return 0;
    if (starts_with(f->path, "estimate."))
        return !starts_with(f->path, "estimate.pools.") && strcmp(f->path, "estimate.total") != 0;
    return starts_with(f->path, "stack.") || starts_with(f->path, "operand_stack.") ||
           strcmp(f->path, "headroom") == 0;
}

static int same_value(const wb_est_field *a, const wb_est_field *b)
{
    if (a->kind != b->kind)
        return 0;
    switch (a->kind) {
    case WB_EST_U64: return a->u64 == b->u64;
    case WB_EST_BOOL: return a->boolean == b->boolean;
    case WB_EST_NULL: return 1;
    default: return strcmp(a->text, b->text) == 0;
    }
}

int wb_diff_delta(const wb_diff_change *c, uint64_t *bytes)
{
    if (c->new_bytes >= c->old_bytes) {
        *bytes = c->new_bytes - c->old_bytes;
        return *bytes ? 1 : 0;
    }
    *bytes = c->old_bytes - c->new_bytes;
    return -1;
}

int wb_diff_percent(const wb_diff_change *c, double *percent)
{
    uint64_t d;
    int sign = wb_diff_delta(c, &d);
    if (c->old_bytes == 0) {
        *percent = 0;
        return 0;
    }
    *percent = (double)sign * 100.0 * (double)d / (double)c->old_bytes;
    return 1;
}

static int by_change(const void *pa, const void *pb)
{
    const wb_diff_change *a = pa, *b = pb;
    uint64_t da, db;
    wb_diff_delta(a, &da);
    wb_diff_delta(b, &db);
    if (da != db)
        return da > db ? -1 : 1;
    return strcmp(a->key, b->key);
}

static wb_diff_change *find_change(wb_diff_change *list, unsigned n, const char *key)
{
    for (unsigned i = 0; i < n; i++)
        if (strcmp(list[i].key, key) == 0)
            return &list[i];
    return NULL;
}

static const char *value_text(const wb_est_field *f)
{
    return f->text ? f->text : "";
}

const char wb_diff_none[] = "(none)";

/* A setting one file has and the other has not: "(none)" on the other
 * side (null in JSON, which has no field there). */
static void one_sided(wb_diff_value *v, const wb_est_field *of, const wb_est_field *nf)
{
    v->path = of ? of->path : nf->path;
    v->old_field = of;
    v->new_field = nf;
    v->old_text = of ? value_text(of) : wb_diff_none;
    v->new_text = nf ? value_text(nf) : wb_diff_none;
}

int wb_diff_make(const wb_estimate_file *o, const wb_estimate_file *n, wb_diff *d)
{
    memset(d, 0, sizeof *d);
    unsigned fields = o->field_count + n->field_count + 1;
    unsigned items = o->item_count + n->item_count + 1;
    d->settings = calloc(fields, sizeof *d->settings);
    d->results = calloc(fields, sizeof *d->results);
    d->pools = calloc(fields, sizeof *d->pools);
    d->figures = calloc(fields, sizeof *d->figures);
    d->items = calloc(items, sizeof *d->items);
    if (!d->settings || !d->results || !d->pools || !d->figures || !d->items) {
        wb_diff_free(d);
        return -1;
    }

    d->old_version = o->wamr_version ? o->wamr_version : WB_EST_VERSION_UNNAMED;
    d->new_version = n->wamr_version ? n->wamr_version : WB_EST_VERSION_UNNAMED;
    d->old_version_assumed = !o->wamr_version;
    d->new_version_assumed = !n->wamr_version;
    if (strcmp(d->old_version, d->new_version) != 0) {
        wb_diff_value *v = &d->settings[d->setting_count++];
        v->path = "wamr_version";
        v->old_field = wb_est_field_get(o, "wamr_version");
        v->new_field = wb_est_field_get(n, "wamr_version");
        v->old_text = d->old_version;
        v->new_text = d->new_version;
    }

    /* fields both files have, in the old file's order; pools from either */
    for (unsigned i = 0; i < o->field_count; i++) {
        const wb_est_field *of = &o->fields[i];
        const wb_est_field *nf = wb_est_field_get(n, of->path);
        if (starts_with(of->path, "estimate.pools.")) {
            if (of->kind != WB_EST_U64)
                continue;
            wb_diff_change *c = &d->pools[d->pool_count++];
            c->key = of->path + strlen("estimate.pools.");
            c->label = c->pool = "";
            c->in_old = 1;
            c->old_bytes = of->u64;
            if (nf && nf->kind == WB_EST_U64) {
                c->in_new = 1;
                c->new_bytes = nf->u64;
            }
            continue;
        }
        if (strcmp(of->path, "wamr_version") == 0 || strcmp(of->path, "schema") == 0)
            continue;
        if (!nf) {
            /* a setting only the old file has (--aot, --names dropped) */
            if (is_setting(of->path))
                one_sided(&d->settings[d->setting_count++], of, NULL);
            continue;
        }
        if (strcmp(of->path, "estimate.total") == 0) {
            continue;
        } else if (is_figure(of) && nf->kind == WB_EST_U64) {
            wb_diff_change *c = &d->figures[d->figure_count++];
            c->key = of->path;
            c->label = c->pool = "";
            c->in_old = c->in_new = 1;
            c->old_bytes = of->u64;
            c->new_bytes = nf->u64;
        } else if (!same_value(of, nf)) {
            wb_diff_value *v = is_setting(of->path) ? &d->settings[d->setting_count++]
                                                     : &d->results[d->result_count++];
            v->path = of->path;
            v->old_field = of;
            v->new_field = nf;
            v->old_text = value_text(of);
            v->new_text = value_text(nf);
        }
    }
    for (unsigned i = 0; i < n->field_count; i++) {
        const wb_est_field *nf = &n->fields[i];
        if (is_setting(nf->path) && strcmp(nf->path, "wamr_version") != 0 &&
            !wb_est_field_get(o, nf->path)) {
            one_sided(&d->settings[d->setting_count++], NULL, nf); /* only the new file has it */
            continue;
        }
        if (!starts_with(nf->path, "estimate.pools.") || nf->kind != WB_EST_U64)
            continue;
        const char *key = nf->path + strlen("estimate.pools.");
        if (find_change(d->pools, d->pool_count, key))
            continue;
        wb_diff_change *c = &d->pools[d->pool_count++];
        c->key = key;
        c->label = c->pool = "";
        c->in_new = 1;
        c->new_bytes = nf->u64;
    }

    /* items by key; a key twice in one file (not written so today) adds up */
    for (int side = 0; side < 2; side++) {
        const wb_estimate_file *f = side ? n : o;
        for (unsigned i = 0; i < f->item_count; i++) {
            const wb_est_item *it = &f->items[i];
            wb_diff_change *c = find_change(d->items, d->item_count, it->key);
            if (!c) {
                c = &d->items[d->item_count++];
                c->key = it->key;
                c->label = it->label;
                c->pool = it->pool;
            }
            if (side) {
                c->in_new = 1;
                c->new_bytes = c->new_bytes > UINT64_MAX - it->bytes ? UINT64_MAX : c->new_bytes + it->bytes;
                if (it->label[0])
                    c->label = it->label;
                c->pool = it->pool;
            } else {
                c->in_old = 1;
                c->old_bytes = c->old_bytes > UINT64_MAX - it->bytes ? UINT64_MAX : c->old_bytes + it->bytes;
            }
        }
    }

    d->total.key = "total";
    d->total.label = d->total.pool = "";
    d->total.in_old = wb_est_u64(o, "estimate.total", &d->total.old_bytes);
    d->total.in_new = wb_est_u64(n, "estimate.total", &d->total.new_bytes);

    qsort(d->pools, d->pool_count, sizeof *d->pools, by_change);
    qsort(d->items, d->item_count, sizeof *d->items, by_change);
    qsort(d->figures, d->figure_count, sizeof *d->figures, by_change);
    return 0;
}

void wb_diff_free(wb_diff *d)
{
    free(d->settings);
    free(d->results);
    free(d->pools);
    free(d->figures);
    free(d->items);
    memset(d, 0, sizeof *d);
}

const wb_diff_change *wb_diff_pool(const wb_diff *d, const char *key)
{
    if (strcmp(key, "total") == 0)
        return &d->total;
    for (unsigned i = 0; i < d->pool_count; i++)
        if (strcmp(d->pools[i].key, key) == 0)
            return &d->pools[i];
    return NULL;
}

/* ---- growth limits ---- */

int wb_growth_parse(const char *text, wb_growth_limit *g)
{
    size_t n = strlen(text);
    memset(g, 0, sizeof *g);
    if (n >= 2 && text[n - 1] == '%') {
        uint64_t whole = 0, frac = 0;
        unsigned frac_digits = 0;
        size_t i = 0;
        if (text[0] < '0' || text[0] > '9')
            return -1;
        for (; i < n - 1 && text[i] >= '0' && text[i] <= '9'; i++) {
            whole = whole * 10 + (uint64_t)(text[i] - '0');
            if (whole > 1000000000)
                return -1;
        }
        if (i < n - 1 && text[i] == '.') {
            i++;
            if (i == n - 1)
                return -1;
            for (; i < n - 1 && text[i] >= '0' && text[i] <= '9'; i++) {
                if (++frac_digits > 3)
                    return -1;
                frac = frac * 10 + (uint64_t)(text[i] - '0');
            }
        }
        if (i != n - 1)
            return -1;
        while (frac_digits < 3) {
            frac *= 10;
            frac_digits++;
        }
        g->is_percent = 1;
        g->milli_percent = whole * 1000 + frac;
        return 0;
    }
    return wb_size_parse(text, &g->bytes);
}

/* a * b as 128 bits in two halves, compared without overflow */
static void mul64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
{
    uint64_t a0 = a & 0xFFFFFFFFu, a1 = a >> 32, b0 = b & 0xFFFFFFFFu, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (p01 & 0xFFFFFFFFu) + (p10 & 0xFFFFFFFFu);
    *lo = (mid << 32) | (p00 & 0xFFFFFFFFu);
    *hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

int wb_growth_exceeded(const wb_diff_change *c, const wb_growth_limit *g)
{
    uint64_t grew;
    if (wb_diff_delta(c, &grew) <= 0)
        return 0;
    if (!g->is_percent)
        return grew > g->bytes;
    if (c->old_bytes == 0)
        return 1;
    /* grew / old * 100 > milli / 1000  <=>  grew * 100000 > milli * old */
    uint64_t lh, ll, rh, rl;
    mul64(grew, 100000, &lh, &ll);
    mul64(g->milli_percent, c->old_bytes, &rh, &rl);
    return lh > rh || (lh == rh && ll > rl);
}
