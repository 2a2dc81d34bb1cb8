;; A function pointer kept in memory, as C keeps a volatile one
;; (static void *(*const volatile f)(void *, int, size_t) = memset): the
;; index is loaded from address 1024 before every call.  The module has no
;; store, no bulk-memory or atomic write, no import and no exported memory,
;; so the data segment's 0 is still there: the call goes to slot 0, $small
;; (16), never to $big (512).  volatile_ptr_store.wat adds one store and
;; gives 512.
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
    i32.const 0))
