;; A recursion the operand-stack bound cannot bound: its diagnostic, JSON and
;; report name the cycle (assembled stripped, and with names for --names).
(module
  (memory 1)
  (func $recurse (param i32) (result i32)
    local.get 0
    i32.eqz
    if (result i32)
      i32.const 0
    else
      local.get 0
      i32.const 1
      i32.sub
      call $recurse
    end)
  (func $_start (export "_start")
    i32.const 10
    call $recurse
    drop)
)
