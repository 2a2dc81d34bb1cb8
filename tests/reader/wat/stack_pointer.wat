;; Stack-pointer rule: the first mutable i32 i32.const global at most __heap_base, as WAMR's loader picks it.
(module
  (import "env" "g" (global $imp (mut i32)))
  (memory 2)
  (global $big (mut i32) (i32.const 200000))
  (global $f (mut f32) (f32.const 0))
  (global $sp (mut i32) (i32.const 65536))
  (global $__heap_base i32 (i32.const 70000))
  (global $__data_end (mut i32) (i32.const 1024))
  (export "__heap_base" (global $__heap_base))
  (export "__data_end" (global $__data_end))
  (func (export "_initialize")))
