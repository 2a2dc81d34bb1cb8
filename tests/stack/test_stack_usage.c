/* Unit tests of the `wamrc --stack-usage` file reader. */
#include <stdio.h>
#include <string.h>

#include "read/stack_usage.h"

static int failures;

#define CHECK(cond)                                                          \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "%s:%d: FAIL: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                      \
        }                                                                    \
    } while (0)

static int parse(const char *text, wb_stack_usage *su, wb_error *err)
{
    memset(err, 0, sizeof *err);
    return wb_stack_usage_parse(text, strlen(text), su, err);
}

static void test_basic(void)
{
    wb_stack_usage su;
    wb_error err;
    CHECK(parse("WASM Module:aot_func#0\t24\tstatic\nWASM Module:aot_func#1\t0\tstatic\n", &su, &err) == 0);
    CHECK(su.count == 2);
    CHECK(su.frame_bytes[0] == 24 && su.frame_bytes[1] == 0);
    CHECK(su.max_frame == 24);
    CHECK(su.missing_count == 0 && su.dynamic_count == 0 && su.lines == 2);
    wb_stack_usage_free(&su);
    CHECK(su.frame_bytes == NULL && su.count == 0);
}

static void test_crlf_blank_and_no_final_newline(void)
{
    wb_stack_usage su;
    wb_error err;
    CHECK(parse("\r\nWASM Module:aot_func#1\t16\tstatic\r\n\nWASM Module:aot_func#0\t8\tstatic", &su, &err) == 0);
    CHECK(su.count == 2 && su.frame_bytes[0] == 8 && su.frame_bytes[1] == 16);
    wb_stack_usage_free(&su);
}

static void test_wrapper_and_body(void)
{
    wb_stack_usage su;
    wb_error err;
    /* wrapper and body are on the stack together: their sum */
    CHECK(parse("WASM Module:aot_func#0\t32\tstatic\n"
                "WASM Module:aot_func_internal#0\t100\tstatic\n"
                "WASM Module:aot_func_internal#1\t40\tstatic\n",
                &su, &err) == 0);
    CHECK(su.count == 2 && su.frame_bytes[0] == 132 && su.frame_bytes[1] == 40);
    CHECK(su.max_frame == 132);
    wb_stack_usage_free(&su);
}

static void test_qualifiers(void)
{
    wb_stack_usage su;
    wb_error err;
    CHECK(parse("WASM Module:aot_func#0\t48\tdynamic\n"
                "WASM Module:aot_func#1\t64\tdynamic,bounded\n",
                &su, &err) == 0);
    CHECK(su.count == 2 && su.dynamic[0] == 1 && su.dynamic[1] == 0);
    CHECK(su.frame_bytes[1] == 64 && su.dynamic_count == 1);
    wb_stack_usage_free(&su);
}

static void test_gaps_duplicates_and_other_symbols(void)
{
    wb_stack_usage su;
    wb_error err;
    CHECK(parse("WASM Module:aot_func#2\t8\tstatic\n"
                "WASM Module:aot_func#2\t24\tstatic\n"
                "WASM Module:some_helper\t999\tstatic\n",
                &su, &err) == 0);
    CHECK(su.count == 3 && su.missing_count == 2);
    CHECK(su.frame_bytes[0] == UINT64_MAX && su.frame_bytes[1] == UINT64_MAX);
    CHECK(su.frame_bytes[2] == 24); /* a repeated line keeps the larger frame */
    CHECK(su.max_frame == 24 && su.lines == 2);
    wb_stack_usage_free(&su);
}

static void test_empty(void)
{
    wb_stack_usage su;
    wb_error err;
    CHECK(parse("", &su, &err) == 0 && su.count == 0 && su.frame_bytes == NULL);
    wb_stack_usage_free(&su);
}

static void expect_error(const char *text, size_t line, const char *fragment)
{
    wb_stack_usage su;
    wb_error err;
    int rc = parse(text, &su, &err);
    CHECK(rc == -1);
    if (rc == -1) {
        CHECK(err.offset == line);
        CHECK(err.section && strcmp(err.section, "stack-usage") == 0);
        if (!strstr(err.message, fragment)) {
            fprintf(stderr, "FAIL: message '%s' lacks '%s'\n", err.message, fragment);
            failures++;
        }
        CHECK(su.frame_bytes == NULL && su.dynamic == NULL);
    } else {
        wb_stack_usage_free(&su);
    }
}

static void test_errors(void)
{
    expect_error("WASM Module:aot_func#0\t8\tstatic\nWASM Module:aot_func#1 8 static\n", 2, "TAB");
    expect_error("WASM Module:aot_func#0\t8x\tstatic\n", 1, "not a decimal");
    expect_error("WASM Module:aot_func#0\t99999999999999999999999\tstatic\n", 1, "not a decimal");
    expect_error("WASM Module:aot_func#0\t8\tstatik\n", 1, "unknown qualifier");
    expect_error("WASM Module:aot_func#x\t8\tstatic\n", 1, "bad function number");
    expect_error("WASM Module:aot_func#99999999999\t8\tstatic\n", 1, "bad function number");
    /* a number far beyond what the file can describe: refused, not allocated */
    expect_error("WASM Module:aot_func#4000000000\t8\tstatic\n", 0, "out of range");
    static const char nul[] = "WASM Module:aot_func#0\t8\tst\0tic\n";
    wb_stack_usage su;
    wb_error err;
    CHECK(wb_stack_usage_parse(nul, sizeof nul - 1, &su, &err) == -1 && err.offset == 1);
}

int main(void)
{
    test_basic();
    test_crlf_blank_and_no_final_newline();
    test_wrapper_and_body();
    test_qualifiers();
    test_gaps_duplicates_and_other_symbols();
    test_empty();
    test_errors();
    if (failures)
        fprintf(stderr, "%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
