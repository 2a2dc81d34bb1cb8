/* Three functions calling each other in a line, each with a fixed frame. */
#define FRAME(n) volatile char pad[n]; pad[0] = (char)x; pad[n - 1] = (char)(x >> 1)

__attribute__((noinline)) static int leaf(int x)
{
    FRAME(200);
    return pad[0] + pad[199];
}

__attribute__((noinline)) static int middle(int x)
{
    FRAME(600);
    return leaf(x + pad[0]) + pad[599];
}

__attribute__((export_name("run"))) int run(int x)
{
    FRAME(1000);
    return middle(x + pad[0]) + pad[999];
}
