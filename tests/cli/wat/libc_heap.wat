;; A libc program (WASI imports, __heap_base) that keeps malloc/free to itself.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 2 4)
  (global $sp (mut i32) (i32.const 70656))
  (global (export "__data_end") i32 (i32.const 5120))
  (global (export "__heap_base") i32 (i32.const 70656))
  (func (export "_start")
    i32.const 1
    memory.grow
    drop))
