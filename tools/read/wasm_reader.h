/* The WebAssembly module reader: turns a borrowed .wasm buffer into facts. */
#ifndef WB_WASM_READER_H
#define WB_WASM_READER_H

#include <stddef.h>
#include <stdint.h>

#include "read/cursor.h"
#include "util/parallel.h"

/* Where and why a read failed.  section is a static name ("code", "header"). */
typedef struct wb_error {
    size_t offset;
    const char *section;
    char message[192];
} wb_error;

/* Fill err (when not NULL) with where and why; returns -1 for `return wb_error_set(...)`. */
#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
int wb_error_set(wb_error *err, size_t offset, const char *section, const char *fmt, ...);

/* Features that change how a module is read or whether WAMR can load it. */
enum {
    WB_FEAT_SHARED_MEMORY = 1u << 0,
    WB_FEAT_ATOMICS = 1u << 1,
    WB_FEAT_BULK_MEMORY = 1u << 2,
    WB_FEAT_REFERENCE_TYPES = 1u << 3,
    WB_FEAT_MULTI_VALUE = 1u << 4,
    WB_FEAT_SIMD = 1u << 5,
    WB_FEAT_MEMORY64 = 1u << 6,       /* unsupported by the profiles */
    WB_FEAT_MULTI_MEMORY = 1u << 7,   /* unsupported by the profiles */
    WB_FEAT_CUSTOM_PAGE_SIZE = 1u << 8, /* unsupported by the profiles */
    WB_FEAT_EXCEPTIONS = 1u << 9,     /* unsupported by the profiles */
    WB_FEAT_TAIL_CALL = 1u << 10,
    WB_FEAT_SIGN_EXT = 1u << 11,
    WB_FEAT_SAT_CONVERSIONS = 1u << 12,
    WB_FEAT_MUTABLE_GLOBALS = 1u << 13,
    WB_FEAT_TABLE64 = 1u << 14        /* unsupported by the profiles */
};

/* Opcode counts, the neutral facts the fast-interpreter model needs. */
#define WB_FC_OPS 32   /* 0xFC prefix: saturating conversions, bulk memory, tables */
#define WB_FD_OPS 512  /* 0xFD prefix: SIMD (sub-opcodes are LEB128, < 0x200) */
#define WB_FE_OPS 128  /* 0xFE prefix: threads / atomics */

typedef struct wb_opcode_counts {
    uint64_t op[256];      /* single-byte opcodes (0xFC..0xFE count every prefixed op) */
    uint64_t fc[WB_FC_OPS];
    uint64_t fd[WB_FD_OPS];
    uint64_t fe[WB_FE_OPS];
    uint64_t br_table_targets;     /* sum of label counts, default label excluded */
    uint64_t call_params;          /* sum over `call` sites of the callee's params */
    uint64_t call_results;         /* ... and results */
    uint64_t call_indirect_params; /* same for call_indirect / return_call_indirect */
    uint64_t call_indirect_results;
    uint64_t block_params;         /* sum over block/loop/if of block-type params */
    uint64_t block_results;        /* ... and results */
    uint64_t select_typed;         /* select with a type vector */
} wb_opcode_counts;

typedef struct wb_wasm_limits {
    uint64_t initial;
    uint64_t max;         /* valid when has_max */
    int has_max;
    int shared;
    int is64;
    int has_page_size;    /* custom-page-sizes proposal */
    uint32_t page_size_log2;
} wb_wasm_limits;

/* An exported or looked-up i32 global's constant initial value. */
typedef struct wb_global_value {
    int present;      /* exported under that name */
    int usable;       /* exported, defined (not imported), immutable, i32, i32.const init */
    uint32_t value;
} wb_global_value;

#define WB_MAX_TABLES_DETAILED 8

typedef struct wb_wasm_facts {
    uint64_t file_bytes;
    uint32_t version;

    /* section payload sizes, by standard id 0..12; [0] sums all custom sections */
    uint64_t section_bytes[13];
    size_t section_offset[13];     /* payload offset of each standard section, 0 if absent */

    /* types */
    uint32_t type_count;
    uint64_t type_params_total;
    uint64_t type_results_total;

    /* imports */
    uint32_t import_count;
    uint32_t import_func_count;
    uint32_t import_table_count;
    uint32_t import_memory_count;
    uint32_t import_global_count;
    uint64_t import_global_value_bytes; /* 4, 8 or 16 per imported global */
    int imports_thread_spawn;           /* wasi.thread-spawn (func) */
    int imports_pthread_create;         /* a function import named pthread_create (WAMR's
                                           lib-pthread) */
    int imports_wasi;                   /* any wasi_snapshot_preview1 / wasi_unstable func */
    uint32_t import_tag_count;

    /* functions and code */
    uint32_t func_count;                /* defined functions */
    uint64_t code_body_bytes_total;     /* bodies incl. local declarations */
    uint64_t code_expr_bytes_total;     /* bodies without local declarations */
    uint64_t code_body_bytes_max;
    uint64_t instruction_count;
    uint64_t func_params_total;         /* over defined functions */
    uint64_t func_locals_total;         /* declared locals over defined functions */
    uint64_t func_locals_max;
    uint64_t func_params_plus_locals_max;
    uint64_t func_local_cells_total;    /* params+locals in 32-bit cells (i64/f64 = 2, v128 = 4) */
    uint32_t funcs_with_params_or_locals; /* defined functions with P_f + L_f > 0 */
    wb_opcode_counts ops;
    int has_memory_grow;
    int has_table_grow;
    uint32_t simd_first_func;           /* first function (imports counted) whose body has a
                                           SIMD instruction or a v128 local; UINT32_MAX none */

    /* tables (imported + defined) */
    uint32_t table_count;               /* defined */
    wb_wasm_limits tables[WB_MAX_TABLES_DETAILED]; /* imported first, then defined */
    uint32_t tables_detailed;           /* entries filled in tables[] */
    uint64_t table_initial_total;       /* over imported + defined */
    uint64_t table_max_total;           /* declared max, or the initial when none */
    uint32_t tables_without_max;

    /* memories (imported + defined); [0] is the one WAMR uses */
    uint32_t memory_count;              /* defined */
    uint32_t memory_total;              /* imported + defined */
    int memory_imported;
    wb_wasm_limits memory;              /* the first memory, valid when memory_total > 0 */

    /* globals */
    uint32_t global_count;              /* defined */
    uint32_t global_mutable_count;
    uint64_t global_value_bytes;        /* defined globals: 4, 8 or 16 each */
    int stack_pointer_found;            /* first mutable i32 global with an i32.const init */
    uint32_t stack_pointer_index;       /* global index (imports counted) */
    uint32_t stack_pointer_init;
    int stack_below_data;               /* the stack pointer starts at or below every active
                                           data segment (wasm-ld --stack-first): its stack
                                           grows toward address 0, not into the data */

    /* exports */
    uint32_t export_count;
    uint32_t export_func_count;
    uint32_t export_global_count;
    uint32_t export_table_count;
    uint32_t export_memory_count;
    int exports_malloc;                 /* "malloc" with type (i32)->i32 */
    int exports_free;                   /* "free" with type (i32)->() */
    int exports_wasi_thread_start;      /* a function, type (i32,i32)->() */
    int exports_start;                  /* "_start" */
    int exports_initialize;             /* "_initialize" (reactor) */
    int exports_memory;
    wb_global_value heap_base;          /* "__heap_base" */
    wb_global_value data_end;           /* "__data_end" */

    /* start */
    int has_start;
    uint32_t start_function;

    /* elements */
    uint32_t elem_segment_count;
    uint64_t elem_total_elements;

    /* data */
    int has_datacount;
    uint32_t datacount;
    uint32_t data_segment_count;
    uint64_t data_bytes;
    uint64_t data_segment_max_bytes;
    uint32_t passive_data_segments;
    uint64_t data_lowest_offset;        /* lowest i32.const offset of an active segment with
                                           bytes; UINT64_MAX when there is none */
    uint32_t data_placed_by_global;     /* active segments whose offset is not an i32.const */

    /* custom sections we understand */
    int has_name_section;
    size_t name_section_offset;         /* payload */
    uint64_t name_section_bytes;
    int has_function_names;             /* its function-names subsection names at least one */
    int has_target_features;
    uint32_t features;                  /* WB_FEAT_*: what the module uses (its code,
                                           types, limits, sections) */
    uint32_t declared_features;         /* from target_features ('+' entries) */
    uint32_t custom_section_count;

    /* exception handling (recognised so that it can be reported) */
    uint32_t tag_count;                 /* defined tags (section 13) */
} wb_wasm_facts;

/*
 * Read and check a whole module.  The buffer is borrowed: facts hold offsets
 * into it, never copies.  Returns 0 on success; on failure, -1 with err
 * filled (offset, section, reason).  Allocations are bounded by the
 * sections they describe and freed before it returns: the export names
 * (to find one used twice), a table of function types when the function
 * section's entries are not one byte each, the facts of the code scan's
 * parts; the scan also uses about 27 KiB of stack for its index tables.
 */
int wb_wasm_read(const uint8_t *data, size_t size, wb_wasm_facts *facts, wb_error *err);

/* Name of function `index` (imports counted) from the name section, or NULL.
 * Writes at most cap-1 bytes plus NUL; non-printable bytes become '?'. */
const char *wb_wasm_func_name(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                              uint32_t index, char *buf, size_t cap);

/* 0 when two modules read by wb_wasm_read have the same bytes in every
 * standard section (type through data count; custom sections may differ),
 * so that one's function names fit the other's function indexes; else the id
 * of the first section that differs. */
unsigned wb_wasm_same_sections(const uint8_t *a, const wb_wasm_facts *fa, const uint8_t *b,
                               const wb_wasm_facts *fb);

/* ---- code walking, for analyses over function bodies (stack bounds) ---- */

/* One decoded instruction.  imm0/imm1 carry the immediates an analysis may
 * need: call/return_call: imm0 = function index; call_indirect: imm0 = type
 * index, imm1 = table; global.get/set: imm0 = global index; local.*: imm0 =
 * local index; i32.const / i64.const: sval; memory ops: imm0 = offset.
 * Also: br/br_if: imm0 = label; br_table: imm0 = label count (default
 * excluded), imm1 = default label; block/loop/if/try/try_table: sval = block
 * type as s33 (-64 empty, -1..-23 a value type, >= 0 a type index);
 * memarg: imm1 = memory index (SIMD lane ops: imm1 = lane), sval = align;
 * memory.size/grow: imm0 = memory index; select t*: imm0 = type count;
 * 0xFC bulk ops: imm0/imm1 = their two indices. */
typedef struct wb_insn {
    size_t offset;        /* absolute offset of the opcode */
    uint8_t opcode;       /* first byte */
    uint32_t sub;         /* sub-opcode after 0xFC / 0xFD / 0xFE */
    uint64_t imm0;
    uint64_t imm1;
    int64_t sval;
    uint8_t wide_table;   /* call_indirect: the table index is not the MVP's single
                             byte 0x00 (another table, or an overlong zero as
                             LLVM writes with reference types on) */
} wb_insn;

/* A defined function's body: its index (imports counted), type index,
 * declared locals and the expression bytes [expr, end). */
typedef struct wb_func_body {
    uint32_t func_index;
    uint32_t type_index;
    uint32_t param_count;
    uint64_t local_count;
    size_t body_offset;   /* absolute offset of the body size field */
    const uint8_t *expr;
    const uint8_t *end;
} wb_func_body;

/* The function whose name-section name is exactly name[0..len): 1 with
 * *index set (always a function of the module, imports counted), 0 when no
 * function has that name (or there is no name section), -1 when several
 * have it. */
int wb_wasm_func_by_name(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                         const char *name, size_t len, uint32_t *index);

/* Decode the instruction at c->p and advance past it, immediates included.
 * On malformed input the cursor fails (c->ok == 0, c->why says why). */
void wb_wasm_decode(wb_cursor *c, wb_insn *insn);

/* Where a part of the function bodies starts: the index of its first body
 * (defined-function numbering) and its size field. */
typedef struct wb_body_part {
    uint32_t first;
    const uint8_t *at;
} wb_body_part;

/* Call fn for every defined function body in order.  The module must have
 * been read successfully by wb_wasm_read.  Stops early when fn returns
 * non-zero and returns that value; returns 0 after the last body. */
typedef int (*wb_body_fn)(void *ctx, const wb_func_body *body);
int wb_wasm_for_each_body(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                          wb_body_fn fn, void *ctx);

/* The same for the bodies of a part (see wb_wasm_body_parts; NULL: from the
 * first body) up to body last-1 (defined-function numbering). */
int wb_wasm_for_each_body_in(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                             const wb_body_part *from, uint32_t last, wb_body_fn fn, void *ctx);

/* Cut the bodies of the code section into parts of about part_bytes bytes
 * each (at most WB_PAR_PARTS_MAX parts, of about equal size; see
 * parallel.h).  Part k runs from part[k].first to part[k + 1].first, the
 * last to the end.  Returns the number of parts: 1 (the whole section) when
 * it is smaller than two parts, has fewer than two bodies or a bad size
 * field (the walk in one piece then reports it), 0 without a code section.
 * Reads only the size fields, so it may run before the bodies are checked. */
unsigned wb_wasm_body_parts(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                            size_t part_bytes, wb_body_part part[WB_PAR_PARTS_MAX]);

/* Call fn for every function a constant expression of the module refers
 * to: the elements of every segment (active, passive or declarative;
 * expression-form elements included) and the initial values of globals,
 * which an element may name with global.get. */
typedef int (*wb_elem_fn)(void *ctx, uint32_t func_index);
int wb_wasm_for_each_elem_func(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                               wb_elem_fn fn, void *ctx);

/* Call fn(ctx, slot, func) for each element an active segment places in
 * table `table`, in segment order (a later segment overwrites an earlier
 * slot; func is UINT32_MAX for a null element).  Returns 0, 1 when a
 * segment of that table is placed by a non-constant offset or has an
 * element that is neither ref.func nor ref.null (its initial contents are
 * then not known) or cannot be read, or fn's non-zero value. */
typedef int (*wb_slot_fn)(void *ctx, uint64_t slot, uint32_t func_index);
int wb_wasm_for_each_table_slot(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                                uint32_t table, wb_slot_fn fn, void *ctx);

/* Type index of function `index` (imports counted), or UINT32_MAX. */
uint32_t wb_wasm_func_type(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                           uint32_t index);

/* Param and result counts of type `type_index`; -1 when out of range. */
int wb_wasm_type_arity(const uint8_t *data, size_t size, const wb_wasm_facts *facts,
                       uint32_t type_index, uint32_t *params, uint32_t *results);


/* ---- shared by the module reader and the code scan ---- */

/* 32-bit value cells of a one-byte value type (i64/f64 2, v128 4, refs 1);
 * 0 when the byte is not a value type. */
int wb_wasm_valtype_cells(uint8_t valtype);

/* Decode every function body of the code section payload at sec (type,
 * import and function sections already read into facts): fills the code
 * facts and opcode counts, checks each body ends with its final end.
 * Returns 0, or -1 with err filled.  Allocates the facts of the parts after
 * the first (see wb_par_set_part_bytes) and, for a function section whose
 * entries are not one byte each, a table of the functions' types (4 bytes a
 * function); frees both. */
int wb_wasm_scan_code(const uint8_t *data, size_t size, wb_wasm_facts *facts, wb_cursor *sec,
                      wb_error *err);

#endif
