/* Size arguments: plain bytes or K/M/G suffixes (powers of 1024). */
#ifndef WB_SIZE_PARSE_H
#define WB_SIZE_PARSE_H

#include <stdint.h>

/* Parse "4096", "64K", "1M", "2G" (case-insensitive suffix, optional "iB"/"B").
 * Returns 0 and sets *out, or -1 for anything else: empty, sign, junk,
 * unknown suffix ("256Q"), overflow past 2^63. */
int wb_size_parse(const char *s, uint64_t *out);

#endif
