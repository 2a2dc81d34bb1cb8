;; An imported function takes a frame on the operand stack too
;; (wasm_interp_call_func_native): header + max(param cells, 2).
;; run pushes four i64 constants and calls host(i64 x 4):
;;   classic: run 72 + 4 x 8 (eight cells deep) + 32 = 136; host 72 + 32 = 104;
;;            the host's call of run (no result: 2 cells) 80;
;;            80 + max(2 x 136, 136 + 2 x 104) = 80 + 344 = 424
;;   fast:    run 40 + 4 x (8 constant cells + 0 + 1) = 76; host 40 + 32 = 72;
;;            48 + max(2 x 76, 76 + 2 x 72) = 48 + 220 = 268
(module
  (import "env" "host" (func $host (param i64 i64 i64 i64)))
  (func $run (export "run")
    i64.const 1
    i64.const 2
    i64.const 3
    i64.const 4
    call $host))
