#!/usr/bin/env python3
"""Write the measured facts of the .aot fixtures in format3/ ... format6/ to formats.txt.

    python3 extract_facts.py /path/to/calibration > formats.txt

Each formatN/ folder holds .aot files (over 64 KiB or not, some stored .xz)
copied from one measured WAMR of the calibration set: format 6 from main
646b5a9bc (the calibration folder itself), 5 from versions/WAMR-2.4.5, 4 from
versions/WAMR-2.3.1, 3 from versions/WAMR-2.1.0.  One line per fixture,
whitespace separated, columns named in the header line; '-' where nothing
was measured.  Sources, per file:

* file, section and text sizes, format, arch: facts.aot.<target>;
* functions, object data sections, aux stack globals: runtime_internals of
  the AOT run on that target; memory: its memory_instance.  thumbv7em files
  were compiled, never run: their functions come from facts.wasm, their
  memory and aux globals from the x86_64 run (wamrc resolves both from the
  module, not the target), their object data sections are '-';
* the rest of the module shape (imports, segments, tables, types, globals,
  exports): facts.wasm of the same module.

elem_offsets is not measured: it is how the file stores element segment
offsets, 'value' in the format-3 and format-4 files here (wamrc 2.1.0 and
2.3.1), 'expr' in formats 5 and 6, 'none' without element segments.  The
tests read this table, never the JSON.
"""
import json
import os
import sys

SOURCES = {3: "versions/WAMR-2.1.0", 4: "versions/WAMR-2.3.1", 5: "versions/WAMR-2.4.5", 6: "."}

COLS = ["file", "format", "arch", "is_64bit", "e_type", "file_bytes",
        "text", "literal", "code",
        "s_target_info", "s_init_data", "s_text", "s_function", "s_export", "s_relocation",
        "s_custom", "funcs", "import_funcs", "obj_sections", "obj_bytes",
        "memories", "mem_init", "mem_max", "page_bytes", "shared",
        "data_segs", "data_bytes", "tables", "slots", "elem_segs", "elems", "elem_offsets",
        "types", "params", "results", "globals", "global_bytes",
        "exports", "export_funcs", "malloc_free", "thread_start", "thread_spawn",
        "aux_data_end", "aux_heap_base", "aux_stack_bottom", "aux_stack_size"]


def aot_run(mod, arch):
    for run in mod["runs"]:
        if run["engine"] == "aot" and run["arch"] == arch:
            return run
    return None


def row(fmt, rel, mod, target):
    a = mod["facts"]["aot"][target]
    w = mod["facts"]["wasm"]
    run = aot_run(mod, target)
    x64 = aot_run(mod, "x86_64")
    ri = (run or x64)["runtime_internals"]
    mi = (run or x64)["memory_instance"]
    sec = a["section_bytes"]
    elem_offsets = "none"
    if w["elem_segment_count"]:
        elem_offsets = "value" if fmt <= 4 else "expr"
    return [rel, a["aot_version"], a["arch"], int(a["is_64bit"]),
            {"REL": 1, "XIP": 4}[a["e_type"]], a["aot_file_bytes"],
            a["text_section_bytes"], a["text_literal_bytes"], a["text_code_bytes"],
            sec["target_info"], sec["init_data"], sec["text"], sec["function"], sec["export"],
            sec["relocation"], sec.get("custom", 0),
            ri["function_count"] if run else w["defined_func_count"], w["import_func_count"],
            ri["object_data_section_count"] if run else "-",
            ri["object_data_section_bytes"] if run else "-",
            w["memory_count"] + w["import_memory_count"], mi["pages_initial"], mi["pages_max"], mi["bytes_per_page"], int(mi["shared"]),
            w["data_segment_count"], w["data_bytes"],
            w["table_count"] + w["import_table_count"], sum(t["initial"] for t in w["tables"]),
            w["elem_segment_count"], w["elem_total_elements"], elem_offsets,
            w["type_count"], w["type_params_total"], w["type_results_total"],
            w["global_count"] + w["import_global_count"], w["global_value_bytes"],
            w["export_count"], w["export_func_count"], int(w["exports_malloc_free"]),
            int(w["exports_wasi_thread_start"]), int(w["imports_thread_spawn"]),
            ri["aux_data_end"], ri["aux_heap_base"], ri["aux_stack_bottom"],
            ri["aux_stack_bytes"]]


def main():
    calib = sys.argv[1] if len(sys.argv) > 1 else "."
    here = os.path.dirname(os.path.abspath(__file__))
    print("# measured facts of the .aot fixtures, from the calibration set by extract_facts.py")
    print("# " + " ".join(COLS))
    for fmt, src in sorted(SOURCES.items()):
        data = json.load(open(os.path.join(calib, src, "measurements.json")))
        mods = {m["name"]: m for m in data["modules"]}
        folder = "format%d" % fmt
        for name in sorted(os.listdir(os.path.join(here, folder))):
            base = name[:-3] if name.endswith(".xz") else name
            module, target, ext = base.rsplit(".", 2)
            if ext != "aot":
                continue
            r = row(fmt, folder + "/" + base, mods[module], target)
            print(" ".join(str(v) for v in r))


if __name__ == "__main__":
    main()
