;; A 64-bit linear memory, which no shipped profile's runtime can load.
(module
  (memory (export "memory") i64 1 2)
  (func (export "_start")))
