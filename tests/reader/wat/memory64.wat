;; memory64: a 64-bit memory and its 64-bit memargs.
(module
  (memory i64 1 2)
  (func (export "f") (result i64)
    (drop (i64.load offset=8 (i64.const 0)))
    (memory.size)))
