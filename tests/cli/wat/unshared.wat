;; Not built for threads: plain memory, no thread-spawn import, no wasi_thread_start.
(module
  (memory (export "memory") 2 8)
  (global $sp (mut i32) (i32.const 70656))
  (global (export "__data_end") i32 (i32.const 5120))
  (global (export "__heap_base") i32 (i32.const 70656))
  (func (export "_start")))
