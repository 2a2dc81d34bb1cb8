;; A module without a C shadow stack, shaped like AssemblyScript's stub
;; runtime: a bump allocator that grows memory, no stack-pointer global that
;; any prologue moves, no __heap_base or __data_end.  WAMR's aux stack does
;; not concern it: no aux-stack diagnostic, and the report says so.
(module
  (import "env" "abort" (func $abort (param i32 i32 i32 i32)))
  (memory (export "memory") 1 2)
  (global $offset (mut i32) (i32.const 0))
  (global $heap_start i32 (i32.const 1056))
  (data (i32.const 1024) "\02\00\00\00\01\00\00\00")
  (func $alloc (export "alloc") (param $size i32) (result i32)
    (local $p i32)
    (if (i32.eqz (global.get $offset)) (then (global.set $offset (global.get $heap_start))))
    (local.set $p (global.get $offset))
    (global.set $offset (i32.add (local.get $p) (local.get $size)))
    (if (i32.gt_u (global.get $offset) (i32.shl (memory.size) (i32.const 16)))
      (then (if (i32.lt_s (memory.grow (i32.const 1)) (i32.const 0))
              (then (call $abort (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0))
                    unreachable))))
    (local.get $p)))
