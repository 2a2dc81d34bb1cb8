/* A littlefs-like block device: read and prog callbacks of the FILE write
 * callback's type ((i32, i32, i32) -> i32) that log with printf.  Matched by
 * type, vfprintf's call of the FILE's write may reach them, and they call
 * printf: a possible recursion through wasi-libc's stdio. */
#include <stdio.h>
#include <string.h>

struct cfg;
typedef int (*block_fn)(const struct cfg *c, void *buf, unsigned size);

struct cfg {
    block_fn read, prog;
    unsigned char *disk;
};

static unsigned char disk[4096];

__attribute__((noinline)) static int bd_read(const struct cfg *c, void *buf, unsigned size)
{
    printf("read %u\n", size);
    memcpy(buf, c->disk, size);
    return 0;
}

__attribute__((noinline)) static int bd_prog(const struct cfg *c, void *buf, unsigned size)
{
    printf("prog %u\n", size);
    memcpy(c->disk, buf, size);
    return 0;
}

int main(void)
{
    static const struct cfg c = {bd_read, bd_prog, disk};
    unsigned char block[256];
    memset(block, 7, sizeof block);
    c.prog(&c, block, sizeof block);
    c.read(&c, block, sizeof block);
    return block[0] == 7 ? 0 : 1;
}
