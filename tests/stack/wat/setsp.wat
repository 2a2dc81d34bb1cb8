;; Writing $sp from a parameter (an unknown value, not loaded from memory,
;; not a constant) has no static bound: a dynamic frame in $set_from_param.
(module
  (memory 1)
  (global $sp (mut i32) (i32.const 65536))
  (global (export "__data_end") i32 (i32.const 1024))
  (global (export "__heap_base") i32 (i32.const 65536))
  (func $set_from_param (param i32)
    local.get 0
    global.set $sp)
  (func (export "run") (param i32)
    local.get 0
    call $set_from_param))
