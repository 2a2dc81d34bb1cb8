;; memory.grow and no declared maximum: the libc heap can grow to 4 GiB.
(module
  (memory (export "memory") 2)
  (global $sp (mut i32) (i32.const 70656))
  (global (export "__data_end") i32 (i32.const 5120))
  (global (export "__heap_base") i32 (i32.const 70656))
  (func (export "_start")
    i32.const 1
    memory.grow
    drop))
