/* A dynamic frame: alloca with a run-time size makes the bound unbounded. */
#include <alloca.h>

__attribute__((noinline)) static int work(int n)
{
    volatile char *p = alloca((unsigned)n + 1u);
    p[0] = 1;
    return p[n];
}

__attribute__((noinline)) static int fixed(int x)
{
    volatile char b[64];
    b[x & 63] = 1;
    return b[1];
}

volatile int input;

int main(void)
{
    return work(input) + fixed(input);
}
