;; A module shaped like rustc's wasm32-wasip1 output (std, release): a
;; Vec<u32> summed and printed.  What rustc does that matters here:
;; * it links with wasm-ld -z stack-size=1048576 --stack-first: the C shadow
;;   stack ($__stack_pointer, global 0) starts at 1 MiB and grows toward 0,
;;   the static data lies above it;
;; * on wasip1 it exports neither __heap_base nor __data_end (only `memory`
;;   and `_start`; rust-lang/rust#102385), so WAMR cannot see the stack;
;; * std's allocator (wasi-libc's dlmalloc) grows memory; the memory has no
;;   maximum unless linked with -C link-arg=--max-memory=N;
;; * println! goes through fd_write, std reads the environment at start,
;;   exit through proc_exit; trait objects are called through the table.
;; @MAX@ is replaced by the maximum (or nothing) when the fixture is made.
(module $rust_wasip1
  (type $write_t (func (param i32 i32 i32 i32) (result i32)))
  (type $env_t (func (param i32 i32) (result i32)))
  (type $exit_t (func (param i32)))
  (type $fmt_t (func (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $wasi_fd_write (type $write_t)))
  (import "wasi_snapshot_preview1" "environ_get" (func $wasi_environ_get (type $env_t)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $wasi_environ_sizes_get (type $env_t)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $wasi_proc_exit (type $exit_t)))
  (table 3 3 funcref)
  (memory (export "memory") 17 @MAX@)
  (global $__stack_pointer (mut i32) (i32.const 1048576))
  (global $heap_top (mut i32) (i32.const 0))
  (export "_start" (func $_start))
  (elem (i32.const 1) func $fmt_write_str $fmt_write_u32)
  (data (i32.const 1048576) "sum = \0a")
  (data (i32.const 1048592) "\00\00\10\00\07\00\00\00")

  ;; dlmalloc, reduced: bump allocation, growing memory a page at a time
  (func $dlmalloc (param $size i32) (result i32)
    (local $p i32)
    (if (i32.eqz (global.get $heap_top))
      (then (global.set $heap_top (i32.const 1114112))))
    (local.set $p (global.get $heap_top))
    (global.set $heap_top (i32.add (local.get $p) (local.get $size)))
    (if (i32.gt_u (global.get $heap_top) (i32.shl (memory.size) (i32.const 16)))
      (then (drop (memory.grow (i32.const 1)))))
    (local.get $p))

  (func $fmt_write_str (param $out i32) (param $s i32) (result i32)
    (local $frame i32)
    (global.set $__stack_pointer
      (local.tee $frame (i32.sub (global.get $__stack_pointer) (i32.const 16))))
    (i32.store offset=8 (local.get $frame) (local.get $s))
    (i32.store offset=12 (local.get $frame) (i32.const 7))
    (drop (call $wasi_fd_write (i32.const 1) (i32.add (local.get $frame) (i32.const 8))
                              (i32.const 1) (local.get $frame)))
    (global.set $__stack_pointer (i32.add (local.get $frame) (i32.const 16)))
    (i32.const 0))

  (func $fmt_write_u32 (param $out i32) (param $v i32) (result i32)
    (local $frame i32)
    (global.set $__stack_pointer
      (local.tee $frame (i32.sub (global.get $__stack_pointer) (i32.const 32))))
    (i32.store8 offset=20 (local.get $frame)
      (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
    (drop (call $fmt_write_str (local.get $out) (i32.add (local.get $frame) (i32.const 20))))
    (global.set $__stack_pointer (i32.add (local.get $frame) (i32.const 32)))
    (i32.const 0))

  ;; std::rt::lang_start -> main: a Vec of 8 u32, summed, printed through
  ;; a &dyn fmt::Write
  (func $main
    (local $frame i32) (local $vec i32) (local $i i32) (local $sum i32)
    (global.set $__stack_pointer
      (local.tee $frame (i32.sub (global.get $__stack_pointer) (i32.const 48))))
    (drop (call $wasi_environ_sizes_get (local.get $frame) (i32.add (local.get $frame) (i32.const 4))))
    (local.set $vec (call $dlmalloc (i32.const 32)))
    (block $done
      (loop $fill
        (br_if $done (i32.ge_u (local.get $i) (i32.const 8)))
        (i32.store (i32.add (local.get $vec) (i32.shl (local.get $i) (i32.const 2))) (local.get $i))
        (local.set $sum (i32.add (local.get $sum) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $fill)))
    (drop (call_indirect (type $fmt_t) (local.get $frame) (i32.const 1048576) (i32.const 1)))
    (drop (call_indirect (type $fmt_t) (local.get $frame) (local.get $sum) (i32.const 2)))
    (global.set $__stack_pointer (i32.add (local.get $frame) (i32.const 48))))

  ;; wasi-libc's crt1-command _start: main, then proc_exit
  (func $_start
    (call $main)
    (call $wasi_proc_exit (i32.const 0))))
