include = nest-4
