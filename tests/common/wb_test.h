/* What the C unit tests share: a failure counter, CHECK, and reading a whole file. */
#ifndef WB_TEST_H
#define WB_TEST_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Failed checks so far; main returns non-zero when there are any.  (A test
 * that only loads files leaves it unused.) */
#if defined(__GNUC__)
__attribute__((unused))
#endif
static int failures;

#define CHECK(cond, ...)                                                                          \
    do {                                                                                          \
        if (!(cond)) {                                                                            \
            failures++;                                                                           \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                                  \
            fprintf(stderr, __VA_ARGS__);                                                         \
            fputc('\n', stderr);                                                                  \
        }                                                                                         \
    } while (0)

#define CHECK_U(what, got, want)                                                                  \
    CHECK((uint64_t)(got) == (uint64_t)(want), "%s: %s = %llu, expected %llu", what, #got,       \
          (unsigned long long)(got), (unsigned long long)(want))

/* The whole file in a malloc'd buffer (one byte more than its size, so an
 * empty file still gets one), or NULL. */
static inline uint8_t *wb_test_load(const char *path, size_t *size)
{
    FILE *fp = fopen(path, "rb");
    uint8_t *buf = NULL;
    long n;
    *size = 0;
    if (!fp)
        return NULL;
    if (fseek(fp, 0, SEEK_END) == 0 && (n = ftell(fp)) >= 0 && fseek(fp, 0, SEEK_SET) == 0) {
        buf = malloc((size_t)n + 1);
        if (buf && fread(buf, 1, (size_t)n, fp) != (size_t)n) {
            free(buf);
            buf = NULL;
        }
        if (buf)
            *size = (size_t)n;
    }
    fclose(fp);
    return buf;
}

#endif
