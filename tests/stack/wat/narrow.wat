;; call_indirect through slots the module fixes (table 0 defined, not
;; exported, nothing writes a table): slot 0 holds $small (16), slot 1 $big
;; (512), slot 2 $other of another type.  dispatch calls slot 0, slot 2 with
;; the type of slot 0 (a trap: no edge) and slot 7 (past the table: a trap);
;; the worst path is dispatch (0) -> small (16).  Exported, the table could
;; hold anything of the type: narrow_exported.wat gives 512.  dispatch reads
;; $sp after its first call, so the walk reads the body twice: three sites
;; narrowed, counted once each.
(module
  (type $v (func))
  (type $i (func (param i32)))
  (memory 1)
  (global $sp (mut i32) (i32.const 65536))
  (global (export "__data_end") i32 (i32.const 1024))
  (global (export "__heap_base") i32 (i32.const 65536))
  (table 3 funcref)
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
    global.get $sp
    drop
    i32.const 2
    call_indirect (type $v)
    i32.const 7
    call_indirect (type $v)))
