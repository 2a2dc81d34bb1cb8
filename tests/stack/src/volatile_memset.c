/* mbedtls' zeroize: memset through a volatile pointer the compiler cannot
 * see through, called from a send callback of the same type as memset
 * ((i32, i32, i32) -> i32).  Matched by type, the pointer may reach the
 * callback again: a possible recursion, net_send -> zeroize -> net_send. */
#include <stdio.h>
#include <string.h>

static void *(*const volatile memset_func)(void *, int, size_t) = memset;

__attribute__((noinline)) static void zeroize(void *p, size_t n)
{
    memset_func(p, 0, n);
}

typedef int (*send_fn)(void *ctx, const unsigned char *buf, size_t len);

__attribute__((noinline)) static int net_send(void *ctx, const unsigned char *buf, size_t len)
{
    unsigned char frame[512];
    size_t n = len < sizeof frame ? len : sizeof frame;
    memcpy(frame, buf, n);
    *(volatile size_t *)ctx += frame[0] + n;
    zeroize(frame, sizeof frame);
    return (int)n;
}

struct conn {
    send_fn send;
    void *ctx;
};

static volatile size_t sent;
static struct conn conn = {net_send, (void *)&sent};
static struct conn *volatile active = &conn; /* as an SSL context holds its callbacks */

int main(void)
{
    struct conn *c = active;
    unsigned char msg[64];
    for (unsigned i = 0; i < sizeof msg; i++)
        msg[i] = (unsigned char)i;
    int r = c->send(c->ctx, msg, sizeof msg);
    zeroize(msg, sizeof msg);
    printf("sent %d\n", r);
    return 0;
}
