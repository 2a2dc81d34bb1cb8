/* The stack annotations file: `recursion` and `indirect` statements, one a line. */
#include "read/stack_notes.h"

#include <stdlib.h>
#include <string.h>

void wb_stack_notes_free(wb_stack_notes *n)
{
    free(n->notes);
    free(n->text);
    free(n->names);
    memset(n, 0, sizeof *n);
}

static int is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f'; }

/* Split the line [p, end) in place into NUL-terminated tokens; returns how
 * many there are (at most cap are stored). */
static unsigned tokens(char *p, char *end, char **tok, unsigned cap)
{
    unsigned n = 0;
    while (p < end) {
        while (p < end && is_space(*p))
            p++;
        if (p == end)
            break;
        if (n < cap)
            tok[n] = p;
        n++;
        while (p < end && !is_space(*p))
            p++;
        if (p < end)
            *p++ = '\0';
    }
    return n;
}

static int parse_depth(const char *s, uint32_t *out)
{
    uint64_t v = 0;
    if (!*s)
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        v = v * 10 + (uint64_t)(*s - '0');
        if (v > WB_NOTE_DEPTH_MAX)
            return -1;
    }
    if (v == 0)
        return -1;
    *out = (uint32_t)v;
    return 0;
}

int wb_stack_notes_parse(const char *text, size_t len, wb_stack_notes *out, wb_error *err)
{
    static const char usage[] =
        "expected 'recursion <function> <depth>' or 'indirect <function> -> <target>...'";
    size_t max_lines = 1, max_tokens = len / 2 + 1;
    unsigned line = 0;
    char *p, *end;

    memset(out, 0, sizeof *out);
    if (len > ((size_t)1 << 30))
        return wb_error_set(err, 0, "annotations", "the file is larger than 1 GiB");
    for (size_t i = 0; i < len; i++)
        max_lines += text[i] == '\n';
    out->text = malloc(len + 1);
    out->notes = calloc(max_lines, sizeof *out->notes);
    out->names = calloc(max_tokens, sizeof *out->names);
    if (!out->text || !out->notes || !out->names) {
        wb_error_set(err, 0, "annotations", "out of memory");
        goto fail;
    }
    memcpy(out->text, text, len);
    out->text[len] = '\0';
    p = out->text;
    end = out->text + len;
    size_t used_names = 0;
    while (p < end) {
        char *eol = memchr(p, '\n', (size_t)(end - p));
        char *hash, *stop, *tok[4];
        unsigned nt;
        if (!eol)
            eol = end;
        line++;
        if (memchr(p, '\0', (size_t)(eol - p))) {
            wb_error_set(err, line, "annotations", "a NUL byte: not a text file");
            goto fail;
        }
        hash = memchr(p, '#', (size_t)(eol - p));
        stop = hash ? hash : eol;
        *stop = '\0'; /* the comment or the newline: not needed any more */
        nt = tokens(p, stop, tok, 3);
        if (nt == 0) {
            p = eol + (eol < end);
            continue;
        }
        wb_stack_note *n = &out->notes[out->count];
        n->line = line;
        if (strcmp(tok[0], "recursion") == 0) {
            if (nt != 3) {
                wb_error_set(err, line, "annotations",
                             "expected 'recursion <function> <depth>'");
                goto fail;
            }
            if (parse_depth(tok[2], &n->depth) != 0) {
                wb_error_set(err, line, "annotations",
                             "the depth must be a whole number from 1 to %u", WB_NOTE_DEPTH_MAX);
                goto fail;
            }
            n->kind = WB_NOTE_RECURSION;
            n->func = tok[1];
        } else if (strcmp(tok[0], "indirect") == 0) {
            char *rest;
            if (nt < 4 || strcmp(tok[2], "->") != 0) {
                wb_error_set(err, line, "annotations",
                             "expected 'indirect <function> -> <target> [<target>...]'");
                goto fail;
            }
            n->kind = WB_NOTE_INDIRECT;
            n->func = tok[1];
            /* the targets: every token after "->" (tokens() ended each with one
             * NUL and left the rest of the white space between them) */
            rest = tok[2] + strlen(tok[2]) + 1;
            n->targets = &out->names[used_names];
            while (rest < stop) {
                if (*rest == '\0' || is_space(*rest)) {
                    rest++;
                    continue;
                }
                out->names[used_names++] = rest;
                n->target_count++;
                rest += strlen(rest) + 1;
            }
        } else {
            wb_error_set(err, line, "annotations", "%s, not '%.64s'", usage, tok[0]);
            goto fail;
        }
        out->count++;
        p = eol + (eol < end);
    }
    return 0;
fail:
    wb_stack_notes_free(out); /* after the message: it may quote the text */
    return -1;
}
