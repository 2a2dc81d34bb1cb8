;; fits.wat with one instruction of each optional proposal WAMR builds may
;; leave out: a typed select (reference types), memory.copy (bulk memory) and
;; a tail call.  Assembled with --enable-tail-call; reference types and bulk
;; memory are on in wat2wasm by default.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 2 4)
  (global $sp (mut i32) (i32.const 70656))
  (global (export "__data_end") i32 (i32.const 5120))
  (global (export "__heap_base") i32 (i32.const 70656))
  (func $pick (param i32) (result i32)
    i32.const 1
    i32.const 2
    local.get 0
    select (result i32))
  (func $copy (param i32) (result i32)
    i32.const 0
    i32.const 64
    i32.const 16
    memory.copy
    local.get 0
    return_call $pick)
  (func (export "_start")
    i32.const 1
    call $copy
    drop
    i32.const 1
    memory.grow
    drop))
