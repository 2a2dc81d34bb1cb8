/* Number formats the writers share: grouped bytes, signed changes, percentages, colour. */
#include "out/format.h"

const char *wb_fmt_grouped(uint64_t v, char *buf, size_t cap)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)v);
    size_t o = 0;
    for (int i = 0; i < n && o + 2 < cap; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = tmp[i];
    }
    buf[o] = '\0';
    return buf;
}

const char *wb_fmt_change(int sign, uint64_t v, char *buf, size_t cap)
{
    char g[32];
    snprintf(buf, cap, "%s%s", sign > 0 ? "+" : sign < 0 ? "-" : "", wb_fmt_grouped(v, g, sizeof g));
    return buf;
}

const char *wb_red(const wb_colour *c)
{
    return c && c->on ? "\033[1;31m" : "";
}

const char *wb_plain(const wb_colour *c)
{
    return c && c->on ? "\033[0m" : "";
}
