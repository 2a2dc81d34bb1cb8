include = nest-6
