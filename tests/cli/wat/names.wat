;; A C-shaped module whose functions all have names: the twin optimised with
;; wasm-opt -g keeps them, the module optimised without -g loses them.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 2 4)
  (global $__stack_pointer (mut i32) (i32.const 70656))
  (global (export "__data_end") i32 (i32.const 5120))
  (global (export "__heap_base") i32 (i32.const 70656))
  (data (i32.const 1024) "names")
  (func $fill (param $p i32) (param $n i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (i32.store8 (i32.add (local.get $p) (local.get $i)) (local.get $i))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))
  (func $work (param $n i32) (result i32)
    (local $frame i32)
    (global.set $__stack_pointer
      (local.tee $frame (i32.sub (global.get $__stack_pointer) (i32.const 240))))
    (call $fill (local.get $frame) (local.get $n))
    (call $fill (i32.add (local.get $frame) (i32.const 16)) (local.get $n))
    (local.set $n (i32.load8_u offset=7 (local.get $frame)))
    (global.set $__stack_pointer (i32.add (local.get $frame) (i32.const 240)))
    (local.get $n))
  (func $_start (export "_start")
    (drop (call $work (i32.const 200)))
    (drop (call $work (i32.const 100)))
    (call $proc_exit (i32.const 0))))
