/* Benchmark driver: maps a module, runs the full reader (every instruction decoded) and reports time and peak RSS. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "read/wasm_reader.h"

int main(int argc, char **argv)
{
    static wb_wasm_facts f;
    wb_error err;
    struct stat st;
    struct rusage ru;
    struct timespec t0, t1;
    const uint8_t *data;
    int fd;
    if (argc != 2) {
        fprintf(stderr, "usage: %s MODULE.wasm\n", argv[0]);
        return 2;
    }
    fd = open(argv[1], O_RDONLY);
    if (fd < 0 || fstat(fd, &st) != 0 || st.st_size == 0) {
        perror(argv[1]);
        return 2;
    }
    /* the input is borrowed: mapped, never copied */
    data = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (data == MAP_FAILED) {
        perror("mmap");
        return 2;
    }
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (wb_wasm_read(data, (size_t)st.st_size, &f, &err) != 0) {
        fprintf(stderr, "%s: %s section, offset %zu: %s\n", argv[1], err.section, err.offset,
                err.message);
        return 2;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    getrusage(RUSAGE_SELF, &ru);
    printf("%s: %llu bytes, %u functions, %llu code bytes, %llu instructions, "
           "memory.grow %s, read in %.1f ms, peak RSS %ld KiB\n",
           argv[1], (unsigned long long)f.file_bytes, f.func_count,
           (unsigned long long)f.section_bytes[10], (unsigned long long)f.instruction_count,
           f.has_memory_grow ? "yes" : "no",
           (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6,
           ru.ru_maxrss);
    munmap((void *)data, (size_t)st.st_size);
    close(fd);
    return 0;
}
