/* Bounded little-endian and LEB128 readers shared by every binary reader. */
#ifndef WB_CURSOR_H
#define WB_CURSOR_H

#include <stddef.h>
#include <stdint.h>

/*
 * A cursor walks [p, end) of a borrowed buffer; base is the start of the
 * whole file so errors can report absolute offsets.  Every read checks what
 * remains before it touches a byte; a failed read leaves ok == 0 and the
 * cursor where the failure was found.  Readers test ok once per record
 * rather than after every field.
 */
typedef struct wb_cursor {
    const uint8_t *base;
    const uint8_t *p;
    const uint8_t *end;
    int ok;
    const char *why; /* static text: what the failed read expected */
} wb_cursor;

static inline wb_cursor wb_cursor_make(const uint8_t *base, size_t size)
{
    wb_cursor c;
    c.base = base;
    c.p = base;
    c.end = base + size;
    c.ok = 1;
    c.why = NULL;
    return c;
}

static inline size_t wb_cursor_left(const wb_cursor *c) { return (size_t)(c->end - c->p); }
static inline size_t wb_cursor_offset(const wb_cursor *c) { return (size_t)(c->p - c->base); }

static inline void wb_cursor_fail(wb_cursor *c, const char *why)
{
    if (c->ok) {
        c->ok = 0;
        c->why = why;
    }
}

/* A sub-cursor over the next len bytes; the parent skips them. */
static inline wb_cursor wb_cursor_sub(wb_cursor *c, uint64_t len)
{
    wb_cursor s = *c;
    if (!c->ok || len > wb_cursor_left(c)) {
        wb_cursor_fail(c, "length runs past the end of its container");
        s.ok = 0;
        s.why = c->why;
        s.end = s.p;
        return s;
    }
    s.end = c->p + len;
    c->p += len;
    return s;
}

static inline uint8_t wb_u8(wb_cursor *c)
{
    if (!c->ok || c->p >= c->end) {
        wb_cursor_fail(c, "unexpected end of data");
        return 0;
    }
    return *c->p++;
}

static inline uint64_t wb_le(wb_cursor *c, unsigned nbytes)
{
    uint64_t v = 0;
    if (!c->ok || nbytes > wb_cursor_left(c)) {
        wb_cursor_fail(c, "unexpected end of data");
        return 0;
    }
    for (unsigned i = 0; i < nbytes; i++)
        v |= (uint64_t)c->p[i] << (8 * i);
    c->p += nbytes;
    return v;
}

static inline uint16_t wb_u16le(wb_cursor *c) { return (uint16_t)wb_le(c, 2); }
static inline uint32_t wb_u32le(wb_cursor *c) { return (uint32_t)wb_le(c, 4); }
static inline uint64_t wb_u64le(wb_cursor *c) { return wb_le(c, 8); }

/* Unsigned LEB128 of at most `bits` bits (32 or 64), rejecting overlong
 * encodings and set bits beyond the width, as the wasm spec requires. */
static inline uint64_t wb_uleb(wb_cursor *c, unsigned bits)
{
    uint64_t v = 0;
    unsigned shift = 0;
    for (;;) {
        uint8_t b = wb_u8(c);
        if (!c->ok)
            return 0;
        if (shift + 7 > bits && (b & 0x7f) >> (bits - shift) != 0) {
            wb_cursor_fail(c, "LEB128 integer too large");
            return 0;
        }
        v |= (uint64_t)(b & 0x7f) << shift;
        shift += 7;
        if (!(b & 0x80))
            return v;
        if (shift >= bits) {
            wb_cursor_fail(c, "LEB128 integer too long");
            return 0;
        }
    }
}

/* Signed LEB128 of at most `bits` bits (32, 33 or 64). */
static inline int64_t wb_sleb(wb_cursor *c, unsigned bits)
{
    uint64_t v = 0;
    unsigned shift = 0;
    uint8_t b;
    for (;;) {
        b = wb_u8(c);
        if (!c->ok)
            return 0;
        if (shift + 7 > bits) {
            /* last byte: the unused high bits must repeat the sign bit */
            unsigned used = bits - shift;               /* 1..7 bits carry value */
            uint8_t hi = (uint8_t)((b & 0x7f) >> (used - 1)); /* sign + unused bits */
            uint8_t all = (uint8_t)(0x7f >> (used - 1));
            if ((b & 0x80) || (hi != 0 && hi != all)) {
                wb_cursor_fail(c, "signed LEB128 integer too large");
                return 0;
            }
        }
        v |= (uint64_t)(b & 0x7f) << shift;
        shift += 7;
        if (!(b & 0x80))
            break;
        if (shift >= bits) {
            wb_cursor_fail(c, "signed LEB128 integer too long");
            return 0;
        }
    }
    if (shift < 64 && (b & 0x40))
        v |= ~(uint64_t)0 << shift;
    return (int64_t)v;
}

/* The same two readers with the one-byte case inline: most immediates in
 * code fit in one byte, and the hot decode loops read little else. */
static inline uint64_t wb_uleb_fast(wb_cursor *c, unsigned bits)
{
    if (c->p < c->end && *c->p < 0x80)
        return *c->p++;
    return wb_uleb(c, bits);
}

static inline int64_t wb_sleb_fast(wb_cursor *c, unsigned bits)
{
    if (c->p < c->end && *c->p < 0x80) {
        uint8_t b = *c->p++;
        return (b & 0x40) ? (int64_t)b - 128 : (int64_t)b;
    }
    return wb_sleb(c, bits);
}

#endif
