/* Tests of the .aot reader: exact facts of real wamrc files, clean errors on bad ones. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/wb_test.h"
#include "read/aot_reader.h"

typedef struct buf {
    uint8_t *data;
    size_t size;
} buf;

static buf load(const char *dir, const char *name)
{
    char path[1024];
    buf b;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    b.data = wb_test_load(path, &b.size);
    return b;
}

/*
 * Expected facts.  Code and section sizes, arch and function counts are
 * facts.aot.<target> and runs[].runtime_internals of calibration/
 * measurements.json; module shape (memory, tables, globals, exports, aux
 * stack) agrees with facts.wasm and memory_instance of the same modules.
 */
typedef struct expect {
    const char *file;
    int compressed;               /* stored as .xz, decompressed at build time */
    const char *arch;
    int is_64bit;
    uint64_t text, literal, code;
    uint64_t sec[6];              /* target info, init data, text, function, export, relocation */
    uint32_t funcs, import_funcs;
    uint32_t ds_count;
    uint64_t ds_total, ds0;
    uint64_t mem_init, mem_max, bytes_per_page;
    int shared;
    uint32_t data_segs;
    uint64_t data_bytes;
    uint32_t tables;
    uint64_t slots;
    uint32_t elem_segs;
    uint64_t elems;
    uint32_t types, globals;
    uint64_t global_bytes;
    uint32_t exports, export_funcs;
    int malloc_free, thread_start, thread_spawn;
    uint64_t aux[4];              /* data end, heap base, stack bottom, stack size */
} expect;

static const expect expects[] = {
    {"c01_min.x86_64.aot", 0, "x86_64", 1, 13032, 0, 13028, {48, 228, 13032, 500, 75, 1152},
     25, 1, 0, 0, 0, 2, 4, 65536, 0, 0, 0, 1, 1, 0, 0, 4, 3, 12, 4, 1, 0, 0, 0,
     {5632, 22016, 22016, 16384}},
    {"c01_min.i386.aot", 0, "i386", 0, 20700, 0, 20696, {48, 352, 20700, 400, 75, 2148},
     25, 1, 1, 100, 100, 2, 4, 65536, 0, 0, 0, 1, 1, 0, 0, 4, 3, 12, 4, 1, 0, 0, 0,
     {5632, 22016, 22016, 16384}},
    {"c01_min.thumbv7em.aot", 0, "thumbv7em", 0, 17816, 0, 17812, {48, 352, 17816, 400, 75, 2548},
     25, 1, 1, 100, 100, 2, 4, 65536, 0, 0, 0, 1, 1, 0, 0, 4, 3, 12, 4, 1, 0, 0, 0,
     {5632, 22016, 22016, 16384}},
    {"t01_threads1.x86_64.aot", 0, "x86_64", 1, 512, 0, 508, {48, 160, 512, 40, 63, 328},
     2, 1, 0, 0, 0, 1, 1, 65536, 1, 0, 0, 0, 0, 0, 0, 3, 0, 0, 3, 2, 0, 1, 1, {0, 0, 0, 0}},
    {"t01_threads1.i386.aot", 0, "i386", 0, 604, 0, 600, {48, 192, 604, 32, 63, 352},
     2, 1, 1, 8, 8, 1, 1, 65536, 1, 0, 0, 0, 0, 0, 0, 3, 0, 0, 3, 2, 0, 1, 1, {0, 0, 0, 0}},
    {"t01_threads1.thumbv7em.aot", 0, "thumbv7em", 0, 532, 0, 528, {48, 192, 532, 32, 63, 384},
     2, 1, 1, 8, 8, 1, 1, 65536, 1, 0, 0, 0, 0, 0, 0, 3, 0, 0, 3, 2, 0, 1, 1, {0, 0, 0, 0}},
    {"t02_threads3.x86_64.aot", 0, "x86_64", 1, 8160, 0, 8156, {48, 9208, 8160, 1320, 47, 428},
     66, 1, 0, 0, 0, 2, 64, 65536, 1, 1, 8192, 1, 64, 1, 64, 3, 20, 120, 2, 2, 0, 1, 1,
     {0, 0, 0, 0}},
    {"t03_threads2_aux.x86_64.aot", 0, "x86_64", 1, 23748, 0, 23744,
     {48, 2492, 23748, 4040, 103, 376}, 202, 1, 0, 0, 0, 1, 1, 19456, 1, 1, 2048, 1, 16, 1, 16,
     3, 7, 36, 5, 2, 0, 1, 1, {3072, 19456, 19456, 16384}},
    {"c16_nogrow.x86_64.aot", 0, "x86_64", 1, 15680, 0, 15676, {48, 10448, 15680, 1040, 76, 2120},
     52, 0, 0, 0, 0, 1, 1, 31760, 0, 2, 10240, 0, 0, 0, 0, 3, 3, 12, 4, 1, 0, 0, 0,
     {15376, 31760, 31760, 16384}},
    {"c19_float_mem.x86_64.aot", 1, "x86_64", 1, 181200, 0, 181196,
     {48, 7480, 181200, 3300, 75, 86496}, 165, 1, 2, 7200, 4800, 2, 16, 65536, 0, 0, 0, 1, 1, 0,
     0, 5, 3, 12, 4, 1, 0, 0, 0, {6160, 22544, 22544, 16384}},
    {"c08_exports_malloc.x86_64.aot", 1, "x86_64", 1, 223964, 0, 223960,
     {48, 228, 223964, 16320, 6089, 776}, 816, 1, 0, 0, 0, 2, 32, 65536, 0, 0, 0, 1, 1, 0, 0, 4,
     3, 12, 405, 402, 1, 0, 0, {1536, 17920, 17920, 16384}},
};

static void check_facts(const expect *e, const wb_aot_facts *f)
{
    const char *n = e->file;
    CHECK(strcmp(f->arch, e->arch) == 0, "%s: arch '%s', expected '%s'", n, f->arch, e->arch);
    CHECK_U(n, f->version, 6);
    CHECK_U(n, f->is_64bit, e->is_64bit);
    CHECK_U(n, f->e_type, 1);
    CHECK_U(n, f->xip, 0);
    CHECK_U(n, f->text_section_bytes, e->text);
    CHECK_U(n, f->text_literal_bytes, e->literal);
    CHECK_U(n, f->text_code_bytes, e->code);
    for (int i = 0; i < 6; i++)
        CHECK(f->section_bytes[i] == e->sec[i], "%s: section_bytes[%d] = %llu, expected %llu", n,
              i, (unsigned long long)f->section_bytes[i], (unsigned long long)e->sec[i]);
    CHECK_U(n, f->custom_section_bytes, 0);
    CHECK_U(n, f->func_count, e->funcs);
    CHECK_U(n, f->init_func_count, e->funcs);
    CHECK_U(n, f->import_func_count, e->import_funcs);
    CHECK_U(n, f->data_section_count, e->ds_count);
    CHECK_U(n, f->data_section_bytes_total, e->ds_total);
    if (e->ds_count)
        CHECK_U(n, f->data_section_bytes[0], e->ds0);
    CHECK_U(n, f->memory_count, 1);
    CHECK_U(n, f->memory_init_pages, e->mem_init);
    CHECK_U(n, f->memory_max_pages, e->mem_max);
    CHECK_U(n, f->memory_num_bytes_per_page, e->bytes_per_page);
    CHECK_U(n, f->memory_shared, e->shared);
    CHECK_U(n, f->mem_init_data_count, e->data_segs);
    CHECK_U(n, f->mem_init_data_bytes, e->data_bytes);
    CHECK_U(n, f->table_count + f->import_table_count, e->tables);
    CHECK_U(n, f->table_slots_total, e->slots);
    CHECK_U(n, f->table_init_data_count, e->elem_segs);
    CHECK_U(n, f->table_init_elements, e->elems);
    CHECK_U(n, f->type_count, e->types);
    CHECK_U(n, f->global_count + f->import_global_count, e->globals);
    CHECK_U(n, f->global_value_bytes, e->global_bytes);
    CHECK_U(n, f->export_count, e->exports);
    CHECK_U(n, f->export_func_count, e->export_funcs);
    CHECK_U(n, f->exports_malloc_free, e->malloc_free);
    CHECK_U(n, f->exports_wasi_thread_start, e->thread_start);
    CHECK_U(n, f->imports_thread_spawn, e->thread_spawn);
    CHECK_U(n, f->start_func_index, 0xffffffffu);
    CHECK_U(n, f->aux_data_end, e->aux[0]);
    CHECK_U(n, f->aux_heap_base, e->aux[1]);
    CHECK_U(n, f->aux_stack_bottom, e->aux[2]);
    CHECK_U(n, f->aux_stack_size, e->aux[3]);
}

static void test_exact_facts(const char *dir, const char *xz_dir)
{
    for (size_t i = 0; i < sizeof expects / sizeof expects[0]; i++) {
        const expect *e = &expects[i];
        wb_aot_facts f;
        wb_error err;
        buf b;
        if (e->compressed && !xz_dir) {
            printf("skip %s: no decompressed copy\n", e->file);
            continue;
        }
        b = load(e->compressed ? xz_dir : dir, e->file);
        CHECK(b.data != NULL, "%s: cannot read fixture", e->file);
        if (!b.data)
            continue;
        CHECK(wb_aot_is_aot(b.data, b.size), "%s: not recognised as .aot", e->file);
        if (wb_aot_read(b.data, b.size, &f, &err) != 0)
            CHECK(0, "%s: %s at %zu: %s", e->file, err.section, err.offset, err.message);
        else
            check_facts(e, &f);
        CHECK_U(e->file, f.file_bytes, b.size);
        free(b.data);
    }
}

/* ---- malformed input ---- */

static void check_clean_error(const char *what, const wb_error *err, size_t size)
{
    CHECK(err->section != NULL, "%s: error without a section", what);
    CHECK(err->message[0] != 0, "%s: error without a message", what);
    CHECK(err->offset <= size, "%s: error offset %zu past the %zu-byte input", what, err->offset,
          size);
}

/* Every proper prefix is an error (the relocation section ends the file). */
static void test_prefixes(const buf *b, const char *name)
{
    for (size_t len = 0; len < b->size; len++) {
        wb_aot_facts f;
        wb_error err;
        uint8_t *copy = malloc(len ? len : 1); /* exact size: ASan sees any overread */
        char what[96];
        memcpy(copy, b->data, len);
        snprintf(what, sizeof what, "%s prefix %zu", name, len);
        CHECK(wb_aot_read(copy, len, &f, &err) == -1, "%s: accepted", what);
        check_clean_error(what, &err, len);
        free(copy);
    }
}

/* Every single-byte change in [from, to): success or a clean error. */
static void test_byte_changes(const buf *b, const char *name, size_t from, size_t to)
{
    static const uint8_t flips[] = {0x01, 0x02, 0x04, 0x10, 0x80, 0xff};
    uint8_t *copy = malloc(b->size);
    memcpy(copy, b->data, b->size);
    if (to > b->size)
        to = b->size;
    for (size_t i = from; i < to; i++) {
        for (size_t k = 0; k < sizeof flips + 1; k++) {
            wb_aot_facts f;
            wb_error err;
            char what[96];
            copy[i] = k < sizeof flips ? (uint8_t)(b->data[i] ^ flips[k]) : 0;
            snprintf(what, sizeof what, "%s byte %zu = 0x%02x", name, i, copy[i]);
            if (wb_aot_read(copy, b->size, &f, &err) == 0) {
                CHECK(f.text_section_bytes <= b->size, "%s: text larger than the file", what);
                CHECK((uint64_t)f.func_count * 16 <= b->size, "%s: %u functions", what,
                      f.func_count);
                CHECK(f.data_section_bytes_total <= b->size, "%s: data sections", what);
                CHECK(f.mem_init_data_bytes <= b->size, "%s: data segments", what);
            } else {
                check_clean_error(what, &err, b->size);
            }
        }
        copy[i] = b->data[i];
    }
    free(copy);
}

/* Section header offsets, found independently of the reader. */
static size_t section_header(const buf *b, uint32_t type)
{
    size_t p = 8;
    while (p + 8 <= b->size) {
        uint32_t t, len;
        p = (p + 3) & ~(size_t)3;
        memcpy(&t, b->data + p, 4);
        memcpy(&len, b->data + p + 4, 4);
        if (t == type)
            return p;
        p += 8 + len;
    }
    return 0;
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static int read_patched(const buf *b, size_t at, uint32_t value, size_t nbytes, wb_aot_facts *f,
                        wb_error *err)
{
    uint8_t *copy = malloc(b->size);
    int rc;
    memcpy(copy, b->data, b->size);
    if (nbytes == 4)
        put32(copy + at, value);
    else if (nbytes == 2) {
        copy[at] = (uint8_t)value;
        copy[at + 1] = (uint8_t)(value >> 8);
    } else
        copy[at] = (uint8_t)value;
    rc = wb_aot_read(copy, b->size, f, err);
    free(copy);
    return rc;
}

#define EXPECT_ERROR(rc, err, sec, text)                                                          \
    do {                                                                                          \
        CHECK((rc) == -1, "expected an error containing '%s'", text);                             \
        if ((rc) == -1) {                                                                         \
            CHECK((err).section && strcmp((err).section, sec) == 0,                               \
                  "section '%s', expected '%s' (%s)", (err).section ? (err).section : "(null)",   \
                  sec, (err).message);                                                            \
            CHECK(strstr((err).message, text) != NULL, "message '%s' lacks '%s'",                 \
                  (err).message, text);                                                           \
        }                                                                                         \
    } while (0)

static void test_specific_errors(const buf *b)
{
    wb_aot_facts f;
    wb_error err;
    size_t ti = section_header(b, 0), init = section_header(b, 1), text = section_header(b, 2);
    size_t func = section_header(b, 3), exp = section_header(b, 4), rel = section_header(b, 5);
    int rc;

    CHECK(ti && init && text && func && exp && rel, "fixture has all six sections");

    rc = read_patched(b, 3, 'x', 1, &f, &err);
    EXPECT_ERROR(rc, err, "header", "not a WAMR AOT file");
    CHECK_U("magic", err.offset, 0);

    /* a format outside 3..6 names the format found and the ones read */
    rc = read_patched(b, 4, 7, 4, &f, &err);
    EXPECT_ERROR(rc, err, "header", "unsupported AOT file format 7");
    CHECK(strcmp(err.message,
                 "unsupported AOT file format 7; this reader reads formats 3, 4, 5 and 6") == 0,
          "format: '%s'", err.message);
    CHECK_U("format", err.offset, 4);
    rc = read_patched(b, 4, 2, 4, &f, &err);
    EXPECT_ERROR(rc, err, "header", "unsupported AOT file format 2; this reader reads formats 3");

    rc = read_patched(b, text + 4, 0x7fffffff, 4, &f, &err);
    EXPECT_ERROR(rc, err, "text", "runs past the end of the file");
    CHECK_U("text size", err.offset, text);

    rc = read_patched(b, func, 4, 4, &f, &err);
    EXPECT_ERROR(rc, err, "export", "out of order");

    rc = read_patched(b, rel, 7, 4, &f, &err);
    EXPECT_ERROR(rc, err, "header", "unknown section type 7");

    rc = wb_aot_read(b->data, rel, &f, &err);
    EXPECT_ERROR(rc, err, "relocation", "relocation section missing");

    rc = read_patched(b, ti + 8 + 32 + 15, 'A', 1, &f, &err);
    EXPECT_ERROR(rc, err, "target info", "not NUL-terminated");

    rc = read_patched(b, ti + 4, 40, 4, &f, &err);
    CHECK(rc == -1, "target info of 40 bytes accepted");

    rc = read_patched(b, text + 8, 0x10000000, 4, &f, &err);
    EXPECT_ERROR(rc, err, "text", "literal size");

    rc = read_patched(b, ti + 8 + 4, 2, 2, &f, &err);
    EXPECT_ERROR(rc, err, "target info", "object file type 2");

    rc = read_patched(b, ti + 8 + 8, 2, 4, &f, &err);
    EXPECT_ERROR(rc, err, "target info", "ELF version 2, expected 1");

    /* XIP files (e_type 4) are read and flagged */
    rc = read_patched(b, ti + 8 + 4, 4, 2, &f, &err);
    CHECK(rc == 0 && f.xip == 1, "e_type 4 not read as XIP (rc %d: %s)", rc, err.message);

    /* a declared function count that does not match the function section */
    rc = read_patched(b, init + 8 + 0xf8 - 0x48, 24, 4, &f, &err);
    EXPECT_ERROR(rc, err, "function", "expected 480 for 24 functions");

    /* an init data section that does not decode is malformed: its memory and
     * data sizes are what an estimate from the .aot alone stands on */
    rc = read_patched(b, init + 8 + 0x7c - 0x48, 0x7fffffff, 4, &f, &err);
    CHECK(rc != 0 && strcmp(err.section, "init data") == 0,
          "garbage type count read (rc %d, section %s)", rc, err.section ? err.section : "-");
    rc = read_patched(b, init + 8 + 4, 0x7fffffff, 4, &f, &err);
    CHECK(rc != 0 && strcmp(err.section, "init data") == 0,
          "garbage memory count read (rc %d, section %s)", rc, err.section ? err.section : "-");

    {
        static const uint8_t wasm[] = {0, 'a', 's', 'm', 1, 0, 0, 0};
        CHECK(!wb_aot_is_aot(wasm, sizeof wasm), ".wasm recognised as .aot");
        CHECK(!wb_aot_is_aot(b->data, 3), "3 bytes recognised as .aot");
        rc = wb_aot_read(wasm, sizeof wasm, &f, &err);
        EXPECT_ERROR(rc, err, "header", "not a WAMR AOT file");
    }
}

/* ---- every format: measured facts of real files (formats.txt) ---- */

/* The facts a formats.txt column names, by that name. */
typedef struct fact_col {
    const char *name;
    uint64_t value;
} fact_col;

#define MAX_COLS 64

static size_t fact_cols(const wb_aot_facts *f, fact_col *c)
{
    size_t n = 0;
#define COL(nm, v) (c[n].name = (nm), c[n].value = (uint64_t)(v), n++)
    COL("format", f->version);
    COL("is_64bit", f->is_64bit);
    COL("e_type", f->e_type);
    COL("file_bytes", f->file_bytes);
    COL("text", f->text_section_bytes);
    COL("literal", f->text_literal_bytes);
    COL("code", f->text_code_bytes);
    COL("s_target_info", f->section_bytes[0]);
    COL("s_init_data", f->section_bytes[1]);
    COL("s_text", f->section_bytes[2]);
    COL("s_function", f->section_bytes[3]);
    COL("s_export", f->section_bytes[4]);
    COL("s_relocation", f->section_bytes[5]);
    COL("s_custom", f->custom_section_bytes);
    COL("funcs", f->func_count);
    COL("import_funcs", f->import_func_count);
    COL("obj_sections", f->data_section_count);
    COL("obj_bytes", f->data_section_bytes_total);
    COL("memories", f->memory_count);
    COL("mem_init", f->memory_init_pages);
    COL("mem_max", f->memory_max_pages);
    COL("page_bytes", f->memory_num_bytes_per_page);
    COL("shared", f->memory_shared);
    COL("data_segs", f->mem_init_data_count);
    COL("data_bytes", f->mem_init_data_bytes);
    COL("tables", f->table_count + f->import_table_count);
    COL("slots", f->table_slots_total);
    COL("elem_segs", f->table_init_data_count);
    COL("elems", f->table_init_elements);
    COL("types", f->type_count);
    COL("params", f->type_params_total);
    COL("results", f->type_results_total);
    COL("globals", f->global_count + f->import_global_count);
    COL("global_bytes", f->global_value_bytes);
    COL("exports", f->export_count);
    COL("export_funcs", f->export_func_count);
    COL("malloc_free", f->exports_malloc_free);
    COL("thread_start", f->exports_wasi_thread_start);
    COL("thread_spawn", f->imports_thread_spawn);
    COL("aux_data_end", f->aux_data_end);
    COL("aux_heap_base", f->aux_heap_base);
    COL("aux_stack_bottom", f->aux_stack_bottom);
    COL("aux_stack_size", f->aux_stack_size);
#undef COL
    return n;
}

static const char *elem_offsets_name(uint8_t e)
{
    return e == WB_AOT_ELEM_OFFSETS_VALUE ? "value" : e == WB_AOT_ELEM_OFFSETS_EXPR ? "expr" : "none";
}

/* Split line into whitespace-separated tokens (in place). */
static size_t split(char *line, char **tok, size_t max)
{
    size_t n = 0;
    for (char *p = strtok(line, " \t\r\n"); p && n < max; p = strtok(NULL, " \t\r\n"))
        tok[n++] = p;
    return n;
}

/* One fixture against its row: every column is a fact the reader gives or
 * '-' (not measured). */
static void check_row(const char *dir, char **col, char **val, size_t ncols, unsigned *checked,
                      unsigned *unmeasured)
{
    const char *file = val[0];
    char path[1024];
    wb_aot_facts f;
    wb_error err;
    fact_col facts[MAX_COLS];
    size_t nf;
    buf b;

    snprintf(path, sizeof path, "%s/%s", dir, file);
    b.data = wb_test_load(path, &b.size);
    CHECK(b.data != NULL, "%s: cannot read the fixture", path);
    if (!b.data)
        return;
    if (wb_aot_read(b.data, b.size, &f, &err) != 0) {
        CHECK(0, "%s: %s at %zu: %s", file, err.section, err.offset, err.message);
        free(b.data);
        return;
    }
    free(b.data);
    nf = fact_cols(&f, facts);
    for (size_t i = 1; i < ncols; i++) {
        if (strcmp(val[i], "-") == 0) {
            (*unmeasured)++;
            continue;
        }
        (*checked)++;
        if (strcmp(col[i], "arch") == 0) {
            CHECK(strcmp(f.arch, val[i]) == 0, "%s: arch '%s', measured '%s'", file, f.arch,
                  val[i]);
            continue;
        }
        if (strcmp(col[i], "elem_offsets") == 0) {
            CHECK(strcmp(elem_offsets_name(f.elem_offsets), val[i]) == 0,
                  "%s: element offsets '%s', expected '%s'", file,
                  elem_offsets_name(f.elem_offsets), val[i]);
            continue;
        }
        size_t k = 0;
        while (k < nf && strcmp(facts[k].name, col[i]) != 0)
            k++;
        CHECK(k < nf, "formats.txt: column '%s' is no fact of the reader", col[i]);
        if (k < nf)
            CHECK(facts[k].value == strtoull(val[i], NULL, 10), "%s: %s = %llu, measured %s",
                  file, col[i], (unsigned long long)facts[k].value, val[i]);
    }
    /* only one layout fits these: nothing read as an extended const */
    CHECK_U(file, f.extended_const_exprs, 0);
}

/* formats.txt rows against the prepared fixtures; every fixture named on
 * the command line has a row and every row a fixture. */
static int test_formats(const char *table, const char *dir, int nfiles, char **files)
{
    FILE *fp = fopen(table, "r");
    char line[2048], header[2048];
    char *col[MAX_COLS], *val[MAX_COLS];
    size_t ncols = 0;
    unsigned rows = 0, checked = 0, unmeasured = 0, per_format[7] = {0};
    int *seen = calloc((size_t)nfiles + 1, sizeof *seen);

    if (!fp) {
        perror(table);
        free(seen);
        return 1;
    }
    while (fgets(line, sizeof line, fp)) {
        if (line[0] == '#') {
            /* the last comment line names the columns */
            snprintf(header, sizeof header, "%s", line + 1);
            ncols = split(header, col, MAX_COLS);
            continue;
        }
        size_t n = split(line, val, MAX_COLS);
        if (n == 0)
            continue;
        CHECK(ncols > 2 && strcmp(col[0], "file") == 0, "formats.txt: no header line");
        CHECK(n == ncols, "formats.txt: %s has %zu columns, the header %zu", val[0], n, ncols);
        if (n != ncols || ncols < 2)
            continue;
        int k = 0;
        while (k < nfiles && strcmp(files[k], val[0]) != 0)
            k++;
        CHECK(k < nfiles, "formats.txt: %s is no fixture", val[0]);
        seen[k] = 1;
        check_row(dir, col, val, ncols, &checked, &unmeasured);
        if (strcmp(col[1], "format") == 0 && atoi(val[1]) >= 3 && atoi(val[1]) <= 6)
            per_format[atoi(val[1])]++;
        rows++;
    }
    fclose(fp);
    for (int k = 0; k < nfiles; k++)
        CHECK(seen[k], "fixture %s has no row in formats.txt", files[k]);
    for (int v = 3; v <= 6; v++)
        CHECK(per_format[v] > 0, "no fixture of format %d", v);
    free(seen);
    printf("formats: %u files (format 3: %u, 4: %u, 5: %u, 6: %u), %u facts checked, %u not "
           "measured\n",
           rows, per_format[3], per_format[4], per_format[5], per_format[6], checked, unmeasured);
    return 0;
}

/* ---- every format: layouts, relabelled files, malformed input ---- */

static void put_le(uint8_t *p, uint32_t v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static int read_as(const buf *b, uint32_t format, wb_aot_facts *f, wb_error *err)
{
    uint8_t *copy = malloc(b->size);
    int rc;
    memcpy(copy, b->data, b->size);
    put_le(copy + 4, format, 4);
    rc = wb_aot_read(copy, b->size, f, err);
    free(copy);
    return rc;
}

/* b with the n bytes at `at` replaced by `with`, and the init data section
 * size (always at offset 68 behind a 48-byte target info) adjusted. */
static buf splice_init(const buf *b, size_t at, size_t n, const uint8_t *with, size_t with_n)
{
    buf o;
    uint32_t sec;
    o.size = b->size - n + with_n;
    o.data = malloc(o.size);
    memcpy(o.data, b->data, at);
    memcpy(o.data + at, with, with_n);
    memcpy(o.data + at + with_n, b->data + at + n, b->size - at - n);
    memcpy(&sec, b->data + 68, 4);
    put_le(o.data + 68, (uint32_t)(sec - n + with_n), 4);
    return o;
}

/* Facts that must not depend on the layout a file was read in. */
static void check_same_shape(const char *what, const wb_aot_facts *a, const wb_aot_facts *b)
{
    CHECK_U(what, a->func_count, b->func_count);
    CHECK_U(what, a->mem_init_data_count, b->mem_init_data_count);
    CHECK_U(what, a->mem_init_data_bytes, b->mem_init_data_bytes);
    CHECK_U(what, a->table_init_data_count, b->table_init_data_count);
    CHECK_U(what, a->table_init_elements, b->table_init_elements);
    CHECK_U(what, a->global_value_bytes, b->global_value_bytes);
    CHECK_U(what, a->data_section_bytes_total, b->data_section_bytes_total);
    CHECK_U(what, a->aux_stack_size, b->aux_stack_size);
}

/*
 * t02_threads3 has one element segment, one data segment at i32.const 1024
 * and 20 globals.  In its file of each format: read as every other format
 * (the layouts decide, not the number), an extended constant expression
 * spliced in as the data segment offset, the element offsets reported.
 */
static void test_layouts(const char *data_dir)
{
    buf t02[7];
    char name[64];
    wb_aot_facts f, g;
    wb_error err;
    int rc;

    for (int v = 3; v <= 6; v++) {
        snprintf(name, sizeof name, "format%d/t02_threads3.x86_64.aot", v);
        t02[v] = load(data_dir, name);
        CHECK(t02[v].data != NULL, "%s/%s: cannot read", data_dir, name);
        if (!t02[v].data)
            return;
    }
    for (int v = 3; v <= 6; v++) {
        const int value_layout = v <= 4; /* these format-4 files come from the first layout */
        rc = wb_aot_read(t02[v].data, t02[v].size, &f, &err);
        CHECK(rc == 0, "format %d t02: %s", v, err.message);
        if (rc)
            continue;
        CHECK_U("t02 format", f.version, v);
        CHECK_U("t02 elem offsets", f.elem_offsets,
                value_layout ? WB_AOT_ELEM_OFFSETS_VALUE : WB_AOT_ELEM_OFFSETS_EXPR);
        /* the numbers differ, the layouts decide: a value-layout file reads
         * as 3 and 4, an expression-layout file as 4, 5 and 6 */
        for (uint32_t as = 3; as <= 6; as++) {
            const int fits = value_layout ? as <= 4 : as >= 4;
            char what[64];
            snprintf(what, sizeof what, "format %d t02 read as format %u", v, as);
            rc = read_as(&t02[v], as, &g, &err);
            if (!fits) {
                EXPECT_ERROR(rc, err, "init data", "");
                continue;
            }
            CHECK(rc == 0, "%s: %s", what, err.message);
            if (rc)
                continue;
            CHECK_U(what, g.version, as);
            CHECK_U(what, g.elem_offsets, f.elem_offsets);
            check_same_shape(what, &f, &g);
        }

        /* i32.add(1024, 0) for i32.const 1024: 12 bytes longer */
        {
            static const uint8_t add[20] = {0x6a, 0, 0, 0, 0x41, 0, 0, 0, 0, 4, 0, 0,
                                            0x41, 0, 0, 0, 0, 0, 0, 0};
            buf x;
            CHECK(t02[v].data[108] == 0x41 && t02[v].data[112] == 0 && t02[v].data[113] == 4,
                  "format %d t02: the data segment offset is not i32.const 1024 at 108", v);
            x = splice_init(&t02[v], 108, 8, add, sizeof add);
            rc = wb_aot_read(x.data, x.size, &g, &err);
            if (value_layout) {
                EXPECT_ERROR(rc, err, "init data", "");
                /* format 3 has one layout: its own words; format 4 says
                 * what the layout that got furthest found */
                if (v == 3)
                    CHECK(strstr(err.message, "extended constant expression in a format "
                                              "without them") != NULL,
                          "format 3 extended const: '%s'", err.message);
            } else {
                CHECK(rc == 0, "format %d extended const: %s", v, err.message);
                if (rc == 0) {
                    CHECK_U("extended consts", g.extended_const_exprs, 1);
                    check_same_shape("extended const", &f, &g);
                }
            }
            /* an expression-layout file read as format 4 keeps it */
            if (!value_layout) {
                uint8_t *p = x.data;
                put_le(p + 4, 4, 4);
                rc = wb_aot_read(x.data, x.size, &g, &err);
                CHECK(rc == 0 && g.extended_const_exprs == 1 &&
                          g.elem_offsets == WB_AOT_ELEM_OFFSETS_EXPR,
                      "format %d extended const read as 4: rc %d, %s", v, rc, err.message);
            }
            free(x.data);
        }
    }

    /* an init data section whose one element segment decodes both ways (a
     * single value that is an empty expression): format 4 cannot tell which
     * layout it has, and says so; 3 and 5 each read it their way */
    {
        static const uint32_t words[] = {
            0, 0, 0,                 /* memories: imported, defined, data segments */
            0, 0, 1,                 /* tables: imported, defined, element segments */
            0, 0x70, 0,              /* mode, elem type, table index */
            0x41, 0, 0x70, 0, 1, 0,  /* offset, ref type info, values... */
            0, 0, 0, 0,              /* types, imported globals, globals, imported funcs */
            0, 0xffffffffu,          /* functions, start */
            0xffffffffu, 0, 0, 0xffffffffu, 0, 0, 0xffffffffu, 0, 0, 0, /* aux globals */
            0};                      /* object data sections */
        const buf *b = &t02[5];
        size_t ti = 16 + 48, text;
        uint32_t len;
        buf x;
        memcpy(&len, b->data + ti + 4, 4);
        text = ti + 8 + len;
        x.size = ti + 8 + sizeof words + (b->size - text);
        x.data = malloc(x.size);
        memcpy(x.data, b->data, ti);
        put_le(x.data + ti, 1, 4);
        put_le(x.data + ti + 4, (uint32_t)sizeof words, 4);
        for (size_t i = 0; i < sizeof words / 4; i++)
            put_le(x.data + ti + 8 + 4 * i, words[i], 4);
        memcpy(x.data + ti + 8 + sizeof words, b->data + text, b->size - text);
        for (uint32_t as = 3; as <= 5; as++) {
            put_le(x.data + 4, as, 4);
            rc = wb_aot_read(x.data, x.size, &g, &err);
            CHECK(rc == -1, "crafted init data read as format %u: accepted", as);
            if (as == 4)
                EXPECT_ERROR(rc, err, "init data", "read both as offset values and as offset "
                                                   "expressions");
            else
                CHECK(rc == -1 && strcmp(err.section, "init data") != 0,
                      "crafted init data as format %u: %s: %s", as, err.section, err.message);
        }
        free(x.data);
    }

    /* WAMR 1.x files have a 36-byte target info: the reader says so */
    {
        const buf *b = &t02[3];
        buf x;
        x.size = b->size - 12;
        x.data = malloc(x.size);
        memcpy(x.data, b->data, 16 + 16);                 /* header, bin_type .. e_flags */
        put_le(x.data + 12, 36, 4);
        memset(x.data + 32, 0, 4);                        /* reserved */
        memcpy(x.data + 36, b->data + 16 + 32, 16);       /* arch */
        memcpy(x.data + 52, b->data + 64, b->size - 64);  /* the other sections */
        rc = wb_aot_read(x.data, x.size, &g, &err);
        EXPECT_ERROR(rc, err, "target info", "section is 36 bytes, expected 48: the layout of "
                                             "WAMR 1.x files");
        free(x.data);
    }

    /* a GC build lays out types and tables otherwise: refused, not misread */
    for (int v = 3; v <= 6; v++) {
        rc = read_patched(&t02[v], 16 + 16, 0x10, 1, &f, &err);
        EXPECT_ERROR(rc, err, "target info", "garbage collection");
    }
    for (int v = 3; v <= 6; v++)
        free(t02[v].data);
}

/* Every prefix and single-byte change of each format's small files. */
static void test_malformed_formats(const char *data_dir)
{
    for (int v = 3; v <= 6; v++) {
        char name[64], what[64];
        buf t01, t02;
        snprintf(name, sizeof name, "format%d/t01_threads1.i386.aot", v);
        t01 = load(data_dir, name);
        snprintf(name, sizeof name, "format%d/t02_threads3.x86_64.aot", v);
        t02 = load(data_dir, name);
        CHECK(t01.data && t02.data, "format %d: missing t01/t02 fixtures in %s", v, data_dir);
        if (t01.data && t02.data) {
            size_t init_end;
            uint32_t init_len;
            memcpy(&init_len, t02.data + 68, 4);
            init_end = 72 + init_len;
            snprintf(what, sizeof what, "format %d t01_threads1.i386", v);
            test_prefixes(&t01, what);
            test_byte_changes(&t01, what, 0, t01.size);
            snprintf(what, sizeof what, "format %d t02_threads3.x86_64", v);
            test_prefixes(&t02, what);
            /* headers, target info, and the init data section where the
             * layouts differ (memories, tables, element segments, globals) */
            test_byte_changes(&t02, what, 0, 400);
            test_byte_changes(&t02, what, init_end - 200, init_end + 16);
            test_byte_changes(&t02, what, t02.size - 1000, t02.size);
        }
        free(t01.data);
        free(t02.data);
    }
}

int main(int argc, char **argv)
{
    const char *dir, *xz_dir;
    buf small, c01;

    if (argc < 2) {
        fprintf(stderr, "usage: test_aot DATA_DIR [DECOMPRESSED_DIR]\n"
                        "       test_aot formats TABLE PREPARED_DIR FIXTURE...\n"
                        "       test_aot layouts DATA_DIR\n"
                        "       test_aot skip REASON\n");
        return 2;
    }
    if (strcmp(argv[1], "skip") == 0) {
        printf("skipped: %s\n", argc > 2 ? argv[2] : "");
        return 77;
    }
    if (strcmp(argv[1], "formats") == 0 || strcmp(argv[1], "layouts") == 0) {
        if (argv[1][0] == 'f') {
            if (argc < 4)
                return 2;
            if (test_formats(argv[2], argv[3], argc - 4, argv + 4))
                return 1;
        } else {
            if (argc < 3)
                return 2;
            test_layouts(argv[2]);
            test_malformed_formats(argv[2]);
        }
        if (failures) {
            fprintf(stderr, "%d check(s) failed\n", failures);
            return 1;
        }
        printf("aot reader, %s: all checks passed\n", argv[1]);
        return 0;
    }
    dir = argv[1];
    xz_dir = argc > 2 && argv[2][0] ? argv[2] : NULL;

    test_exact_facts(dir, xz_dir);

    c01 = load(dir, "c01_min.x86_64.aot");
    small = load(dir, "t01_threads1.i386.aot");
    if (!c01.data || !small.data) {
        fprintf(stderr, "missing fixtures in %s\n", dir);
        return 1;
    }
    test_specific_errors(&c01);
    test_prefixes(&small, "t01_threads1.i386");
    test_prefixes(&c01, "c01_min.x86_64");
    test_byte_changes(&small, "t01_threads1.i386", 0, small.size);
    /* c01: every byte outside the machine code (headers, init data, function,
     * export, relocation sections) and the first bytes of the text */
    test_byte_changes(&c01, "c01_min.x86_64", 0, 0x12c + 64);
    test_byte_changes(&c01, "c01_min.x86_64", c01.size - 1900, c01.size);
    free(small.data);
    free(c01.data);

    if (failures) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("aot reader: all checks passed\n");
    return 0;
}
