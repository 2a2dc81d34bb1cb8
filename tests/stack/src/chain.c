/* A call chain of known depth: main -> top (256 B) -> mid (128 B) -> leaf (64 B).
 * Volatile arrays keep each frame exactly the array size at -O2 (clang 14);
 * leaf calls nothing, so it does not write the stack pointer back. */
__attribute__((noinline)) static int leaf(int x)
{
    volatile char b[64];
    b[x & 63] = (char)x;
    return b[(x + 1) & 63];
}

__attribute__((noinline)) static int mid(int x)
{
    volatile char b[128];
    b[x & 127] = (char)leaf(x);
    return b[(x + 3) & 127];
}

__attribute__((noinline)) static int top(int x)
{
    volatile char b[256];
    b[x & 255] = (char)mid(x);
    return b[(x + 5) & 255];
}

/* a shallower branch that must not be the worst path */
__attribute__((noinline)) static int side(int x)
{
    volatile char b[192];
    b[x & 191] = (char)x;
    return b[(x + 7) & 191];
}

volatile int input;

int main(void)
{
    return top(input) + side(input);
}
