/* A strict, bounded JSON reader for the checker's own JSON: text in, a tree of nodes out. */
#include "read/json_reader.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NONE 0u

typedef struct parser {
    const unsigned char *p, *end, *start;
    uint32_t line;
    const unsigned char *line_start;
    wb_json_doc *doc;
    uint32_t cap;
    char *out;             /* next free byte of doc->strings */
    wb_json_error *err;
    int failed;
} parser;

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void fail_at(parser *ps, const unsigned char *at, const char *fmt, ...)
{
    va_list ap;
    if (ps->failed)
        return;
    ps->failed = 1;
    if (!ps->err)
        return;
    /* the line and column of `at`: count from the start of the current line */
    uint32_t line = ps->line;
    const unsigned char *ls = ps->line_start;
    if (at < ls) { /* an error reported at an earlier point than the cursor */
        line = 1;
        ls = ps->start;
        for (const unsigned char *q = ps->start; q < at; q++)
            if (*q == '\n') {
                line++;
                ls = q + 1;
            }
    }
    ps->err->offset = (size_t)(at - ps->start);
    ps->err->line = line;
    ps->err->column = (uint32_t)(at - ls) + 1;
    va_start(ap, fmt);
    vsnprintf(ps->err->message, sizeof ps->err->message, fmt, ap);
    va_end(ap);
}

static void skip_ws(parser *ps)
{
    while (ps->p < ps->end) {
        unsigned char c = *ps->p;
        if (c == '\n') {
            ps->line++;
            ps->line_start = ps->p + 1;
        } else if (c != ' ' && c != '\t' && c != '\r') {
            return;
        }
        ps->p++;
    }
}

/* A new node at the cursor; NONE (with the error set) when the cap is reached.
 * Index 0 is the root, so a new node is never NONE otherwise. */
static uint32_t new_node(parser *ps, wb_json_type type)
{
    wb_json_doc *d = ps->doc;
    if (d->count == WB_JSON_MAX_NODES) {
        fail_at(ps, ps->p, "more than %u values: not a wamr-budget file", (unsigned)WB_JSON_MAX_NODES);
        return NONE;
    }
    if (d->count == ps->cap) {
        uint32_t cap = ps->cap ? ps->cap * 2 : 64;
        if (cap > WB_JSON_MAX_NODES)
            cap = WB_JSON_MAX_NODES;
        wb_json_node *n = realloc(d->nodes, (size_t)cap * sizeof *n);
        if (!n) {
            fail_at(ps, ps->p, "out of memory");
            return NONE;
        }
        d->nodes = n;
        ps->cap = cap;
    }
    uint32_t i = d->count++;
    memset(&d->nodes[i], 0, sizeof d->nodes[i]);
    d->nodes[i].type = type;
    d->nodes[i].offset = (size_t)(ps->p - ps->start);
    d->nodes[i].line = ps->line;
    d->nodes[i].column = (uint32_t)(ps->p - ps->line_start) + 1;
    return i;
}

static int hex4(const unsigned char *p, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = p[i], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return -1;
        v = v * 16 + d;
    }
    *out = v;
    return 0;
}

static void put_utf8(parser *ps, unsigned cp)
{
    if (cp < 0x80) {
        *ps->out++ = (char)cp;
    } else if (cp < 0x800) {
        *ps->out++ = (char)(0xC0 | (cp >> 6));
        *ps->out++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *ps->out++ = (char)(0xE0 | (cp >> 12));
        *ps->out++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *ps->out++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *ps->out++ = (char)(0xF0 | (cp >> 18));
        *ps->out++ = (char)(0x80 | ((cp >> 12) & 0x3F));
        *ps->out++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *ps->out++ = (char)(0x80 | (cp & 0x3F));
    }
}

/* Length of the well-formed UTF-8 sequence at p (2 to 4 bytes), or 0. */
static size_t utf8_len(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    size_t n;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0)
            lo = 0xA0; /* no overlong forms */
        if (c == 0xED)
            hi = 0x9F; /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F; /* nothing above U+10FFFF */
    } else
        return 0;
    if ((size_t)(end - p) < n)
        return 0;
    if (p[1] < lo || p[1] > hi)
        return 0;
    for (size_t i = 2; i < n; i++)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    return n;
}

/* A string at the cursor (on its opening quote): decoded into the arena. */
static const char *parse_string(parser *ps, size_t *len_out)
{
    const unsigned char *open = ps->p;
    char *s = ps->out;
    ps->p++;
    for (;;) {
        if (ps->p >= ps->end) {
            fail_at(ps, open, "a string that never ends (no closing '\"')");
            return NULL;
        }
        unsigned c = *ps->p;
        if (c == '"') {
            ps->p++;
            break;
        }
        if (c < 0x20) {
            fail_at(ps, ps->p, "a control character (0x%02x) inside a string: write it as an escape", c);
            return NULL;
        }
        if (c == '\\') {
            const unsigned char *esc = ps->p;
            if (ps->end - ps->p < 2) {
                fail_at(ps, esc, "a string that ends inside an escape");
                return NULL;
            }
            unsigned e = ps->p[1];
            ps->p += 2;
            switch (e) {
            case '"': *ps->out++ = '"'; break;
            case '\\': *ps->out++ = '\\'; break;
            case '/': *ps->out++ = '/'; break;
            case 'b': *ps->out++ = '\b'; break;
            case 'f': *ps->out++ = '\f'; break;
            case 'n': *ps->out++ = '\n'; break;
            case 'r': *ps->out++ = '\r'; break;
            case 't': *ps->out++ = '\t'; break;
            case 'u': {
                unsigned cp, lo;
                if (ps->end - ps->p < 4 || hex4(ps->p, &cp) != 0) {
                    fail_at(ps, esc, "\\u must be followed by four hex digits");
                    return NULL;
                }
                ps->p += 4;
                if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    fail_at(ps, esc, "a lone low surrogate (\\u%04x)", cp);
                    return NULL;
                }
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (ps->end - ps->p < 6 || ps->p[0] != '\\' || ps->p[1] != 'u' ||
                        hex4(ps->p + 2, &lo) != 0 || lo < 0xDC00 || lo > 0xDFFF) {
                        fail_at(ps, esc, "a high surrogate (\\u%04x) without its low half", cp);
                        return NULL;
                    }
                    ps->p += 6;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                }
                if (cp == 0) {
                    fail_at(ps, esc, "\\u0000 in a string: NUL is not allowed here");
                    return NULL;
                }
                put_utf8(ps, cp);
                break;
            }
            default:
                fail_at(ps, esc, "unknown escape '\\%c'", e >= 0x20 && e < 0x7F ? (char)e : '?');
                return NULL;
            }
            continue;
        }
        if (c < 0x80) {
            *ps->out++ = (char)c;
            ps->p++;
            continue;
        }
        size_t n = utf8_len(ps->p, ps->end);
        if (n == 0) {
            fail_at(ps, ps->p, "invalid UTF-8 in a string");
            return NULL;
        }
        memcpy(ps->out, ps->p, n);
        ps->out += n;
        ps->p += n;
    }
    *len_out = (size_t)(ps->out - s);
    *ps->out++ = '\0';
    return s;
}

static int is_digit(unsigned c)
{
    return c >= '0' && c <= '9';
}

static void parse_number(parser *ps, wb_json_node *n)
{
    const unsigned char *s = ps->p, *q = ps->p;
    int neg = 0, whole = 1;
    if (q < ps->end && *q == '-') {
        neg = 1;
        q++;
    }
    if (q >= ps->end || !is_digit(*q)) {
        fail_at(ps, s, "expected a digit in a number");
        return;
    }
    if (*q == '0') {
        q++;
        if (q < ps->end && is_digit(*q)) {
            fail_at(ps, s, "a number with a leading zero");
            return;
        }
    } else {
        while (q < ps->end && is_digit(*q))
            q++;
    }
    if (q < ps->end && *q == '.') {
        whole = 0;
        q++;
        if (q >= ps->end || !is_digit(*q)) {
            fail_at(ps, q, "expected a digit after the decimal point");
            return;
        }
        while (q < ps->end && is_digit(*q))
            q++;
    }
    if (q < ps->end && (*q == 'e' || *q == 'E')) {
        whole = 0;
        q++;
        if (q < ps->end && (*q == '+' || *q == '-'))
            q++;
        if (q >= ps->end || !is_digit(*q)) {
            fail_at(ps, q, "expected a digit in the exponent");
            return;
        }
        while (q < ps->end && is_digit(*q))
            q++;
    }
    size_t len = (size_t)(q - s);
    if (len > WB_JSON_MAX_NUMBER) {
        fail_at(ps, s, "a number of more than %d characters", WB_JSON_MAX_NUMBER);
        return;
    }
    /* a copy in the arena: the token and a NUL fit in it and its delimiter */
    char *copy = ps->out;
    memcpy(copy, s, len);
    copy[len] = '\0';
    ps->out += len + 1;
    n->str = copy;
    n->len = len;
    n->number = strtod(copy, NULL);
    if (!neg && whole) {
        uint64_t v = 0;
        int fits = 1;
        for (const unsigned char *d = s; d < q; d++) {
            unsigned dv = (unsigned)(*d - '0');
            if (v > (UINT64_MAX - dv) / 10) {
                fits = 0;
                break;
            }
            v = v * 10 + dv;
        }
        n->is_u64 = fits;
        n->u64 = fits ? v : 0;
    }
    ps->p = q;
}

static int literal(parser *ps, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0)
        return -1;
    ps->p += n;
    return 0;
}

static uint32_t parse_value(parser *ps, unsigned depth);

/* Append child to parent's chain; *last is the parent's last child so far. */
static void link_child(parser *ps, uint32_t parent, uint32_t *last, uint32_t child)
{
    wb_json_node *nodes = ps->doc->nodes;
    if (*last == NONE)
        nodes[parent].child = child;
    else
        nodes[*last].next = child;
    *last = child;
    nodes[parent].count++;
}

static uint32_t parse_array(parser *ps, unsigned depth)
{
    uint32_t self = new_node(ps, WB_JSON_ARRAY), last = NONE;
    if (ps->failed)
        return NONE;
    ps->p++; /* [ */
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == ']') {
        ps->p++;
        return self;
    }
    for (;;) {
        uint32_t v = parse_value(ps, depth + 1);
        if (ps->failed)
            return NONE;
        link_child(ps, self, &last, v);
        skip_ws(ps);
        if (ps->p >= ps->end) {
            fail_at(ps, ps->p, "the input ends inside an array (expected ',' or ']')");
            return NONE;
        }
        if (*ps->p == ']') {
            ps->p++;
            return self;
        }
        if (*ps->p != ',') {
            fail_at(ps, ps->p, "expected ',' or ']' after an array element");
            return NONE;
        }
        ps->p++;
        skip_ws(ps);
        if (ps->p < ps->end && *ps->p == ']') {
            fail_at(ps, ps->p, "a trailing comma before ']'");
            return NONE;
        }
    }
}

static uint32_t parse_object(parser *ps, unsigned depth)
{
    uint32_t self = new_node(ps, WB_JSON_OBJECT), last = NONE;
    if (ps->failed)
        return NONE;
    ps->p++; /* { */
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == '}') {
        ps->p++;
        return self;
    }
    for (;;) {
        if (ps->p >= ps->end || *ps->p != '"') {
            fail_at(ps, ps->p, ps->p >= ps->end ? "the input ends inside an object (expected a key)"
                                                : "expected a string key in an object");
            return NONE;
        }
        const unsigned char *key_at = ps->p;
        size_t klen;
        const char *key = parse_string(ps, &klen);
        if (!key)
            return NONE;
        if (ps->doc->nodes[self].count == WB_JSON_MAX_MEMBERS) {
            fail_at(ps, key_at, "an object of more than %d members", WB_JSON_MAX_MEMBERS);
            return NONE;
        }
        for (uint32_t m = ps->doc->nodes[self].child; m != NONE; m = ps->doc->nodes[m].next)
            if (strcmp(ps->doc->nodes[m].key, key) == 0) {
                fail_at(ps, key_at, "duplicate key \"%.60s\" in an object", key);
                return NONE;
            }
        skip_ws(ps);
        if (ps->p >= ps->end || *ps->p != ':') {
            fail_at(ps, ps->p, "expected ':' after the key \"%.60s\"", key);
            return NONE;
        }
        ps->p++;
        skip_ws(ps);
        uint32_t v = parse_value(ps, depth + 1);
        if (ps->failed)
            return NONE;
        ps->doc->nodes[v].key = key;
        link_child(ps, self, &last, v);
        skip_ws(ps);
        if (ps->p >= ps->end) {
            fail_at(ps, ps->p, "the input ends inside an object (expected ',' or '}')");
            return NONE;
        }
        if (*ps->p == '}') {
            ps->p++;
            return self;
        }
        if (*ps->p != ',') {
            fail_at(ps, ps->p, "expected ',' or '}' after the member \"%.60s\"", key);
            return NONE;
        }
        ps->p++;
        skip_ws(ps);
        if (ps->p < ps->end && *ps->p == '}') {
            fail_at(ps, ps->p, "a trailing comma before '}'");
            return NONE;
        }
    }
}

static uint32_t parse_value(parser *ps, unsigned depth)
{
    uint32_t self;
    if (depth == WB_JSON_MAX_DEPTH) {
        fail_at(ps, ps->p, "arrays and objects nested more than %d deep", WB_JSON_MAX_DEPTH);
        return NONE;
    }
    skip_ws(ps);
    if (ps->p >= ps->end) {
        fail_at(ps, ps->p, "expected a value, found the end of the input");
        return NONE;
    }
    switch (*ps->p) {
    case '{':
        return parse_object(ps, depth);
    case '[':
        return parse_array(ps, depth);
    case '"': {
        self = new_node(ps, WB_JSON_STRING);
        if (ps->failed)
            return NONE;
        size_t len;
        const char *s = parse_string(ps, &len);
        if (!s)
            return NONE;
        ps->doc->nodes[self].str = s;
        ps->doc->nodes[self].len = len;
        return self;
    }
    case 't':
    case 'f':
    case 'n': {
        const unsigned char *at = ps->p;
        wb_json_type t = *at == 't' ? WB_JSON_TRUE : *at == 'f' ? WB_JSON_FALSE : WB_JSON_NULL;
        self = new_node(ps, t);
        if (ps->failed)
            return NONE;
        if (literal(ps, t == WB_JSON_TRUE ? "true" : t == WB_JSON_FALSE ? "false" : "null") != 0) {
            fail_at(ps, at, "expected true, false or null");
            return NONE;
        }
        return self;
    }
    default:
        if (*ps->p == '-' || is_digit(*ps->p)) {
            self = new_node(ps, WB_JSON_NUMBER);
            if (ps->failed)
                return NONE;
            parse_number(ps, &ps->doc->nodes[self]);
            return ps->failed ? NONE : self;
        }
        if (*ps->p >= 0x20 && *ps->p < 0x7F)
            fail_at(ps, ps->p, "unexpected '%c' where a value should be", (char)*ps->p);
        else
            fail_at(ps, ps->p, "unexpected byte 0x%02x where a value should be", *ps->p);
        return NONE;
    }
}

int wb_json_parse(const char *text, size_t len, wb_json_doc *doc, wb_json_error *err)
{
    parser ps;
    memset(doc, 0, sizeof *doc);
    memset(&ps, 0, sizeof ps);
    if (err)
        memset(err, 0, sizeof *err);
    ps.start = ps.p = ps.line_start = (const unsigned char *)text;
    ps.end = ps.p + len;
    ps.line = 1;
    ps.doc = doc;
    ps.err = err;
    if (len > WB_JSON_MAX_BYTES) {
        fail_at(&ps, ps.p, "more than %zu bytes: not a wamr-budget file", WB_JSON_MAX_BYTES);
        return -1;
    }
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        ps.p += 3;
    /* every decoded string with its NUL fits in the bytes of its token */
    doc->strings = malloc(len + 1);
    if (!doc->strings) {
        fail_at(&ps, ps.p, "out of memory");
        return -1;
    }
    ps.out = doc->strings;
    parse_value(&ps, 0);
    if (!ps.failed) {
        skip_ws(&ps);
        if (ps.p < ps.end)
            fail_at(&ps, ps.p, "more after the end of the JSON value");
    }
    if (ps.failed) {
        wb_json_free(doc);
        return -1;
    }
    return 0;
}

void wb_json_free(wb_json_doc *doc)
{
    free(doc->nodes);
    free(doc->strings);
    memset(doc, 0, sizeof *doc);
}

const wb_json_node *wb_json_root(const wb_json_doc *doc)
{
    return doc->count ? &doc->nodes[0] : NULL;
}

const wb_json_node *wb_json_child(const wb_json_doc *doc, const wb_json_node *n)
{
    return n && n->child != NONE ? &doc->nodes[n->child] : NULL;
}

const wb_json_node *wb_json_next(const wb_json_doc *doc, const wb_json_node *n)
{
    return n && n->next != NONE ? &doc->nodes[n->next] : NULL;
}

const wb_json_node *wb_json_member(const wb_json_doc *doc, const wb_json_node *n, const char *key)
{
    if (!n || n->type != WB_JSON_OBJECT)
        return NULL;
    for (const wb_json_node *m = wb_json_child(doc, n); m; m = wb_json_next(doc, m))
        if (strcmp(m->key, key) == 0)
            return m;
    return NULL;
}

const wb_json_node *wb_json_path(const wb_json_doc *doc, const wb_json_node *n, const char *path)
{
    char part[128];
    while (n && *path) {
        const char *dot = strchr(path, '.');
        size_t len = dot ? (size_t)(dot - path) : strlen(path);
        if (len >= sizeof part)
            return NULL;
        memcpy(part, path, len);
        part[len] = '\0';
        n = wb_json_member(doc, n, part);
        path += len + (dot ? 1 : 0);
    }
    return n;
}
