/* my_app: a WebAssembly module for WAMR; replace with your application. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    /* malloc takes memory from wasi-libc's heap inside linear memory:
       MAX_MEMORY bounds it, so keep the two in step. */
    int *samples = malloc(64 * sizeof *samples);
    if (samples == NULL)
        return 1;
    for (int i = 0; i < 64; i++)
        samples[i] = i * i;
    printf("my_app: last sample %d\n", samples[63]);
    free(samples);
    return 0;
}
