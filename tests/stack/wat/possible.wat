;; A recursion that exists only if an indirect call reaches a certain
;; function: apply(x, slot) calls slot's function of type $cb; cb_rec calls
;; apply again, cb_leaf does not.  No cycle of direct calls: a possible
;; recursion.  Aux frames: run 16, apply 32, cb_rec 64, cb_leaf 128.
;;  - the bound without the doubtful call apply -> cb_rec (conditional):
;;    run (16) -> apply (32) -> cb_leaf (128) = 176;
;;  - annotations/possible_indirect.annotations (indirect apply -> cb_leaf)
;;    makes that the bound: 176;
;;  - annotations/possible_depth.annotations (recursion apply 3): three
;;    stretches apply -> cb_rec of 96, the deepest exit cb_leaf 128, below
;;    them run 16: 16 + 3 x 96 + 128 = 432 (the program can use at most
;;    16 + 3 x 32 + 2 x 64 + 128 = 368: each stretch is counted whole).
(module
  (type $cb (func (param i32) (result i32)))
  (memory 1)
  (global $sp (mut i32) (i32.const 65536))
  (global (export "__data_end") i32 (i32.const 1024))
  (global (export "__heap_base") i32 (i32.const 65536))
  (table 2 funcref)
  (elem (i32.const 0) $cb_rec $cb_leaf)
  (func $apply (param i32 i32) (result i32)
    global.get $sp
    i32.const 32
    i32.sub
    global.set $sp
    local.get 0
    local.get 1
    call_indirect (type $cb)
    global.get $sp
    i32.const 32
    i32.add
    global.set $sp)
  (func $cb_rec (type $cb)
    global.get $sp
    i32.const 64
    i32.sub
    global.set $sp
    local.get 0
    i32.const 1
    call $apply
    global.get $sp
    i32.const 64
    i32.add
    global.set $sp)
  (func $cb_leaf (type $cb)
    global.get $sp
    i32.const 128
    i32.sub
    global.set $sp
    local.get 0
    global.get $sp
    i32.const 128
    i32.add
    global.set $sp)
  (func $run (export "run") (param i32) (result i32)
    global.get $sp
    i32.const 16
    i32.sub
    global.set $sp
    local.get 0
    local.get 0
    call $apply
    global.get $sp
    i32.const 16
    i32.add
    global.set $sp))
