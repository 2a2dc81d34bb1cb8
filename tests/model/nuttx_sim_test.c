/* WAMR in NuttX's simulator: the recommended pool, the NuttX heap and the text heap against every run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/wb_test.h"
#include "model/model.h"
#include "read/aot_reader.h"
#include "read/profile.h"
#include "read/wasm_reader.h"

/* check_run: a file of the test data is missing (the run fails) */
enum { MISSING = -1 };

/*
 * Usage: nuttx_sim_test RUNS_TXT WASM_DIR AOT_DIR PROFILE_DIR
 * RUNS_TXT is tests/data/nuttx-sim/runs.txt (columns in its header, made by
 * extract.py from calibration/nuttx-sim); WASM_DIR holds the calibration
 * modules, AOT_DIR the .aot files of the 32-bit runs (<module>.i386.aot).
 * Each run is estimated with the profile of its build (nuttx-sim64,
 * nuttx-sim32) set to the run's WAMR version.  The 32-bit AOT runs
 * are estimated with their .aot; the 64-bit ones from the .wasm (the code
 * bounded, as without wamrc).
 *
 * For every run with WAMR's pool:
 *  - the recommended pool >= the pool's highmark (the module file iwasm
 *    keeps there included) + what WAMR 2.4.5's allocator over-credits (the
 *    true peak);
 *  - the linear memory worst case, with the AOT data sections (both on the
 *    NuttX heap), >= the NuttX heap peak of the run less the iwasm task;
 *  - AOT: the executable memory >= the text heap's maxused, and its text
 *    >= what the module took of the text heap;
 *  - not wildly over: the recommended pool at most LIMIT_POOL x the true
 *    peak with an .aot or for the interpreter (LIMIT_POOL_BOUNDED with the
 *    code bounded), the NuttX heap at instantiation (linear memory, AOT data)
 *    at most LIMIT_HEAP x what the run took (no run grows its memory).
 * Without the pool (WAMR on the NuttX heap): the recommended pool + linear
 * memory + AOT data >= the heap peak less the task.
 * The table at the end gives estimate and measurement per run; the worst
 * margins follow it.  Exit 0 pass, 1 fail (a missing file of the test data too: CMake registers
 * the test as skipped when the compressed data cannot be unpacked).
 */

#define LIMIT_POOL 2.0
#define LIMIT_POOL_BOUNDED 16.0
#define LIMIT_HEAP 1.05
#define LIMIT_HEAP_BOUNDED 1.6

typedef struct run {
    char config[32], wamr[24], engine[16], module[64];
    unsigned bits, thread_mgr, pool;
    unsigned long long stack;
    /* '-' is stored as -1 */
    long long file_buf, init, load_kept, load_trans, instantiate, run, highmark, overcredit;
    long long heap_task, linear, textheap, textheap_base, exec_env;
} run;

typedef struct margin {
    double worst;
    char at[128];
    int seen;
} margin;

/* 32-bit AOT runs whose .aot this checker cannot read (its format) */
static int unread_runs;
static unsigned unread_format;

/* over: estimate/measured - 1, most and least */
static margin pool_hi, pool_lo, pool_b_hi, pool_b_lo, heap_hi, heap_lo, heap_b_hi, text_lo,
    text_hi, nopool_hi, nopool_lo;

static void note(margin *m, double r, const run *x, int want_max)
{
    if (!m->seen || (want_max ? r > m->worst : r < m->worst)) {
        m->worst = r;
        snprintf(m->at, sizeof m->at, "%s %s %s s=%llu", x->config, x->module, x->engine,
                 x->stack);
    }
    m->seen = 1;
}

static long long field(const char *s)
{
    return strcmp(s, "-") == 0 ? -1 : atoll(s);
}

static int parse(const char *line, run *x)
{
    char f[13][32];
    memset(x, 0, sizeof *x);
    if (sscanf(line, "%31s %23s %u %u %u %15s %63s %llu %31s %31s %31s %31s %31s %31s %31s %31s %31s %31s %31s %31s %31s",
               x->config, x->wamr, &x->bits, &x->thread_mgr, &x->pool, x->engine, x->module,
               &x->stack, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10],
               f[11], f[12]) != 21)
        return -1;
    x->file_buf = field(f[0]);
    x->init = field(f[1]);
    x->load_kept = field(f[2]);
    x->load_trans = field(f[3]);
    x->instantiate = field(f[4]);
    x->run = field(f[5]);
    x->highmark = field(f[6]);
    x->overcredit = field(f[7]);
    x->heap_task = field(f[8]);
    x->linear = field(f[9]);
    x->textheap = field(f[10]);
    x->textheap_base = field(f[11]);
    x->exec_env = field(f[12]);
    return 0;
}

static int check_run(const run *x, const char *wdir, const char *adir, const char *pdir)
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
    int aot = strcmp(x->engine, "aot") == 0, bounded = 0, fails = 0;
    unsigned long long peak, heap_est, heap_init, data;

    snprintf(path, sizeof path, "%s/%s.wasm", wdir, x->module);
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
    if (aot && x->bits == 32) {
        snprintf(path, sizeof path, "%s/%s.i386.aot", adir, x->module);
        abuf = wb_test_load(path, &alen);
        if (!abuf) {
            fprintf(stderr, "missing %s\n", path);
            free(wbuf);
            return MISSING;
        }
        if (wb_aot_read(abuf, alen, &af, &we) != 0) {
            /* an AOT format this checker does not read yet: the code is
             * bounded from the .wasm instead, and the summary says so */
            unsigned format = alen >= 8 ? (unsigned)abuf[4] | (unsigned)abuf[5] << 8 |
                                              (unsigned)abuf[6] << 16 | (unsigned)abuf[7] << 24
                                        : 0;
            if (we.offset == 4 && format != 6) {
                unread_format = format;
                unread_runs++;
                free(abuf);
                abuf = NULL;
                bounded = 1;
                goto estimate;
            }
            fprintf(stderr, "%s: offset %zu, %s: %s\n", path, we.offset, we.section, we.message);
            free(wbuf);
            free(abuf);
            return 1;
        }
        /* the file the run loaded: iwasm's copy took the file size + the
         * pool's 4-byte header, rounded to 8 */
        if (x->file_buf >= 0 && (long long)((alen + 4 + 7) / 8 * 8) != x->file_buf) {
            printf("%s %s: %s is %zu B, the run's file copy took %lld B of the pool: not the "
                   "file the run loaded\n", x->config, x->module, path, alen, x->file_buf);
            free(wbuf);
            free(abuf);
            return 1;
        }
        mf.aot = &af;
    } else if (aot) {
        bounded = 1;
    }
estimate:
    if (wb_profile_load(x->bits == 64 ? "nuttx-sim64" : "nuttx-sim32", dirs, &prof, err,
                        sizeof err) != 0) {
        fprintf(stderr, "profile: %s\n", err);
        free(wbuf);
        free(abuf);
        return 1;
    }
    snprintf(prof.wamr_version, sizeof prof.wamr_version, "%s", x->wamr);
    /* iwasm reads the file with wasm_runtime_malloc: into the pool, or
     * without one onto the NuttX heap with WAMR's other allocations */
    prof.module_buffer_in_pool = 1;
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
    if (wb_model_estimate_bytes(&mf, wbuf, wlen, &prof, &st, &e, &why) != 0) {
        fprintf(stderr, "%s: estimate failed: %s\n", x->module, why ? why : "?");
        free(wbuf);
        free(abuf);
        return 1;
    }

    /* the NuttX heap holds linear memory and the AOT data sections */
    data = e.exec_memory - e.exec_text;
    heap_est = e.linear_memory_max + data;
    heap_init = e.linear_memory_initial + data;
    printf("%-18s %-19s %-11s %6llu", x->config, x->module, bounded ? "aot-bounded" : x->engine,
           x->stack);
    if (x->pool) {
        peak = (unsigned long long)(x->highmark + x->overcredit);
        printf(" | pool %9llu %9llu %+7.1f%%", (unsigned long long)e.recommended_pool, peak,
               100.0 * ((double)e.recommended_pool / (double)peak - 1.0));
        if (e.recommended_pool < (unsigned long long)x->highmark) {
            printf("  BELOW HIGHMARK %lld", x->highmark);
            fails++;
        }
        if (e.recommended_pool < peak) {
            printf("  BELOW TRUE PEAK");
            fails++;
        }
        if (!bounded && (double)e.recommended_pool > LIMIT_POOL * (double)peak) {
            printf("  OVER %.1fx", LIMIT_POOL);
            fails++;
        }
        if (bounded && (double)e.recommended_pool > LIMIT_POOL_BOUNDED * (double)peak) {
            printf("  OVER %.1fx", LIMIT_POOL_BOUNDED);
            fails++;
        }
        note(bounded ? &pool_b_hi : &pool_hi, (double)e.recommended_pool / (double)peak - 1.0, x, 1);
        note(bounded ? &pool_b_lo : &pool_lo, (double)e.recommended_pool / (double)peak - 1.0, x, 0);

        printf(" | heap %8llu %8llu %8lld", heap_init, heap_est, x->heap_task);
        if (heap_est < (unsigned long long)x->heap_task) {
            printf("  BELOW HEAP PEAK");
            fails++;
        }
        if (heap_init < (unsigned long long)x->heap_task)
            note(&heap_lo, (double)heap_init / (double)x->heap_task - 1.0, x, 0);
        if (!bounded) {
            if ((double)heap_init > LIMIT_HEAP * (double)x->heap_task) {
                printf("  OVER %.2fx", LIMIT_HEAP);
                fails++;
            }
            note(&heap_hi, (double)heap_init / (double)x->heap_task - 1.0, x, 1);
        } else {
            if ((double)heap_init > LIMIT_HEAP_BOUNDED * (double)x->heap_task) {
                printf("  OVER %.2fx", LIMIT_HEAP_BOUNDED);
                fails++;
            }
            note(&heap_b_hi, (double)heap_init / (double)x->heap_task - 1.0, x, 1);
        }
    } else {
        /* no pool: WAMR's allocations, linear memory and AOT data all on
         * the NuttX heap; the runs do not grow their memory, so the figure
         * at instantiation is the one to compare for the margin */
        unsigned long long all = e.recommended_pool + heap_est;
        unsigned long long at_init = e.recommended_pool + heap_init;
        double r = (double)at_init / (double)x->heap_task - 1.0;
        printf(" | no pool: heap %9llu %9lld %+7.1f%%", at_init, x->heap_task, 100.0 * r);
        if (all < (unsigned long long)x->heap_task) {
            printf("  BELOW HEAP PEAK");
            fails++;
        }
        note(&nopool_hi, r, x, 1);
        note(&nopool_lo, r, x, 0);
    }
    if (aot && x->textheap >= 0) {
        long long own = x->textheap - x->textheap_base;
        printf(" | text %8llu %8lld", (unsigned long long)e.exec_text, own);
        if (e.exec_memory < (unsigned long long)x->textheap) {
            printf("  EXEC BELOW TEXT HEAP MAXUSED %lld", x->textheap);
            fails++;
        }
        if (e.exec_text < (unsigned long long)own) {
            printf("  TEXT BELOW");
            fails++;
        }
        if (!bounded)
            note(&text_lo, (double)e.exec_text / (double)own - 1.0, x, 0);
        else
            note(&text_hi, (double)e.exec_text / (double)own - 1.0, x, 1);
    }
    printf("\n");
    /* the phases, for people: the pool counts 4..11 B of block header and
     * rounding per allocation that the estimate's phases leave out (the
     * recommended pool adds them) */
    if (x->pool)
        printf("    phases est/meas: init %llu/%lld  buffer %llu/%lld  load %llu/%lld  "
               "load peak %llu/%lld  instance %llu/%lld  exec env %llu/%lld%s\n",
               (unsigned long long)e.runtime_init, x->init,
               (unsigned long long)e.module_buffer, x->file_buf,
               (unsigned long long)e.module_load, x->load_kept,
               (unsigned long long)e.module_load_peak, x->load_kept + x->load_trans,
               (unsigned long long)e.instance, x->instantiate, (unsigned long long)e.exec_env,
               x->run, x->thread_mgr ? "  (lib-pthread and its thread manager not modelled)" : "");
    free(wbuf);
    free(abuf);
    return fails ? 1 : 0;
}

static void show(const char *what, const margin *m)
{
    if (m->seen)
        printf("  %-44s %+8.1f%% (%s)\n", what, 100.0 * m->worst, m->at);
}

int main(int argc, char **argv)
{
    FILE *f;
    char line[1024];
    int failed = 0, runs = 0;

    if (argc != 5) {
        fprintf(stderr, "usage: %s RUNS_TXT WASM_DIR AOT_DIR PROFILE_DIR\n", argv[0]);
        return 2;
    }
    f = fopen(argv[1], "r");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", argv[1]);
        return 1;
    }
    printf("%-18s %-19s %-11s %6s | pool %9s %9s %8s | heap %8s %8s %8s | text %8s %8s\n",
           "build", "module", "engine", "stack", "recommend", "peak", "margin", "at init",
           "worst", "measured", "estimate", "measured");
    while (fgets(line, sizeof line, f)) {
        run x;
        int rc;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        if (parse(line, &x) != 0) {
            fprintf(stderr, "bad line: %s", line);
            fclose(f);
            return 1;
        }
        rc = check_run(&x, argv[2], argv[3], argv[4]);
        if (rc == MISSING) {
            fclose(f);
            return 1;
        }
        failed += rc;
        runs++;
    }
    fclose(f);
    printf("\nmargins, estimate/measured - 1\n");
    show("pool vs true peak, most over", &pool_hi);
    show("pool vs true peak, least over", &pool_lo);
    show("pool vs true peak, code bounded, most over", &pool_b_hi);
    show("pool vs true peak, code bounded, least over", &pool_b_lo);
    show("NuttX heap at instantiation vs peak, most over", &heap_hi);
    show("  (code bounded)", &heap_b_hi);
    show("  least (below: the runs' extra)", &heap_lo);
    show("text vs text heap share, with .aot, least over", &text_lo);
    show("text vs text heap share, code bounded, most over", &text_hi);
    show("no pool: pool + heap at init vs heap peak, most over", &nopool_hi);
    show("no pool: pool + heap at init vs heap peak, least over", &nopool_lo);
    if (unread_runs)
        printf("%d AOT runs estimated without their .aot: this checker does not read AOT format "
               "%u\n", unread_runs, unread_format);
    printf("%d runs, %d failed\n", runs, failed);
    return runs == 0 || failed ? 1 : 0;
}
