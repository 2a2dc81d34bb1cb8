;; Recursion among functions without an aux frame (like musl's frexp, which
;; calls itself once for subnormals) costs nothing on the aux stack: the
;; bound is the deepest way out of the cycle, run -> even -> odd -> deep.
(module
  (memory 1)
  (global $sp (mut i32) (i32.const 65536))
  (global (export "__data_end") i32 (i32.const 1024))
  (global (export "__heap_base") i32 (i32.const 65536))
  (func $deep (local i32)
    global.get $sp
    i32.const 48
    i32.sub
    local.tee 0
    global.set $sp
    local.get 0
    i32.const 48
    i32.add
    global.set $sp)
  (func $even (param i32)
    local.get 0
    if
      local.get 0
      i32.const 1
      i32.sub
      call $odd
    end)
  (func $odd (param i32)
    local.get 0
    i32.eqz
    if
      call $deep
      return
    end
    local.get 0
    i32.const 1
    i32.sub
    call $even)
  (func $run (export "run") (param i32)
    local.get 0
    call $even))
