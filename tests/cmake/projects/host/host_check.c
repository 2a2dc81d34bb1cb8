/* Compares the generated header and the embedded module with the check's JSON. */
#include <stdio.h>
#include <string.h>

#include "expected.h"
#include "sensor_budget.h"

extern unsigned char sensor_module[];
extern const unsigned int sensor_module_len;

static int failures;

static void same(const char *what, unsigned long long got, unsigned long long want)
{
    printf("%-24s header %llu, expected %llu\n", what, got, want);
    if (got != want)
        failures++;
}

#define SAME(m) same(#m, (unsigned long long)(SENSOR_##m), (unsigned long long)(EXPECT_##m))

int main(void)
{
    SAME(STACK_SIZE);
    SAME(HEAP_SIZE);
    SAME(MAX_MEMORY_PAGES);
    SAME(BYTES_PER_PAGE);
    SAME(MAX_THREADS);
    SAME(RUNTIME_MAX_THREADS);
    SAME(GLOBAL_HEAP_POOL_SIZE);
    SAME(GLOBAL_HEAP_PEAK);
    SAME(LINEAR_MEMORY_MAX);
    SAME(EXEC_MEMORY);
    SAME(MODULE_SIZE);
    SAME(ESTIMATE_TOTAL);
    SAME(BUDGET);
    /* The JSON and the header say what the wamr_add_module() call asked for. */
    same("budget asked", SENSOR_BUDGET, ASKED_BUDGET);
    same("stack_size asked", SENSOR_STACK_SIZE, ASKED_WASM_STACK);
    same("heap_size asked", SENSOR_HEAP_SIZE, ASKED_HEAP);
    same("max pages asked", SENSOR_MAX_MEMORY_PAGES, ASKED_MAX_PAGES);
    /* A header is written only for a module that fits. */
    if (strcmp(EXPECT_FITS, "ON") != 0 && strcmp(EXPECT_FITS, "true") != 0) {
        printf("JSON says fits = %s\n", EXPECT_FITS);
        failures++;
    }
    if (strcmp(SENSOR_PROFILE, EXPECT_PROFILE) != 0 || strcmp(SENSOR_MODE, EXPECT_MODE) != 0) {
        printf("profile/mode: header %s/%s, JSON %s/%s\n", SENSOR_PROFILE, SENSOR_MODE,
               EXPECT_PROFILE, EXPECT_MODE);
        failures++;
    }
    /* The embedded array is the module file, byte for byte in length, with its magic. */
    same("embedded length", sensor_module_len, EXPECT_MODULE_FILE_SIZE);
    if (sensor_module_len < 8 || memcmp(sensor_module, "\0asm", 4) != 0) {
        printf("embedded module does not start with the wasm magic\n");
        failures++;
    }
    printf("%s: %d mismatch(es)\n", failures ? "FAIL" : "OK", failures);
    return failures ? 1 : 0;
}
