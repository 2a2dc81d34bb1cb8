;; rec(n) calls itself while n > 0, then leaf; run calls rec(9): ten
;; activations of rec, which annotations/recursion_depth.annotations states.
;; Aux frames: run 16, rec 32, leaf 48: 16 + 10 x 32 + 48 = 384.
;; Classic frames (LP64): run 72 + 8 + 32 = 112; rec (1 param, 2 deep, the
;; function and the if: 2 blocks) 72 + 12 + 64 = 148; leaf 112; the host's
;; call of run 80.  A frame is allocated while twice its size is free, so the
;; need is the host call, run, ten rec and leaf twice:
;; 80 + 112 + 10 x 148 + 2 x 112 = 1896.
(module
  (memory 1)
  (global $sp (mut i32) (i32.const 65536))
  (global (export "__data_end") i32 (i32.const 1024))
  (global (export "__heap_base") i32 (i32.const 65536))
  (func $leaf
    global.get $sp
    i32.const 48
    i32.sub
    global.set $sp
    global.get $sp
    i32.const 48
    i32.add
    global.set $sp)
  (func $rec (param i32)
    global.get $sp
    i32.const 32
    i32.sub
    global.set $sp
    local.get 0
    if
      local.get 0
      i32.const 1
      i32.sub
      call $rec
    else
      call $leaf
    end
    global.get $sp
    i32.const 32
    i32.add
    global.set $sp)
  (func $run (export "run")
    global.get $sp
    i32.const 16
    i32.sub
    global.set $sp
    i32.const 9
    call $rec
    global.get $sp
    i32.const 16
    i32.add
    global.set $sp))
