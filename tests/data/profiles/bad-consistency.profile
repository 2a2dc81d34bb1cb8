include = base
# zephyr has no hardware bound check
hw_bound_check = yes
