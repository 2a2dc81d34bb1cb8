/* Number formats the writers share: grouped bytes, signed changes, percentages, colour. */
#ifndef WB_FORMAT_H
#define WB_FORMAT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* 1234567 -> "1,234,567" */
const char *wb_fmt_grouped(uint64_t v, char *buf, size_t cap);
/* sign (-1, 0, 1) and size -> "+12,288", "-1,024", "0" */
const char *wb_fmt_change(int sign, uint64_t v, char *buf, size_t cap);

/* ANSI colour for a terminal: set by the command when it writes to one. */
typedef struct wb_colour {
    int on;
} wb_colour;

/* Start and end red (or nothing when off). */
const char *wb_red(const wb_colour *c);
const char *wb_plain(const wb_colour *c);

#endif
