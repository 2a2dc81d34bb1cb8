;; The fast interpreter's constant area differs between WAMR versions: 2.1.0
;; keeps one cell per distinct (type, value), 2.3.1 and later pool the raw
;; bits, so i32.const 0 and f32.const 0 share one cell.  run's frame:
;;   2.4.5: 40 + 4 x (1 constant cell + 2 dynamic slots (the i32 and the f32
;;          results) + 1) = 56; 48 + 2 x 56 = 160
;;   2.1.0: 40 + 4 x (2 + 2 + 1) = 60; 48 + 2 x 60 = 168
(module
  (func $run (export "run") (result i32)
    i32.const 0
    i32.const 0
    i32.add
    f32.const 0
    f32.const 0
    f32.add
    i32.trunc_f32_s
    i32.add))
