# tests/cli: the comparisons — `diff` of two estimates and `reconcile` with a device's log.
# Inputs are fixtures only (tests/data/json, tests/data/device and the calibration modules),
# so these run without wat2wasm.
set(_cmp_out ${CMAKE_CURRENT_BINARY_DIR}/compare)
set(J ${WB_TEST_DATA}/json)
set(DEV ${WB_TEST_DATA}/device)
set(C01 ${WB_TEST_DATA}/calibration/wasm/c01_min.wasm)


# ---- diff ----
set(S16 ${J}/c01_min.fast-interp.16k.json)
set(S32 ${J}/c01_min.fast-interp.32k.json)
cli_check(diff.stack-size EXPECT_RC 0 ARGS diff ${S16} ${S32}
  STDOUT "settings changed\n +settings.stack_size +16384 -> 32768\n.*global heap +61,286 B +77,670 B +\\+16,384 B +\\+26.7%.*exec_env.operand_stack +16,384 B +32,768 B +\\+16,384 B +\\+100.0%.*total \\+16,384 B \\(\\+4.9%\\)"
  REJECT "growth limit"
  JSON "schema=wamr-budget-diff/1" "settings_diff.0.field=settings.stack_size" "settings_diff.0.old=16384"
       "settings_diff.0.new=32768" "items_diff.0.key=exec_env.operand_stack" "items_diff.0.change=16384"
       "items_diff.0.percent>99.99" "items_diff.0.percent<100.01" "total_diff.old=334762" "total_diff.new=351146" "total_diff.change=16384"
       "old_wamr_version=main-646b5a9bc" "old_wamr_version_assumed=ON" "growth=")
cli_check(diff.shrink EXPECT_RC 0 ARGS diff ${S32} ${S16} --fail-on-growth 0%
  STDOUT "total -16,384 B \\(-4.7%\\).*growth limit 0% on total: within"
  JSON "total_diff.change=-16384" "growth.exceeded=OFF")
cli_check(diff.growth-percent-over EXPECT_RC 1 ARGS diff ${S16} ${S32} --fail-on-growth 4.8%
  STDOUT "growth limit 4.8% on total: EXCEEDED"
  STDERR "error\\[growth-over-limit\\]: the total grew by more than 4.8%"
  JSON "growth.limit=4.8%" "growth.pool=total" "growth.exceeded=ON")
cli_check(diff.growth-percent-within EXPECT_RC 0 ARGS diff ${S16} ${S32} --fail-on-growth 4.9%
  STDOUT "growth limit 4.9% on total: within")
cli_check(diff.growth-size-at-limit EXPECT_RC 0 ARGS diff ${S16} ${S32} --fail-on-growth 16K)
cli_check(diff.growth-size-over EXPECT_RC 1 ARGS diff ${S16} ${S32} --fail-on-growth 16383
  STDERR "the total grew by more than 16383")
cli_check(diff.growth-pool EXPECT_RC 1 ARGS diff ${S16} ${S32} --fail-on-growth 26% --pool global_heap
  STDERR "global_heap grew by more than 26%" JSON "growth.pool=global_heap" "growth.exceeded=ON")
cli_check(diff.growth-pool-unchanged EXPECT_RC 0 ARGS diff ${S16} ${S32} --fail-on-growth 0% --pool linear_memory)
cli_check(diff.growth-pool-unknown EXPECT_RC 2 ARGS diff ${S16} ${S32} --fail-on-growth 1% --pool flash
  STDERR "--pool flash is not a pool both files have \\(.*global_heap.*total\\)")
cli_check(diff.pool-without-limit EXPECT_RC 2 ARGS diff ${S16} ${S32} --pool global_heap
  STDERR "--pool global_heap needs --fail-on-growth")
cli_check(diff.bad-limit EXPECT_RC 2 ARGS diff ${S16} ${S32} --fail-on-growth 5percent
  STDERR "bad limit '5percent' for --fail-on-growth")
# a file of a later checker: wamr_version, operand_stack{} and fields nobody knows are read;
# only what both files have is compared
cli_check(diff.versions EXPECT_RC 0 ARGS diff ${S16} ${J}/c01_min.fast-interp.16k.v245.json
  STDOUT "WAMR main-646b5a9bc \\(assumed: no wamr_version in the file, from an older checker\\) -> 2.4.5.*wamr_version +main-646b5a9bc -> 2.4.5.*items, largest change first: no change.*total 0 B \\(no change\\)"
  REJECT "operand_stack|a_field_of_a_later_checker"
  JSON "new_wamr_version=2.4.5" "new_wamr_version_assumed=OFF" "settings_diff.0.field=wamr_version"
       "total_diff.change=0")
cli_check(diff.mode EXPECT_RC 0 ARGS diff ${S16} ${J}/c01_min.aot.16k.json
  STDOUT "mode +fast-interp -> aot.*executable memory +0 B +32,768 B +\\+32,768 B +new.*load.fast_interp_code +35,932 B +- +-35,932 B +gone"
  JSON "settings_diff.0.field=mode" "settings_diff.0.old=fast-interp" "settings_diff.0.new=aot")
cli_check(diff.json-stdout EXPECT_RC 0 ARGS diff ${S16} ${S32} --json -
  STDOUT "^{\n  \"schema\": \"wamr-budget-diff/1\",.*\n}\n$" STDERR "wamr-budget diff: ")
cli_check(diff.colour EXPECT_RC 0 ARGS diff ${S16} ${S32} --color always STDOUT "\\[1;31m +\\+16,384 B")
cli_check(diff.no-colour EXPECT_RC 0 ARGS diff ${S16} ${S32} REJECT "\\[1;31m")
cli_check(diff.not-json EXPECT_RC 2 ARGS diff ${S16} ${DEV}/no_dump.log
  STDERR "no_dump.log:1:1: error: unexpected 'N' where a value should be")
cli_check(diff.not-an-estimate EXPECT_RC 2 ARGS diff ${S16} ${PROJECT_SOURCE_DIR}/CMakePresets.json
  STDERR "CMakePresets.json:1:1: error: no \"schema\"")
cli_check(diff.missing-file EXPECT_RC 2 ARGS diff ${S16} ${J}/none.json STDERR "none.json")
# a key with a dot would be another field's dotted path (a crash once)
cli_check(diff.dotted-key EXPECT_RC 2 ARGS diff ${WB_TEST_DATA}/fuzz/json/dotted_key_items.json ${S16}
  STDERR "dotted_key_items.json:1:44: error: the key \"estimate.items\" has a '.'")
cli_check(diff.one-file EXPECT_RC 2 ARGS diff ${S16} STDERR "diff needs OLD.json and NEW.json")
# on a copy: a refusal that broke must not overwrite the test data
file(MAKE_DIRECTORY ${_cmp_out})
configure_file(${S32} ${_cmp_out}/output-is-input.json COPYONLY)
cli_check(diff.output-is-input EXPECT_RC 2 ARGS diff ${S16} ${_cmp_out}/output-is-input.json
  --json ${_cmp_out}/output-is-input.json STDERR "--json .* is one of the files compared")

# the diff's columns are the differences of the two JSONs, field by field
add_test(NAME cli.diff.columns
  COMMAND ${CMAKE_COMMAND} -DTOOL=$<TARGET_FILE:wamr-budget> -DMODULE=${C01}
    -DWORK=${_cmp_out}/columns -P ${CMAKE_CURRENT_SOURCE_DIR}/diff_columns.cmake)

# ---- reconcile ----
# WAMR 2.4.5 in NuttX's simulator, fast interpreter; the estimate made now from check's arguments.
# iwasm reads the module into the pool, so the pool's highest use holds it.
set(NUTTX_C01 ${C01} --profile linux-x86_64 --mode fast-interp --stack-size 16K --heap-size 0 --budget 64M)
cli_check(reconcile.nuttx-interp EXPECT_RC 0
  ARGS reconcile ${DEV}/w245_pool_interp.c01_min_s16384.log ${NUTTX_C01} --buffer-in-pool
  STDOUT "run 1 of 1, log lines 10-48.*module, kept after load +40,346 B +[0-9,]+ B +covered \\(line 16\\).*global heap pool, highest use +72,832 B +[0-9,]+ B +covered \\(line 46\\).*fell 4,096 B below its first value.*result: every device figure is within the estimate"
  JSON "schema=wamr-budget-reconcile/1" "estimate_checked=ON" "wamr_version=2.4.5"
       "wamr_version_assumed=OFF" "runs_in_log=1" "under_estimates=0" "covered=ON"
       "runs.0.first_line=10" "runs.0.last_line=48" "runs.0.complete=ON" "runs.0.pool_samples=7"
       "runs.0.figures.0.key=module" "runs.0.figures.0.device=40346" "runs.0.figures.0.device_line=16"
       "runs.0.figures.0.status=covered" "runs.0.figures.4.key=exec_env" "runs.0.figures.4.device=16640"
       "runs.0.figures.11.key=pool_highmark" "runs.0.figures.11.device=72832"
       "runs.0.figures.11.notes.2.code=pool-free-over-credited")
# the same without --buffer-in-pool: above the recommended pool, within it plus the buffer
cli_check(reconcile.buffer-not-in-pool EXPECT_RC 1
  ARGS reconcile ${DEV}/w245_pool_interp.c01_min_s16384.log ${NUTTX_C01}
  STDOUT "global heap pool, highest use +72,832 B +70,656 B +UNDER-ESTIMATE by 2,176 B.*pass --buffer-in-pool.*result: UNDER-ESTIMATE: 1 device figure is above the estimate"
  JSON "runs.0.figures.11.status=under" "under_estimates=1" "covered=OFF")
# 2.4.5's pool over-credits 315,072 B on a 4 MB module: corrected, then covered (an estimate file)
cli_check(reconcile.over-credit EXPECT_RC 0
  ARGS reconcile ${DEV}/w245_pool_interp.c04_code1mb_s16384.log --estimate ${DEV}/c04_code1mb.fast-interp.wamr-2.4.5.json --buffer-in-pool
  STDOUT "WAMR 2.4.5\n.*global heap pool, highest use +5,346,480 B.*covered.*fell 315,072 B below its first value \\(line 48\\).*printed highmark \\(5,031,408 B\\)"
  JSON "estimate_checked=OFF" "wamr_version=2.4.5" "wamr_version_assumed=OFF" "runs.0.figures.11.device=5346480")
# 2.1.0 AOT copies data segments into the pool, which its dump leaves out: an
# estimate for 2.1.0 on the NuttX simulator's profile (the module buffer in the
# pool) covers the pool's highest use
cli_check(reconcile.wamr-2.1.0-aot-data EXPECT_RC 0
  ARGS reconcile ${DEV}/w210_pool_aot.c12_data_big_s16384.log --estimate ${DEV}/c12_data_big.aot.wamr-2.1.0.json --buffer-in-pool
  STDOUT "AOT code and data +21,796 B.*covered.*global heap pool, highest use +472,416 B +[0-9,]+ B +covered.*holds the module buffer \\(337,296 B\\) in the pool already.*WAMR 2.1.0 copies the AOT data segments into the global heap"
  JSON "runs.0.figures.1.key=aot_code" "runs.0.figures.1.device=21796" "runs.0.figures.12.key=pool_highmark"
       "runs.0.figures.12.status=covered" "runs.0.figures.0.notes.2.code=aot-data-segments-copied"
       "runs.0.figures.12.notes.0.code=pool-module-buffer-in-estimate")
# an estimate that leaves those segments out (crafted: 2.1.0 named, the data
# borrowed as later versions do, the buffer outside the pool) is under by them
cli_check(reconcile.wamr-2.1.0-aot-data-left-out EXPECT_RC 1
  ARGS reconcile ${DEV}/w210_pool_aot.c12_data_big_s16384.log --estimate ${DEV}/c12_data_big.aot.no-data-copy.json --buffer-in-pool
  STDOUT "global heap pool, highest use +472,416 B.*UNDER-ESTIMATE by.*WAMR 2.1.0 copies the AOT data segments into the global heap"
  JSON "runs.0.figures.12.key=pool_highmark" "runs.0.figures.12.status=under")
# a 32-bit build
cli_check(reconcile.nuttx-m32 EXPECT_RC 0
  ARGS reconcile ${DEV}/w245m32nothr_pool_interp.c01_min_s16384.log ${C01} --profile linux-x86 --mode fast-interp
       --stack-size 16K --budget 64M --buffer-in-pool
  JSON "runs.0.figures.0.device=28070" "runs.0.figures.11.device=59256")
# no pool: the dump alone; AOT without an .aot: the code bounded from the wasm
cli_check(reconcile.no-pool-aot EXPECT_RC 0
  ARGS reconcile ${DEV}/w245nothr_nopool_aot.c01_min_s16384.log ${C01} --profile linux-x86_64 --mode aot --stack-size 16K --budget 64M
  STDOUT "AOT code and data +19,580 B.*covered.*aux stack used \\(main thread\\) +- +[0-9,]+ B +not printed"
  REJECT "global heap pool"
  JSON "runs.0.pool_samples=0" "runs.0.figures.1.status=covered" "runs.0.figures.9.status=missing")
# crafted logs
cli_check(reconcile.interleaved-crlf EXPECT_RC 0
  ARGS reconcile ${DEV}/interleaved_crlf.log ${NUTTX_C01} --buffer-in-pool
  JSON "runs.0.figures.0.device=40346" "runs.0.figures.1.device=133456" "runs.0.figures.4.device=16640"
       "runs.0.figures.6.device=190442" "runs.0.figures.11.device=72832")
cli_check(reconcile.truncated EXPECT_RC 0
  ARGS reconcile ${DEV}/truncated.log ${NUTTX_C01} --buffer-in-pool
  STDOUT "the dump ends early \\(its last line read is line 31\\).*exec env +- +[0-9,]+ B +not printed"
  JSON "runs.0.complete=OFF" "runs.0.notes.0.code=dump-truncated" "runs.0.figures.4.status=missing")
cli_check(reconcile.two-runs EXPECT_RC 1
  ARGS reconcile ${DEV}/two_runs.log ${NUTTX_C01} --buffer-in-pool
  STDOUT "run 1 of 2, log lines 10-48.*10 figures covered, 0 under.*run 2 of 2, log lines 63-103.*the device ran an AOT module \\(the dump has AOT code, line 83\\) but the estimate is for fast-interp"
  JSON "runs_in_log=2" "runs.0.under=0" "runs.1.run=2" "runs.1.notes.0.code=device-ran-aot" "runs.1.under=1")
cli_check(reconcile.run-1 EXPECT_RC 0 ARGS reconcile ${DEV}/two_runs.log ${NUTTX_C01} --buffer-in-pool --run 1
  STDOUT "run 1 of 2" REJECT "run 2 of 2" JSON "runs.0.run=1" "runs_in_log=2")
cli_check(reconcile.run-3 EXPECT_RC 2 ARGS reconcile ${DEV}/two_runs.log ${NUTTX_C01} --run 3
  STDERR "--run 3: .*two_runs.log holds 2 runs")
cli_check(reconcile.wamr-main EXPECT_RC 0
  ARGS reconcile ${DEV}/main_log_verbose.log ${NUTTX_C01} --buffer-in-pool
  STDOUT "module, kept after load +40,354 B.*native stack left +8,382,312 B.*global heap pool, highest use +72,832 B"
  JSON "runs.0.figures.0.device=40354" "runs.0.figures.11.device=72832")
cli_check(reconcile.wamr-1x-classic EXPECT_RC 0
  ARGS reconcile ${DEV}/classic_1x.log ${C01} --profile linux-x86_64 --mode classic-interp --stack-size 16K --budget 64M
  STDOUT "exec env +19,712 B +20,072 B +covered.*native stack left +- +- +not printed"
  JSON "runs.0.figures.4.device=19712" "runs.0.figures.10.status=missing")
cli_check(reconcile.unknown-field EXPECT_RC 0
  ARGS reconcile ${DEV}/unknown_field.log ${C01} --profile linux-x86_64 --mode aot --stack-size 16K --budget 64M
  STDOUT "line 16: \"tags size\" = 24 B is a figure this wamr-budget does not know"
  REJECT "add up to"
  JSON "runs.0.notes.0.code=dump-unknown-figure")
cli_check(reconcile.garbled EXPECT_RC 0
  ARGS reconcile ${DEV}/garbled.log ${NUTTX_C01}
  STDOUT "line 5 gives \"module struct size\" a second, different value"
  JSON "runs.0.notes.0.code=dump-line-repeated")
cli_check(reconcile.pool-only EXPECT_RC 0
  ARGS reconcile ${DEV}/pool_only.log --estimate ${S16}
  STDOUT "log lines 3-6 \\(pool statistics only\\).*global heap pool, highest use +70,160 B +70,656 B +covered"
  JSON "runs.0.dump=OFF" "runs.0.notes.0.code=no-dump")
cli_check(reconcile.no-dump EXPECT_RC 2 ARGS reconcile ${DEV}/no_dump.log --estimate ${S16}
  STDERR "no_dump.log: no memory dump of WAMR .* and no pool statistics")
cli_check(reconcile.bad-estimate EXPECT_RC 2 ARGS reconcile ${DEV}/truncated.log --estimate ${DEV}/no_dump.log
  STDERR "no_dump.log:1:1: error: unexpected 'N' where a value should be")
cli_check(reconcile.estimate-and-module EXPECT_RC 2
  ARGS reconcile ${DEV}/truncated.log --estimate ${S16} ${C01} --profile linux-x86_64
  STDERR "give either --estimate FILE.json or check's MODULE and options, not both")
cli_check(reconcile.no-estimate EXPECT_RC 2 ARGS reconcile ${DEV}/truncated.log
  STDERR "reconcile needs --estimate FILE.json")
cli_check(reconcile.check-fails-to-read EXPECT_RC 2
  ARGS reconcile ${DEV}/truncated.log ${DEV}/no_dump.log --profile linux-x86_64 --budget 1M
  STDERR "no_dump.log: error: offset 0x0")
cli_check(reconcile.json-stdout EXPECT_RC 0 ARGS reconcile ${DEV}/truncated.log --estimate ${S16} --json -
  STDOUT "^{\n  \"schema\": \"wamr-budget-reconcile/1\",.*\n}\n$" STDERR "wamr-budget reconcile: ")
cli_check(reconcile.colour EXPECT_RC 1
  ARGS reconcile ${DEV}/w245_pool_interp.c01_min_s16384.log --estimate ${S16} --color always
  STDOUT "\\[1;31mUNDER-ESTIMATE")
cli_check(reconcile.no-colour EXPECT_RC 1
  ARGS reconcile ${DEV}/w245_pool_interp.c01_min_s16384.log --estimate ${S16} REJECT "\\[1;31m")

# under valgrind: no invalid access, no leak
file(MAKE_DIRECTORY ${_cmp_out})
set(_cmp_vg_cases
  "diff|diff|${S16}|${J}/c01_min.aot.16k.json|--fail-on-growth|1%|--json|${_cmp_out}/vg-diff.json"
  "reconcile-check|reconcile|${DEV}/two_runs.log|${C01}|--profile|linux-x86_64|--mode|fast-interp|--budget|64M"
  "reconcile-file|reconcile|${DEV}/garbled.log|--estimate|${J}/c01_min.fast-interp.16k.v245.json|--json|${_cmp_out}/vg-rec.json"
  "reconcile-bad|reconcile|${DEV}/no_dump.log|--estimate|${DEV}/truncated.log")
cli_valgrind(${_cmp_vg_cases})

# README's sample diff and reconciliation are what the checker prints
add_test(NAME cli.readme-samples
  COMMAND ${CMAKE_COMMAND} -DTOOL=$<TARGET_FILE:wamr-budget> -DREADME=${PROJECT_SOURCE_DIR}/README.md
    -DDATA=${WB_TEST_DATA} -DWORK=${_cmp_out}/readme -P ${CMAKE_CURRENT_SOURCE_DIR}/readme_samples.cmake)
