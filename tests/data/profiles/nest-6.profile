include = nest-7
