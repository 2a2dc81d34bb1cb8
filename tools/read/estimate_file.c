/* The checker's own JSON read back: every scalar by its dotted path, and the itemised estimate. */
#include "read/estimate_file.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The estimate fields of the JSON contract (PRODUCT.md): a file without them
 * is not an estimate. */
static const char *const required_u64[] = {
    "estimate.runtime_init", "estimate.module_load", "estimate.module_load_peak",
    "estimate.exec_memory", "estimate.instance", "estimate.exec_env", "estimate.per_thread",
    "estimate.linear_memory_initial", "estimate.linear_memory_max", "estimate.native_stacks",
    "estimate.module_buffer", "estimate.total",
};

typedef struct flattener {
    wb_estimate_file *f;
    unsigned cap_fields;
    size_t paths_used, paths_cap;
    wb_json_error *err;
} flattener;

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int fail_node(wb_json_error *err, const wb_json_node *n, const char *fmt, ...)
{
    va_list ap;
    if (!err)
        return -1;
    memset(err, 0, sizeof *err);
    if (n) {
        err->offset = n->offset;
        err->line = n->line;
        err->column = n->column;
    }
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return -1;
}

static int add_field(flattener *fl, const char *path, const wb_json_node *n)
{
    wb_estimate_file *f = fl->f;
    size_t len = strlen(path);
    if (f->field_count == fl->cap_fields)
        return fail_node(fl->err, n, "more than %u values outside arrays: not a wamr-budget file",
                         (unsigned)WB_EST_MAX_FIELDS);
    if (len + 1 > fl->paths_cap - fl->paths_used)
        return fail_node(fl->err, n, "out of room for the field names");
    char *p = f->paths + fl->paths_used;
    memcpy(p, path, len + 1);
    fl->paths_used += len + 1;

    wb_est_field *x = &f->fields[f->field_count++];
    memset(x, 0, sizeof *x);
    x->path = p;
    x->line = n->line;
    switch (n->type) {
    case WB_JSON_NUMBER:
        x->kind = n->is_u64 ? WB_EST_U64 : WB_EST_NUMBER;
        x->u64 = n->u64;
        x->text = n->str;
        break;
    case WB_JSON_STRING:
        x->kind = WB_EST_STRING;
        x->text = n->str;
        break;
    case WB_JSON_TRUE:
    case WB_JSON_FALSE:
        x->kind = WB_EST_BOOL;
        x->boolean = n->type == WB_JSON_TRUE;
        x->text = x->boolean ? "true" : "false";
        break;
    default:
        x->kind = WB_EST_NULL;
        x->text = "null";
        break;
    }
    return 0;
}

static int read_items(flattener *fl, const wb_json_node *arr)
{
    wb_estimate_file *f = fl->f;
    const wb_json_doc *d = &f->doc;
    if (arr->type != WB_JSON_ARRAY)
        return fail_node(fl->err, arr, "estimate.items must be an array");
    if (f->items)
        return fail_node(fl->err, arr, "estimate.items given twice");
    if (arr->count > WB_EST_MAX_ITEMS)
        return fail_node(fl->err, arr, "estimate.items has more than %u items", (unsigned)WB_EST_MAX_ITEMS);
    f->items = calloc(arr->count ? arr->count : 1, sizeof *f->items);
    if (!f->items)
        return fail_node(fl->err, arr, "out of memory");
    for (const wb_json_node *it = wb_json_child(d, arr); it; it = wb_json_next(d, it)) {
        wb_est_item *x = &f->items[f->item_count];
        if (it->type != WB_JSON_OBJECT)
            return fail_node(fl->err, it, "estimate.items[%u] must be an object", f->item_count);
        const wb_json_node *key = wb_json_member(d, it, "key"), *pool = wb_json_member(d, it, "pool"),
                           *bytes = wb_json_member(d, it, "bytes"), *label = wb_json_member(d, it, "label"),
                           *phase = wb_json_member(d, it, "phase"),
                           *ub = wb_json_member(d, it, "upper_bound");
        if (!key || key->type != WB_JSON_STRING || key->len == 0)
            return fail_node(fl->err, key ? key : it, "estimate.items[%u].key must be a non-empty string",
                             f->item_count);
        if (!pool || pool->type != WB_JSON_STRING)
            return fail_node(fl->err, pool ? pool : it, "estimate.items[%u].pool must be a string",
                             f->item_count);
        if (!bytes || bytes->type != WB_JSON_NUMBER || !bytes->is_u64)
            return fail_node(fl->err, bytes ? bytes : it,
                             "estimate.items[%u].bytes must be a whole number of bytes", f->item_count);
        if ((label && label->type != WB_JSON_STRING) || (phase && phase->type != WB_JSON_STRING))
            return fail_node(fl->err, it, "estimate.items[%u]: label and phase must be strings",
                             f->item_count);
        if (ub && ub->type != WB_JSON_TRUE && ub->type != WB_JSON_FALSE)
            return fail_node(fl->err, ub, "estimate.items[%u].upper_bound must be true or false",
                             f->item_count);
        x->key = key->str;
        x->pool = pool->str;
        x->bytes = bytes->u64;
        x->label = label ? label->str : "";
        x->phase = phase ? phase->str : "";
        x->upper_bound = ub && ub->type == WB_JSON_TRUE;
        x->line = it->line;
        f->item_count++;
    }
    return 0;
}

static int flatten(flattener *fl, const wb_json_node *obj, char *path, size_t len)
{
    const wb_json_doc *d = &fl->f->doc;
    for (const wb_json_node *m = wb_json_child(d, obj); m; m = wb_json_next(d, m)) {
        size_t klen = strlen(m->key);
        /* fields are found by their dotted paths: a key with a dot would be
         * another field's path ("estimate.items" beside "estimate") */
        if (memchr(m->key, '.', klen))
            return fail_node(fl->err, m, "the key \"%.60s\" has a '.': not a wamr-budget file",
                             m->key);
        size_t need = len + (len ? 1 : 0) + klen;
        if (need >= WB_EST_MAX_PATH)
            return fail_node(fl->err, m, "a field name path longer than %d characters",
                             WB_EST_MAX_PATH - 1);
        if (len)
            path[len] = '.';
        memcpy(path + len + (len ? 1 : 0), m->key, klen + 1);
        int rc = 0;
        if (strcmp(path, "estimate.items") == 0)
            rc = read_items(fl, m);
        else if (m->type == WB_JSON_OBJECT)
            rc = flatten(fl, m, path, need);
        else if (m->type != WB_JSON_ARRAY)
            rc = add_field(fl, path, m);
        /* other arrays (diagnostics, worst paths) are for people */
        path[len] = '\0';
        if (rc)
            return rc;
    }
    return 0;
}

int wb_estimate_file_read(const char *text, size_t len, wb_estimate_file *f, wb_json_error *err)
{
    flattener fl;
    char path[WB_EST_MAX_PATH];
    memset(f, 0, sizeof *f);
    if (wb_json_parse(text, len, &f->doc, err) != 0)
        return -1;
    const wb_json_node *root = wb_json_root(&f->doc);
    if (root->type != WB_JSON_OBJECT) {
        fail_node(err, root, "expected an object: the JSON of `wamr-budget check --json`");
        goto fail;
    }
    memset(&fl, 0, sizeof fl);
    fl.f = f;
    fl.err = err;
    fl.cap_fields = f->doc.count < WB_EST_MAX_FIELDS ? f->doc.count : WB_EST_MAX_FIELDS;
    fl.paths_cap = (size_t)fl.cap_fields * WB_EST_MAX_PATH;
    f->fields = calloc(fl.cap_fields, sizeof *f->fields);
    f->paths = malloc(fl.paths_cap);
    if (!f->fields || !f->paths) {
        fail_node(err, root, "out of memory");
        goto fail;
    }
    path[0] = '\0';
    if (flatten(&fl, root, path, 0) != 0)
        goto fail;

    const wb_est_field *schema = wb_est_field_get(f, "schema");
    if (!schema || schema->kind != WB_EST_STRING) {
        fail_node(err, root, "no \"schema\": not the JSON of `wamr-budget check --json`");
        goto fail;
    }
    if (strcmp(schema->text, "wamr-budget/1") != 0) {
        const wb_json_node *s = wb_json_member(&f->doc, root, "schema");
        fail_node(err, s, "schema \"%.60s\": expected \"wamr-budget/1\" (the JSON of `wamr-budget check`)",
                  schema->text);
        goto fail;
    }
    const wb_json_node *estimate = wb_json_member(&f->doc, root, "estimate");
    if (!estimate || estimate->type != WB_JSON_OBJECT) {
        fail_node(err, estimate ? estimate : root, "\"estimate\" must be an object");
        goto fail;
    }
    for (size_t i = 0; i < sizeof required_u64 / sizeof required_u64[0]; i++) {
        const wb_est_field *x = wb_est_field_get(f, required_u64[i]);
        if (!x || x->kind != WB_EST_U64) {
            const wb_json_node *n = wb_json_path(&f->doc, root, required_u64[i]);
            fail_node(err, n ? n : estimate, "%s %s", required_u64[i],
                      n ? "must be a whole number of bytes" : "is missing");
            goto fail;
        }
    }
    const wb_est_field *v = wb_est_field_get(f, "wamr_version");
    if (v && (v->kind != WB_EST_STRING || v->text[0] == '\0')) {
        fail_node(err, wb_json_member(&f->doc, root, "wamr_version"),
                  "wamr_version must be a non-empty string");
        goto fail;
    }
    f->wamr_version = v ? v->text : NULL;
    return 0;

fail:
    wb_estimate_file_free(f);
    return -1;
}

void wb_estimate_file_free(wb_estimate_file *f)
{
    wb_json_free(&f->doc);
    free(f->paths);
    free(f->fields);
    free(f->items);
    memset(f, 0, sizeof *f);
}

const wb_est_field *wb_est_field_get(const wb_estimate_file *f, const char *path)
{
    for (unsigned i = 0; i < f->field_count; i++)
        if (strcmp(f->fields[i].path, path) == 0)
            return &f->fields[i];
    return NULL;
}

int wb_est_u64(const wb_estimate_file *f, const char *path, uint64_t *out)
{
    const wb_est_field *x = wb_est_field_get(f, path);
    if (!x || x->kind != WB_EST_U64)
        return 0;
    *out = x->u64;
    return 1;
}

int wb_est_bool(const wb_estimate_file *f, const char *path, int *out)
{
    const wb_est_field *x = wb_est_field_get(f, path);
    if (!x || x->kind != WB_EST_BOOL)
        return 0;
    *out = x->boolean;
    return 1;
}

const char *wb_est_str(const wb_estimate_file *f, const char *path)
{
    const wb_est_field *x = wb_est_field_get(f, path);
    return x && x->kind == WB_EST_STRING ? x->text : NULL;
}
