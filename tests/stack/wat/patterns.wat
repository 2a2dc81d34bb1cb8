;; An early-return epilogue inside a block must not end the frame for the
;; fall-through path: that path is still inside the 64-byte frame when it
;; allocates 32 more (an inlined callee) and calls $leaf16 (a leaf frame of
;; 16 that does not write $sp back): 64 + 32 + 16 = 112.
(module
  (memory 1)
  (global $sp (mut i32) (i32.const 65536))
  (global (export "__data_end") i32 (i32.const 1024))
  (global (export "__heap_base") i32 (i32.const 65536))
  (func $leaf16 (param i32)
    global.get $sp
    i32.const 16
    i32.sub
    local.get 0
    i32.store)
  (func $early (param i32) (local i32)
    global.get $sp
    i32.const 64
    i32.sub
    local.tee 1
    global.set $sp
    block
      local.get 0
      i32.eqz
      br_if 0
      local.get 1
      i32.const 64
      i32.add
      global.set $sp
      return
    end
    global.get $sp
    i32.const 32
    i32.sub
    global.set $sp
    local.get 0
    call $leaf16
    global.get $sp
    i32.const 32
    i32.add
    global.set $sp
    local.get 1
    i32.const 64
    i32.add
    global.set $sp)
  (func (export "run") (param i32)
    local.get 0
    call $early))
