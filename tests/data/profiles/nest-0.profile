# Includes nested 8 deep, the limit: nest-0 -> nest-1 -> ... -> nest-8.
include = nest-1
