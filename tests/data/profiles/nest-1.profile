include = nest-2
