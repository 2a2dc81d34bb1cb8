/* Writes a large, valid WebAssembly module (a libc-shaped program with many ordinary functions) for the benchmark. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct buf {
    uint8_t *p;
    size_t n, cap;
} buf;

static void need(buf *b, size_t more)
{
    if (b->cap - b->n >= more)
        return;
    while (b->cap - b->n < more)
        b->cap = b->cap ? b->cap * 2 : 4096;
    b->p = realloc(b->p, b->cap);
    if (!b->p) {
        perror("realloc");
        exit(1);
    }
}

static void byte(buf *b, uint8_t v)
{
    need(b, 1);
    b->p[b->n++] = v;
}

static void bytes(buf *b, const void *s, size_t n)
{
    need(b, n);
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

static void uleb(buf *b, uint64_t v)
{
    do {
        uint8_t c = (uint8_t)(v & 0x7f);
        v >>= 7;
        byte(b, (uint8_t)(c | (v ? 0x80 : 0)));
    } while (v);
}

static void sleb(buf *b, int64_t v)
{
    for (;;) {
        uint8_t c = (uint8_t)(v & 0x7f);
        v >>= 7;
        if ((v == 0 && !(c & 0x40)) || (v == -1 && (c & 0x40))) {
            byte(b, c);
            return;
        }
        byte(b, (uint8_t)(c | 0x80));
    }
}

static void name(buf *b, const char *s)
{
    uleb(b, strlen(s));
    bytes(b, s, strlen(s));
}

static void section(buf *out, uint8_t id, const buf *payload)
{
    byte(out, id);
    uleb(out, payload->n);
    bytes(out, payload->p, payload->n);
}

/* Stack-neutral statements over locals 0..1 (params, i32), 2..5 (i32), 6..7 (i64), 8 (f64). */
static void statement(buf *b, unsigned kind, uint32_t k, uint32_t callee)
{
    switch (kind % 10) {
    case 0: /* arithmetic */
        byte(b, 0x20); uleb(b, 0); byte(b, 0x20); uleb(b, 1); byte(b, 0x6A);
        byte(b, 0x41); sleb(b, (int32_t)(k * 2654435761u) >> 8); byte(b, 0x6C);
        byte(b, 0x21); uleb(b, 2);
        break;
    case 1: /* load */
        byte(b, 0x20); uleb(b, 2); byte(b, 0x28); uleb(b, 2); uleb(b, (k * 4) & 0xFFF);
        byte(b, 0x20); uleb(b, 3); byte(b, 0x73); byte(b, 0x21); uleb(b, 3);
        break;
    case 2: /* store */
        byte(b, 0x20); uleb(b, 0); byte(b, 0x20); uleb(b, 3); byte(b, 0x36); uleb(b, 2);
        uleb(b, (k * 8) & 0xFFF);
        break;
    case 3: /* if-like block with br_if */
        byte(b, 0x02); byte(b, 0x40); byte(b, 0x20); uleb(b, 2); byte(b, 0x45); byte(b, 0x0D);
        uleb(b, 0); byte(b, 0x20); uleb(b, 1); byte(b, 0x41); sleb(b, 1); byte(b, 0x6B);
        byte(b, 0x21); uleb(b, 1); byte(b, 0x0B);
        break;
    case 4: /* small loop */
        byte(b, 0x03); byte(b, 0x40); byte(b, 0x20); uleb(b, 4); byte(b, 0x41); sleb(b, 1);
        byte(b, 0x6A); byte(b, 0x22); uleb(b, 4); byte(b, 0x41); sleb(b, 10); byte(b, 0x49);
        byte(b, 0x0D); uleb(b, 0); byte(b, 0x0B);
        break;
    case 5: /* switch */
        byte(b, 0x02); byte(b, 0x40); byte(b, 0x02); byte(b, 0x40); byte(b, 0x02); byte(b, 0x40);
        byte(b, 0x20); uleb(b, 0); byte(b, 0x0E); uleb(b, 3); uleb(b, 0); uleb(b, 1); uleb(b, 2);
        uleb(b, 0); byte(b, 0x0B); byte(b, 0x20); uleb(b, 5); byte(b, 0x41); sleb(b, 3);
        byte(b, 0x6A); byte(b, 0x21); uleb(b, 5); byte(b, 0x0B); byte(b, 0x0B);
        break;
    case 6: /* direct call */
        byte(b, 0x20); uleb(b, 2); byte(b, 0x20); uleb(b, 3); byte(b, 0x10); uleb(b, callee);
        byte(b, 0x21); uleb(b, 5);
        break;
    case 7: /* i64 */
        byte(b, 0x20); uleb(b, 5); byte(b, 0xAD); byte(b, 0x42); sleb(b, (int64_t)k * 1000003);
        byte(b, 0x7E); byte(b, 0x20); uleb(b, 6); byte(b, 0x7C); byte(b, 0x21); uleb(b, 6);
        break;
    case 8: /* f64 */
        byte(b, 0x20); uleb(b, 8); byte(b, 0x44);
        { double d = 1.0 + k; bytes(b, &d, 8); }
        byte(b, 0xA2); byte(b, 0x21); uleb(b, 8);
        break;
    default: /* aux stack pointer, then an indirect call through the table */
        byte(b, 0x23); uleb(b, 0); byte(b, 0x41); sleb(b, 16); byte(b, 0x6B); byte(b, 0x24);
        uleb(b, 0);
        byte(b, 0x20); uleb(b, 0); byte(b, 0x20); uleb(b, 1); byte(b, 0x41); sleb(b, k & 15);
        byte(b, 0x11); uleb(b, 0); uleb(b, 0); byte(b, 0x21); uleb(b, 2);
        break;
    }
}

int main(int argc, char **argv)
{
    uint64_t target = 20u << 20; /* bytes of code */
    const uint32_t stmts = 80;
    buf out = {0}, s = {0}, body = {0}, code = {0};
    uint32_t nfuncs, i;
    FILE *fp;
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s OUTPUT.wasm [CODE_MEGABYTES]\n", argv[0]);
        return 2;
    }
    if (argc == 3)
        target = (uint64_t)strtoul(argv[2], NULL, 10) << 20;

    /* generated functions until the code reaches the target; each calls
     * functions defined before it (or itself), so every index exists */
    const uint32_t base = 1;  /* one imported function */
    const uint32_t extra = 3; /* malloc, free, _start after the generated ones */
    nfuncs = 0;
    for (i = 0; code.n < target; i++) {
        body.n = 0;
        uleb(&body, 4); /* local groups */
        uleb(&body, 4); byte(&body, 0x7F);
        uleb(&body, 2); byte(&body, 0x7E);
        uleb(&body, 1); byte(&body, 0x7C);
        uleb(&body, 0); byte(&body, 0x7F); /* an empty group is valid */
        for (uint32_t k = 0; k < stmts; k++)
            statement(&body, (k * 7 + i) % 10, k + i, base + (i * 31u + k) % (i + 1));
        byte(&body, 0x20); uleb(&body, 3); byte(&body, 0x0B);
        uleb(&code, body.n);
        bytes(&code, body.p, body.n);
        nfuncs++;
    }
    /* malloc (i32)->i32 with memory.grow, free (i32)->(), _start ()->() */
    {
        static const uint8_t m[] = {0x00, 0x20, 0x00, 0x41, 0x10, 0x76, 0x40, 0x00, 0x0B};
        static const uint8_t f[] = {0x00, 0x0B};
        static const uint8_t st[] = {0x00, 0x41, 0x00, 0x41, 0x00, 0x10, 0x01, 0x1A, 0x0B};
        uleb(&code, sizeof m); bytes(&code, m, sizeof m);
        uleb(&code, sizeof f); bytes(&code, f, sizeof f);
        uleb(&code, sizeof st); bytes(&code, st, sizeof st);
    }

    bytes(&out, "\0asm\1\0\0\0", 8);
    /* types: 0 (i32 i32)->i32, 1 (i32)->i32, 2 (i32)->(), 3 ()->(), 4 fd_write */
    s.n = 0;
    uleb(&s, 5);
    bytes(&s, "\x60\x02\x7f\x7f\x01\x7f", 6);
    bytes(&s, "\x60\x01\x7f\x01\x7f", 5);
    bytes(&s, "\x60\x01\x7f\x00", 4);
    bytes(&s, "\x60\x00\x00", 3);
    bytes(&s, "\x60\x04\x7f\x7f\x7f\x7f\x01\x7f", 8);
    section(&out, 1, &s);
    s.n = 0;
    uleb(&s, 1);
    name(&s, "wasi_snapshot_preview1");
    name(&s, "fd_write");
    byte(&s, 0x00); uleb(&s, 4);
    section(&out, 2, &s);
    s.n = 0;
    uleb(&s, nfuncs + extra);
    for (i = 0; i < nfuncs; i++)
        byte(&s, 0);
    byte(&s, 1); byte(&s, 2); byte(&s, 3);
    section(&out, 3, &s);
    s.n = 0; /* table: 16 funcrefs */
    bytes(&s, "\x01\x70\x01\x10\x10", 5);
    section(&out, 4, &s);
    s.n = 0; /* memory 2..256 pages */
    bytes(&s, "\x01\x01\x02\x80\x02", 5);
    section(&out, 5, &s);
    s.n = 0; /* __stack_pointer, __data_end, __heap_base */
    uleb(&s, 3);
    bytes(&s, "\x7f\x01\x41", 3); sleb(&s, 66576); byte(&s, 0x0B);
    bytes(&s, "\x7f\x00\x41", 3); sleb(&s, 1040); byte(&s, 0x0B);
    bytes(&s, "\x7f\x00\x41", 3); sleb(&s, 66576); byte(&s, 0x0B);
    section(&out, 6, &s);
    s.n = 0;
    uleb(&s, 6);
    name(&s, "memory"); byte(&s, 2); uleb(&s, 0);
    name(&s, "malloc"); byte(&s, 0); uleb(&s, base + nfuncs);
    name(&s, "free"); byte(&s, 0); uleb(&s, base + nfuncs + 1);
    name(&s, "_start"); byte(&s, 0); uleb(&s, base + nfuncs + 2);
    name(&s, "__data_end"); byte(&s, 3); uleb(&s, 1);
    name(&s, "__heap_base"); byte(&s, 3); uleb(&s, 2);
    section(&out, 7, &s);
    s.n = 0; /* elements: table[0..15] = the first 16 generated functions */
    uleb(&s, 1);
    bytes(&s, "\x00\x41\x00\x0B", 4);
    uleb(&s, 16);
    for (i = 0; i < 16; i++)
        uleb(&s, base + (i % nfuncs));
    section(&out, 9, &s);
    s.n = 0;
    uleb(&s, nfuncs + extra);
    bytes(&s, code.p, code.n);
    section(&out, 10, &s);
    s.n = 0;
    uleb(&s, 1);
    bytes(&s, "\x00\x41\x80\x08\x0B", 5);
    name(&s, "hello, world\n");
    section(&out, 11, &s);

    fp = fopen(argv[1], "wb");
    if (!fp || fwrite(out.p, 1, out.n, fp) != out.n || fclose(fp) != 0) {
        perror(argv[1]);
        return 1;
    }
    printf("%s: %zu bytes, %u functions, %zu bytes of code\n", argv[1], out.n, nfuncs + extra,
           code.n);
    free(out.p);
    free(s.p);
    free(body.p);
    free(code.p);
    return 0;
}
