;; wasi_thread_start recurses without bound, but nothing can start a thread
;; (no wasi.thread-spawn import): with no threads budgeted, the main thread's
;; operand bound alone sizes --stack-size auto.
(module
  (memory 1)
  (func $rec (param i32) (result i32)
    local.get 0
    i32.eqz
    if (result i32)
      i32.const 0
    else
      local.get 0
      i32.const 1
      i32.sub
      call $rec
    end)
  (func $_start (export "_start"))
  (func $wts (export "wasi_thread_start") (param i32 i32)
    local.get 0
    call $rec
    drop)
)
