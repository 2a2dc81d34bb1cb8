;; A tail call to itself is recursion as well (counted like a call): $loop
;; has a 16-byte frame on the aux stack.
(module
  (memory 1)
  (global $sp (mut i32) (i32.const 65536))
  (global (export "__data_end") i32 (i32.const 1024))
  (global (export "__heap_base") i32 (i32.const 65536))
  (func $loop (param i32) (result i32)
    global.get $sp
    i32.const 16
    i32.sub
    local.get 0
    i32.store
    local.get 0
    i32.eqz
    if
      i32.const 0
      return
    end
    local.get 0
    i32.const 1
    i32.sub
    return_call $loop)
  (func (export "run") (param i32) (result i32)
    local.get 0
    call $loop))
