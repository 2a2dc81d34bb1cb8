/* over-budget: a module whose static data alone is larger than its budget. */
#include <stdio.h>
#include <string.h>

/* 512 KiB of zero-initialised data: it sits in linear memory below
   __heap_base, so every instance of the module pays for it. */
static unsigned char frame_buffer[512 * 1024];

int main(void)
{
    memset(frame_buffer, 0x5a, sizeof frame_buffer);
    printf("frame buffer of %zu bytes filled\n", sizeof frame_buffer);
    return frame_buffer[sizeof frame_buffer - 1] == 0x5a ? 0 : 1;
}
