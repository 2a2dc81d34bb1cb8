;; A small libc-shaped module: aux stack below __heap_base, a grown heap, bounded memory.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 2 4)
  (global $sp (mut i32) (i32.const 70656))
  (global (export "__data_end") i32 (i32.const 5120))
  (global (export "__heap_base") i32 (i32.const 70656))
  (func $work (param i32) (result i32)
    (local i32)
    global.get $sp
    i32.const 64
    i32.sub
    local.tee 1
    global.set $sp
    local.get 1
    local.get 0
    i32.store
    local.get 1
    i32.load
    local.get 1
    i32.const 64
    i32.add
    global.set $sp)
  (func (export "_start")
    i32.const 1
    call $work
    drop
    i32.const 1
    memory.grow
    drop))
