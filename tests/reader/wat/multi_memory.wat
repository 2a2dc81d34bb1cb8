;; multi-memory: two memories, a load from the second (memarg bit 6) and a data segment for it.
(module
  (memory $m0 1)
  (memory $m1 2 3)
  (func (export "f") (result i32) (i32.load $m1 offset=4 (i32.const 0)))
  (data (memory $m1) (i32.const 0) "x"))
