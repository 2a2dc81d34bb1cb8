# line 2 includes a profile that does not exist
include = no-such-board
