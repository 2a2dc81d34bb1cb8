/* Stack annotations: what a user states about recursion depths and indirect-call targets. */
#ifndef WB_STACK_NOTES_H
#define WB_STACK_NOTES_H

#include <stddef.h>
#include <stdint.h>

#include "read/wasm_reader.h"

/*
 * The annotations file (--stack-annotations, STACK_ANNOTATIONS), one
 * statement a line, `#` to the end of a line is a comment:
 *
 *     recursion <function> <depth>
 *     indirect <function> -> <target> [<target> ...]
 *
 * `recursion` says <function> is active at most <depth> times at once on a
 * thread's stack (1 to 1000000); `indirect` says every indirect call in
 * <function> goes to one of the targets.  Functions are named as in the
 * module's name section, or `func[N]` by index (imports counted).
 */

enum { WB_NOTE_RECURSION = 1, WB_NOTE_INDIRECT = 2 };

#define WB_NOTE_DEPTH_MAX 1000000u

typedef struct wb_stack_note {
    int kind;                     /* WB_NOTE_* */
    unsigned line;                /* 1-based line of the file */
    const char *func;             /* the function, NUL-terminated */
    uint32_t depth;               /* recursion */
    const char *const *targets;   /* indirect: target_count names */
    unsigned target_count;
    const char *builtin;          /* not from the file: what the checker knows it from */
} wb_stack_note;

typedef struct wb_stack_notes {
    wb_stack_note *notes;
    unsigned count;
    char *text;                   /* a copy of the file the names point into */
    const char **names;           /* the targets of every indirect note */
} wb_stack_notes;

/*
 * Parse an annotations file.  On a bad line returns -1 with err->offset the
 * 1-based line number and err->message saying what was expected there (the
 * caller names the file).  On success the notes own their memory: free them
 * with wb_stack_notes_free.
 */
int wb_stack_notes_parse(const char *text, size_t len, wb_stack_notes *out, wb_error *err);
void wb_stack_notes_free(wb_stack_notes *n);

#endif
