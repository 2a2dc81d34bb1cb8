/* Fast-interpreter replay on wasm-opt'd fixtures: it must complete, and the per-opcode bound must cover it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/wb_test.h"
#include "model/model_fast_interp.h"
#include "read/wasm_reader.h"

/* label/byte sizes of the three runtime builds: x86-64, x86-32, 32-bit MCUs */
static const unsigned sizes[3][2] = {{8, 1}, {4, 1}, {4, 2}};

static int check(const char *dir, const char *name)
{
    char path[1024];
    size_t len = 0;
    unsigned char *buf;
    wb_wasm_facts f;
    wb_error err;
    int fails = 0, k;
    uint64_t instr = 0;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    buf = wb_test_load(path, &len);
    if (!buf) {
        printf("%s: cannot read\n", path);
        return 1;
    }
    if (wb_wasm_read(buf, len, &f, &err) != 0) {
        printf("%s: offset %zu, %s: %s\n", path, err.offset, err.section, err.message);
        free(buf);
        return 1;
    }
    for (k = 0; k < 256; k++)
        instr += f.ops.op[k];
    for (k = 0; k < 3; k++) {
        wb_fast_interp_size r, b;
        uint64_t rt, bt;
        double per;
        if (wb_fast_interp_replay(buf, len, &f, sizes[k][0], sizes[k][1], &r) != 0) {
            printf("%s L=%u B=%u: replay gave up (the bound would be used)\n", name, sizes[k][0],
                   sizes[k][1]);
            fails++;
            continue;
        }
        wb_fast_interp_bound(&f, sizes[k][0], sizes[k][1], &b);
        rt = r.code_bytes + r.const_bytes;
        bt = b.code_bytes + b.const_bytes;
        per = instr ? (double)rt / (double)instr : 0.0;
        printf("%-16s L=%u B=%u replay %7llu bound %7llu  %.2f B/instruction\n", name,
               sizes[k][0], sizes[k][1], (unsigned long long)rt, (unsigned long long)bt, per);
        if (bt < rt || b.code_bytes < r.code_bytes) {
            printf("  per-opcode bound below the replay\n");
            fails++;
        }
        /* every instruction costs at least nothing and at most a few labels;
         * the calibration set spans 4.0-8.7 B per instruction */
        if (per < 2.0 || per > 4.0 * sizes[k][0] + 4.0) {
            printf("  implausible size per instruction\n");
            fails++;
        }
        if (r.max_function_scratch == 0 || r.max_function_code == 0) {
            printf("  no per-function figures\n");
            fails++;
        }
    }
    free(buf);
    return fails;
}

int main(int argc, char **argv)
{
    int fails = 0, i;
    if (argc < 3) {
        fprintf(stderr, "usage: fixtures_test DIR FILE.wasm...\n");
        return 2;
    }
    for (i = 2; i < argc; i++)
        fails += check(argv[1], argv[i]);
    printf(fails ? "FAILED (%d)\n" : "ok\n", fails);
    return fails ? 1 : 0;
}
