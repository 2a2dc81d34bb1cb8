;; A function whose reference is taken only by ref.func in code is a
;; possible target of call_indirect too.  $by_ref has a leaf frame written
;; the way wasm-opt does ($sp + -160, no write-back): 16 + 160 = 176.
(module
  (type $a (func (param i32) (result i32)))
  (memory 1)
  (global $sp (mut i32) (i32.const 65536))
  (global (export "__data_end") i32 (i32.const 1024))
  (global (export "__heap_base") i32 (i32.const 65536))
  (table 1 funcref)
  (elem declare func $by_ref)
  (func $by_ref (type $a) (local i32)
    global.get $sp
    i32.const -160
    i32.add
    local.tee 1
    local.get 0
    i32.store
    local.get 0)
  (func $dispatch (export "dispatch") (param i32) (result i32) (local i32)
    global.get $sp
    i32.const 16
    i32.sub
    local.tee 1
    global.set $sp
    i32.const 0
    ref.func $by_ref
    table.set 0
    local.get 0
    i32.const 0
    call_indirect (type $a)
    local.get 1
    i32.const 16
    i32.add
    global.set $sp))
