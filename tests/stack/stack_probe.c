/* Test driver for the stack bounds: analyses a module and checks expected values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stack/stack_bound.h"
#include "read/stack_usage.h"
#include "read/wasm_reader.h"

/*
 * stack_probe MODULE [--su FILE] [EXPECT...]
 *
 * Prints every result as `key=value` lines, then checks each EXPECT:
 *   key=value     the printed value must be exactly this
 *   key~text      the printed value must contain text
 *   frame:NAME=N  the aux frame of function NAME (from the name section) is N
 * Keys: aux_main.*, aux_thread.*, native_main.*, native_thread.* with
 * analysed, bounded, max, kind, path (wb_stack_format_path), entry; and
 * dynamic_frames, stack_switches, indirect_targets, types_by_arity.
 * Exit 0 when every expectation holds, 1 otherwise, 2 on unreadable input.
 */

#define MAX_KEYS 64

typedef struct kv {
    char key[64];
    char val[1024];
} kv;

static kv keys[MAX_KEYS];
static unsigned nkeys;

static void put(const char *key, const char *val)
{
    if (nkeys == MAX_KEYS)
        return;
    snprintf(keys[nkeys].key, sizeof keys[nkeys].key, "%s", key);
    snprintf(keys[nkeys].val, sizeof keys[nkeys].val, "%s", val);
    printf("%s=%s\n", key, val);
    nkeys++;
}

static void put_u(const char *key, unsigned long long v)
{
    char b[32];
    snprintf(b, sizeof b, "%llu", v);
    put(key, b);
}

static const char *get(const char *key)
{
    for (unsigned i = 0; i < nkeys; i++)
        if (strcmp(keys[i].key, key) == 0)
            return keys[i].val;
    return NULL;
}

static unsigned char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL;
    size_t cap = 0, len = 0;
    if (!f)
        return NULL;
    for (;;) {
        if (len == cap) {
            size_t ncap = cap ? cap * 2 : 65536;
            unsigned char *p = realloc(buf, ncap);
            if (!p) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = p;
            cap = ncap;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0)
            break;
    }
    fclose(f);
    *size = len;
    return buf;
}

static void put_bound(const char *prefix, const unsigned char *data, size_t size,
                      const wb_wasm_facts *w, const wb_stack_bound *b)
{
    char key[64], path[1024], name[128];
    snprintf(key, sizeof key, "%s.analysed", prefix);
    put_u(key, (unsigned long long)b->analysed);
    snprintf(key, sizeof key, "%s.bounded", prefix);
    put_u(key, (unsigned long long)b->bounded);
    snprintf(key, sizeof key, "%s.max", prefix);
    put_u(key, b->bounded ? b->max_bytes : 0);
    snprintf(key, sizeof key, "%s.kind", prefix);
    put_u(key, (unsigned long long)b->unbounded_kind);
    snprintf(key, sizeof key, "%s.entry", prefix);
    const char *n = b->analysed ? wb_wasm_func_name(data, size, w, b->entry, name, sizeof name) : NULL;
    put(key, n ? n : "");
    snprintf(key, sizeof key, "%s.path", prefix);
    wb_stack_format_path(data, size, w, b, path, sizeof path);
    put(key, path);
    /* the path's frames must add up to the bound */
    if (b->bounded && !b->path_truncated) {
        unsigned long long sum = 0;
        for (unsigned i = 0; i < b->path_len; i++)
            sum += b->path[i].frame_bytes;
        snprintf(key, sizeof key, "%s.path_sum_ok", prefix);
        put_u(key, sum == b->max_bytes);
    }
}

/* Aux frame of one named function: the bound from a module where it is the
 * only entry is not available through the API, so the frame is read from
 * the worst path when the function is on it. */
static int frame_of(const wb_stack_result *r, const unsigned char *data, size_t size,
                    const wb_wasm_facts *w, const char *fname, unsigned long long *out)
{
    const wb_stack_bound *bs[2] = {&r->aux_main, &r->aux_thread};
    char name[128];
    for (int k = 0; k < 2; k++)
        for (unsigned i = 0; i < bs[k]->path_len; i++) {
            const char *n = wb_wasm_func_name(data, size, w, bs[k]->path[i].func_index, name, sizeof name);
            if (n && strcmp(n, fname) == 0) {
                *out = bs[k]->path[i].frame_bytes;
                return 0;
            }
        }
    return -1;
}

static int check(const char *exp, const wb_stack_result *r, const unsigned char *data, size_t size,
                 const wb_wasm_facts *w)
{
    char key[256];
    const char *eq = strchr(exp, '=');
    const char *tl = strchr(exp, '~');
    const char *sep = eq && (!tl || eq < tl) ? eq : tl;
    if (!sep || (size_t)(sep - exp) >= sizeof key) {
        fprintf(stderr, "bad expectation '%s'\n", exp);
        return 1;
    }
    memcpy(key, exp, (size_t)(sep - exp));
    key[sep - exp] = '\0';
    const char *want = sep + 1;
    if (strncmp(key, "frame:", 6) == 0) {
        unsigned long long v;
        if (frame_of(r, data, size, w, key + 6, &v) != 0) {
            fprintf(stderr, "FAIL: %s: function not on a worst path\n", key + 6);
            return 1;
        }
        if (strtoull(want, NULL, 10) != v) {
            fprintf(stderr, "FAIL: frame of %s is %llu, expected %s\n", key + 6, v, want);
            return 1;
        }
        return 0;
    }
    const char *got = get(key);
    if (!got) {
        fprintf(stderr, "FAIL: no key '%s'\n", key);
        return 1;
    }
    int ok = *sep == '=' ? strcmp(got, want) == 0 : strstr(got, want) != NULL;
    if (!ok) {
        fprintf(stderr, "FAIL: %s is '%s', expected %s '%s'\n", key, got,
                *sep == '=' ? "exactly" : "to contain", want);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    wb_wasm_facts w;
    wb_error err;
    wb_stack_usage su;
    wb_stack_result r;
    size_t size = 0, su_size = 0;
    unsigned char *su_text = NULL;
    int have_su = 0, fails = 0, first = 2;

    if (argc < 2) {
        fprintf(stderr, "usage: stack_probe MODULE [--su FILE] [EXPECT...]\n");
        return 2;
    }
    unsigned char *data = slurp(argv[1], &size);
    if (!data) {
        fprintf(stderr, "%s: cannot read\n", argv[1]);
        return 2;
    }
    if (argc > 3 && strcmp(argv[2], "--su") == 0) {
        su_text = slurp(argv[3], &su_size);
        if (!su_text) {
            fprintf(stderr, "%s: cannot read\n", argv[3]);
            free(data);
            return 2;
        }
        if (wb_stack_usage_parse((const char *)su_text, su_size, &su, &err) != 0) {
            fprintf(stderr, "%s:%zu: %s\n", argv[3], err.offset, err.message);
            free(data);
            free(su_text);
            return 2;
        }
        have_su = 1;
        first = 4;
    }
    if (wb_wasm_read(data, size, &w, &err) != 0 ||
        wb_stack_analyse(data, size, &w, have_su ? &su : NULL, &r, &err) != 0) {
        fprintf(stderr, "%s: %s at %zu: %s\n", argv[1], err.section ? err.section : "?", err.offset,
                err.message);
        free(data);
        free(su_text);
        if (have_su)
            wb_stack_usage_free(&su);
        return 2;
    }
    put_bound("aux_main", data, size, &w, &r.aux_main);
    put_bound("aux_thread", data, size, &w, &r.aux_thread);
    put_bound("native_main", data, size, &w, &r.native_main);
    put_bound("native_thread", data, size, &w, &r.native_thread);
    put_u("functions", r.functions_analysed);
    put_u("dynamic_frames", r.dynamic_frames);
    put_u("stack_switches", r.stack_switches);
    put_u("indirect_targets", r.indirect_targets);
    put_u("indirect_call_sites", r.indirect_call_sites);
    put_u("types_by_arity", (unsigned long long)r.types_by_arity);
    if (have_su) {
        put_u("su.count", su.count);
        put_u("su.max_frame", su.max_frame);
    }
    for (int i = first; i < argc; i++)
        fails += check(argv[i], &r, data, size, &w);
    free(data);
    free(su_text);
    if (have_su)
        wb_stack_usage_free(&su);
    return fails ? 1 : 0;
}
