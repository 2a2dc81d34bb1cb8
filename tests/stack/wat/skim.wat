;; Functions that never name $sp are only scanned for their calls and
;; references; a function that names $sp after a call is walked again from
;; its start, and its edges and indirect call sites count once.
;; $plain (no $sp): calls $deep (64), takes a reference to $by_ref (80) and
;; calls through the table.  $late calls through the table and calls $deep
;; before its 32-byte prologue.  Worst: late (32) + by_ref (80) = 112.
;; Indirect call sites: one in $plain, one in $late (through a slot held in
;; a global: a constant slot would be resolved from the table, see narrow.wat).
(module
  (type $v (func))
  (memory 1)
  (global $sp (mut i32) (i32.const 65536))
  (global (export "__data_end") i32 (i32.const 1024))
  (global (export "__heap_base") i32 (i32.const 65536))
  (global $slot (mut i32) (i32.const 0))
  (table 1 funcref)
  (elem declare func $by_ref)
  (func $deep (type $v)
    global.get $sp
    i32.const 64
    i32.sub
    global.set $sp
    global.get $sp
    i32.const 64
    i32.add
    global.set $sp)
  (func $by_ref (type $v)
    global.get $sp
    i32.const 80
    i32.sub
    global.set $sp
    global.get $sp
    i32.const 80
    i32.add
    global.set $sp)
  (func $plain (export "plain") (type $v)
    call $deep
    ref.func $by_ref
    drop
    global.get $slot
    call_indirect (type $v))
  (func $late (export "late") (type $v) (local i32)
    global.get $slot
    call_indirect (type $v)
    call $deep
    global.get $sp
    i32.const 32
    i32.sub
    local.tee 0
    global.set $sp
    global.get $slot
    call_indirect (type $v)
    local.get 0
    i32.const 32
    i32.add
    global.set $sp))
