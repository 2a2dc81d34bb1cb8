include = base
