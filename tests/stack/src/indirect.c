/* Calls through a function-pointer table.  Only the table elements whose
 * type matches the call's type, int (*)(int), are possible callees: `huge`
 * is in the table too (its address is taken) but has another type. */
typedef int (*unary)(int);
typedef void (*binary)(int, int);

__attribute__((noinline)) static int small(int x)
{
    volatile char b[32];
    b[x & 31] = (char)x;
    return b[(x + 1) & 31];
}

__attribute__((noinline)) static int big(int x)
{
    volatile char b[512];
    b[x & 511] = (char)x;
    return b[(x + 1) & 511];
}

__attribute__((noinline)) void huge(int x, int y)
{
    volatile char b[4096];
    b[x & 4095] = (char)y;
}

static unary const ops[2] = {small, big};
binary volatile keep = huge; /* read by main: kept by the linker */
volatile int input;

__attribute__((noinline)) static int dispatch(int i, int x)
{
    return ops[i & 1](x);
}

int main(void)
{
    return dispatch(input, input) + (keep != 0);
}
