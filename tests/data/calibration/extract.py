#!/usr/bin/env python3
"""Extract the measured phase totals of the calibration set into measured.txt.

    python3 extract.py /path/to/calibration/measurements.json > measured.txt
    python3 extract.py /path/to/calibration/versions/WAMR-2.4.5/measurements.json \
        > versions/WAMR-2.4.5/measured.txt

One line per run (engine x arch x wasm_stack_size), whitespace separated,
columns named in the header line.  per_thread is the largest spawned
thread's instance heap + exec env/thread heap; threads is how many threads
the run spawned.  The tests read this table, never the JSON.
"""
import json
import sys

COLS = ["module", "engine", "arch", "wasm_stack_size", "threads", "file_bytes",
        "runtime_init", "module_load", "module_load_peak", "exec_memory",
        "instance", "exec_env", "per_thread", "linear_memory_initial",
        "fast_interp_code", "fast_interp_const", "aux_stack_bytes"]


def row(mod, run):
    thr = run.get("threads") or {}
    spawns = thr.get("per_spawn") or []
    per_thread = max((s["instance_heap_bytes"] + s["exec_env_and_thread_heap_bytes"]
                      for s in spawns), default=0)
    ri = run.get("runtime_internals") or {}
    return [mod["name"], "aot" if run["engine"] == "aot" else "fast-interp", run["arch"],
            run["wasm_stack_size"], len(spawns), run["file_bytes"],
            run["runtime_init"]["heap_live_bytes"],
            run["load"]["heap_live_bytes"],
            run["load"]["heap_peak_bytes"],
            run["load"]["mmap_kept_bytes"],
            run["instantiate"]["heap_delta_bytes"],
            run["exec_env"]["heap_delta_bytes"],
            per_thread,
            run["instantiate"]["linear_memory_committed_bytes"],
            ri.get("fast_interp_code_bytes", 0),
            ri.get("fast_interp_const_bytes", 0),
            ri.get("aux_stack_bytes", 0)]


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "measurements.json"
    data = json.load(open(src))
    w = data.get("wamr", {})
    print("# measured WAMR %s (%s) phase totals (bytes), from %s by extract.py" %
          (w.get("version", "?"), w.get("git_describe", "?"), data.get("schema", "measurements.json")))
    print("# " + " ".join(COLS))
    for mod in data["modules"]:
        for run in mod["runs"]:
            print(" ".join(str(v) for v in row(mod, run)))


if __name__ == "__main__":
    main()
