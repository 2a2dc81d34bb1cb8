;; call_indirect resolves by structural type equality: $a and $b are the
;; same signature declared twice.  Candidates: table elements and ref.func
;; targets of that signature: $in_table (192), $small (0), $by_ref (160).
;; $other_type (frame 4096) is in the table with another signature;
;; $not_taken (frame 8192) has the signature but is never referenced;
;; neither may be reached.  Worst: dispatch (16) + in_table (192) = 208.
(module
  (type $a (func (param i32) (result i32)))
  (type $b (func (param i32) (result i32)))
  (type $c (func (param i32 i32)))
  (memory 1)
  (global $sp (mut i32) (i32.const 65536))
  (global (export "__data_end") i32 (i32.const 1024))
  (global (export "__heap_base") i32 (i32.const 65536))
  (table 3 funcref)
  (elem (i32.const 0) $in_table $other_type $small)
  (elem declare func $by_ref)
  (func $in_table (type $b) (local i32)
    global.get $sp
    i32.const 192
    i32.sub
    local.tee 1
    global.set $sp
    local.get 1
    i32.const 192
    i32.add
    global.set $sp
    local.get 0)
  (func $small (type $b)
    local.get 0)
  (func $other_type (type $c) (local i32)
    global.get $sp
    i32.const 4096
    i32.sub
    local.tee 2
    global.set $sp
    local.get 2
    i32.const 4096
    i32.add
    global.set $sp)
  (func $not_taken (type $a) (local i32)
    global.get $sp
    i32.const 8192
    i32.sub
    local.tee 1
    global.set $sp
    local.get 1
    i32.const 8192
    i32.add
    global.set $sp
    local.get 0)
  (func $by_ref (type $a) (local i32)
    ;; a leaf frame written the way wasm-opt does: $sp + (-160), no write-back
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
    local.get 0
    local.get 0
    call_indirect (type $a)
    ref.func $by_ref
    drop
    local.get 1
    i32.const 16
    i32.add
    global.set $sp))
