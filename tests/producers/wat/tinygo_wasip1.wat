;; A module shaped like `tinygo build -target=wasip1` output (a program that
;; reads its arguments, the clock and prints).  What TinyGo does that
;; matters here (targets/wasip1.json, its runtime):
;; * wasm-ld --stack-first with a 64 KiB stack (default-stack-size): the
;;   stack pointer, global 0, starts at 65536, the data above it;
;; * it exports malloc, free, calloc and realloc (so WAMR's app heap is
;;   off), `_start` and `memory`, and neither __heap_base nor __data_end;
;; * its heap grows with memory.grow until memory.grow fails: no maximum
;;   unless linked with -ldflags=--max-memory=N;
;; * imports: fd_write, clock_time_get, args_sizes_get, args_get,
;;   environ_sizes_get, environ_get, proc_exit from wasi_snapshot_preview1.
;; @MAX@ is replaced by the maximum (or nothing) when the fixture is made.
(module $tinygo_wasip1
  (type $write_t (func (param i32 i32 i32 i32) (result i32)))
  (type $clock_t (func (param i32 i64 i32) (result i32)))
  (type $args_t (func (param i32 i32) (result i32)))
  (type $exit_t (func (param i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $runtime.fd_write (type $write_t)))
  (import "wasi_snapshot_preview1" "clock_time_get" (func $runtime.clock_time_get (type $clock_t)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $runtime.args_sizes_get (type $args_t)))
  (import "wasi_snapshot_preview1" "args_get" (func $runtime.args_get (type $args_t)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $__imported_wasi_snapshot_preview1_environ_sizes_get (type $args_t)))
  (import "wasi_snapshot_preview1" "environ_get" (func $__imported_wasi_snapshot_preview1_environ_get (type $args_t)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $runtime.proc_exit (type $exit_t)))
  (memory (export "memory") 2 @MAX@)
  (global $__stack_pointer (mut i32) (i32.const 65536))
  (global $runtime.heapptr (mut i32) (i32.const 66560))
  (export "_start" (func $_start))
  (export "malloc" (func $malloc))
  (export "free" (func $free))
  (export "calloc" (func $calloc))
  (export "realloc" (func $realloc))
  (data (i32.const 65536) "hello from TinyGo\0a")

  ;; runtime.alloc: the heap grows with memory.grow
  (func $runtime.alloc (param $size i32) (result i32)
    (local $p i32)
    (local.set $p (global.get $runtime.heapptr))
    (global.set $runtime.heapptr (i32.add (local.get $p) (i32.and (i32.add (local.get $size)
                                                                           (i32.const 15))
                                                                  (i32.const -16))))
    (if (i32.gt_u (global.get $runtime.heapptr) (i32.shl (memory.size) (i32.const 16)))
      (then (if (i32.eq (memory.grow (i32.const 1)) (i32.const -1))
              (then unreachable))))
    (local.get $p))
  (func $malloc (param $size i32) (result i32)
    (call $runtime.alloc (local.get $size)))
  (func $free (param $p i32))
  (func $calloc (param $n i32) (param $size i32) (result i32)
    (call $runtime.alloc (i32.mul (local.get $n) (local.get $size))))
  (func $realloc (param $p i32) (param $size i32) (result i32)
    (call $runtime.alloc (local.get $size)))

  (func $runtime.putchar (param $c i32)
    (local $frame i32)
    (global.set $__stack_pointer
      (local.tee $frame (i32.sub (global.get $__stack_pointer) (i32.const 16))))
    (i32.store8 offset=15 (local.get $frame) (local.get $c))
    (i32.store (local.get $frame) (i32.add (local.get $frame) (i32.const 15)))
    (i32.store offset=4 (local.get $frame) (i32.const 1))
    (drop (call $runtime.fd_write (i32.const 1) (local.get $frame) (i32.const 1)
                                  (i32.add (local.get $frame) (i32.const 8))))
    (global.set $__stack_pointer (i32.add (local.get $frame) (i32.const 16))))

  (func $main.main
    (local $frame i32) (local $i i32)
    (global.set $__stack_pointer
      (local.tee $frame (i32.sub (global.get $__stack_pointer) (i32.const 32))))
    (drop (call $runtime.args_sizes_get (local.get $frame) (i32.add (local.get $frame) (i32.const 4))))
    (drop (call $runtime.clock_time_get (i32.const 1) (i64.const 1000)
                                        (i32.add (local.get $frame) (i32.const 8))))
    (drop (call $runtime.alloc (i32.const 64)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (i32.const 18)))
        (call $runtime.putchar (i32.load8_u offset=65536 (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (global.set $__stack_pointer (i32.add (local.get $frame) (i32.const 32))))

  (func $_start
    (call $main.main)
    (call $runtime.proc_exit (i32.const 0))))
