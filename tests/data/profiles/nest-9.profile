# One level too many: nest-9 -> nest-0 -> ... -> nest-8 is 9 deep.
include = nest-0
