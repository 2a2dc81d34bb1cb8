include = cycle-b
