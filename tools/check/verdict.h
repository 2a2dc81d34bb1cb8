/* The verdict: diagnostics with stable codes, and whether the module fits. */
#ifndef WB_VERDICT_H
#define WB_VERDICT_H

#include <stddef.h>
#include <stdint.h>

#include "read/aot_reader.h"
#include "model/model.h"
#include "read/profile.h"
#include "stack/stack_bound.h"
#include "read/wasm_reader.h"

typedef enum wb_severity { WB_SEV_ERROR = 0, WB_SEV_WARNING, WB_SEV_NOTE } wb_severity;

typedef struct wb_diag {
    wb_severity severity;
    const char *code;             /* stable, e.g. "over-budget" (README: Troubleshooting) */
    char message[384];
    char fix[256];
} wb_diag;

#define WB_MAX_DIAGS 32

/* Everything one check looked at; the outputs format it, nothing more. */
typedef struct wb_check {
    const char *module_path;
    const char *aot_path;         /* NULL without an .aot */
    const uint8_t *wasm;          /* NULL when only an .aot was given */
    size_t wasm_size;
    const wb_wasm_facts *wasm_facts;
    /* function names: a twin of the module that keeps them (--names: the
     * same standard sections, checked), else the module's own name section */
    const char *names_path;       /* NULL without --names */
    const uint8_t *names_wasm;
    size_t names_size;
    const wb_wasm_facts *names_facts;
    const wb_aot_facts *aot_facts;
    const wb_profile *profile;
    const wb_settings *settings;
    const wb_estimate *estimate;
    const wb_stack_result *stack; /* NULL when not analysed */
    uint64_t main_stack_size;     /* aux stack of the main thread, 0 unknown */
    const wb_stack_notes *notes;  /* the annotations the stack bounds applied (stack->notes_used) */
    const char *notes_path;       /* the annotations file, NULL without */
    const char *operand_why;      /* interpreter frames not known: why (NULL when known) */
    int stack_auto;               /* --stack-size auto: stack_size is the operand bound + margin */
    int stack_auto_failed;        /* ... and there was no bound */
    uint64_t stack_margin;
    uint64_t budget;              /* 0: none given */
    int budget_is_ram;            /* no budget was given: the profile's ram stands in */
} wb_check;

typedef struct wb_verdict {
    int fits;                     /* estimate within budget (1 when no budget) */
    int misconfigured;            /* at least one error other than over-budget */
    int errors, warnings, notes;
    wb_diag diags[WB_MAX_DIAGS];
    unsigned count;
} wb_verdict;

void wb_verdict_make(const wb_check *c, wb_verdict *v);

/* The module has a C shadow stack (WAMR's aux stack): a stack-pointer global
 * that function prologues move.  AssemblyScript modules and many hand-written
 * ones have none; the aux-stack diagnostics and report lines are for it. */
int wb_check_has_c_stack(const wb_check *c);

/* Where function names come from (the --names twin, else the module), for
 * wb_wasm_func_name and wb_stack_format_path: 1, or 0 when there is no wasm. */
int wb_check_names(const wb_check *c, const uint8_t **data, size_t *size,
                   const wb_wasm_facts **facts);

/* Function f's name from there ("func[N]" without a name), in buf. */
const char *wb_check_func_name(const wb_check *c, uint32_t f, char *buf, size_t cap);

/* A stack bound's path or why it has none, with those names
 * (wb_stack_format_path; "" without a wasm module), in buf. */
const char *wb_check_format_path(const wb_check *c, const wb_stack_bound *b, char *buf, size_t cap);

/* 0 fits, 1 does not fit or is misconfigured. */
int wb_verdict_exit_code(const wb_verdict *v);

const char *wb_severity_name(wb_severity s);

#endif
