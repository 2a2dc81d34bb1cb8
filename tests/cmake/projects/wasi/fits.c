/* A small libc program: printf and the libc heap. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    char *buf = malloc(256);
    if (!buf)
        return 1;
    snprintf(buf, 256, "%d samples", 42);
    puts(buf);
    free(buf);
    return 0;
}
