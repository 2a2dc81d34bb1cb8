/* A strict, bounded JSON reader for the checker's own JSON: text in, a tree of nodes out. */
#ifndef WB_JSON_READER_H
#define WB_JSON_READER_H

#include <stddef.h>
#include <stdint.h>

/*
 * RFC 8259 and nothing more: no comments, no trailing commas, no NaN, no
 * duplicate keys, valid UTF-8 only.  A leading UTF-8 byte order mark is
 * skipped.  The limits keep a hostile file from costing more than a few
 * times its size: input, nesting, nodes, members of one object, length of a
 * number.  Strings may not hold NUL (\u0000): they are handed out as C
 * strings.
 */
#define WB_JSON_MAX_BYTES ((size_t)16 << 20)
#define WB_JSON_MAX_DEPTH 64
#define WB_JSON_MAX_NODES ((uint32_t)1 << 20)
#define WB_JSON_MAX_MEMBERS 512   /* members of one object */
#define WB_JSON_MAX_NUMBER 64     /* characters of one number */

typedef enum wb_json_type {
    WB_JSON_NULL = 0,
    WB_JSON_FALSE,
    WB_JSON_TRUE,
    WB_JSON_NUMBER,
    WB_JSON_STRING,
    WB_JSON_ARRAY,
    WB_JSON_OBJECT
} wb_json_type;

/* One value.  Children of an array or object are chained through `next`;
 * index 0 is the root, so 0 also means "none" for `child` and `next`. */
typedef struct wb_json_node {
    wb_json_type type;
    uint32_t child;        /* first element or member */
    uint32_t next;         /* next sibling */
    uint32_t count;        /* elements or members */
    const char *key;       /* an object member's key (decoded, NUL-terminated); NULL otherwise */
    const char *str;       /* a string (decoded), or a number's text; NUL-terminated */
    size_t len;            /* bytes of str */
    int is_u64;            /* a number that is a whole number from 0 to UINT64_MAX */
    uint64_t u64;
    double number;         /* every number, as strtod reads it */
    size_t offset;         /* where the value starts: byte offset, */
    uint32_t line, column; /* and line and column from 1 */
} wb_json_node;

typedef struct wb_json_doc {
    wb_json_node *nodes;
    uint32_t count;
    char *strings;         /* decoded strings and keys */
} wb_json_doc;

/* Where and why a parse failed. */
typedef struct wb_json_error {
    size_t offset;
    uint32_t line, column;
    char message[160];
} wb_json_error;

/* Parse text[0..len).  0, or -1 with err filled (doc is then empty).  The
 * tree owns copies of every string: text may be freed after. */
int wb_json_parse(const char *text, size_t len, wb_json_doc *doc, wb_json_error *err);
void wb_json_free(wb_json_doc *doc);

const wb_json_node *wb_json_root(const wb_json_doc *doc);
/* First child and next sibling, or NULL. */
const wb_json_node *wb_json_child(const wb_json_doc *doc, const wb_json_node *n);
const wb_json_node *wb_json_next(const wb_json_doc *doc, const wb_json_node *n);
/* The member `key` of an object, or NULL (also when n is not an object). */
const wb_json_node *wb_json_member(const wb_json_doc *doc, const wb_json_node *n, const char *key);
/* A member by dotted path from n: "estimate.pools.global_heap". */
const wb_json_node *wb_json_path(const wb_json_doc *doc, const wb_json_node *n, const char *path);

#endif
