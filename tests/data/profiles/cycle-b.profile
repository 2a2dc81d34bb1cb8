include = cycle-a
