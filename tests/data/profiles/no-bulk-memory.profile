# A Linux x86-64 runtime built with tail calls and without bulk memory (for the CLI tests).
include = linux-x86_64
name = no-bulk-memory
tail_call = yes
bulk_memory = no
