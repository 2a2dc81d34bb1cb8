;; A call chain without a stack pointer: run -> f1 -> f2 -> f3, whose
;; interpreter frames are read off the loader's rules by hand.
;;
;; Classic interpreter (LP64): frame = 72 (WASMInterpFrame up to lp) +
;; 4 x (param and local cells + max_stack_cell_num) + 32 x max_block_num.
;;   f3: 1 param, operand stack 2 deep, 1 block:             72 + 12 + 32 = 116
;;   f2: 1 param, 2 deep (the call's result, then the const): 116
;;   f1: 1 param + an i64 local (3 cells), 1 deep:          72 + 16 + 32 = 120
;;   run: 1 deep:                                           72 + 4 + 32 = 108
;;   the host's call of run (1 result, 2 cells at least):   72 + 8 = 80
;; need(f) = max(2 frame(f), frame(f) + need(callee)):
;;   f3 232, f2 116 + 232 = 348, f1 120 + 348 = 468, run 108 + 468 = 576;
;;   stack_size = 80 + 576 = 656.
;;
;; Fast interpreter (LP64): frame = 40 (up to operand) + 4 x (constant cells
;; + the highest dynamic offset + preserved cells + 1); the dynamic offsets
;; start after the params and locals, and a popped slot is released only
;; above that start (wasm_loader_pop_frame_offset):
;;   f3: const 1; get 0 and the const fold into their slots, add -> slot 1:
;;       1 + 2 + 1 = 4 cells: 56
;;   f2: call -> slot 1 (not released: it is the start), mul -> slot 2: const
;;       2, highest 3: 1 + 3 + 1 = 5 cells: 60
;;   f1: start 3 (param + i64 local), call -> slot 3: 0 + 4 + 1: 60
;;   run: const 5, call -> slot 0: 1 + 1 + 1 = 3 cells: 52
;;   the host's call: 40 + 8 = 48
;;   f3 112, f2 60 + 112 = 172, f1 60 + 172 = 232, run 52 + 232 = 284;
;;   stack_size = 48 + 284 = 332.
(module
  (func $f3 (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.add)
  (func $f2 (param i32) (result i32)
    local.get 0
    call $f3
    i32.const 2
    i32.mul)
  (func $f1 (param i32) (result i32) (local i64)
    local.get 0
    call $f2)
  (func $run (export "run") (result i32)
    i32.const 5
    call $f1))
