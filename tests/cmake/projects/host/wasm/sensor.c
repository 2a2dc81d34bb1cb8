/* A sensor module: a ring buffer on the libc heap, functions for the host to call. */
#include <stdlib.h>

static int *ring;
static int count, next;

__attribute__((export_name("sensor_push"))) int sensor_push(int v)
{
    if (!ring && !(ring = calloc(SENSOR_WINDOW, sizeof *ring)))
        return -1;
    ring[next] = v;
    next = (next + 1) % SENSOR_WINDOW;
    if (count < SENSOR_WINDOW)
        count++;
    return count;
}

__attribute__((export_name("sensor_mean"))) int sensor_mean(void)
{
    long sum = 0;
    for (int i = 0; i < count; i++)
        sum += ring[i];
    return count ? (int)(sum / count) : 0;
}

int main(void)
{
    return sensor_push(1) == 1 ? 0 : 1;
}
