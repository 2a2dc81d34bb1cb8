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

int main(int argc, char **argv)
{
    const char *dir, *xz_dir;
    buf small, c01;

    if (argc < 2) {
        fprintf(stderr, "usage: test_aot DATA_DIR [DECOMPRESSED_DIR]\n");
        return 2;
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
