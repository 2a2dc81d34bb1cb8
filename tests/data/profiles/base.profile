# A base profile for include tests: a 32-bit Zephyr board.
include = ../../../templates/profiles/zephyr-generic32.profile
name = test-base
ram = 128K
