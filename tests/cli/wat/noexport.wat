;; A C-shaped module (a stack pointer its functions' prologues move, the
;; stack above the static data as wasm-ld lays it out by default) that exports
;; neither __heap_base nor __data_end: WAMR cannot find its aux stack, and an
;; overflow would overwrite the data below it.
(module
  (memory (export "memory") 2 4)
  (global $sp (mut i32) (i32.const 70656))
  (data (i32.const 1024) "static data below the stack")
  (func $work (result i32)
    (local $frame i32)
    global.get $sp
    i32.const 32
    i32.sub
    local.tee $frame
    global.set $sp
    local.get $frame
    i32.const 7
    i32.store
    local.get $frame
    i32.load
    local.get $frame
    i32.const 32
    i32.add
    global.set $sp)
  (func (export "_start")
    call $work
    drop
    i32.const 1
    memory.grow
    drop))
