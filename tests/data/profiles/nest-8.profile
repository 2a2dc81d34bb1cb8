# The innermost profile of the nest-0 chain.
ram = 64K
