/* sensor: a ring buffer of samples on the libc heap, driven by the host. */
#include "sensor.h"

#include <stdlib.h>

struct ring {
    int32_t *samples;
    uint32_t capacity;
    uint32_t count;
    uint32_t next;
    int64_t sum;
};

static struct ring ring;

int32_t sensor_init(uint32_t capacity)
{
    if (capacity == 0 || capacity > UINT32_MAX / sizeof(int32_t))
        return -1;
    /* The buffer lives on wasi-libc's heap: its size counts against the
       module's MAX_MEMORY, not against the runtime's global heap. */
    int32_t *samples = calloc(capacity, sizeof *samples);
    if (samples == NULL)
        return -1;
    free(ring.samples);
    ring = (struct ring){ .samples = samples, .capacity = capacity };
    return 0;
}

int32_t sensor_push(int32_t sample)
{
    if (ring.samples == NULL)
        return -1;
    if (ring.count == ring.capacity)
        ring.sum -= ring.samples[ring.next];
    else
        ring.count++;
    ring.samples[ring.next] = sample;
    ring.sum += sample;
    ring.next = (ring.next + 1) % ring.capacity;
    return (int32_t)ring.count;
}

int32_t sensor_mean(void)
{
    if (ring.count == 0)
        return 0;
    return (int32_t)(ring.sum / (int64_t)ring.count);
}
