/* Mutual recursion reachable from main: ping -> pong -> ping. */
int pong(int x);

__attribute__((noinline)) int ping(int x)
{
    volatile char b[32];
    b[x & 31] = 1;
    return x > 0 ? pong(x - 1) + b[3] : 0;
}

__attribute__((noinline)) int pong(int x)
{
    volatile char b[48];
    b[x & 31] = 2;
    return x > 0 ? ping(x - 1) + b[5] : 1;
}

volatile int input;

int main(void)
{
    return ping(input);
}
