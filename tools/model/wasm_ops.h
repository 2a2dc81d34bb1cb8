/* Operand types of the numeric, load and store opcodes, from the spec's instruction signatures. */
#ifndef WB_WASM_OPS_H
#define WB_WASM_OPS_H

#include <stdint.h>

/* Value types as their one-byte encodings. */
enum { WB_VT_I32 = 0x7f, WB_VT_I64 = 0x7e, WB_VT_F32 = 0x7d, WB_VT_F64 = 0x7c, WB_VT_V128 = 0x7b,
       WB_VT_FUNCREF = 0x70, WB_VT_EXTERNREF = 0x6f };

/* The numeric opcodes lo..hi pop n operands of type in and push one of type out. */
typedef struct wb_numeric_op {
    uint8_t lo, hi, n, in, out;
} wb_numeric_op;

static const wb_numeric_op wb_numeric_ops[] = {
    {0x45, 0x45, 1, WB_VT_I32, WB_VT_I32}, {0x46, 0x4f, 2, WB_VT_I32, WB_VT_I32},
    {0x50, 0x50, 1, WB_VT_I64, WB_VT_I32}, {0x51, 0x5a, 2, WB_VT_I64, WB_VT_I32},
    {0x5b, 0x60, 2, WB_VT_F32, WB_VT_I32}, {0x61, 0x66, 2, WB_VT_F64, WB_VT_I32},
    {0x67, 0x69, 1, WB_VT_I32, WB_VT_I32}, {0x6a, 0x78, 2, WB_VT_I32, WB_VT_I32},
    {0x79, 0x7b, 1, WB_VT_I64, WB_VT_I64}, {0x7c, 0x8a, 2, WB_VT_I64, WB_VT_I64},
    {0x8b, 0x91, 1, WB_VT_F32, WB_VT_F32}, {0x92, 0x98, 2, WB_VT_F32, WB_VT_F32},
    {0x99, 0x9f, 1, WB_VT_F64, WB_VT_F64}, {0xa0, 0xa6, 2, WB_VT_F64, WB_VT_F64},
    {0xa7, 0xa7, 1, WB_VT_I64, WB_VT_I32}, {0xa8, 0xa9, 1, WB_VT_F32, WB_VT_I32},
    {0xaa, 0xab, 1, WB_VT_F64, WB_VT_I32}, {0xac, 0xad, 1, WB_VT_I32, WB_VT_I64},
    {0xae, 0xaf, 1, WB_VT_F32, WB_VT_I64}, {0xb0, 0xb1, 1, WB_VT_F64, WB_VT_I64},
    {0xb2, 0xb3, 1, WB_VT_I32, WB_VT_F32}, {0xb4, 0xb5, 1, WB_VT_I64, WB_VT_F32},
    {0xb6, 0xb6, 1, WB_VT_F64, WB_VT_F32}, {0xb7, 0xb8, 1, WB_VT_I32, WB_VT_F64},
    {0xb9, 0xba, 1, WB_VT_I64, WB_VT_F64}, {0xbb, 0xbb, 1, WB_VT_F32, WB_VT_F64},
    {0xbc, 0xbc, 1, WB_VT_F32, WB_VT_I32}, {0xbd, 0xbd, 1, WB_VT_F64, WB_VT_I64},
    {0xbe, 0xbe, 1, WB_VT_I32, WB_VT_F32}, {0xbf, 0xbf, 1, WB_VT_I64, WB_VT_F64},
    {0xc0, 0xc1, 1, WB_VT_I32, WB_VT_I32}, {0xc2, 0xc4, 1, WB_VT_I64, WB_VT_I64},
};

/* wb_numeric_ops by opcode: n[op] operands (0: not a numeric opcode) of
 * type in[op], and a result of type out[op] (0 where n[op] is 0). */
typedef struct wb_numeric_table {
    uint8_t n[256], in[256], out[256];
} wb_numeric_table;

static inline void wb_numeric_table_fill(wb_numeric_table *t)
{
    for (unsigned op = 0; op < 256; op++)
        t->n[op] = t->in[op] = t->out[op] = 0;
    for (unsigned i = 0; i < sizeof wb_numeric_ops / sizeof wb_numeric_ops[0]; i++)
        for (unsigned op = wb_numeric_ops[i].lo; op <= wb_numeric_ops[i].hi; op++) {
            t->n[op] = wb_numeric_ops[i].n;
            t->in[op] = wb_numeric_ops[i].in;
            t->out[op] = wb_numeric_ops[i].out;
        }
}

/* Result type of a load (0x28..0x35) and operand type of a store (0x36..0x3e). */
static inline uint8_t wb_load_type(uint8_t op)
{
    static const uint8_t t[] = {WB_VT_I32, WB_VT_I64, WB_VT_F32, WB_VT_F64, WB_VT_I32,
                                WB_VT_I32, WB_VT_I32, WB_VT_I32, WB_VT_I64, WB_VT_I64,
                                WB_VT_I64, WB_VT_I64, WB_VT_I64, WB_VT_I64};
    return t[op - 0x28];
}

static inline uint8_t wb_store_type(uint8_t op)
{
    static const uint8_t t[] = {WB_VT_I32, WB_VT_I64, WB_VT_F32, WB_VT_F64, WB_VT_I32,
                                WB_VT_I32, WB_VT_I64, WB_VT_I64, WB_VT_I64};
    return t[op - 0x36];
}

#endif
