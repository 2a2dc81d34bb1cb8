;; Tail calls and (legacy) exception handling: return_call(_indirect), a tag, try/catch/delegate.
(module
  (type $ri (func (result i32)))
  (tag $e (param i32))
  (table 1 funcref)
  (func $f (result i32) (return_call $g))
  (func $g (result i32)
    (try (result i32)
      (do (throw $e (i32.const 1)))
      (catch $e)
      (catch_all (i32.const 0))))
  (func $h (result i32) (return_call_indirect (type $ri) (i32.const 0)))
  (func $k
    (try (do (try (do (nop)) (delegate 0))) (catch_all))))
