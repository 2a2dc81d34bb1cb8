;; A C-shaped module with one SIMD function (as clang -msimd128 vectorises a
;; dot product): it runs where the runtime build and wamrc's target have SIMD.
(module
  (memory (export "memory") 2 4)
  (global $__stack_pointer (mut i32) (i32.const 70656))
  (global (export "__data_end") i32 (i32.const 5120))
  (global (export "__heap_base") i32 (i32.const 70656))
  (func $scalar (param $a i32) (param $b i32) (result i32)
    (i32.mul (i32.load (local.get $a)) (i32.load (local.get $b))))
  (func $dot4 (param $a i32) (param $b i32) (result i32)
    (local $v v128)
    (local.set $v (i32x4.mul (v128.load (local.get $a)) (v128.load (local.get $b))))
    (i32.add (i32.add (i32x4.extract_lane 0 (local.get $v)) (i32x4.extract_lane 1 (local.get $v)))
             (i32.add (i32x4.extract_lane 2 (local.get $v)) (i32x4.extract_lane 3 (local.get $v)))))
  (func (export "_start")
    (drop (call $scalar (i32.const 1024) (i32.const 2048)))
    (drop (call $dot4 (i32.const 1024) (i32.const 2048)))))
