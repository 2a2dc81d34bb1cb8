/* A recursion of known depth: run() calls walk(n) with n <= 8, and walk
 * calls itself down to walk(0): nine frames at most, which the annotations
 * file states. */
volatile int depth = 8;

__attribute__((noinline)) static int walk(int n)
{
    volatile char pad[48];
    pad[0] = (char)n;
    if (n <= 0)
        return pad[0];
    return walk(n - 1) + pad[0];
}

__attribute__((export_name("run"))) int run(int x)
{
    return walk(depth > 8 ? 8 : depth) + x;
}
