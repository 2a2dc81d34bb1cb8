/* Classic-interpreter frames: a replay of the operand and label stacks WAMR's loader counts. */
#ifndef WB_MODEL_CLASSIC_INTERP_H
#define WB_MODEL_CLASSIC_INTERP_H

#include <stddef.h>
#include <stdint.h>

#include "read/wasm_reader.h"

/*
 * For every defined function of a module wb_wasm_read accepted, what the
 * classic interpreter's frame holds besides its header: cells[i] = param and
 * local cells + the loader's max_stack_cell_num, blocks[i] = its
 * max_block_num (label stack entries, the function's own included).  Both
 * arrays have facts->func_count entries.  Runs in parts on threads for a
 * large module.  Returns 0, or -1 when the module uses what the classic
 * interpreter does not run (SIMD, exceptions, GC, 64-bit or several
 * memories) or memory runs out; the arrays are complete only on 0.
 */
int wb_classic_interp_frames(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                             uint32_t *cells, uint32_t *blocks);

#endif
