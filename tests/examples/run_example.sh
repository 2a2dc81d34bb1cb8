#!/bin/sh
# Runs `cmake -P build_example.cmake ...`; exits 77 (CTest: skipped) when the
# script left the skip marker <binary>.skipped, else with the script's status.
marker="$1"
shift
rm -f "$marker"
"$@"
rc=$?
if [ -f "$marker" ]; then
    exit 77
fi
exit "$rc"
