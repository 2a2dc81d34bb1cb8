/* Calibration: every estimated phase >= WAMR's measurement, and the sum of phases tight. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/wb_test.h"
#include "read/aot_reader.h"
#include "model/model.h"
#include "read/profile.h"
#include "read/wasm_reader.h"

/* check_run: a file of the test data is missing (the run fails) */
enum { MISSING = -1 };

/*
 * Usage: calibration_test WASM_DIR AOT_DIR MEASURED_TXT PROFILE_DIR WAMR_VERSION [REF_TYPES]
 * WASM_DIR holds <module>.wasm, AOT_DIR <module>.<arch>.aot as that version's
 * wamrc made them (both decompressed at build time); MEASURED_TXT is the
 * measured.txt of the WAMR version measured
 * (tests/data/calibration, and versions/<tag>/ beside it), which the runs are
 * estimated for with the linux-x86_64 and linux-x86 profiles; REF_TYPES
 * (yes/no) is the reference-types option of the measured build when it was
 * not the version's default.
 * For every measured run: the estimate of each phase must be >= the
 * measurement, and runtime_init + module_load + exec_memory + instance +
 * exec_env + threads*per_thread + linear_memory_initial within +5% (AOT with
 * its .aot) or +15% (fast interpreter) of the measured sum.  AOT without the
 * .aot (code bounded from the wasm) must stay >= in every phase too.
 * Exit 0 pass, 1 fail (a missing file of the test data too: CMake registers
 * the test as skipped when the compressed data cannot be unpacked).
 */

enum { F_INIT, F_LOAD, F_PEAK, F_EXEC, F_INST, F_EE, F_THR, F_LIN, F_N };
static const char *const fname[F_N] = {"runtime_init", "module_load", "module_load_peak",
                                       "exec_memory", "instance", "exec_env", "per_thread",
                                       "linear_memory_initial"};

typedef struct run {
    char module[64], engine[16], arch[16];
    unsigned long long stack, threads, file_bytes, v[F_N], fi_code, fi_const, aux;
} run;

typedef struct worst {
    double over, under; /* ratio estimate/measured - 1 */
    char over_at[96], under_at[96];
    int seen;
} worst;

static worst W[3][F_N + 1]; /* [aot, fast-interp, aot-bounded][field or sum] */

static void note(int kind, int field, double r, const run *x)
{
    worst *w = &W[kind][field];
    if (!w->seen || r > w->over) {
        w->over = r;
        snprintf(w->over_at, sizeof w->over_at, "%s %s s=%llu", x->module, x->arch, x->stack);
    }
    if (!w->seen || r < w->under) {
        w->under = r;
        snprintf(w->under_at, sizeof w->under_at, "%s %s s=%llu", x->module, x->arch, x->stack);
    }
    w->seen = 1;
}

static const char *wamr_version; /* the version measured */
static int ref_types = -1;        /* its build's reference types, -1 the default */

static const char *aot_dir;      /* the version's .aot files */

static int check_run(const run *x, const char *dir, const char *pdir, int bounded_aot)
{
    char path[1024], err[256];
    const char *dirs[2] = {pdir, NULL};
    const char *why = NULL;
    unsigned char *wbuf = NULL, *abuf = NULL;
    size_t wlen = 0, alen = 0;
    wb_wasm_facts wf;
    wb_aot_facts af;
    wb_error we;
    wb_profile prof;
    wb_settings st;
    wb_module_facts mf;
    wb_estimate e;
    unsigned long long est[F_N], sum_e = 0, sum_m = 0;
    int aot = strcmp(x->engine, "aot") == 0, kind, fails = 0, i;
    double limit;

    snprintf(path, sizeof path, "%s/%s.wasm", dir, x->module);
    wbuf = wb_test_load(path, &wlen);
    if (!wbuf) {
        fprintf(stderr, "missing %s\n", path);
        return MISSING;
    }
    if (wb_wasm_read(wbuf, wlen, &wf, &we) != 0) {
        fprintf(stderr, "%s: offset %zu, %s: %s\n", path, we.offset, we.section, we.message);
        free(wbuf);
        return 1;
    }
    memset(&mf, 0, sizeof mf);
    mf.wasm = &wf;
    if (aot && !bounded_aot) {
        snprintf(path, sizeof path, "%s/%s.%s.aot", aot_dir, x->module, x->arch);
        abuf = wb_test_load(path, &alen);
        if (!abuf) {
            fprintf(stderr, "missing %s\n", path);
            free(wbuf);
            return MISSING;
        }
        if (wb_aot_read(abuf, alen, &af, &we) != 0) {
            fprintf(stderr, "%s: offset %zu, %s: %s\n", path, we.offset, we.section, we.message);
            free(wbuf);
            free(abuf);
            return 1;
        }
        mf.aot = &af;
    }
    if (wb_profile_load(strcmp(x->arch, "x86_64") == 0 ? "linux-x86_64" : "linux-x86", dirs, &prof,
                        err, sizeof err) != 0) {
        fprintf(stderr, "profile: %s\n", err);
        free(wbuf);
        free(abuf);
        return 1;
    }
    snprintf(prof.wamr_version, sizeof prof.wamr_version, "%s", wamr_version);
    prof.ref_types = ref_types;
    if (wb_profile_check(&prof, err, sizeof err) != 0) {
        fprintf(stderr, "profile: %s\n", err);
        free(wbuf);
        free(abuf);
        return 1;
    }
    memset(&st, 0, sizeof st);
    st.mode = aot ? WB_MODE_AOT : WB_MODE_FAST_INTERP;
    st.mode_given = 1;
    st.wasm_stack_size = x->stack;
    st.wasm_stack_given = 1;
    st.heap_size = 0;
    st.heap_size_given = 1;
    st.threads = (uint32_t)x->threads;
    if (wb_model_estimate_bytes(&mf, wbuf, wlen, &prof, &st, &e, &why) != 0) {
        fprintf(stderr, "%s: estimate failed: %s\n", x->module, why ? why : "?");
        free(wbuf);
        free(abuf);
        return 1;
    }
    est[F_INIT] = e.runtime_init;
    est[F_LOAD] = e.module_load;
    est[F_PEAK] = e.module_load_peak;
    est[F_EXEC] = e.exec_memory;
    est[F_INST] = e.instance;
    est[F_EE] = e.exec_env;
    est[F_THR] = x->threads ? e.per_thread : 0;
    est[F_LIN] = e.linear_memory_initial;
    kind = !aot ? 1 : bounded_aot ? 2 : 0;
    if (!aot) {
        /* the per-opcode bound (no bytes) must stay above the replay */
        wb_estimate b;
        if (wb_model_estimate(&mf, &prof, &st, &b, &why) != 0 || b.fast_interp_exact ||
            b.fast_interp_code < e.fast_interp_code || b.module_load < e.module_load) {
            printf("%s %s: per-opcode bound %llu below the replay %llu\n", x->module, x->arch,
                   (unsigned long long)b.fast_interp_code, (unsigned long long)e.fast_interp_code);
            fails++;
        }
        if (e.fast_interp_code != x->fi_code + x->fi_const) {
            printf("%s %s: replayed code %llu != measured %llu\n", x->module, x->arch,
                   (unsigned long long)e.fast_interp_code, x->fi_code + x->fi_const);
            fails++;
        }
    }
    printf("%-18s %-11s %-6s %6llu %s", x->module, bounded_aot ? "aot-no-.aot" : x->engine,
           x->arch, x->stack, e.fast_interp_exact || aot ? "" : "(bound)");
    for (i = 0; i < F_N; i++) {
        unsigned long long m = x->v[i];
        int bad = est[i] < m;
        if (i != F_PEAK && i != F_THR) {
            sum_e += est[i];
            sum_m += m;
        }
        if (i == F_THR) {
            sum_e += x->threads * est[i];
            sum_m += x->threads * m;
        }
        if (m)
            note(kind, i, (double)est[i] / (double)m - 1.0, x);
        if (bad || est[i] != m)
            printf("\n    %-22s est %10llu  meas %10llu  %+9lld%s", fname[i], est[i], m,
                   (long long)est[i] - (long long)m, bad ? "  BELOW MEASUREMENT" : "");
        fails += bad;
    }
    note(kind, F_N, (double)sum_e / (double)sum_m - 1.0, x);
    limit = aot ? 1.05 : 1.15;
    printf("\n    %-22s est %10llu  meas %10llu  %+8.2f%%", "sum of phases", sum_e, sum_m,
           100.0 * ((double)sum_e / (double)sum_m - 1.0));
    if (!bounded_aot && (double)sum_e > limit * (double)sum_m) {
        printf("  OVER +%.0f%%", 100.0 * (limit - 1.0));
        fails++;
    }
    if (!aot && e.aux_stack_bytes != x->aux) {
        printf("\n    aux_stack_bytes est %llu meas %llu  MISMATCH",
               (unsigned long long)e.aux_stack_bytes, x->aux);
        fails++;
    }
    printf("\n");
    free(wbuf);
    free(abuf);
    return fails ? 1 : 0;
}

int main(int argc, char **argv)
{
    FILE *f;
    char line[1024];
    int failed = 0, runs = 0, k, i;
    static const char *const kn[3] = {"AOT with .aot", "fast interpreter", "AOT, code bounded"};

    if (argc != 6 && argc != 7) {
        fprintf(stderr,
                "usage: %s WASM_DIR AOT_DIR MEASURED_TXT PROFILE_DIR WAMR_VERSION [REF_TYPES]\n",
                argv[0]);
        return 2;
    }
    const char *wasm_dir = argv[1], *measured = argv[3], *profile_dir = argv[4];
    aot_dir = argv[2];
    wamr_version = argv[5];
    if (argc == 7)
        ref_types = strcmp(argv[6], "yes") == 0;
    printf("WAMR %s%s\n", wamr_version,
           ref_types < 0 ? "" : ref_types ? ", reference types on" : ", reference types off");
    f = fopen(measured, "r");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", measured);
        return 1;
    }
    while (fgets(line, sizeof line, f)) {
        run x;
        int rc;
        memset(&x, 0, sizeof x);
        if (line[0] == '#' || line[0] == '\n')
            continue;
        if (sscanf(line, "%63s %15s %15s %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu",
                   x.module, x.engine, x.arch, &x.stack, &x.threads, &x.file_bytes, &x.v[F_INIT],
                   &x.v[F_LOAD], &x.v[F_PEAK], &x.v[F_EXEC], &x.v[F_INST], &x.v[F_EE], &x.v[F_THR],
                   &x.v[F_LIN], &x.fi_code, &x.fi_const, &x.aux) != 17) {
            fprintf(stderr, "bad line: %s", line);
            fclose(f);
            return 1;
        }
        rc = check_run(&x, wasm_dir, profile_dir, 0);
        if (rc == MISSING) {
            fclose(f);
            return 1;
        }
        failed += rc;
        runs++;
        if (strcmp(x.engine, "aot") == 0) {
            rc = check_run(&x, wasm_dir, profile_dir, 1);
            failed += rc > 0 ? rc : 0;
        }
    }
    fclose(f);
    printf("\nworst ratios estimate/measured - 1 (over: most above, under: least above)\n");
    for (k = 0; k < 3; k++) {
        printf("%s\n", kn[k]);
        for (i = 0; i <= F_N; i++) {
            if (!W[k][i].seen)
                continue;
            printf("  %-22s over %+8.2f%% (%s)  under %+8.2f%% (%s)\n",
                   i == F_N ? "sum of phases" : fname[i], 100 * W[k][i].over, W[k][i].over_at,
                   100 * W[k][i].under, W[k][i].under_at);
        }
    }
    printf("%d runs, %d failed\n", runs, failed);
    return runs == 0 || failed ? 1 : 0;
}
