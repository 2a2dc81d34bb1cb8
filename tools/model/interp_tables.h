/* The module tables the interpreter replays need (types, function types, global types), and their growing arrays. */
#ifndef WB_INTERP_TABLES_H
#define WB_INTERP_TABLES_H

#include <stddef.h>
#include <stdint.h>

#include "read/wasm_reader.h"

/* A function type: its value-type bytes, borrowed from the module. */
typedef struct wb_interp_type {
    const uint8_t *params;
    const uint8_t *results;
    uint32_t np, nr;
} wb_interp_type;

typedef struct wb_interp_tables {
    wb_interp_type *types;
    uint32_t type_count;
    uint32_t *func_type;     /* per function, imports first */
    uint32_t func_total;
    uint8_t *global_type;    /* per global, imports first */
    uint32_t global_total;
} wb_interp_tables;

/* Read them from a module wb_wasm_read accepted.  Returns 0, or -1 (nothing
 * to free) when a section does not have the expected shape, e.g. GC types. */
int wb_interp_tables_read(const uint8_t *data, size_t size, const wb_wasm_facts *f,
                          wb_interp_tables *t);
void wb_interp_tables_free(wb_interp_tables *t);

/* The replays' growing arrays: *p of *cap elements of elem bytes, doubled
 * (from 64) until need fit.  0, or -1 (*p untouched) past 2^40 bytes or
 * without memory. */
int wb_interp_grow(void **p, size_t *cap, size_t need, size_t elem);

#endif
