/* Fast-interpreter code size: exact replay of WAMR's loader, and a per-opcode upper bound. */
#ifndef WB_MODEL_FAST_INTERP_H
#define WB_MODEL_FAST_INTERP_H

#include <stddef.h>
#include <stdint.h>

#include "read/wasm_reader.h"

typedef struct wb_fast_interp_size {
    uint64_t code_bytes;        /* sum over functions of the compiled code buffer */
    uint64_t const_bytes;       /* sum of 4 * constant cells */
    uint64_t const_allocs;      /* functions with a constant area */
    uint64_t max_function_code; /* largest single code buffer */
    uint64_t max_function_scratch; /* replay only: upper bound of the loader's
                                      per-function scratch (stacks, label
                                      patches, constant pools); 0 from the bound */
} wb_fast_interp_size;

/*
 * Replay WAMR 2.4's fast-interpreter loader over every function body of a
 * module already accepted by wb_wasm_read.  label_bytes: size of a handler
 * label (pointer size with labels-as-values and unaligned access, else 4);
 * byte_bytes: size of an emitted byte (1, or 2 without unaligned access).
 * Uses scratch memory of the order of the largest function, freed before it
 * returns.  Returns 0 with *out filled, or -1 when the module uses an
 * instruction the fast interpreter does not run (exceptions, GC, relaxed
 * SIMD, ...) or scratch memory runs out; the caller then falls back to
 * wb_fast_interp_bound.
 */
int wb_fast_interp_replay(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                          unsigned label_bytes, unsigned byte_bytes, wb_fast_interp_size *out);

/*
 * The same replay, also giving each defined function's interpreter frame in
 * 4-byte cells when frame_cells is not NULL (an array of facts->func_count):
 * its constant area, params, locals and the operand area the loader sizes
 * (max_stack_cell_num), as wasm_interp_call_func_bytecode allocates them.
 * The constant area holds one entry per distinct (type, value), or with
 * consts_by_bits per distinct raw bits of each size (the sorted pools of
 * the loaders that have them, where an i32 and an f32 of the same bits
 * share a cell); never fewer than WAMR's.  The array is complete only when
 * it returns 0.
 */
int wb_fast_interp_replay_frames(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                                 unsigned label_bytes, unsigned byte_bytes, int consts_by_bits,
                                 wb_fast_interp_size *out, uint32_t *frame_cells);

/*
 * Upper bound of the same two sizes from the opcode counts alone: each
 * instruction costs the most the loader can emit for it (see model.c).
 */
void wb_fast_interp_bound(const wb_wasm_facts *facts, unsigned label_bytes, unsigned byte_bytes,
                          wb_fast_interp_size *out);

#endif
