;; An over-aligned frame, ($sp - 100) & -64: with $sp 16-byte aligned at
;; entry it reaches at most 112 + 64 - 16 = 160 bytes deep.
(module
  (memory 1)
  (global $sp (mut i32) (i32.const 65536))
  (global (export "__data_end") i32 (i32.const 1024))
  (global (export "__heap_base") i32 (i32.const 65536))
  (func $aligned (local i32 i32)
    global.get $sp
    local.tee 0
    i32.const 100
    i32.sub
    i32.const -64
    i32.and
    local.tee 1
    global.set $sp
    local.get 0
    global.set $sp)
  (export "run" (func $aligned)))
