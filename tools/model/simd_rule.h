/* Whether a runtime build, and wamrc for AOT, can run a module's SIMD (v128) code. */
#ifndef WB_SIMD_RULE_H
#define WB_SIMD_RULE_H

#include "read/profile.h"

/* What differs between WAMR versions (each version's table in
 * model/wamr_versions.c holds its row). */
typedef struct wb_simd_facts {
    int fast_interp_simd; /* the fast interpreter runs SIMD in a WAMR_BUILD_SIMD build: from
                             2.3.0 (2.1.x and 2.2.0 refuse v128 modules: "unsupported opcode") */
    int wamrc_arc_simd;   /* wamrc keeps SIMD for --target=arc: from 2.2.0 */
} wb_simd_facts;

/* What stops SIMD code (WB_SIMD_RUNS: nothing). */
typedef enum wb_simd_block {
    WB_SIMD_RUNS = 0,
    WB_SIMD_CLASSIC_INTERP, /* the classic interpreter has no SIMD in any version */
    WB_SIMD_INTERP_VERSION, /* this WAMR's fast interpreter has none */
    WB_SIMD_RUNTIME_BUILD,  /* the runtime is built without WAMR_BUILD_SIMD (profile simd = no) */
    WB_SIMD_AOT_TARGET,     /* wamrc turns SIMD off for the profile's aot_target */
    WB_SIMD_AOT_CPU,        /* x86_64 with an aot_cpu that lacks SSE4.1 */
    WB_SIMD_AOT_PROFILE     /* the profile says aot_simd = no */
} wb_simd_block;

/* wamrc's rule (core/iwasm/compilation/aot_llvm.c aot_create_comp_context,
 * aot_llvm_extra.cpp aot_check_simd_compatibility): it keeps SIMD for
 * x86_64 when the CPU has SSE4.1, for every aarch64 (NEON), and for arc;
 * for any other target it turns SIMD off and stops at the first v128 value
 * ("SIMD type was found").  WB_SIMD_RUNS, WB_SIMD_AOT_TARGET or
 * WB_SIMD_AOT_CPU. */
wb_simd_block wb_wamrc_simd(const char *target, const char *cpu, const wb_simd_facts *v);

/* What stops a module that uses SIMD in this mode on this profile.  With an
 * .aot (have_aot) wamrc's part is done: only the runtime build is judged. */
wb_simd_block wb_simd_check(const wb_profile *p, wb_mode mode, int have_aot,
                            const wb_simd_facts *v);

#endif
