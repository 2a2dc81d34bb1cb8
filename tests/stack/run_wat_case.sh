#!/bin/sh
# Assembles a .wat test module and checks its stack bounds with stack_probe.
#   run_wat_case.sh PROBE WAT2WASM SRC OUTDIR EXPECT...
# Exits 77 (skipped) when wat2wasm (wabt) is not available.
set -u
probe=$1 wat2wasm=$2 src=$3 out=$4
shift 4
case "$wat2wasm" in
"" | *NOTFOUND*)
    echo "SKIP: wat2wasm (wabt) not found"
    exit 77
    ;;
esac
mkdir -p "$out" || exit 1
name=$(basename "$src" .wat)
"$wat2wasm" --debug-names --enable-threads --enable-tail-call "$src" -o "$out/$name.wasm" || exit 1
exec "$probe" "$out/$name.wasm" "$@"
