#!/usr/bin/env python3
"""Extract the NuttX simulator runs (calibration/nuttx-sim/results.json) into runs.txt.

    python3 extract.py /path/to/calibration/nuttx-sim/results.json > runs.txt

One line per run (build x engine x module x stack_size), whitespace separated,
columns named in the header line; '-' where a build has no such figure (no
pool, no text heap).  All figures are bytes:

  file_buf     WAMR's pool after reading the file minus after runtime init:
               iwasm's copy of the module file, with the pool's block header
  init         pool used after wasm_runtime_full_init
  load_kept    pool after wasm_runtime_load minus after the file read
  load_trans   pool highmark after load minus pool used after load
  instantiate  pool after wasm_runtime_instantiate minus after load
  run          pool after running main minus after instantiate (exec env,
               operand stack, thread manager)
  highmark     the pool's highmark over the whole run, file copy included
  overcredit   what the pool's free counter gained over the run: free after
               unload and freeing the file minus free after runtime init.
               WAMR 2.4.5's allocator grows blocks in place without lowering
               the counter, so highmark + overcredit bounds the true peak
  heap_task    NuttX heap maxused after the run minus used before, minus the
               iwasm task itself (results.json task_baseline_peak)
  linear       WAMR's dump: memory instances with their data
  textheap     NuttX text heap maxused (AOT code); '-' for the interpreter
  textheap_base  text heap used after the run: what is not the module's
  exec_env     WAMR's dump: exec env struct + operand stack
The tests read this table, never the JSON.
"""
import json
import sys

COLS = ["config", "wamr", "bits", "thread_mgr", "pool", "engine", "module", "stack",
        "file_buf", "init", "load_kept", "load_trans", "instantiate", "run", "highmark",
        "overcredit", "heap_task", "linear", "textheap", "textheap_base", "exec_env"]

BUILDS = {  # config: (WAMR, host bits, THREAD_MGR + LIB_PTHREAD, WAMR's pool)
    "w210_pool": ("2.1.0", 64, 1, 1),
    "w245_pool": ("2.4.5", 64, 1, 1),
    "w245nothr_pool": ("2.4.5", 64, 0, 1),
    "w245m32nothr_pool": ("2.4.5", 32, 0, 1),
    "w245nothr_nopool": ("2.4.5", 64, 0, 0),
}


def row(run, baseline):
    wamr, bits, thr, pool = BUILDS[run["config"]]
    p = run["pool"]
    out = [run["config"], wamr, bits, thr, pool, "aot" if run["engine"] == "aot" else "fast-interp",
           run["module"], run["stack"]]
    if pool:
        u = {k: v["used"] for k, v in p.items()}
        init = u["after_runtime_init"]
        free_gain = p["after_unload_and_free_file"]["free"] - p["after_runtime_init"]["free"]
        out += [u["after_file_read"] - init, init,
                u["after_load"] - u["after_file_read"],
                p["after_load"]["highmark"] - u["after_load"],
                u["after_instantiate"] - u["after_load"],
                u["after_run"] - u["after_instantiate"],
                p["after_unload_and_free_file"]["highmark"], max(free_gain, 0)]
    else:
        out += ["-"] * 8
    heap = run["free_after"]["Umem"]["maxused"] - run["free_before"]["Umem"]["used"] - baseline
    text = run["free_after"].get("textheap") if run["engine"] == "aot" else None
    out += [heap, run["inst_memories"], text["maxused"] if text else "-",
            text["used"] if text else "-", run["exec_env_total"]]
    return out


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "results.json"
    data = json.load(open(src))
    print("# WAMR in NuttX's simulator (sim:wamr), from calibration/nuttx-sim/results.json by extract.py")
    print("# " + " ".join(COLS))
    for run in data["runs"]:
        if run.get("error"):
            continue
        print(" ".join(str(v) for v in row(run, data["task_baseline_peak"][run["config"]])))


if __name__ == "__main__":
    main()
