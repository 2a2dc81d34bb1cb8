include = nest-8
