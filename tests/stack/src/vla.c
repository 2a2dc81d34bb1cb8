/* A variable-length array: a dynamic frame, like alloca. */
__attribute__((noinline)) static int fill(int n)
{
    volatile char v[n + 1];
    v[0] = 1;
    return v[n];
}

volatile int input;

int main(void)
{
    return fill(input);
}
