/* The device log reader on WAMR's real dumps (NuttX's simulator) and on crafted logs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/device_log.h"
#include "../common/wb_test.h"

static const char *dir;

static int read_log(const char *name, wb_device_log *log)
{
    char path[1024];
    size_t size;
    wb_log_error err;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    uint8_t *buf = wb_test_load(path, &size);
    CHECK(buf != NULL, "cannot read %s", path);
    if (!buf)
        return -1;
    int rc = wb_device_log_read((const char *)buf, size, log, &err);
    CHECK(rc == 0, "%s: line %u: %s", name, (unsigned)err.line, err.message);
    free(buf);
    return rc;
}

static uint64_t fv(const wb_device_dump *d, wb_dump_field f)
{
    return d->v[f].state == WB_DV_VALUE ? d->v[f].value : UINT64_MAX;
}

/* The figures of the 2.4.5 fast-interpreter run of c01_min, as printed. */
static void expect_c01_interp(const char *what, const wb_device_dump *d, uint32_t line0)
{
    static const struct {
        wb_dump_field f;
        uint64_t v;
        uint32_t line;
    } want[] = {
        {WB_DF_MODULE_TOTAL, 40346, 16}, {WB_DF_MODULE_STRUCT, 384, 17},   {WB_DF_TYPES, 76, 18},
        {WB_DF_IMPORTS, 64, 19},         {WB_DF_FUNCS, 39634, 20},         {WB_DF_TABLES, 12, 21},
        {WB_DF_MEMORIES, 16, 22},        {WB_DF_GLOBALS, 96, 23},          {WB_DF_EXPORTS, 64, 24},
        {WB_DF_TABLE_SEGS, 0, 25},       {WB_DF_DATA_SEGS, 0, 26},         {WB_DF_CONST_STRINGS, 0, 27},
        {WB_DF_AOT_CODE, 0, 28},         {WB_DF_INST_TOTAL, 133456, 29},   {WB_DF_INST_STRUCT, 648, 30},
        {WB_DF_INST_MEMORIES, 131464, 31}, {WB_DF_INST_APP_HEAP, 0, 32},   {WB_DF_INST_TABLES, 8, 33},
        {WB_DF_INST_FUNCTIONS, 1248, 34}, {WB_DF_INST_GLOBALS, 72, 35},    {WB_DF_INST_EXPORTS, 16, 36},
        {WB_DF_EXEC_ENV_TOTAL, 16640, 37}, {WB_DF_EXEC_ENV_STRUCT, 256, 38}, {WB_DF_EXEC_ENV_STACK, 16384, 39},
        {WB_DF_TOTAL, 190442, 41},       {WB_DF_INTERP_STACK_USED, 208, 42}, {WB_DF_AUX_STACK_USED, 0, 43},
        {WB_DF_NATIVE_STACK_LEFT, 95128, 44}, {WB_DF_APP_HEAP_USED, 0, 45},
    };
    CHECK(d->complete, "%s: complete", what);
    CHECK(d->summary_header, "%s: summary header", what);
    CHECK(d->repeat_line == 0 && d->extra_count == 0, "%s: nothing repeated or unknown", what);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        CHECK(fv(d, want[i].f) == want[i].v, "%s: %s = %llu, expected %llu", what, wb_dump_field_text(want[i].f),
              (unsigned long long)fv(d, want[i].f), (unsigned long long)want[i].v);
        if (line0)
            CHECK(d->v[want[i].f].line == want[i].line + line0 - 16, "%s: %s on line %u, expected %u", what,
                  wb_dump_field_text(want[i].f), (unsigned)d->v[want[i].f].line,
                  (unsigned)(want[i].line + line0 - 16));
    }
    CHECK(d->v[WB_DF_BLOCK_ADDR_CACHE].state == WB_DV_ABSENT && d->v[WB_DF_CUSTOM_SECTIONS].state == WB_DV_ABSENT,
          "%s: no classic-interpreter or custom-section lines", what);
}

static void test_real_interp(void)
{
    wb_device_log log;
    if (read_log("w245_pool_interp.c01_min_s16384.log", &log))
        return;
    CHECK(log.dump_count == 1 && log.sample_count == 7 && log.line_count == 53, "1 dump, 7 samples, 53 lines: %u %u %u",
          log.dump_count, log.sample_count, (unsigned)log.line_count);
    if (log.dump_count == 1)
        expect_c01_interp("2.4.5 interp", &log.dumps[0], 16);
    if (log.sample_count == 7) {
        const wb_pool_sample *s = log.samples;
        CHECK(strcmp(s[0].label, "[pool] after_runtime_init") == 0, "label '%s'", s[0].label);
        CHECK(s[0].line == 10 && s[0].total == 33554040 && s[0].free == 33553856 && s[0].highmark == 184 &&
                  s[0].has_used && s[0].used == 184,
              "first sample");
        CHECK(s[6].free == 33557952 && s[6].used == 4294963384u && s[6].highmark == 68736,
              "the last sample: free above total, used wrapped as the embedder printed it");
    }
    CHECK(log.crlf_lines == 0, "LF only");
    wb_device_log_free(&log);
}

static void test_real_aot_and_versions(void)
{
    wb_device_log log;
    /* AOT, with the loader's warnings between the pool lines */
    if (read_log("w245_pool_aot.c01_min_s16384.log", &log) == 0) {
        CHECK(log.dump_count == 1 && log.sample_count == 7, "aot: 1 dump, 7 samples");
        const wb_device_dump *d = &log.dumps[0];
        CHECK(fv(d, WB_DF_AOT_CODE) == 19580 && fv(d, WB_DF_MODULE_TOTAL) == 20776, "aot code and module");
        CHECK(d->v[WB_DF_AUX_STACK_USED].state == WB_DV_NO_INFO && d->v[WB_DF_NATIVE_STACK_LEFT].state == WB_DV_NO_INFO,
              "no enough info to profile, twice");
        CHECK(d->complete, "complete");
        wb_device_log_free(&log);
    }
    /* 2.1.0 */
    if (read_log("w210_pool_interp.c01_min_s16384.log", &log) == 0) {
        CHECK(log.dump_count == 1 && fv(&log.dumps[0], WB_DF_EXEC_ENV_TOTAL) == 16632 &&
                  fv(&log.dumps[0], WB_DF_FUNCS) == 39634,
              "2.1.0 interp");
        wb_device_log_free(&log);
    }
    /* no pool: the embedder's "n/a" lines are not statistics */
    if (read_log("w245nothr_nopool_aot.c01_min_s16384.log", &log) == 0) {
        CHECK(log.dump_count == 1 && log.sample_count == 0, "no pool: 1 dump, 0 samples (%u)", log.sample_count);
        wb_device_log_free(&log);
    }
    /* main: every line behind bh_log's prefix, a custom sections line, the
     * pool in the embedder's own words */
    if (read_log("main_log_verbose.log", &log) == 0) {
        CHECK(log.dump_count == 1 && log.sample_count == 3, "main: 1 dump, 3 samples (%u, %u)", log.dump_count,
              log.sample_count);
        const wb_device_dump *d = &log.dumps[0];
        CHECK(d->complete && fv(d, WB_DF_MODULE_STRUCT) == 392 && fv(d, WB_DF_CUSTOM_SECTIONS) == 0 &&
                  fv(d, WB_DF_TOTAL) == 190490 && fv(d, WB_DF_NATIVE_STACK_LEFT) == 8382312,
              "main's dump");
        if (log.sample_count == 3)
            CHECK(strcmp(log.samples[0].label, "pool after init") == 0 && log.samples[0].total == 33554040 &&
                      log.samples[0].free == 33553856 && log.samples[0].highmark == 184 && !log.samples[0].has_used,
                  "total_size, total_free_size, highmark_size: '%s'", log.samples[0].label);
        wb_device_log_free(&log);
    }
    /* 1.x classic interpreter: the block address cache, no native stack line */
    if (read_log("classic_1x.log", &log) == 0) {
        const wb_device_dump *d = &log.dumps[0];
        CHECK(log.dump_count == 1 && d->complete && fv(d, WB_DF_BLOCK_ADDR_CACHE) == 3072 &&
                  fv(d, WB_DF_EXEC_ENV_STRUCT) == 3328 && d->v[WB_DF_NATIVE_STACK_LEFT].state == WB_DV_ABSENT &&
                  d->v[WB_DF_AOT_CODE].state == WB_DV_ABSENT,
              "classic 1.x dump");
        wb_device_log_free(&log);
    }
    /* a line of another version */
    if (read_log("unknown_field.log", &log) == 0) {
        const wb_device_dump *d = &log.dumps[0];
        CHECK(d->extra_count == 1 && strcmp(d->extra[0].name, "tags size") == 0 && d->extra[0].value == 24 &&
                  d->extra[0].section == WB_SEC_MODULE && d->extra[0].line == 16,
              "an unknown line kept: %u", d->extra_count);
        wb_device_log_free(&log);
    }
}

static void test_crafted(void)
{
    wb_device_log log;
    /* CRLF and foreign lines in between: the same figures, lines shifted */
    if (read_log("interleaved_crlf.log", &log) == 0) {
        CHECK(log.dump_count == 1 && log.sample_count == 7, "interleaved: 1 dump, 7 samples (%u %u)",
              log.dump_count, log.sample_count);
        CHECK(log.crlf_lines == log.line_count, "CRLF lines %u of %u", (unsigned)log.crlf_lines,
              (unsigned)log.line_count);
        if (log.dump_count == 1)
            expect_c01_interp("interleaved", &log.dumps[0], 0);
        wb_device_log_free(&log);
    }
    /* cut inside the instance section */
    if (read_log("truncated.log", &log) == 0) {
        const wb_device_dump *d = &log.dumps[0];
        CHECK(log.dump_count == 1 && !d->complete && fv(d, WB_DF_INST_MEMORIES) == 131464 &&
                  d->v[WB_DF_INST_TABLES].state == WB_DV_ABSENT && d->last_line == 31,
              "truncated dump kept as far as it goes");
        wb_device_log_free(&log);
    }
    /* two dumps mixed */
    if (read_log("garbled.log", &log) == 0) {
        const wb_device_dump *d = &log.dumps[0];
        CHECK(log.dump_count == 1 && d->repeat_line == 5 && d->repeat_field == WB_DF_MODULE_STRUCT &&
                  fv(d, WB_DF_MODULE_STRUCT) == 384,
              "repeat at line %u", (unsigned)d->repeat_line);
        wb_device_log_free(&log);
    }
    /* two runs */
    if (read_log("two_runs.log", &log) == 0) {
        CHECK(log.dump_count == 2 && log.sample_count == 14, "two runs: %u dumps, %u samples", log.dump_count,
              log.sample_count);
        if (log.dump_count == 2)
            CHECK(fv(&log.dumps[1], WB_DF_AOT_CODE) == 19580 && log.dumps[1].first_line == 70, "second dump at %u",
                  (unsigned)log.dumps[1].first_line);
        wb_device_log_free(&log);
    }
    if (read_log("no_dump.log", &log) == 0) {
        CHECK(log.dump_count == 0 && log.sample_count == 0, "no dump");
        wb_device_log_free(&log);
    }
    if (read_log("pool_only.log", &log) == 0) {
        CHECK(log.dump_count == 0 && log.sample_count == 3 && log.samples[2].highmark == 70160 &&
                  strcmp(log.samples[2].label, "I (1203) wasm: pool") == 0,
              "pool only: '%s'", log.sample_count ? log.samples[0].label : "");
        wb_device_log_free(&log);
    }
}

static void test_lines(void)
{
    static const struct {
        const char *text;
        int dumps, samples;
        wb_dump_field f;
        uint64_t value;
    } cases[] = {
        /* prefixes that end in a delimiter, and indentation */
        {"I (12) wamr: WASM module memory consumption, total size: 7\n", 1, 0, WB_DF_MODULE_TOTAL, 7},
        {"<inf> wamr: Exec env memory consumption, total size: 9\n", 1, 0, WB_DF_EXEC_ENV_TOTAL, 9},
        {"| Total app heap used: 5\n", 1, 0, WB_DF_APP_HEAP_USED, 5},
        /* not the dump: words glued to another word, no value, a value with more after it */
        {"MyTotal app heap used: 5\n", 0, 0, WB_DF_COUNT, 0},
        {"My Total app heap used: 5\n", 0, 0, WB_DF_COUNT, 0},
        {"Total app heap used: five\n", 0, 0, WB_DF_COUNT, 0},
        {"Total app heap used: 5 bytes\n", 0, 0, WB_DF_COUNT, 0},
        {"Total app heap used:5\n", 0, 0, WB_DF_COUNT, 0},
        {"Total app heap used: 99999999999999999999999\n", 0, 0, WB_DF_COUNT, 0},
        /* a sub-line with no dump open is nobody's */
        {"    funcs size: 3\n", 0, 0, WB_DF_COUNT, 0},
        /* a negative native stack figure */
        {"Native stack left: -24\n", 1, 0, WB_DF_NATIVE_STACK_LEFT, 24},
        /* lone CRs: the pieces a terminal shows */
        {"progress 10%\rprogress 90%\rTotal app heap used: 3\r\n", 1, 0, WB_DF_APP_HEAP_USED, 3},
        /* pool statistics in different words */
        {"total=10 free=4 highmark=7\n", 0, 1, WB_DF_COUNT, 0},
        {"heap: Total: 10, Free: 4, Highmark: 7 bytes\n", 0, 1, WB_DF_COUNT, 0},
        {"total_size=10 free_size=4 high_mark=7B used=6\n", 0, 1, WB_DF_COUNT, 0},
        {"subtotal=10 free=4 highmark=7\n", 0, 0, WB_DF_COUNT, 0},
        {"total=10 free=4\n", 0, 0, WB_DF_COUNT, 0},
        {"total=10K free=4 highmark=7\n", 0, 0, WB_DF_COUNT, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wb_device_log log;
        wb_log_error err;
        int rc = wb_device_log_read(cases[i].text, strlen(cases[i].text), &log, &err);
        CHECK(rc == 0, "case %zu reads", i);
        if (rc)
            continue;
        CHECK((int)log.dump_count == cases[i].dumps && (int)log.sample_count == cases[i].samples,
              "case %zu [%s]: %u dumps, %u samples", i, cases[i].text, log.dump_count, log.sample_count);
        if (cases[i].f != WB_DF_COUNT && log.dump_count == 1)
            CHECK(fv(&log.dumps[0], cases[i].f) == cases[i].value, "case %zu: value %llu", i,
                  (unsigned long long)fv(&log.dumps[0], cases[i].f));
        if (i == 10 && log.dump_count == 1)
            CHECK(log.dumps[0].v[WB_DF_NATIVE_STACK_LEFT].negative, "negative kept");
        wb_device_log_free(&log);
    }
}

/* Every prefix and every single-byte change of a real log reads without a
 * fault; a prefix cut inside the dump leaves it incomplete. */
static void test_prefixes(void)
{
    char path[1024];
    size_t size;
    snprintf(path, sizeof path, "%s/w245_pool_aot.c01_min_s16384.log", dir);
    uint8_t *buf = wb_test_load(path, &size);
    CHECK(buf != NULL, "cannot read %s", path);
    if (!buf)
        return;
    buf[size] = '\0'; /* wb_test_load leaves room for it: strstr below */
    const char *end_text = "Total app heap used: 0\n";
    const char *endp = strstr((const char *)buf, end_text);
    size_t complete_at = endp ? (size_t)(endp - (const char *)buf) + strlen(end_text) : size;
    for (size_t n = 0; n <= size; n++) {
        char *copy = malloc(n ? n : 1);
        memcpy(copy, buf, n);
        wb_device_log log;
        wb_log_error err;
        int rc = wb_device_log_read(copy, n, &log, &err);
        CHECK(rc == 0, "prefix %zu reads", n);
        if (rc == 0) {
            if (log.dump_count == 1 && n < complete_at - 1)
                CHECK(!log.dumps[0].complete, "prefix %zu: a dump cut short is not complete", n);
            wb_device_log_free(&log);
        }
        free(copy);
    }
    char *copy = malloc(size);
    static const char subst[] = {'\0', '\n', '\r', ' ', ':', '9', '-', 'x', '='};
    for (size_t i = 0; i < size; i++)
        for (size_t k = 0; k < sizeof subst; k++) {
            memcpy(copy, buf, size);
            copy[i] = subst[k];
            wb_device_log log;
            wb_log_error err;
            if (wb_device_log_read(copy, size, &log, &err) == 0)
                wb_device_log_free(&log);
        }
    free(copy);
    free(buf);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s DEVICE_LOG_DIR\n", argv[0]);
        return 2;
    }
    dir = argv[1];
    test_real_interp();
    test_real_aot_and_versions();
    test_crafted();
    test_lines();
    test_prefixes();
    if (failures)
        fprintf(stderr, "%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
