#!/bin/sh
# Builds a C test program for wasm32-wasi with the system clang and checks its
# stack bounds with stack_probe.
#
#   run_c_case.sh PROBE CLANG SRC OPT OUTDIR [--objdump-sum=F1,F2,...] EXPECT...
# (it works in OUTDIR/<name>.<opt>; OUTDIR is the test's own)
#
# --objdump-sum adds the expectation aux_main.max=<sum of the frame constants
# of F1, F2, ...>, read from `wasm-objdump -d` (the first i32.const after
# `global.get <__stack_pointer>` in each function), for code whose frames
# depend on the compiler version (-O0).
# Exits 77 (skipped) when clang cannot build wasm32-wasi programs here, or
# when --objdump-sum is asked for and wasm-objdump is missing.
set -u
probe=$1 clang=$2 src=$3 opt=$4 out=$5
shift 5
name=$(basename "$src" .c).$opt
# each case in a folder of its own (OUTDIR is per test): cases run at once
# must not share files
out="$out/$name"
mkdir -p "$out" || exit 1

printf 'int main(void) { return 0; }\n' > "$out/target_check.c"
if ! "$clang" --target=wasm32-wasi -o "$out/target_check.wasm" "$out/target_check.c" \
        > "$out/target_check.log" 2>&1; then
    echo "SKIP: $clang cannot build wasm32-wasi programs (clang + lld + wasi-libc needed):"
    cat "$out/target_check.log"
    exit 77
fi

# Compile, then link without -O: clang runs wasm-opt at link time with -O
# when wasm-opt is in PATH, which would inline the functions under test.
"$clang" --target=wasm32-wasi "-$opt" -c "$src" -o "$out/$name.o" || exit 1
"$clang" --target=wasm32-wasi -Wl,--export=__heap_base,--export=__data_end \
    -o "$out/$name.wasm" "$out/$name.o" || exit 1

extra=
case "${1-}" in
--objdump-sum=*)
    funcs=${1#--objdump-sum=}
    shift
    if ! command -v wasm-objdump > /dev/null 2>&1; then
        echo "SKIP: wasm-objdump (wabt) not found"
        exit 77
    fi
    sum=$(wasm-objdump -d "$out/$name.wasm" | awk -v funcs="$funcs" '
        BEGIN { n = split(funcs, f, ","); for (i = 1; i <= n; i++) want["<" f[i] ">:"] = 1 }
        / func\[[0-9]+\] </ { cur = ($3 in want) ? $3 : ""; seen = 0; armed = 0; next }
        cur != "" && /global.get [0-9]+ <__stack_pointer>/ && !seen { armed = 1; next }
        armed && /i32.const/ { total += $NF; armed = 0; seen = 1; found[cur] = 1 }
        END { for (k in want) if (!found[k]) { print "missing " k; exit 1 } print total }') || {
        echo "cannot read frame constants of $funcs: $sum"
        exit 1
    }
    echo "expected from wasm-objdump: aux_main.max=$sum"
    extra="aux_main.max=$sum"
    ;;
esac

exec "$probe" "$out/$name.wasm" $extra "$@"
