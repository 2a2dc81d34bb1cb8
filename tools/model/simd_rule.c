/* SIMD: what the runtime build and wamrc run, from WAMR's source (model/simd_rule.h). */
#include "model/simd_rule.h"

#include <string.h>

/* x86-64 CPUs LLVM knows that lack SSE4.1, for which wamrc's compatibility
 * check fails; "" is LLVM's generic x86-64 (a --target without --cpu). */
static const char *const cpus_without_sse41[] = {
    "", "generic", "x86-64", "k8", "k8-sse3", "opteron", "opteron-sse3", "athlon64",
    "athlon64-sse3", "athlon-fx", "amdfam10", "barcelona", "nocona", "prescott", "core2",
    "bonnell", "atom", "btver1",
};

wb_simd_block wb_wamrc_simd(const char *target, const char *cpu, const wb_simd_facts *v)
{
    if (strcmp(target, "x86_64") == 0) {
        for (size_t i = 0; i < sizeof cpus_without_sse41 / sizeof cpus_without_sse41[0]; i++)
            if (strcmp(cpu ? cpu : "", cpus_without_sse41[i]) == 0)
                return WB_SIMD_AOT_CPU;
        return WB_SIMD_RUNS;
    }
    if (strncmp(target, "aarch64", 7) == 0)
        return WB_SIMD_RUNS;
    if (strcmp(target, "arc") == 0 && v->wamrc_arc_simd)
        return WB_SIMD_RUNS;
    return WB_SIMD_AOT_TARGET;
}

wb_simd_block wb_simd_check(const wb_profile *p, wb_mode mode, int have_aot,
                            const wb_simd_facts *v)
{
    switch (mode) {
    case WB_MODE_CLASSIC_INTERP:
        return WB_SIMD_CLASSIC_INTERP;
    case WB_MODE_FAST_INTERP:
        if (!v->fast_interp_simd)
            return WB_SIMD_INTERP_VERSION;
        return p->simd ? WB_SIMD_RUNS : WB_SIMD_RUNTIME_BUILD;
    case WB_MODE_AOT:
        break;
    }
    if (!have_aot) {
        if (p->aot_simd == 0)
            return WB_SIMD_AOT_PROFILE;
        if (p->aot_simd < 0) {
            wb_simd_block b = wb_wamrc_simd(p->aot_target, p->aot_cpu, v);
            if (b != WB_SIMD_RUNS)
                return b;
        }
    }
    /* aot_loader.c: "SIMD is not enabled in this build" */
    return p->simd ? WB_SIMD_RUNS : WB_SIMD_RUNTIME_BUILD;
}
