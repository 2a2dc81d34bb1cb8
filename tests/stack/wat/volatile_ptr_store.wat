;; volatile_ptr.wat with one store: the pointer at 1024 may have been
;; overwritten (with 1, the index in the next word), so the calls may reach
;; any function of the type: run (0) -> big (512).
(module
  (type $v (func))
  (memory 1)
  (global $sp (mut i32) (i32.const 65536))
  (global (export "__data_end") i32 (i32.const 2048))
  (global (export "__heap_base") i32 (i32.const 65536))
  (table 2 funcref)
  (elem (i32.const 0) $small $big)
  (data (i32.const 1024) "\00\00\00\00\01\00\00\00")
  (func $small (type $v)
    global.get $sp
    i32.const 16
    i32.sub
    global.set $sp
    global.get $sp
    i32.const 16
    i32.add
    global.set $sp)
  (func $big (type $v)
    global.get $sp
    i32.const 512
    i32.sub
    global.set $sp
    global.get $sp
    i32.const 512
    i32.add
    global.set $sp)
  (func $run (export "run") (result i32)
    i32.const 1024
    i32.load
    call_indirect (type $v)
    i32.const 0
    i32.load offset=1024
    call_indirect (type $v)
    i32.const 1024
    i32.const 1
    i32.store
    i32.const 0))
