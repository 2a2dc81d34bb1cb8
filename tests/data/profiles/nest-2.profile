include = nest-3
