/* Size arguments: plain bytes or K/M/G suffixes (powers of 1024). */
#include "read/size_parse.h"

int wb_size_parse(const char *s, uint64_t *out)
{
    uint64_t v = 0;
    unsigned shift = 0;
    const char *p = s;

    if (!s || *p < '0' || *p > '9')
        return -1;
    for (; *p >= '0' && *p <= '9'; p++) {
        unsigned d = (unsigned)(*p - '0');
        if (v > (UINT64_MAX - d) / 10)
            return -1;
        v = v * 10 + d;
    }
    switch (*p) {
    case '\0': break;
    case 'k': case 'K': shift = 10; p++; break;
    case 'm': case 'M': shift = 20; p++; break;
    case 'g': case 'G': shift = 30; p++; break;
    case 'b': case 'B': p++; break;
    default: return -1;
    }
    if (shift) {
        /* accept K, KB, KiB (and lower case) */
        if (*p == 'i' || *p == 'I')
            p++;
        if (*p == 'b' || *p == 'B')
            p++;
    }
    if (*p != '\0')
        return -1;
    if (v > (UINT64_C(1) << 63) >> shift)
        return -1;
    *out = v << shift;
    return 0;
}
