/* Outputs of a check: the report for people, the JSON contract, the host header. */
#ifndef WB_OUTPUTS_H
#define WB_OUTPUTS_H

#include <stdio.h>

#include "check/verdict.h"

/* The report a person reads at a glance: pools, biggest items, RAM bar, headroom. */
void wb_report_write(FILE *out, const wb_check *c, const wb_verdict *v);

/* Diagnostics, one block each: "<file>: error[code]: message\n  fix: ...". */
void wb_diags_write(FILE *out, const wb_check *c, const wb_verdict *v);

/* The JSON contract of PRODUCT.md ("estimate.*", budget, fits, diagnostics[]). */
void wb_json_write(FILE *out, const wb_check *c, const wb_verdict *v);

/* The header for the host: instantiate arguments, pool size, limits, estimate. */
void wb_header_write(FILE *out, const wb_check *c, const char *prefix);

/* Module facts for `wamr-budget inspect`. */
void wb_inspect_write(FILE *out, const char *path, const wb_wasm_facts *w, const wb_aot_facts *a);

/* JSON string escaping, shared by the writers. */
void wb_json_string(FILE *out, const char *s);

#endif
