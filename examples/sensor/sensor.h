/* sensor: the functions the module exports for the host firmware to call. */
#ifndef SENSOR_H
#define SENSOR_H

#include <stdint.h>

/* Allocates a ring buffer of `capacity` samples on the libc heap.
   Returns 0 on success, -1 when capacity is 0 or the heap is exhausted. */
int32_t sensor_init(uint32_t capacity);

/* Stores one sample, overwriting the oldest once the buffer is full.
   Returns the number of samples held, or -1 before sensor_init. */
int32_t sensor_push(int32_t sample);

/* Mean of the samples held, rounded toward zero; 0 when there are none. */
int32_t sensor_mean(void);

#endif
