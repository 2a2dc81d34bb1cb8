/* The WAMR .aot reader (file formats 3 to 6): target, code and module-shape facts. */
#ifndef WB_AOT_READER_H
#define WB_AOT_READER_H

#include <stddef.h>
#include <stdint.h>

#include "read/wasm_reader.h" /* wb_error */

#define WB_AOT_MAX_DATA_SECTIONS 64

/* How a file stores the offsets of its element segments.  Format 4 was
 * written both ways; 3 stores values, 5 and 6 expressions. */
typedef enum wb_aot_elem_offsets {
    WB_AOT_ELEM_OFFSETS_NONE = 0, /* no element segment: nothing to tell */
    WB_AOT_ELEM_OFFSETS_VALUE,    /* u32 expression type + u64 value */
    WB_AOT_ELEM_OFFSETS_EXPR      /* an initializer expression */
} wb_aot_elem_offsets;

typedef struct wb_aot_facts {
    uint64_t file_bytes;
    uint32_t version;                /* the file's AOT format: 3, 4, 5 or 6 */
    uint8_t elem_offsets;            /* wb_aot_elem_offsets */
    uint32_t extended_const_exprs;   /* initializer expressions of two operands */
    /* target info */
    uint16_t bin_type;
    uint16_t abi;
    uint16_t e_type;          /* 1 relocatable, 4 XIP (aot_loader.c E_TYPE_XIP) */
    uint16_t e_machine;
    uint32_t e_version;
    uint32_t e_flags;
    uint64_t feature_flags;
    char arch[17];            /* NUL-terminated, printable */
    int is_64bit;             /* from the arch name / e_machine */
    int xip;
    /* sections */
    uint64_t section_bytes[6];  /* target info, init data, text, function, export, relocation */
    uint64_t custom_section_bytes;
    uint64_t text_section_bytes;  /* text section payload */
    uint64_t text_literal_bytes;
    uint64_t text_code_bytes;     /* text - 4 - literal */
    uint32_t func_count;          /* defined functions, from the function section */
    uint32_t import_func_count;   /* when the init data section is decoded; else 0 */
    /* module shape from the init data and export sections, so that an .aot
     * given alone can be estimated */
    uint32_t memory_count;
    uint64_t memory_init_pages;
    uint64_t memory_max_pages;
    uint32_t memory_num_bytes_per_page;
    int memory_shared;
    uint32_t mem_init_data_count;       /* data segments */
    uint64_t mem_init_data_bytes;
    uint32_t import_table_count;
    uint32_t table_count;
    uint64_t table_slots_total;         /* initial sizes */
    uint32_t table_init_data_count;     /* element segments */
    uint64_t table_init_elements;
    uint32_t type_count;
    uint64_t type_params_total;
    uint64_t type_results_total;
    uint32_t import_global_count;
    uint32_t global_count;
    uint64_t global_value_bytes;        /* imported + defined */
    uint32_t export_count;
    uint32_t export_func_count;
    int exports_malloc_free;
    int exports_wasi_thread_start;
    int imports_thread_spawn;
    int imports_wasi;                   /* any wasi_snapshot_preview1 / wasi_unstable func */
    uint32_t aux_data_end_global;
    uint64_t aux_data_end, aux_heap_base, aux_stack_bottom, aux_stack_size;
    /* object data sections (.rodata, .data, ...) from the init data section */
    uint32_t data_section_count;
    uint64_t data_section_bytes[WB_AOT_MAX_DATA_SECTIONS];
    uint64_t data_section_bytes_total;
    /* more of the init data section */
    uint32_t init_func_count;     /* defined functions as the init data declares them */
    uint32_t start_func_index;    /* 0xffffffff: none */
    uint32_t aux_heap_base_global;  /* global indexes WAMR resolved at compile time, */
    uint32_t aux_stack_top_global;  /* 0xffffffff when not found */
} wb_aot_facts;

/* Read a .aot file of format 3, 4, 5 or 6, each in its own layout.  Returns
 * 0, or -1 with err set (offset, section, reason); another format is an error
 * that names the format found and those read, and so is an init data section
 * that does not decode to its last byte.  Which WAMR loads which format is
 * not the reader's business.  The buffer is borrowed and nothing is
 * allocated. */
int wb_aot_read(const uint8_t *data, size_t size, wb_aot_facts *facts, wb_error *err);

/* 1 when the buffer starts with the AOT magic "\0aot". */
int wb_aot_is_aot(const uint8_t *data, size_t size);

#endif
