include = nest-5
