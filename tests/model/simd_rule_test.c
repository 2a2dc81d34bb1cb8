/* Unit tests of the SIMD rule: which runtime builds and wamrc targets run v128 code. */
#include <stdio.h>
#include <string.h>

#include "../common/wb_test.h"
#include "model/simd_rule.h"
#include "model/wamr_versions.h"

/* a SIMD rule's verdict (wb_simd_block) */
#define EXPECT_BLOCK(what, got, want)                                                      \
    CHECK((int)(got) == (int)(want), "%s: %s = %d, want %d", __func__, what, (int)(got),   \
          (int)(want))

static void test_wamrc(void)
{
    const wb_simd_facts *v = &wb_wamr_version_find("2.4.5")->t->simd;
    const wb_simd_facts old = wb_wamr_version_find("2.1.0")->t->simd;

    /* x86_64: aot_check_simd_compatibility wants SSE4.1 */
    EXPECT_BLOCK("x86_64 x86-64", wb_wamrc_simd("x86_64", "x86-64", v), WB_SIMD_AOT_CPU);
    EXPECT_BLOCK("x86_64 without --cpu", wb_wamrc_simd("x86_64", "", v), WB_SIMD_AOT_CPU);
    EXPECT_BLOCK("x86_64 core2 (SSSE3 only)", wb_wamrc_simd("x86_64", "core2", v), WB_SIMD_AOT_CPU);
    EXPECT_BLOCK("x86_64 x86-64-v2", wb_wamrc_simd("x86_64", "x86-64-v2", v), WB_SIMD_RUNS);
    EXPECT_BLOCK("x86_64 skylake", wb_wamrc_simd("x86_64", "skylake", v), WB_SIMD_RUNS);
    /* every aarch64 has NEON */
    EXPECT_BLOCK("aarch64v8", wb_wamrc_simd("aarch64v8", "cortex-a53", v), WB_SIMD_RUNS);
    EXPECT_BLOCK("aarch64 generic", wb_wamrc_simd("aarch64", "", v), WB_SIMD_RUNS);
    /* arc from 2.2.0 */
    EXPECT_BLOCK("arc, 2.4", wb_wamrc_simd("arc", "", v), WB_SIMD_RUNS);
    EXPECT_BLOCK("arc, 2.1", wb_wamrc_simd("arc", "", &old), WB_SIMD_AOT_TARGET);
    /* every other target: SIMD off, stops at the first v128 */
    EXPECT_BLOCK("i386", wb_wamrc_simd("i386", "", v), WB_SIMD_AOT_TARGET);
    EXPECT_BLOCK("thumbv7em", wb_wamrc_simd("thumbv7em", "cortex-m4", v), WB_SIMD_AOT_TARGET);
    EXPECT_BLOCK("xtensa", wb_wamrc_simd("xtensa", "esp32s3", v), WB_SIMD_AOT_TARGET);
    EXPECT_BLOCK("riscv64", wb_wamrc_simd("riscv64", "", v), WB_SIMD_AOT_TARGET);
}

static void test_modes(void)
{
    const wb_simd_facts *v = &wb_wamr_version_find("2.4.5")->t->simd;
    const wb_simd_facts old = wb_wamr_version_find("2.1.0")->t->simd;
    wb_profile p;

    wb_profile_defaults(&p); /* linux x86-64, simd = yes, aot_cpu x86-64 */
    EXPECT_BLOCK("classic", wb_simd_check(&p, WB_MODE_CLASSIC_INTERP, 0, v), WB_SIMD_CLASSIC_INTERP);
    EXPECT_BLOCK("fast, 2.4", wb_simd_check(&p, WB_MODE_FAST_INTERP, 0, v), WB_SIMD_RUNS);
    EXPECT_BLOCK("fast, 2.1", wb_simd_check(&p, WB_MODE_FAST_INTERP, 0, &old), WB_SIMD_INTERP_VERSION);
    EXPECT_BLOCK("aot, x86-64 cpu", wb_simd_check(&p, WB_MODE_AOT, 0, v), WB_SIMD_AOT_CPU);
    /* an .aot exists: wamrc compiled it, only the loader is judged */
    EXPECT_BLOCK("aot file", wb_simd_check(&p, WB_MODE_AOT, 1, v), WB_SIMD_RUNS);
    p.aot_simd = 1; /* the profile vouches for its CPU */
    EXPECT_BLOCK("aot_simd = yes", wb_simd_check(&p, WB_MODE_AOT, 0, v), WB_SIMD_RUNS);
    p.aot_simd = 0;
    snprintf(p.aot_cpu, sizeof p.aot_cpu, "x86-64-v3");
    EXPECT_BLOCK("aot_simd = no", wb_simd_check(&p, WB_MODE_AOT, 0, v), WB_SIMD_AOT_PROFILE);
    p.aot_simd = -1;
    EXPECT_BLOCK("aot, x86-64-v3", wb_simd_check(&p, WB_MODE_AOT, 0, v), WB_SIMD_RUNS);

    p.simd = 0; /* a runtime built without WAMR_BUILD_SIMD */
    EXPECT_BLOCK("fast, no simd", wb_simd_check(&p, WB_MODE_FAST_INTERP, 0, v), WB_SIMD_RUNTIME_BUILD);
    EXPECT_BLOCK("aot, no simd", wb_simd_check(&p, WB_MODE_AOT, 0, v), WB_SIMD_RUNTIME_BUILD);
    EXPECT_BLOCK("aot file, no simd", wb_simd_check(&p, WB_MODE_AOT, 1, v), WB_SIMD_RUNTIME_BUILD);
}

int main(void)
{
    test_wamrc();
    test_modes();
    if (failures) {
        printf("%d failure(s)\n", failures);
        return 1;
    }
    printf("all SIMD rule tests passed\n");
    return 0;
}
