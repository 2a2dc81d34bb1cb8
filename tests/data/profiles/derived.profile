# Derived from base.profile (looked up by name beside this file).
include = base
description = "derived # not a comment inside quotes"
ram = 96K   # overrides the base
budget = 64K
