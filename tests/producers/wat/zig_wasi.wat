;; A module shaped like `zig build-exe -target wasm32-wasi -O ReleaseSmall`
;; output (a program that prints its arguments).  What Zig does that
;; matters here:
;; * its linker places the stack first (1 MiB): the stack pointer, global 0,
;;   starts at 1048576 and the data lies above it (ziglang/zig#10572);
;; * the executable exports `memory` and `_start` only (no __heap_base or
;;   __data_end unless exported with --export or -rdynamic);
;; * std's wasm allocator grows memory; no maximum unless --max-memory;
;; * imports: args_sizes_get, args_get, fd_write, proc_exit from
;;   wasi_snapshot_preview1.
;; @MAX@ is replaced by the maximum (or nothing) when the fixture is made.
(module $zig_wasi
  (type $args_t (func (param i32 i32) (result i32)))
  (type $write_t (func (param i32 i32 i32 i32) (result i32)))
  (type $exit_t (func (param i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $os.wasi.args_sizes_get (type $args_t)))
  (import "wasi_snapshot_preview1" "args_get" (func $os.wasi.args_get (type $args_t)))
  (import "wasi_snapshot_preview1" "fd_write" (func $os.wasi.fd_write (type $write_t)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $os.wasi.proc_exit (type $exit_t)))
  (memory (export "memory") 17 @MAX@)
  (global $__stack_pointer (mut i32) (i32.const 1048576))
  (global $heap.next (mut i32) (i32.const 0))
  (export "_start" (func $_start))
  (data (i32.const 1048576) "arg: \0a")

  ;; heap.WasmAllocator, reduced: whole pages from memory.grow
  (func $heap.WasmAllocator.alloc (param $len i32) (result i32)
    (local $pages i32) (local $old i32)
    (local.set $pages (i32.shr_u (i32.add (local.get $len) (i32.const 65535)) (i32.const 16)))
    (local.set $old (memory.grow (local.get $pages)))
    (if (result i32) (i32.eq (local.get $old) (i32.const -1))
      (then (i32.const 0))
      (else (i32.shl (local.get $old) (i32.const 16)))))

  (func $io.Writer.writeAll (param $p i32) (param $n i32)
    (local $frame i32)
    (global.set $__stack_pointer
      (local.tee $frame (i32.sub (global.get $__stack_pointer) (i32.const 16))))
    (i32.store (local.get $frame) (local.get $p))
    (i32.store offset=4 (local.get $frame) (local.get $n))
    (drop (call $os.wasi.fd_write (i32.const 1) (local.get $frame) (i32.const 1)
                                  (i32.add (local.get $frame) (i32.const 8))))
    (global.set $__stack_pointer (i32.add (local.get $frame) (i32.const 16))))

  (func $main.main
    (local $frame i32) (local $argv i32)
    (global.set $__stack_pointer
      (local.tee $frame (i32.sub (global.get $__stack_pointer) (i32.const 32))))
    (drop (call $os.wasi.args_sizes_get (local.get $frame) (i32.add (local.get $frame) (i32.const 4))))
    (local.set $argv (call $heap.WasmAllocator.alloc (i32.load offset=4 (local.get $frame))))
    (drop (call $os.wasi.args_get (i32.add (local.get $frame) (i32.const 8)) (local.get $argv)))
    (call $io.Writer.writeAll (i32.const 1048576) (i32.const 5))
    (global.set $__stack_pointer (i32.add (local.get $frame) (i32.const 32))))

  (func $_start
    (call $main.main)
    (call $os.wasi.proc_exit (i32.const 0))))
