/* Test driver for the stack bounds: analyses a module and checks expected values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/wb_test.h"
#include "model/model.h"
#include "model/wamr_versions.h"
#include "read/profile.h"
#include "read/stack_notes.h"
#include "stack/stack_bound.h"
#include "read/stack_usage.h"
#include "read/wasm_reader.h"

/*
 * stack_probe MODULE [--su FILE] [--notes FILE] [--interp fast|classic
 *             [--abi lp64|ilp32|ilp32-align8] [--wamr VERSION]] [EXPECT...]
 *
 * Prints every result as `key=value` lines, then checks each EXPECT:
 *   key=value     the printed value must be exactly this
 *   key~text      the printed value must contain text
 *   frame:NAME=N  the aux frame of function NAME (from the name section) is N
 * Keys: aux_main.*, aux_thread.*, native_main.*, native_thread.* and, with
 * --interp, operand_main.*, operand_thread.* with analysed, bounded, max,
 * kind, reason, path (wb_stack_format_path), entry, entry_bytes, path_sum_ok,
 * cond.computed, cond.bounded, cond.max, cond.assumes ("a->b, ..."); and
 * dynamic_frames, stack_switches, indirect_targets, indirect_call_sites,
 * narrowed_sites, types_by_arity, notes_used (the lines, "3,5"; builtin:NAME for one the
 * checker knows).
 * --interp takes the frames of that interpreter from the model, for a
 * build of the given layout (default lp64) and WAMR version (default the
 * model's).  Exit 0 when every expectation holds, 1 otherwise, 2 on
 * unreadable input.
 */

#define MAX_KEYS 128

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

static void put_bound(const char *prefix, const unsigned char *data, size_t size,
                      const wb_wasm_facts *w, const wb_stack_bound *b)
{
    char key[64], path[1024], name[128], list[1024];
    snprintf(key, sizeof key, "%s.analysed", prefix);
    put_u(key, (unsigned long long)b->analysed);
    snprintf(key, sizeof key, "%s.bounded", prefix);
    put_u(key, (unsigned long long)b->bounded);
    snprintf(key, sizeof key, "%s.max", prefix);
    put_u(key, b->bounded ? b->max_bytes : 0);
    snprintf(key, sizeof key, "%s.kind", prefix);
    put_u(key, (unsigned long long)b->unbounded_kind);
    snprintf(key, sizeof key, "%s.reason", prefix);
    put(key, wb_stack_reason(b->unbounded_kind));
    snprintf(key, sizeof key, "%s.entry", prefix);
    const char *n = b->analysed && b->entry < w->import_func_count + w->func_count
                        ? wb_wasm_func_name(data, size, w, b->entry, name, sizeof name)
                        : NULL;
    put(key, n ? n : "");
    snprintf(key, sizeof key, "%s.entry_bytes", prefix);
    put_u(key, b->entry_bytes);
    snprintf(key, sizeof key, "%s.path", prefix);
    wb_stack_format_path(data, size, w, b, path, sizeof path);
    put(key, path);
    /* the path's frames must add up to the bound: on the operand stack, with
     * the host call's frame below and the last frame once more above */
    if (b->bounded && !b->path_truncated) {
        unsigned long long sum = 0, last = 0;
        int repeated = 0;
        for (unsigned i = 0; i < b->path_len; i++) {
            sum += b->path[i].frame_bytes;
            last = b->path[i].frame_bytes;
            repeated |= b->path[i].times > 1;
        }
        if (b->entry_bytes)
            sum = b->path_len ? b->entry_bytes + sum + last : 2 * b->entry_bytes;
        if (!repeated) {
            snprintf(key, sizeof key, "%s.path_sum_ok", prefix);
            put_u(key, sum == b->max_bytes);
        }
    }
    snprintf(key, sizeof key, "%s.cond.computed", prefix);
    put_u(key, (unsigned long long)b->conditional.computed);
    snprintf(key, sizeof key, "%s.cond.bounded", prefix);
    put_u(key, (unsigned long long)b->conditional.bounded);
    snprintf(key, sizeof key, "%s.cond.max", prefix);
    put_u(key, b->conditional.max_bytes);
    list[0] = '\0';
    for (unsigned i = 0; i < b->conditional.assume_count && i < WB_STACK_ASSUME_MAX; i++) {
        char n1[128], n2[128];
        size_t used = strlen(list);
        snprintf(list + used, sizeof list - used, "%s%s->%s", i ? ", " : "",
                 wb_stack_func_name(data, size, w, b->conditional.assumes[i].from, n1, sizeof n1),
                 wb_stack_func_name(data, size, w, b->conditional.assumes[i].to, n2, sizeof n2));
    }
    snprintf(key, sizeof key, "%s.cond.assumes", prefix);
    put(key, list);
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

static int wrap_error(const char *what, const wb_error *err)
{
    fprintf(stderr, "%s: %s at %zu: %s\n", what, err->section ? err->section : "?", err->offset,
            err->message);
    return 2;
}

int main(int argc, char **argv)
{
    wb_wasm_facts w;
    wb_error err;
    wb_stack_usage su;
    wb_stack_notes notes;
    wb_stack_result r;
    wb_stack_graph *g = NULL;
    wb_interp_load il;
    size_t size = 0, su_size = 0, notes_size = 0;
    unsigned char *su_text = NULL, *notes_text = NULL;
    const char *interp = NULL, *abi = "lp64", *wamr = NULL;
    int have_su = 0, have_notes = 0, have_il = 0, fails = 0, first = 2, rc = 2;

    if (argc < 2) {
        fprintf(stderr, "usage: stack_probe MODULE [--su FILE] [--notes FILE] [--interp fast|classic "
                        "[--abi A] [--wamr V]] [EXPECT...]\n");
        return 2;
    }
    memset(&il, 0, sizeof il);
    unsigned char *data = wb_test_load(argv[1], &size);
    if (!data) {
        fprintf(stderr, "%s: cannot read\n", argv[1]);
        return 2;
    }
    while (first + 1 < argc && strncmp(argv[first], "--", 2) == 0) {
        const char *opt = argv[first], *val = argv[first + 1];
        first += 2;
        if (strcmp(opt, "--su") == 0) {
            su_text = wb_test_load(val, &su_size);
            if (!su_text) {
                fprintf(stderr, "%s: cannot read\n", val);
                goto out;
            }
            if (wb_stack_usage_parse((const char *)su_text, su_size, &su, &err) != 0) {
                fprintf(stderr, "%s:%zu: %s\n", val, err.offset, err.message);
                goto out;
            }
            have_su = 1;
        } else if (strcmp(opt, "--notes") == 0) {
            notes_text = wb_test_load(val, &notes_size); /* an empty file: 1 byte, size 0 */
            if (!notes_text) {
                fprintf(stderr, "%s: cannot read\n", val);
                goto out;
            }
            if (wb_stack_notes_parse((const char *)notes_text, notes_size, &notes, &err) != 0) {
                fprintf(stderr, "%s:%zu: %s\n", val, err.offset, err.message);
                goto out;
            }
            have_notes = 1;
        } else if (strcmp(opt, "--interp") == 0) {
            interp = val;
        } else if (strcmp(opt, "--abi") == 0) {
            abi = val;
        } else if (strcmp(opt, "--wamr") == 0) {
            wamr = val;
        } else {
            fprintf(stderr, "unknown option %s\n", opt);
            goto out;
        }
    }
    if (wb_wasm_read(data, size, &w, &err) != 0) {
        rc = wrap_error(argv[1], &err);
        goto out;
    }
    if (wb_stack_graph_build(data, size, &w, have_notes ? &notes : NULL, &g, &err) != 0 ||
        wb_stack_bounds(g, have_su ? &su : NULL, &r, &err) != 0) {
        rc = wrap_error(argv[1], &err);
        goto out;
    }
    if (interp) {
        wb_profile p;
        wb_profile_defaults(&p);
        p.abi = strcmp(abi, "ilp32") == 0 ? WB_ABI_ILP32
                : strcmp(abi, "ilp32-align8") == 0 ? WB_ABI_ILP32_ALIGN8 : WB_ABI_LP64;
        if (wamr)
            snprintf(p.wamr_version, sizeof p.wamr_version, "%s", wamr);
        wb_mode mode = strcmp(interp, "classic") == 0 ? WB_MODE_CLASSIC_INTERP : WB_MODE_FAST_INTERP;
        if (wb_model_interp_load(&w, data, size, &p, mode, 1, &il) != 0) {
            fprintf(stderr, "%s: the model cannot load it for WAMR %s\n", argv[1], p.wamr_version);
            goto out;
        }
        have_il = 1;
        if (il.frames.count == 0) {
            fprintf(stderr, "%s: no frames: %s\n", argv[1], il.frames.why);
            goto out;
        }
        if (wb_stack_operand(g, il.frames.frame, il.frames.entry, il.frames.count, &r, &err) != 0) {
            rc = wrap_error(argv[1], &err);
            goto out;
        }
    }
    put_bound("aux_main", data, size, &w, &r.aux_main);
    put_bound("aux_thread", data, size, &w, &r.aux_thread);
    put_bound("native_main", data, size, &w, &r.native_main);
    put_bound("native_thread", data, size, &w, &r.native_thread);
    if (interp) {
        put_bound("operand_main", data, size, &w, &r.operand_main);
        put_bound("operand_thread", data, size, &w, &r.operand_thread);
    }
    put_u("functions", r.functions_analysed);
    put_u("dynamic_frames", r.dynamic_frames);
    put_u("stack_switches", r.stack_switches);
    put_u("indirect_targets", r.indirect_targets);
    put_u("indirect_call_sites", r.indirect_call_sites);
    put_u("narrowed_sites", r.narrowed_sites);
    put_u("types_by_arity", (unsigned long long)r.types_by_arity);
    {
        char used[256] = "";
        const wb_stack_notes *all = wb_stack_graph_notes(g);
        for (unsigned i = 0; i < r.notes_used_count && i < WB_STACK_NOTES_MAX; i++) {
            const wb_stack_note *n = &all->notes[r.notes_used[i]];
            size_t len = strlen(used);
            if (n->builtin)
                snprintf(used + len, sizeof used - len, "%sbuiltin:%s", i ? "," : "", n->func);
            else
                snprintf(used + len, sizeof used - len, "%s%u", i ? "," : "", n->line);
        }
        put("notes_used", used);
    }
    if (have_su) {
        put_u("su.count", su.count);
        put_u("su.max_frame", su.max_frame);
    }
    for (int i = first; i < argc; i++)
        fails += check(argv[i], &r, data, size, &w);
    rc = fails ? 1 : 0;
out:
    wb_stack_graph_free(g);
    if (have_il)
        wb_interp_load_free(&il);
    free(data);
    free(su_text);
    free(notes_text);
    if (have_su)
        wb_stack_usage_free(&su);
    if (have_notes)
        wb_stack_notes_free(&notes);
    return rc;
}
