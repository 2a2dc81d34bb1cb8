/* The WAMR .aot reader (file formats 3 to 6): target, code, module-shape facts. */
#include "read/aot_reader.h"

#include <stdio.h>
#include <string.h>

/*
 * Layout (WAMR core/iwasm/aot/aot_loader.c, written by wamrc's
 * core/iwasm/compilation/aot_emit_aot_file.c): u32 magic, u32 format
 * version, then sections to the end of the file.  Every multi-byte read is
 * aligned to its size relative to the start of the file (u64 to 4), as the
 * loader's read_uint16/32/64 do; strings are a u16 length (aligned to 2)
 * followed by that many bytes, NUL included.
 */
#define AOT_MAGIC 0x746f6100u

/*
 * What differs between the formats, one row per layout a format was written
 * in (read from wamrc's emitter and the loader at WAMR-2.1.0 ... 2.4.5 and
 * main 646b5a9bc):
 *
 *  - element segment offsets: a u32 expression type and a u64 value in
 *    format 3 and in format 4 as first written; an initializer expression
 *    (u32 type and its operand, 8 B for an i32.const instead of 12) in the
 *    later format-4 files and in formats 5 and 6;
 *  - initializer expressions of two operands (extended constant
 *    expressions: i32/i64 add, sub, mul) exist only in the second layout.
 *
 * Format 4 was written in both layouts under the same number (the reason
 * format 5 exists), so a format-4 file is read both ways and its element
 * segments, when it has any, say which it is.  Formats 5 and 6 hold the
 * same bytes: 6 changed the module instance that compiled code addresses,
 * not the file.  Target info, memories, tables, types, globals, imports,
 * data sections, strings and the text, function, export and relocation
 * sections are laid out alike in all four formats.
 */
typedef struct aot_layout {
    uint32_t format;
    uint8_t elem_offsets;    /* wb_aot_elem_offsets: VALUE or EXPR */
    uint8_t extended_const;  /* two-operand initializer expressions allowed */
} aot_layout;

static const aot_layout layouts[] = {
    {.format = 3, .elem_offsets = WB_AOT_ELEM_OFFSETS_VALUE, .extended_const = 0},
    {.format = 4, .elem_offsets = WB_AOT_ELEM_OFFSETS_VALUE, .extended_const = 0},
    {.format = 4, .elem_offsets = WB_AOT_ELEM_OFFSETS_EXPR, .extended_const = 1},
    {.format = 5, .elem_offsets = WB_AOT_ELEM_OFFSETS_EXPR, .extended_const = 1},
    {.format = 6, .elem_offsets = WB_AOT_ELEM_OFFSETS_EXPR, .extended_const = 1},
};
#define LAYOUT_COUNT (sizeof layouts / sizeof layouts[0])

enum {
    SEC_TARGET_INFO = 0,
    SEC_INIT_DATA = 1,
    SEC_TEXT = 2,
    SEC_FUNCTION = 3,
    SEC_EXPORT = 4,
    SEC_RELOCATION = 5,
    SEC_STANDARD_COUNT = 6,
    SEC_CUSTOM = 100
};

#define TARGET_INFO_BYTES 48u
#define TARGET_INFO_BYTES_OLD 36u /* u32 reserved, no feature flags: WAMR 1.x */
#define FEATURE_GC 0x10u          /* feature flag: wamrc --enable-gc changes types and tables */
#define E_TYPE_REL 1u            /* aot_loader.c: relocatable */
#define E_TYPE_XIP 4u            /* aot_loader.c: execute in place (wamrc --xip) */
#define MEMORY_SHARED_FLAG 0x02u /* wasm memory flags: bit 1 = shared */
#define INIT_EXPR_MAX_DEPTH 16u  /* nested extended-const expressions */

/* Export kinds and value types as the AOT file stores them (wasm encoding). */
enum { EXPORT_FUNC = 0, EXPORT_TABLE = 1, EXPORT_MEMORY = 2, EXPORT_GLOBAL = 3 };
#define VT_I32 0x7f

static const char *const section_names[SEC_STANDARD_COUNT] = {
    "target info", "init data", "text", "function", "export", "relocation"};

typedef struct aot_section {
    int present;
    size_t body;      /* payload offset */
    uint64_t size;    /* payload size */
} aot_section;

/* A function signature, found again by index when exports need it. */
typedef struct aot_sig {
    uint32_t params, results;
    uint8_t first_param, first_result;
} aot_sig;

/* A failed cursor read becomes an error at the place it stopped. */
static int cursor_error(wb_error *err, const wb_cursor *c, const char *section, const char *what)
{
    return wb_error_set(err, wb_cursor_offset(c), section, "%s: %s", what,
                        c->why ? c->why : "malformed");
}

/* ---- aligned reads: alignment is relative to the start of the file ---- */

static void align_to(wb_cursor *c, size_t a)
{
    size_t pad = (a - (wb_cursor_offset(c) & (a - 1))) & (a - 1);
    if (!c->ok)
        return;
    if (pad > wb_cursor_left(c)) {
        wb_cursor_fail(c, "unexpected end of data");
        return;
    }
    c->p += pad;
}

static uint16_t rd16(wb_cursor *c) { align_to(c, 2); return wb_u16le(c); }
static uint32_t rd32(wb_cursor *c) { align_to(c, 4); return wb_u32le(c); }
static uint64_t rd64(wb_cursor *c) { align_to(c, 4); return wb_u64le(c); }

static void skip(wb_cursor *c, uint64_t n)
{
    if (!c->ok)
        return;
    if (n > wb_cursor_left(c)) {
        wb_cursor_fail(c, "length runs past the end of its section");
        return;
    }
    c->p += (size_t)n;
}

/* A string: u16 length, then the bytes with a terminating NUL (which the
 * loader requires for a non-empty string).  s and len exclude the NUL. */
static void rd_string(wb_cursor *c, const uint8_t **s, size_t *len)
{
    uint16_t n = rd16(c);
    *s = c->p;
    *len = 0;
    if (!c->ok)
        return;
    if (n > wb_cursor_left(c)) {
        wb_cursor_fail(c, "string runs past the end of its section");
        return;
    }
    if (n > 0 && c->p[n - 1] != 0) {
        wb_cursor_fail(c, "string is not NUL-terminated");
        return;
    }
    *len = n ? (size_t)n - 1 : 0;
    c->p += n;
}

static int str_is(const uint8_t *s, size_t len, const char *want)
{
    size_t n = strlen(want);
    return len == n && memcmp(s, want, n) == 0;
}

/* Value sizes in global data: refs are 32-bit table indexes without GC. */
static uint32_t value_bytes(uint8_t vt)
{
    switch (vt) {
    case 0x7f: case 0x7d: return 4;      /* i32, f32 */
    case 0x7e: case 0x7c: return 8;      /* i64, f64 */
    case 0x7b: return 16;                /* v128 */
    case 0x70: case 0x6f: return 4;      /* funcref, externref */
    default: return 0;
    }
}

/* Initializer expression: u32 type (aligned to 4), then its operand(s).
 * Two-operand expressions only where the layout has them; they are counted. */
static void skip_init_expr(wb_cursor *c, const aot_layout *lay, wb_aot_facts *f, unsigned depth)
{
    uint32_t type;

    if (depth > INIT_EXPR_MAX_DEPTH) {
        wb_cursor_fail(c, "initializer expression nested too deep");
        return;
    }
    align_to(c, 4);
    type = rd32(c);
    switch (type) {
    case 0x00: /* none */
        break;
    case 0x41: case 0x43:             /* i32.const, f32.const */
    case 0x23: case 0xd2: case 0xd0:  /* global.get, ref.func, ref.null */
        (void)rd32(c);
        break;
    case 0x42: case 0x44:             /* i64.const, f64.const */
        (void)rd64(c);
        break;
    case 0xfd:                        /* v128.const: 16 raw bytes */
        skip(c, 16);
        break;
    case 0x6a: case 0x6b: case 0x6c:  /* extended const: i32 add/sub/mul */
    case 0x7c: case 0x7d: case 0x7e:  /* i64 add/sub/mul */
        if (!lay->extended_const) {
            wb_cursor_fail(c, "extended constant expression in a format without them");
            break;
        }
        if (c->ok && depth == 0)
            f->extended_const_exprs++;
        skip_init_expr(c, lay, f, depth + 1);
        skip_init_expr(c, lay, f, depth + 1);
        break;
    default:
        if (c->ok)
            wb_cursor_fail(c, "unknown initializer expression type");
        break;
    }
}

/* An element segment's offset as the layout stores it. */
static void skip_elem_offset(wb_cursor *c, const aot_layout *lay, wb_aot_facts *f)
{
    uint32_t type;
    if (lay->elem_offsets == WB_AOT_ELEM_OFFSETS_EXPR) {
        skip_init_expr(c, lay, f, 0);
        return;
    }
    type = rd32(c);
    (void)rd64(c);
    /* none (passive and declared segments), i32.const, i64.const (table64)
     * or global.get: the only offsets the value layout can hold */
    if (c->ok && type != 0x00 && type != 0x41 && type != 0x42 && type != 0x23)
        wb_cursor_fail(c, "element segment offset of an unknown expression type");
}

/* ---- the init data section ---- */

static void read_memory_info(wb_cursor *c, const aot_layout *lay, wb_aot_facts *f)
{
    uint32_t import_memories = rd32(c);
    uint32_t n = rd32(c);

    f->memory_count = n + import_memories;
    for (uint32_t i = 0; i < n && c->ok; i++) {
        uint32_t flags = rd32(c);
        uint32_t bytes_per_page = rd32(c);
        uint32_t init = rd32(c);
        uint32_t max = rd32(c);
        if (i == 0 && c->ok) {
            f->memory_shared = (flags & MEMORY_SHARED_FLAG) != 0;
            f->memory_num_bytes_per_page = bytes_per_page;
            f->memory_init_pages = init;
            f->memory_max_pages = max;
        }
    }
    f->mem_init_data_count = rd32(c);
    for (uint32_t i = 0; i < f->mem_init_data_count && c->ok; i++) {
        uint32_t bytes;
        (void)rd32(c);               /* is_passive */
        (void)rd32(c);               /* memory index */
        skip_init_expr(c, lay, f, 0); /* offset */
        bytes = rd32(c);
        skip(c, bytes);
        f->mem_init_data_bytes += bytes;
    }
}

/* One table record: u8 elem type, u8 flags, u8 possible_grow, u8 pad,
 * u32 initial size, u32 max size. */
static uint32_t read_table_record(wb_cursor *c)
{
    uint32_t init;
    (void)wb_u8(c);
    (void)wb_u8(c);
    (void)wb_u8(c);
    (void)wb_u8(c);
    init = rd32(c);
    (void)rd32(c);
    return init;
}

static void read_table_info(wb_cursor *c, const aot_layout *lay, wb_aot_facts *f)
{
    f->import_table_count = rd32(c);
    for (uint32_t i = 0; i < f->import_table_count && c->ok; i++)
        f->table_slots_total += read_table_record(c);
    f->table_count = rd32(c);
    for (uint32_t i = 0; i < f->table_count && c->ok; i++)
        f->table_slots_total += read_table_record(c);

    f->table_init_data_count = rd32(c);
    for (uint32_t i = 0; i < f->table_init_data_count && c->ok; i++) {
        uint32_t values;
        (void)rd32(c);              /* mode */
        (void)rd32(c);              /* elem type */
        (void)rd32(c);              /* table index */
        skip_elem_offset(c, lay, f);
        skip(c, 8);                 /* ref type info (GC builds only) */
        values = rd32(c);
        for (uint32_t j = 0; j < values && c->ok; j++)
            skip_init_expr(c, lay, f, 0);
        f->table_init_elements += values;
    }
}

/* One function type: u16 flag, u16 params, u16 results, then the value
 * types (aligned to 4 at the start of each type). */
static void read_type(wb_cursor *c, aot_sig *sig)
{
    uint16_t np, nr;
    align_to(c, 4);
    (void)rd16(c);
    np = rd16(c);
    nr = rd16(c);
    sig->params = np;
    sig->results = nr;
    sig->first_param = (np && wb_cursor_left(c) >= 1) ? c->p[0] : 0;
    sig->first_result = (nr && wb_cursor_left(c) > np) ? c->p[np] : 0;
    skip(c, (uint64_t)np + nr);
}

static void read_type_info(wb_cursor *c, wb_aot_facts *f, size_t *types_at)
{
    aot_sig sig;
    f->type_count = rd32(c);
    *types_at = wb_cursor_offset(c);
    for (uint32_t i = 0; i < f->type_count && c->ok; i++) {
        read_type(c, &sig);
        f->type_params_total += sig.params;
        f->type_results_total += sig.results;
    }
}

static void read_globals(wb_cursor *c, const aot_layout *lay, wb_aot_facts *f)
{
    const uint8_t *s;
    size_t len;

    f->import_global_count = rd32(c);
    for (uint32_t i = 0; i < f->import_global_count && c->ok; i++) {
        uint8_t vt;
        align_to(c, 2);
        vt = wb_u8(c);
        (void)wb_u8(c);          /* mutable */
        rd_string(c, &s, &len);  /* module */
        rd_string(c, &s, &len);  /* field */
        f->global_value_bytes += value_bytes(vt);
    }
    f->global_count = rd32(c);
    for (uint32_t i = 0; i < f->global_count && c->ok; i++) {
        uint8_t vt = wb_u8(c);
        (void)wb_u8(c);          /* mutable */
        skip_init_expr(c, lay, f, 0);
        f->global_value_bytes += value_bytes(vt);
    }
}

static void read_import_funcs(wb_cursor *c, wb_aot_facts *f)
{
    f->import_func_count = rd32(c);
    for (uint32_t i = 0; i < f->import_func_count && c->ok; i++) {
        const uint8_t *mod, *name;
        size_t mod_len, name_len;
        (void)rd16(c);           /* type index */
        rd_string(c, &mod, &mod_len);
        rd_string(c, &name, &name_len);
        if (c->ok && str_is(mod, mod_len, "wasi") && str_is(name, name_len, "thread-spawn"))
            f->imports_thread_spawn = 1;
        if (c->ok && (str_is(mod, mod_len, "wasi_snapshot_preview1") ||
                      str_is(mod, mod_len, "wasi_unstable")))
            f->imports_wasi = 1;
    }
}

static void read_data_sections(wb_cursor *c, wb_aot_facts *f)
{
    uint32_t n = rd32(c);
    for (uint32_t i = 0; i < n && c->ok; i++) {
        const uint8_t *name;
        size_t name_len;
        uint32_t size;
        rd_string(c, &name, &name_len);
        size = rd32(c);
        skip(c, size);
        if (!c->ok)
            break;
        if (i < WB_AOT_MAX_DATA_SECTIONS)
            f->data_section_bytes[i] = size;
        f->data_section_bytes_total += size;
        f->data_section_count = i + 1;
    }
}

/*
 * Decode the init data section in one layout: memories, tables, types,
 * globals, imports, the aux stack globals and the object data sections.  A
 * section that does not decode to its last byte is malformed (WAMR's loader
 * refuses it too): its memory and data sizes are what the estimate stands
 * on, so they are never guessed.
 */
static int read_init_data_as(const uint8_t *data, const aot_section *s, const aot_layout *lay,
                             wb_aot_facts *f, size_t *types_at, wb_error *err)
{
    wb_cursor c = wb_cursor_make(data, (size_t)(s->body + s->size));
    wb_aot_facts t = *f; /* decoded here, kept only when it all makes sense */

    c.p = data + s->body;
    *types_at = 0;
    read_memory_info(&c, lay, &t);
    read_table_info(&c, lay, &t);
    read_type_info(&c, &t, types_at);
    read_globals(&c, lay, &t);
    read_import_funcs(&c, &t);
    t.init_func_count = rd32(&c);
    t.start_func_index = rd32(&c);
    t.aux_data_end_global = rd32(&c);
    t.aux_data_end = rd64(&c);
    t.aux_heap_base_global = rd32(&c);
    t.aux_heap_base = rd64(&c);
    t.aux_stack_top_global = rd32(&c);
    t.aux_stack_bottom = rd64(&c);
    t.aux_stack_size = rd32(&c);
    read_data_sections(&c, &t);

    if (c.ok && wb_cursor_left(&c) == 0) {
        t.elem_offsets = t.table_init_data_count ? lay->elem_offsets : WB_AOT_ELEM_OFFSETS_NONE;
        *f = t;
        return 0;
    }
    if (c.ok)
        wb_cursor_fail(&c, "bytes left over at the end of the section");
    *types_at = 0;
    return wb_error_set(err, wb_cursor_offset(&c), "init data", "%s", c.why ? c.why : "malformed");
}

/*
 * Decode the init data section in every layout of the file's format.  One
 * that reads it to the end is the file's; where none does, the error is the
 * one found furthest into the section.  Two layouts differ only in element
 * segments and extended constant expressions, so both read a file without
 * them alike; a file whose element segments read both ways is refused.
 */
static int read_init_data(const uint8_t *data, const aot_section *s, wb_aot_facts *f,
                          size_t *types_at, wb_error *err)
{
    wb_aot_facts found;
    size_t found_types_at = 0;
    int nfound = 0, tried = 0;
    wb_error worst;

    worst.offset = 0;
    worst.section = "init data";
    worst.message[0] = 0;
    for (size_t i = 0; i < LAYOUT_COUNT; i++) {
        wb_aot_facts t = *f;
        size_t at;
        wb_error e;
        if (layouts[i].format != f->version)
            continue;
        if (read_init_data_as(data, s, &layouts[i], &t, &at, &e) != 0) {
            if (!tried++ || e.offset > worst.offset)
                worst = e;
            continue;
        }
        if (nfound++ == 0) {
            found = t;
            found_types_at = at;
        } else if (t.elem_offsets != found.elem_offsets) {
            return wb_error_set(err, s->body, "init data",
                                "the element segments of this format %u file read both as "
                                "offset values and as offset expressions",
                                f->version);
        }
    }
    if (!nfound) {
        if (err)
            *err = worst;
        return -1;
    }
    *f = found;
    *types_at = found_types_at;
    return 0;
}

/* Signature of type idx, walking the type list again (only for exports). */
static int type_at(const uint8_t *data, size_t end, size_t types_at, uint32_t count,
                   uint32_t idx, aot_sig *sig)
{
    wb_cursor c = wb_cursor_make(data, end);
    if (!types_at || idx >= count)
        return -1;
    c.p = data + types_at;
    for (uint32_t i = 0; i <= idx && c.ok; i++)
        read_type(&c, sig);
    return c.ok ? 0 : -1;
}

/* ---- target info, text, function, export ---- */

static int read_target_info(const uint8_t *data, const aot_section *s, wb_aot_facts *f,
                            wb_error *err)
{
    wb_cursor c;
    const char *sec = section_names[SEC_TARGET_INFO];

    if (s->size == TARGET_INFO_BYTES_OLD)
        return wb_error_set(err, s->body, sec,
                            "section is %u bytes, expected %u: the layout of WAMR 1.x files, "
                            "which this reader does not read",
                            TARGET_INFO_BYTES_OLD, TARGET_INFO_BYTES);
    if (s->size != TARGET_INFO_BYTES)
        return wb_error_set(err, s->body, sec, "section is %llu bytes, expected %u",
                            (unsigned long long)s->size, TARGET_INFO_BYTES);
    c = wb_cursor_make(data, s->body + TARGET_INFO_BYTES);
    c.p = data + s->body;
    f->bin_type = rd16(&c);
    f->abi = rd16(&c);
    f->e_type = rd16(&c);
    f->e_machine = rd16(&c);
    f->e_version = rd32(&c);
    f->e_flags = rd32(&c);
    f->feature_flags = rd64(&c);
    (void)rd64(&c); /* reserved */
    if (!c.ok)
        return cursor_error(err, &c, sec, "target info");

    /* arch: 16 bytes, NUL-terminated, printable */
    for (size_t i = 0; i < 16; i++) {
        uint8_t ch = c.p[i];
        if (ch == 0)
            break;
        if (ch < 0x20 || ch > 0x7e)
            return wb_error_set(err, wb_cursor_offset(&c) + i, sec,
                                "arch name has a non-printable byte 0x%02x", ch);
        f->arch[i] = (char)ch;
    }
    if (c.p[15] != 0)
        return wb_error_set(err, wb_cursor_offset(&c) + 15, sec, "arch name is not NUL-terminated");
    if (f->arch[0] == 0)
        return wb_error_set(err, wb_cursor_offset(&c), sec, "arch name is empty");
    if (f->bin_type & 1)
        return wb_error_set(err, s->body, sec, "big-endian target (bin_type %u) is not supported",
                            f->bin_type);
    if (f->e_type != E_TYPE_REL && f->e_type != E_TYPE_XIP)
        return wb_error_set(err, s->body + 4, sec,
                            "object file type %u is neither relocatable (1) nor XIP (4)",
                            f->e_type);
    if (f->e_version != 1)
        return wb_error_set(err, s->body + 8, sec, "ELF version %u, expected 1", f->e_version);
    if (f->feature_flags & FEATURE_GC)
        return wb_error_set(err, s->body + 16, sec,
                            "compiled with garbage collection (feature flags 0x%llx): its types "
                            "and tables are laid out differently, which this reader does not read",
                            (unsigned long long)f->feature_flags);
    /* the loader takes the pointer width from bin_type bit 1 (ELF64/COFF64) */
    f->is_64bit = (f->bin_type & 2) != 0;
    f->xip = f->e_type == E_TYPE_XIP;
    return 0;
}

static int read_text(const uint8_t *data, const aot_section *s, wb_aot_facts *f, wb_error *err)
{
    wb_cursor c = wb_cursor_make(data, (size_t)(s->body + s->size));
    const char *sec = section_names[SEC_TEXT];
    uint32_t literal;

    c.p = data + s->body;
    literal = rd32(&c);
    if (!c.ok)
        return wb_error_set(err, s->body, sec,
                            "section is %llu bytes, too small for the literal size",
                            (unsigned long long)s->size);
    if (literal > wb_cursor_left(&c))
        return wb_error_set(err, s->body, sec,
                            "literal size %u runs past the end of the section (%llu bytes)",
                            literal, (unsigned long long)s->size);
    f->text_section_bytes = s->size;
    f->text_literal_bytes = literal;
    f->text_code_bytes = s->size - 4 - literal;
    return 0;
}

/* Per function: a text offset (pointer-sized), then per function a u32 type
 * index, then per function u32 max_local_cells and u32 max_stack_cells. */
static int read_functions(const uint8_t *data, const aot_section *s, wb_aot_facts *f,
                          size_t *type_idx_at, wb_error *err)
{
    const char *sec = section_names[SEC_FUNCTION];
    uint64_t ptr = f->is_64bit ? 8 : 4;
    uint64_t per_func = ptr + 12;
    uint64_t n;
    wb_cursor c = wb_cursor_make(data, (size_t)(s->body + s->size));

    n = f->init_func_count; /* the init data section is read first */
    if (n * per_func != s->size)
        return wb_error_set(err, s->body, sec,
                            "section is %llu bytes, expected %llu for %llu functions",
                            (unsigned long long)s->size, (unsigned long long)(n * per_func),
                            (unsigned long long)n);
    f->func_count = (uint32_t)n;

    c.p = data + s->body;
    for (uint64_t i = 0; i < n; i++) {
        uint64_t off = f->is_64bit ? rd64(&c) : rd32(&c);
        if (!c.ok)
            return cursor_error(err, &c, sec, "function text offset");
        if (off >= f->text_code_bytes)
            return wb_error_set(err, wb_cursor_offset(&c) - (size_t)ptr, sec,
                                "function %llu starts at text offset %llu, "
                                "past the %llu bytes of code",
                                (unsigned long long)i, (unsigned long long)off,
                                (unsigned long long)f->text_code_bytes);
    }
    *type_idx_at = wb_cursor_offset(&c);
    for (uint64_t i = 0; i < n; i++) {
        uint32_t t = rd32(&c);
        if (!c.ok)
            return cursor_error(err, &c, sec, "function type index");
        if (t >= f->type_count)
            return wb_error_set(err, wb_cursor_offset(&c) - 4, sec,
                                "function %llu has type %u, but there are %u types",
                                (unsigned long long)i, t, f->type_count);
    }
    return 0;
}

/* Type of a defined function (index already without imports). */
static int func_sig(const uint8_t *data, size_t size, const wb_aot_facts *f, size_t types_at,
                    size_t type_idx_at, uint32_t defined, aot_sig *sig)
{
    wb_cursor c = wb_cursor_make(data, size);
    uint32_t t;
    if (defined >= f->func_count)
        return -1;
    c.p = data + type_idx_at + (size_t)defined * 4;
    t = wb_u32le(&c);
    return c.ok ? type_at(data, size, types_at, f->type_count, t, sig) : -1;
}

static int read_exports(const uint8_t *data, size_t size, const aot_section *s, wb_aot_facts *f,
                        size_t types_at, size_t type_idx_at, wb_error *err)
{
    const char *sec = section_names[SEC_EXPORT];
    wb_cursor c = wb_cursor_make(data, (size_t)(s->body + s->size));
    int has_malloc = 0, has_free = 0;

    c.p = data + s->body;
    f->export_count = rd32(&c);
    for (uint32_t i = 0; i < f->export_count && c.ok; i++) {
        const uint8_t *name;
        size_t len;
        aot_sig sig;
        uint32_t index = rd32(&c);
        uint8_t kind = wb_u8(&c);
        rd_string(&c, &name, &len);
        if (!c.ok)
            break;
        if (kind > EXPORT_GLOBAL)
            return wb_error_set(err, wb_cursor_offset(&c), sec, "export %u has unknown kind %u", i,
                                kind);
        if (kind != EXPORT_FUNC)
            continue;
        f->export_func_count++;
        if (str_is(name, len, "wasi_thread_start"))
            f->exports_wasi_thread_start = 1;
        /* WAMR disables its app heap only for malloc (i32)->i32 and
         * free (i32)->() defined in the module (aot_loader.c) */
        if (index < f->import_func_count)
            continue;
        if (func_sig(data, size, f, types_at, type_idx_at, index - f->import_func_count, &sig))
            continue;
        if (str_is(name, len, "malloc") && sig.params == 1 && sig.results == 1 &&
            sig.first_param == VT_I32 && sig.first_result == VT_I32)
            has_malloc = 1;
        if (str_is(name, len, "free") && sig.params == 1 && sig.results == 0 &&
            sig.first_param == VT_I32)
            has_free = 1;
    }
    if (!c.ok)
        return cursor_error(err, &c, sec, "export");
    if (wb_cursor_left(&c) != 0)
        return wb_error_set(err, wb_cursor_offset(&c), sec,
                            "%zu bytes left over after %u exports", wb_cursor_left(&c),
                            f->export_count);
    f->exports_malloc_free = has_malloc && has_free;
    return 0;
}

/* ---- the file ---- */

/* Walk the section headers: order, sizes against what remains. */
static int walk_sections(const uint8_t *data, size_t size, aot_section *sec, wb_aot_facts *f,
                         wb_error *err)
{
    wb_cursor c = wb_cursor_make(data, size);
    int next = SEC_TARGET_INFO;

    c.p += 8;
    while (wb_cursor_left(&c) > 0) {
        size_t at;
        uint32_t type, len;
        const char *name;

        align_to(&c, 4);
        if (c.ok && wb_cursor_left(&c) == 0)
            break; /* padding at the end of the file */
        at = wb_cursor_offset(&c);
        type = wb_u32le(&c);
        len = wb_u32le(&c);
        if (!c.ok)
            return wb_error_set(err, at, "header", "truncated section header: %zu bytes left",
                                size - at);
        name = type < SEC_STANDARD_COUNT ? section_names[type] : "custom";
        if (type == SEC_CUSTOM) {
            if (next == SEC_TARGET_INFO)
                return wb_error_set(err, at, name, "custom section before the target info section");
            f->custom_section_bytes += len;
        } else if (type >= SEC_STANDARD_COUNT) {
            return wb_error_set(err, at, "header", "unknown section type %u", type);
        } else if ((int)type != next) {
            return wb_error_set(err, at, name, "%s section out of order: expected the %s section",
                                name, next < SEC_STANDARD_COUNT ? section_names[next] : "custom");
        } else {
            sec[type].present = 1;
            sec[type].body = wb_cursor_offset(&c);
            sec[type].size = len;
            f->section_bytes[type] = len;
            next++;
        }
        if (len > wb_cursor_left(&c))
            return wb_error_set(err, at, name,
                                "section size %u runs past the end of the file (%zu bytes left)",
                                len, wb_cursor_left(&c));
        c.p += len;
    }
    if (next < SEC_STANDARD_COUNT)
        return wb_error_set(err, size, section_names[next], "%s section missing",
                            section_names[next]);
    return 0;
}

static int format_known(uint32_t format)
{
    for (size_t i = 0; i < LAYOUT_COUNT; i++)
        if (layouts[i].format == format)
            return 1;
    return 0;
}

/* "... format 7; this reader reads formats 3, 4, 5 and 6", from the table
 * (whose rows are in format order). */
static int format_error(wb_error *err, uint32_t format)
{
    uint32_t known[LAYOUT_COUNT];
    size_t k = 0, n = 0;
    char list[64];

    for (size_t i = 0; i < LAYOUT_COUNT; i++)
        if (k == 0 || known[k - 1] != layouts[i].format)
            known[k++] = layouts[i].format;
    list[0] = 0;
    for (size_t i = 0; i < k && n < sizeof list; i++)
        n += (size_t)snprintf(list + n, sizeof list - n, "%s%u",
                              i == 0 ? "" : i + 1 == k ? " and " : ", ", known[i]);
    return wb_error_set(err, 4, "header",
                        "unsupported AOT file format %u; this reader reads formats %s", format,
                        list);
}

int wb_aot_is_aot(const uint8_t *data, size_t size)
{
    return data && size >= 4 && data[0] == 0 && data[1] == 'a' && data[2] == 'o' && data[3] == 't';
}

int wb_aot_read(const uint8_t *data, size_t size, wb_aot_facts *f, wb_error *err)
{
    aot_section sec[SEC_STANDARD_COUNT];
    wb_cursor c = wb_cursor_make(data, size);
    size_t types_at = 0, type_idx_at = 0;
    uint32_t magic;

    memset(f, 0, sizeof *f);
    memset(sec, 0, sizeof sec);
    if (err) {
        err->offset = 0;
        err->section = NULL;
        err->message[0] = 0;
    }
    f->file_bytes = size;
    magic = wb_u32le(&c);
    if (!c.ok || magic != AOT_MAGIC)
        return wb_error_set(err, 0, "header", "not a WAMR AOT file (no \\0aot magic)");
    f->version = wb_u32le(&c);
    if (!c.ok)
        return wb_error_set(err, 4, "header", "truncated header: no version");
    if (!format_known(f->version))
        return format_error(err, f->version);

    if (walk_sections(data, size, sec, f, err))
        return -1;
    if (read_target_info(data, &sec[SEC_TARGET_INFO], f, err))
        return -1;
    if (read_init_data(data, &sec[SEC_INIT_DATA], f, &types_at, err))
        return -1;
    if (read_text(data, &sec[SEC_TEXT], f, err))
        return -1;
    if (read_functions(data, &sec[SEC_FUNCTION], f, &type_idx_at, err))
        return -1;
    if (read_exports(data, size, &sec[SEC_EXPORT], f, types_at, type_idx_at, err))
        return -1;
    return 0;
}
