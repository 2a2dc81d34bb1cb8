/* The JSON reader and the estimate file read back: values, limits, clean errors with line and column. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/estimate_file.h"
#include "read/json_reader.h"
#include "../common/wb_test.h"

static int parses(const char *text)
{
    wb_json_doc d;
    wb_json_error e;
    int rc = wb_json_parse(text, strlen(text), &d, &e);
    wb_json_free(&d);
    return rc == 0;
}

/* The parse fails at line:column with a message containing `why`. */
static void fails_at(const char *text, size_t len, unsigned line, unsigned column, const char *why)
{
    wb_json_doc d;
    wb_json_error e;
    int rc = wb_json_parse(text, len, &d, &e);
    CHECK(rc != 0, "parse of [%.40s] should fail (%s)", text, why);
    if (rc == 0) {
        wb_json_free(&d);
        return;
    }
    CHECK(d.count == 0 && d.nodes == NULL && d.strings == NULL, "a failed parse leaves an empty doc");
    CHECK(e.line == line && e.column == column, "[%.40s]: error at %u:%u, expected %u:%u (%s)", text,
          (unsigned)e.line, (unsigned)e.column, line, column, e.message);
    CHECK(strstr(e.message, why) != NULL, "[%.40s]: message '%s' lacks '%s'", text, e.message, why);
    CHECK(e.offset <= len, "error offset %zu inside the input", e.offset);
}

#define FAILS(text, line, col, why) fails_at(text, sizeof text - 1, line, col, why)

static void test_values(void)
{
    const char *text = "\xEF\xBB\xBF{\"a\": [1, -2, 3.5e2, 18446744073709551615, 18446744073709551616, 0],\n"
                       " \"s\": \"x\\u00e9\\ud83d\\ude00\\n\\\"\\/\",\n \"t\": true, \"f\": false, \"n\": null,\n"
                       " \"o\": {\"deep\": {\"k\": \"v\"}}, \"e\": {}, \"ea\": []}";
    wb_json_doc d;
    wb_json_error e;
    int rc = wb_json_parse(text, strlen(text), &d, &e);
    CHECK(rc == 0, "valid document: %s (line %u)", e.message, (unsigned)e.line);
    if (rc)
        return;
    const wb_json_node *root = wb_json_root(&d);
    CHECK(root->type == WB_JSON_OBJECT && root->count == 8, "root object of 8 members");
    const wb_json_node *a = wb_json_member(&d, root, "a");
    CHECK(a && a->type == WB_JSON_ARRAY && a->count == 6, "array of 6");
    const wb_json_node *x = wb_json_child(&d, a);
    CHECK(x->is_u64 && x->u64 == 1, "1 is a whole number");
    x = wb_json_next(&d, x);
    CHECK(!x->is_u64 && x->number == -2.0, "-2 is a number, not a size");
    x = wb_json_next(&d, x);
    CHECK(!x->is_u64 && x->number == 350.0 && strcmp(x->str, "3.5e2") == 0, "3.5e2 as written and read");
    x = wb_json_next(&d, x);
    CHECK(x->is_u64 && x->u64 == UINT64_MAX, "UINT64_MAX fits");
    x = wb_json_next(&d, x);
    CHECK(!x->is_u64, "UINT64_MAX + 1 does not fit a size");
    x = wb_json_next(&d, x);
    CHECK(x->is_u64 && x->u64 == 0 && !wb_json_next(&d, x), "0, last element");
    const wb_json_node *s = wb_json_member(&d, root, "s");
    CHECK(s && strcmp(s->str, "x\xC3\xA9\xF0\x9F\x98\x80\n\"/") == 0 && s->len == 10,
          "escapes, \\u and a surrogate pair decoded to UTF-8");
    CHECK(wb_json_member(&d, root, "t")->type == WB_JSON_TRUE, "true");
    CHECK(wb_json_member(&d, root, "f")->type == WB_JSON_FALSE, "false");
    CHECK(wb_json_member(&d, root, "n")->type == WB_JSON_NULL, "null");
    const wb_json_node *k = wb_json_path(&d, root, "o.deep.k");
    CHECK(k && k->type == WB_JSON_STRING && strcmp(k->str, "v") == 0, "path o.deep.k");
    CHECK(k && k->line == 4, "line of o.deep.k is 4, got %u", k ? (unsigned)k->line : 0);
    CHECK(!wb_json_path(&d, root, "o.deep.k.z") && !wb_json_path(&d, root, "o.missing"), "absent paths");
    CHECK(wb_json_member(&d, root, "e")->count == 0 && wb_json_member(&d, root, "ea")->count == 0, "empties");
    wb_json_free(&d);
}

static void test_errors(void)
{
    FAILS("", 1, 1, "end of the input");
    FAILS("   \n  ", 2, 3, "end of the input");
    FAILS("{\"a\": 1,}", 1, 9, "trailing comma");
    FAILS("[1, 2,]", 1, 7, "trailing comma");
    FAILS("{\"a\": 1, \"a\": 2}", 1, 10, "duplicate key \"a\"");
    FAILS("{\"a\" 1}", 1, 6, "expected ':'");
    FAILS("{\"a\": 1\n \"b\": 2}", 2, 2, "expected ',' or '}'");
    FAILS("[1 2]", 1, 4, "expected ',' or ']'");
    FAILS("[01]", 1, 2, "leading zero");
    FAILS("[1.]", 1, 4, "after the decimal point");
    FAILS("[1e]", 1, 4, "exponent");
    FAILS("[-]", 1, 2, "digit");
    FAILS("[+1]", 1, 2, "unexpected '+'");
    FAILS("[NaN]", 1, 2, "unexpected 'N'");
    FAILS("[tru]", 1, 2, "true, false or null");
    FAILS("{\"a\": \"x\ty\"}", 1, 9, "control character");
    FAILS("[\"\\x\"]", 1, 3, "unknown escape");
    FAILS("[\"\\u12\"]", 1, 3, "four hex digits");
    FAILS("[\"\\udc00\"]", 1, 3, "lone low surrogate");
    FAILS("[\"\\ud800x\"]", 1, 3, "without its low half");
    FAILS("[\"\\u0000\"]", 1, 3, "NUL");
    FAILS("[\"\xC0\xAF\"]", 1, 3, "invalid UTF-8");     /* overlong '/' */
    FAILS("[\"\xED\xA0\x80\"]", 1, 3, "invalid UTF-8"); /* an encoded surrogate */
    FAILS("[\"\xF4\x90\x80\x80\"]", 1, 3, "invalid UTF-8"); /* above U+10FFFF */
    FAILS("[\"abc", 1, 2, "never ends");
    FAILS("{} {}", 1, 4, "more after the end");
    FAILS("[1] x", 1, 5, "more after the end");
    FAILS("{1: 2}", 1, 2, "string key");
    FAILS("[\x01]", 1, 2, "unexpected byte 0x01");

    /* nesting: 64 arrays inside each other read, 65 do not */
    char deep[200];
    memset(deep, '[', 64);
    memset(deep + 64, ']', 64);
    deep[128] = '\0';
    CHECK(parses(deep), "64 levels of nesting read");
    memset(deep, '[', 65);
    memset(deep + 65, ']', 65);
    deep[130] = '\0';
    fails_at(deep, 130, 1, 65, "nested more than 64 deep");

    /* a number longer than the limit */
    char num[100];
    num[0] = '[';
    memset(num + 1, '7', 70);
    num[71] = ']';
    num[72] = '\0';
    fails_at(num, 72, 1, 2, "more than 64 characters");

    /* an object of more members than the limit */
    size_t cap = 16 * (WB_JSON_MAX_MEMBERS + 2);
    char *big = malloc(cap);
    size_t o = 0;
    big[o++] = '{';
    for (int i = 0; i <= WB_JSON_MAX_MEMBERS; i++)
        o += (size_t)snprintf(big + o, cap - o, "%s\"k%d\":0", i ? "," : "", i);
    big[o++] = '}';
    big[o] = '\0';
    wb_json_doc d;
    wb_json_error e;
    CHECK(wb_json_parse(big, o, &d, &e) != 0 && strstr(e.message, "more than 512 members"),
          "513 members refused: %s", e.message);
    free(big);
}

/* Every prefix of a valid document is a clean error; every single-byte change
 * a clean error or a document. */
static void test_prefixes_and_changes(const char *path)
{
    size_t size;
    uint8_t *buf = wb_test_load(path, &size);
    CHECK(buf != NULL, "cannot read %s", path);
    if (!buf)
        return;
    wb_json_doc d;
    wb_json_error e;
    CHECK(wb_json_parse((const char *)buf, size, &d, &e) == 0, "%s parses: %s", path, e.message);
    wb_json_free(&d);
    /* the last bytes are a closing brace and white space: every prefix shorter is cut */
    size_t end = size;
    while (end > 0 && (buf[end - 1] == '\n' || buf[end - 1] == ' '))
        end--;
    for (size_t n = 0; n < end; n++) {
        char *copy = malloc(n ? n : 1);
        memcpy(copy, buf, n);
        int rc = wb_json_parse(copy, n, &d, &e);
        CHECK(rc != 0, "%s cut to %zu bytes parses", path, n);
        if (rc == 0)
            wb_json_free(&d);
        else
            CHECK(e.message[0] && e.offset <= n, "cut to %zu: a message and an offset inside", n);
        free(copy);
    }
    static const uint8_t subst[] = {0x00, '"', '\\', '{', '}', '[', ']', ',', ':', '0', 'e', '-', 0xFF, 0x80};
    char *copy = malloc(size);
    for (size_t i = 0; i < size; i++)
        for (size_t k = 0; k < sizeof subst; k++) {
            memcpy(copy, buf, size);
            copy[i] = (char)subst[k];
            wb_estimate_file f;
            if (wb_estimate_file_read(copy, size, &f, &e) == 0)
                wb_estimate_file_free(&f);
            else
                CHECK(e.message[0] && e.offset <= size, "change at %zu: a message and an offset inside", i);
        }
    free(copy);
    free(buf);
}

static void test_estimate_file(const char *dir)
{
    char path[1024];
    size_t size;
    wb_estimate_file f;
    wb_json_error e;

    snprintf(path, sizeof path, "%s/c01_min.fast-interp.16k.json", dir);
    uint8_t *buf = wb_test_load(path, &size);
    CHECK(buf != NULL, "cannot read %s", path);
    if (!buf)
        return;
    CHECK(wb_estimate_file_read((const char *)buf, size, &f, &e) == 0, "%s: %s", path, e.message);
    uint64_t v = 0;
    int b = 0;
    CHECK(wb_est_u64(&f, "estimate.total", &v) && v == 334762, "estimate.total = %llu", (unsigned long long)v);
    CHECK(wb_est_u64(&f, "settings.stack_size", &v) && v == 16384, "settings.stack_size");
    CHECK(wb_est_u64(&f, "estimate.pools.global_heap", &v) && v == 61286, "pools flattened");
    CHECK(wb_est_bool(&f, "stack.bounded", &b) && b == 1, "stack.bounded");
    CHECK(wb_est_str(&f, "mode") && strcmp(wb_est_str(&f, "mode"), "fast-interp") == 0, "mode");
    CHECK(f.wamr_version == NULL, "no wamr_version in a file from before the field");
    CHECK(f.item_count == 16, "16 items, got %u", f.item_count);
    CHECK(strcmp(f.items[5].key, "load.fast_interp_code") == 0 && f.items[5].bytes == 35932 &&
              strcmp(f.items[5].pool, "global_heap") == 0 && !f.items[5].upper_bound,
          "item 5");
    CHECK(f.items[8].upper_bound, "load.transient is a bound");
    CHECK(!wb_est_field_get(&f, "stack.worst_path") && !wb_est_field_get(&f, "diagnostics"),
          "arrays other than items are not fields");
    wb_estimate_file_free(&f);

    /* a later checker's file: wamr_version, operand_stack{} and fields nobody knows yet */
    snprintf(path, sizeof path, "%s/c01_min.fast-interp.16k.v245.json", dir);
    free(buf);
    buf = wb_test_load(path, &size);
    CHECK(buf && wb_estimate_file_read((const char *)buf, size, &f, &e) == 0, "%s: %s", path, e.message);
    if (buf) {
        CHECK(f.wamr_version && strcmp(f.wamr_version, "2.4.5") == 0, "wamr_version read");
        CHECK(wb_est_u64(&f, "operand_stack.max_bytes", &v) && v == 640, "operand_stack.max_bytes");
        const wb_est_field *r = wb_est_field_get(&f, "a_field_of_a_later_checker.ratio");
        CHECK(r && r->kind == WB_EST_NUMBER && strcmp(r->text, "0.25") == 0, "an unknown number kept as written");
        r = wb_est_field_get(&f, "stack.unbounded_reason");
        CHECK(r && r->kind == WB_EST_NULL, "null kept");
        wb_estimate_file_free(&f);
    }
    free(buf);

    /* what makes a file not an estimate, with the line of the fault */
    static const struct {
        const char *text;
        unsigned line;
        const char *why;
    } bad[] = {
        {"[1]", 1, "expected an object"},
        {"{\"estimate\": {}}", 1, "no \"schema\""},
        {"{\"schema\": \"wamr-budget-diff/1\"}", 1, "expected \"wamr-budget/1\""},
        {"{\"schema\": \"wamr-budget/1\",\n \"estimate\": 3}", 2, "\"estimate\" must be an object"},
        {"{\"schema\": \"wamr-budget/1\",\n \"estimate\": {\"runtime_init\": 1}}", 2, "estimate.module_load is missing"},
        {"{\"schema\": \"wamr-budget/1\", \"estimate\": {\"runtime_init\": -1}}", 1,
         "estimate.runtime_init must be a whole number"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int rc = wb_estimate_file_read(bad[i].text, strlen(bad[i].text), &f, &e);
        CHECK(rc != 0, "bad estimate %zu read", i);
        if (rc == 0) {
            wb_estimate_file_free(&f);
            continue;
        }
        CHECK(strstr(e.message, bad[i].why) && e.line == bad[i].line, "bad estimate %zu: '%s' at line %u", i,
              e.message, (unsigned)e.line);
    }

    /* the contract's fields with items of the wrong shape */
#define CONTRACT                                                                                   \
    "{\"schema\": \"wamr-budget/1\", %s\"estimate\": {\"runtime_init\": 1, \"module_load\": 1, "           \
    "\"module_load_peak\": 1, \"exec_memory\": 0, \"instance\": 1, \"exec_env\": 1, \"per_thread\": 1, "   \
    "\"linear_memory_initial\": 1, \"linear_memory_max\": 1, \"native_stacks\": 0, "                      \
    "\"module_buffer\": 1, \"total\": 9, \"items\": %s}}"
    static const struct {
        const char *before, *items, *why;
    } items[] = {
        {"", "[]", NULL},
        {"\"wamr_version\": \"2.1.0\", ", "[{\"key\": \"a\", \"pool\": \"global_heap\", \"bytes\": 3}]", NULL},
        {"\"wamr_version\": \"\", ", "[]", "wamr_version must be a non-empty string"},
        {"\"wamr_version\": 2, ", "[]", "wamr_version must be a non-empty string"},
        {"", "{}", "estimate.items must be an array"},
        {"", "[3]", "estimate.items[0] must be an object"},
        {"", "[{\"pool\": \"g\", \"bytes\": 1}]", "estimate.items[0].key"},
        {"", "[{\"key\": \"a\", \"bytes\": 1}]", "estimate.items[0].pool"},
        {"", "[{\"key\": \"a\", \"pool\": \"g\", \"bytes\": 1.5}]", "estimate.items[0].bytes"},
        {"", "[{\"key\": \"a\", \"pool\": \"g\", \"bytes\": 1, \"upper_bound\": 1}]", "upper_bound"},
    };
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
        char text[1024];
        snprintf(text, sizeof text, CONTRACT, items[i].before, items[i].items);
        int rc = wb_estimate_file_read(text, strlen(text), &f, &e);
        if (!items[i].why) {
            CHECK(rc == 0, "items case %zu reads: %s", i, e.message);
            if (rc == 0)
                wb_estimate_file_free(&f);
        } else {
            CHECK(rc != 0 && strstr(e.message, items[i].why), "items case %zu: '%s', expected '%s'", i,
                  rc ? e.message : "(read)", items[i].why);
            if (rc == 0)
                wb_estimate_file_free(&f);
        }
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s JSON_FIXTURE_DIR\n", argv[0]);
        return 2;
    }
    test_values();
    test_errors();
    test_estimate_file(argv[1]);
    char path[1024];
    snprintf(path, sizeof path, "%s/c01_min.fast-interp.16k.v245.json", argv[1]);
    test_prefixes_and_changes(path);
    if (failures)
        fprintf(stderr, "%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
