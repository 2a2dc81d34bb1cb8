;; wasi-threads: wasi_thread_start installs the thread's stack pointer from its
;; start argument (as wasi-libc does), then calls the worker (frame 80).
;; _start has a frame of 32 and spawns.  Main and thread bounds are separate.
(module
  (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
  (memory (export "memory") 2 2 shared)
  (global $sp (mut i32) (i32.const 65536))
  (global (export "__data_end") i32 (i32.const 1024))
  (global (export "__heap_base") i32 (i32.const 65536))
  (func $worker (param i32) (local i32)
    global.get $sp
    i32.const 80
    i32.sub
    local.tee 1
    global.set $sp
    local.get 1
    local.get 0
    i32.store offset=8
    local.get 1
    i32.const 80
    i32.add
    global.set $sp)
  (func $wasi_thread_start (export "wasi_thread_start") (param i32 i32)
    local.get 1
    i32.load
    global.set $sp
    local.get 0
    call $worker)
  (func $_start (export "_start") (local i32)
    global.get $sp
    i32.const 32
    i32.sub
    local.tee 0
    global.set $sp
    local.get 0
    call $spawn
    drop
    local.get 0
    i32.const 32
    i32.add
    global.set $sp))
