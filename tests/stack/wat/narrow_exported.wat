;; narrow.wat with its table exported: the host may store any function of
;; the type in it, so every call_indirect of $v may reach small or big:
;; dispatch (0) -> big (512).
(module
  (type $v (func))
  (type $i (func (param i32)))
  (memory 1)
  (global $sp (mut i32) (i32.const 65536))
  (global (export "__data_end") i32 (i32.const 1024))
  (global (export "__heap_base") i32 (i32.const 65536))
  (table (export "table") 3 funcref)
  (elem (i32.const 0) $small $big $other)
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
  (func $other (type $i)
    global.get $sp
    i32.const 1024
    i32.sub
    global.set $sp
    global.get $sp
    i32.const 1024
    i32.add
    global.set $sp)
  (func $dispatch (export "dispatch")
    i32.const 0
    call_indirect (type $v)
    i32.const 2
    call_indirect (type $v)
    i32.const 7
    call_indirect (type $v)))
