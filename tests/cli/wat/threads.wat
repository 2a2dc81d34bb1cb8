;; A wasi-threads module: shared memory, thread-spawn import, wasi_thread_start export.
(module
  (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
  (memory (export "memory") 2 8 shared)
  (global $sp (mut i32) (i32.const 70656))
  (global (export "__data_end") i32 (i32.const 5120))
  (global (export "__heap_base") i32 (i32.const 70656))
  (func (export "wasi_thread_start") (param i32 i32))
  (func (export "_start")
    i32.const 0
    call $spawn
    drop
    i32.const 1
    memory.grow
    drop))
