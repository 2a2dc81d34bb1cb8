/* The stack annotations reader: statements, comments, and an error naming the line for each mistake. */
#include <stdio.h>
#include <string.h>

#include "../common/wb_test.h"
#include "read/stack_notes.h"

/* A text that must fail on `line` with a message containing `what`. */
static void bad(const char *text, unsigned line, const char *what)
{
    wb_stack_notes n;
    wb_error err;
    memset(&err, 0, sizeof err);
    int rc = wb_stack_notes_parse(text, strlen(text), &n, &err);
    CHECK(rc == -1, "'%s' was accepted", text);
    if (rc == 0) {
        wb_stack_notes_free(&n);
        return;
    }
    CHECK(err.offset == line, "'%s': error on line %zu, expected %u", text, err.offset, line);
    CHECK(strstr(err.message, what) != NULL, "'%s': '%s' does not say '%s'", text, err.message, what);
}

int main(void)
{
    wb_stack_notes n;
    wb_error err;
    const char *ok = "# depths from the sources\n"
                     "\n"
                     "recursion parse_expr 13   # one per parenthesis\n"
                     "  indirect\tzeroize -> memset\n"
                     "indirect __fwritex ->  __stdio_write \t sn_write  func[12] \r\n"
                     "recursion rec 1000000";
    CHECK(wb_stack_notes_parse(ok, strlen(ok), &n, &err) == 0, "valid file refused: %s", err.message);
    CHECK(n.count == 4, "%u statements, expected 4", n.count);
    if (n.count == 4) {
        CHECK(n.notes[0].kind == WB_NOTE_RECURSION && n.notes[0].line == 3 &&
                  strcmp(n.notes[0].func, "parse_expr") == 0 && n.notes[0].depth == 13,
              "statement 1");
        CHECK(n.notes[1].kind == WB_NOTE_INDIRECT && n.notes[1].line == 4 &&
                  strcmp(n.notes[1].func, "zeroize") == 0 && n.notes[1].target_count == 1 &&
                  strcmp(n.notes[1].targets[0], "memset") == 0,
              "statement 2");
        CHECK(n.notes[2].target_count == 3 && strcmp(n.notes[2].targets[0], "__stdio_write") == 0 &&
                  strcmp(n.notes[2].targets[1], "sn_write") == 0 &&
                  strcmp(n.notes[2].targets[2], "func[12]") == 0 && n.notes[2].line == 5,
              "statement 3: %u targets", n.notes[2].target_count);
        CHECK(n.notes[3].depth == 1000000 && n.notes[3].line == 6, "statement 4");
        CHECK(n.notes[0].builtin == NULL, "a file's statement is not built in");
    }
    wb_stack_notes_free(&n);

    CHECK(wb_stack_notes_parse("", 0, &n, &err) == 0 && n.count == 0, "an empty file");
    wb_stack_notes_free(&n);

    bad("recursion f", 1, "expected 'recursion <function> <depth>'");
    bad("\n\nrecursion f 0", 3, "whole number from 1 to 1000000");
    bad("recursion f 1000001", 1, "whole number from 1 to 1000000");
    bad("recursion f 12x", 1, "whole number");
    bad("recursion f 3 4", 1, "expected 'recursion <function> <depth>'");
    bad("indirect f memset", 1, "expected 'indirect <function> -> <target>");
    bad("indirect f ->", 1, "expected 'indirect <function> -> <target>");
    bad("indirect f -> # nothing", 1, "expected 'indirect <function> -> <target>");
    bad("# ok\nrecurse f 3", 2, "not 'recurse'");
    {
        static const char nul[] = "recursion f 3\nrec\0ursion g 2\n";
        wb_stack_notes m;
        CHECK(wb_stack_notes_parse(nul, sizeof nul - 1, &m, &err) == -1 && err.offset == 2 &&
                  strstr(err.message, "NUL") != NULL,
              "a NUL byte");
    }
    if (failures)
        fprintf(stderr, "%d failures\n", failures);
    else
        printf("stack annotations reader: all cases pass\n");
    return failures ? 1 : 0;
}
