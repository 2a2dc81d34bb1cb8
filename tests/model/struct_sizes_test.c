/* The struct sizes the model charges, against a sizeof probe of each WAMR version's headers. */
#include <stdio.h>
#include <string.h>

#include "model/model.h"
#include "model/wamr_versions.h"
#include "read/profile.h"

/*
 * The expected values were read from a compile-time sizeof probe of the
 * headers of each version (main at 646b5a9bc, 2.4.5, 2.3.1, 2.1.0), built
 * as the calibration runs' runtime (wasi-threads with the thread manager and
 * shared memory, libc-wasi, reference types on or off) for x86-64, i386 and
 * thumbv7em, with each port's lock types (korp_mutex/korp_cond: glibc 40/48
 * on x86-64 and 24/48 on 32-bit, Zephyr 20/24, NuttX 24/24 on 32-bit,
 * newlib 4/4).  The x86 rows are also the measured sizes (the calibration
 * README and versions/SIZEOF.md): the model must give them exactly.  The
 * ARM layout was not measured: the model must give at least the probe's
 * size, and at most `slack` bytes more: its tables hold the largest lock
 * type's sizes and shrink the structs that hold a lock only where that is
 * sure, so for newlib's 4-byte locks main's instance extras (which hold one)
 * keep the 24-byte lock's size.
 */

enum { V_MAIN, V_245, V_231, V_210, V_COUNT };
static const char *const version_name[V_COUNT] = {"main-646b5a9bc", "2.4.5", "2.3.1", "2.1.0"};

typedef struct probe {
    const char *what;
    wb_abi abi;
    wb_locks locks;
    int ref_types;
    /* per version; 0: not probed */
    unsigned module[V_COUNT], aot_module[V_COUNT], inst_extra[V_COUNT], aot_inst_extra[V_COUNT];
    unsigned exec_env[V_COUNT], cluster, heap_struct, runtime_init;
    unsigned slack;  /* most bytes the model may charge above the probe (0: exact) */
} probe;

static const probe probes[] = {
    {"x86-64 glibc, ref types on", WB_ABI_LP64, WB_LOCKS_GLIBC, 1,
     {392, 384, 384, 384}, {552, 544, 544, 504}, {184, 144, 144, 144}, {184, 144, 128, 88},
     {288, 288, 288, 280}, 72, 384, 792, 0},
    {"x86-64 glibc, ref types off", WB_ABI_LP64, WB_LOCKS_GLIBC, 0,
     {392, 384, 384, 384}, {552, 544, 544, 504}, {176, 136, 136, 136}, {176, 136, 120, 80},
     {288, 288, 288, 280}, 72, 384, 488, 0},
    {"x86-32 glibc, ref types on", WB_ABI_ILP32, WB_LOCKS_GLIBC, 1,
     {260, 256, 256, 252}, {300, 296, 296, 276}, {104, 80, 80, 80}, {116, 92, 76, 48},
     {172, 172, 172, 168}, 44, 204, 424, 0},
    {"x86-32 glibc, ref types off", WB_ABI_ILP32, WB_LOCKS_GLIBC, 0,
     {260, 256, 256, 252}, {300, 296, 296, 276}, {100, 76, 76, 76}, {112, 88, 72, 44},
     {172, 172, 172, 168}, 44, 204, 272, 0},
    {"thumb Zephyr, ref types on", WB_ABI_ILP32_ALIGN8, WB_LOCKS_ZEPHYR, 1,
     {272, 264, 264, 264}, {312, 304, 304, 288}, {96, 76, 76, 76}, {112, 96, 80, 48},
     {144, 144, 144, 136}, 40, 200, 420, 8},
    {"thumb Zephyr, ref types off", WB_ABI_ILP32_ALIGN8, WB_LOCKS_ZEPHYR, 0,
     {272, 264, 264, 264}, {312, 304, 304, 288}, {92, 72, 72, 72}, {112, 88, 72, 44},
     {144, 144, 144, 136}, 40, 200, 268, 8},
    {"thumb NuttX, ref types on", WB_ABI_ILP32_ALIGN8, WB_LOCKS_NUTTX, 1,
     {272, 264, 264, 264}, {312, 304, 304, 288}, {100, 76, 76, 76}, {120, 96, 80, 48},
     {144, 144, 144, 144}, 44, 204, 424, 8},
    {"thumb NuttX, ref types off", WB_ABI_ILP32_ALIGN8, WB_LOCKS_NUTTX, 0,
     {272, 264, 264, 264}, {312, 304, 304, 288}, {96, 72, 72, 72}, {112, 88, 72, 44},
     {144, 144, 144, 144}, 44, 204, 272, 8},
    {"thumb glibc (armhf), ref types on", WB_ABI_ILP32_ALIGN8, WB_LOCKS_GLIBC, 1,
     {272, 264, 264, 264}, {312, 304, 304, 288}, {100, 76, 76, 76}, {120, 96, 80, 48},
     {176, 176, 176, 168}, 44, 204, 424, 8},
    {"thumb newlib (ESP-IDF), ref types on", WB_ABI_ILP32_ALIGN8, WB_LOCKS_NEWLIB, 1,
     {272, 264, 264, 264}, {312, 304, 304, 288}, {80, 76, 76, 76}, {96, 96, 80, 48},
     {104, 104, 104, 104}, 24, 184, 404, 24},
    {"thumb newlib (ESP-IDF), ref types off", WB_ABI_ILP32_ALIGN8, WB_LOCKS_NEWLIB, 0,
     {272, 264, 264, 264}, {312, 304, 304, 288}, {76, 72, 72, 72}, {96, 88, 72, 44},
     {104, 104, 104, 104}, 24, 184, 252, 24},
};

static int failures;

static void expect(const char *probe_what, const char *version, const char *field, unsigned got,
                   unsigned want, unsigned slack)
{
    if (want == 0)
        return;
    if (got < want || got > want + slack) {
        printf("FAIL %s, WAMR %s: %s is %u, the probe gives %u (the model may give up to %u B "
               "more)\n",
               probe_what, version, field, got, want, slack);
        failures++;
    }
}

int main(void)
{
    int checked = 0;
    for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
        const probe *q = &probes[i];
        for (int v = 0; v < V_COUNT; v++) {
            wb_profile p;
            wb_wamr_sizes s;
            wb_profile_defaults(&p);
            snprintf(p.wamr_version, sizeof p.wamr_version, "%s", version_name[v]);
            p.abi = q->abi;
            p.locks = q->locks;
            p.ref_types = q->ref_types;
            p.hw_bound_check = q->abi == WB_ABI_LP64;
            p.wasi_threads = 1;
            p.libc_wasi = 1;
            if (wb_model_struct_sizes(&p, &s) != 0) {
                printf("FAIL WAMR %s is unknown to the model\n", version_name[v]);
                failures++;
                continue;
            }
            expect(q->what, version_name[v], "WASMModule", s.module, q->module[v], q->slack);
            expect(q->what, version_name[v], "AOTModule", s.aot_module, q->aot_module[v], q->slack);
            expect(q->what, version_name[v], "WASMModuleInstanceExtra", s.inst_extra,
                   q->inst_extra[v], q->slack);
            expect(q->what, version_name[v], "AOTModuleInstanceExtra", s.aot_inst_extra,
                   q->aot_inst_extra[v], q->slack);
            expect(q->what, version_name[v], "offsetof(WASMExecEnv, wasm_stack_u)", s.exec_env,
                   q->exec_env[v], q->slack);
            expect(q->what, version_name[v], "WASMCluster", s.cluster, q->cluster, q->slack);
            expect(q->what, version_name[v], "gc_heap_t", s.heap_struct, q->heap_struct, q->slack);
            expect(q->what, version_name[v], "runtime init", s.runtime_init, q->runtime_init,
                   q->slack);
            checked++;
        }
    }
    printf("%d builds checked, %d failure(s)\n", checked, failures);
    return failures ? 1 : 0;
}
