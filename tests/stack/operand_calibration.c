/* The stack bounds against a real WAMR: every calibration program on every measured build. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/wb_test.h"
#include "model/model.h"
#include "read/profile.h"
#include "read/stack_notes.h"
#include "stack/stack_bound.h"

/*
 * operand_calibration DIR
 *
 * DIR holds measurements.txt (program, build, the smallest stack_size WAMR
 * main 646b5a9bc ran the program with, its "interpreter stack used" and
 * "auxiliary stack used"), <program>.wasm and, for the recursive programs,
 * <program>.annotations with the depths their sources fix.  For each row
 * the operand-stack bound of that build (x86_64_fast: fast interpreter,
 * LP64; x86_64_classic: classic interpreter, LP64; i386_fast: fast
 * interpreter, ILP32) must be at least the measured smallest stack_size and
 * within 25% of it, and the aux bound at least the aux stack WAMR saw used
 * (or none, for the program whose frames alloca and a VLA size at run time).
 * Prints the table of bound against measurement.  Exit 0 when every row
 * holds, 1 otherwise, 2 on unreadable input.
 */

/* One row: the bounds of one program on one build, or -1 on bad input. */
static int bounds(const char *dir, const char *program, const char *build, unsigned long long *operand,
                  unsigned long long *aux, int *aux_kind, char *path, size_t cap)
{
    char file[1024];
    size_t size = 0, nsize = 0;
    wb_wasm_facts w;
    wb_error err;
    wb_stack_notes notes;
    wb_stack_graph *g = NULL;
    wb_stack_result r;
    wb_interp_load il;
    wb_profile p;
    int have_notes = 0, rc = -1;

    memset(&il, 0, sizeof il);
    snprintf(file, sizeof file, "%s/%s.wasm", dir, program);
    unsigned char *data = wb_test_load(file, &size);
    snprintf(file, sizeof file, "%s/%s.annotations", dir, program);
    unsigned char *text = wb_test_load(file, &nsize);
    if (!data) {
        fprintf(stderr, "%s/%s.wasm: cannot read\n", dir, program);
        goto out;
    }
    if (text) {
        if (wb_stack_notes_parse((const char *)text, nsize, &notes, &err) != 0) {
            fprintf(stderr, "%s:%zu: %s\n", file, err.offset, err.message);
            goto out;
        }
        have_notes = 1;
    }
    wb_profile_defaults(&p);
    snprintf(p.wamr_version, sizeof p.wamr_version, "main-646b5a9bc");
    p.abi = strncmp(build, "i386", 4) == 0 ? WB_ABI_ILP32 : WB_ABI_LP64;
    wb_mode mode = strstr(build, "classic") ? WB_MODE_CLASSIC_INTERP : WB_MODE_FAST_INTERP;
    if (wb_wasm_read(data, size, &w, &err) != 0 ||
        wb_stack_graph_build(data, size, &w, have_notes ? &notes : NULL, &g, &err) != 0 ||
        wb_stack_bounds(g, NULL, &r, &err) != 0) {
        fprintf(stderr, "%s: %s\n", program, err.message);
        goto out;
    }
    if (wb_model_interp_load(&w, data, size, &p, mode, 1, &il) != 0 || il.frames.count == 0) {
        fprintf(stderr, "%s: no interpreter frames: %s\n", program, il.frames.why);
        goto out;
    }
    if (wb_stack_operand(g, il.frames.frame, il.frames.entry, il.frames.count, &r, &err) != 0) {
        fprintf(stderr, "%s: %s\n", program, err.message);
        goto out;
    }
    *operand = r.operand_main.bounded ? r.operand_main.max_bytes : 0;
    *aux = r.aux_main.bounded ? r.aux_main.max_bytes : 0;
    *aux_kind = r.aux_main.unbounded_kind;
    wb_stack_format_path(data, size, &w, &r.operand_main, path, cap);
    rc = 0;
out:
    wb_stack_graph_free(g);
    wb_interp_load_free(&il);
    if (have_notes)
        wb_stack_notes_free(&notes);
    free(data);
    free(text);
    return rc;
}

int main(int argc, char **argv)
{
    char file[1024], line[512], path[2048];
    unsigned rows = 0, exact = 0, fails = 0;

    if (argc != 2) {
        fprintf(stderr, "usage: operand_calibration DIR\n");
        return 2;
    }
    snprintf(file, sizeof file, "%s/measurements.txt", argv[1]);
    FILE *f = fopen(file, "r");
    if (!f) {
        fprintf(stderr, "%s: cannot read\n", file);
        return 2;
    }
    printf("%-22s %-15s %9s %9s %7s %9s %9s\n", "program", "build", "measured", "bound", "over",
           "aux used", "aux bound");
    while (fgets(line, sizeof line, f)) {
        char program[128], build[64];
        unsigned long long min, used, aux_used, operand = 0, aux = 0;
        int aux_kind = 0;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        if (sscanf(line, "%127s %63s %llu %llu %llu", program, build, &min, &used, &aux_used) != 5) {
            fprintf(stderr, "%s: bad line: %s", file, line);
            fclose(f);
            return 2;
        }
        if (bounds(argv[1], program, build, &operand, &aux, &aux_kind, path, sizeof path) != 0) {
            fclose(f);
            return 2;
        }
        rows++;
        exact += operand == min;
        printf("%-22s %-15s %9llu %9llu %6.1f%% %9llu %9s\n", program, build, min, operand,
               min ? 100.0 * ((double)operand - (double)min) / (double)min : 0.0, aux_used,
               aux_kind ? wb_stack_reason(aux_kind) : (snprintf(line, sizeof line, "%llu", aux), line));
        if (operand < min || operand * 4 > min * 5) {
            printf("  FAIL: the operand bound %llu is %s the measured %llu: %s\n", operand,
                   operand < min ? "below" : "more than 25% over", min, path);
            fails++;
        }
        /* alloca and VLAs (s07, and only it) have no static aux bound: that is
         * the answer */
        int dynamic_ok = strncmp(program, "s07_", 4) == 0;
        if (aux_kind && !(aux_kind == WB_STACK_DYNAMIC_FRAME && dynamic_ok)) {
            printf("  FAIL: the aux stack is unbounded (%s)\n", wb_stack_reason(aux_kind));
            fails++;
        } else if (!aux_kind && aux < aux_used) {
            printf("  FAIL: the aux bound %llu is below the %llu B WAMR saw used\n", aux, aux_used);
            fails++;
        }
    }
    fclose(f);
    printf("%u rows, %u with the bound equal to the measured smallest stack_size, %u failing\n",
           rows, exact, fails);
    return fails || rows == 0 ? 1 : 0;
}
