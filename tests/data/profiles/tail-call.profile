# A Linux x86-64 runtime built with WAMR_BUILD_TAIL_CALL=1 (for the CLI tests).
include = linux-x86_64
name = tail-call
tail_call = yes
