/* The command line's files: inputs mapped or read once, outputs written whole or not at all. */
/* MAP_ANONYMOUS and MADV_HUGEPAGE are outside POSIX 2008 */
#define _DEFAULT_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

/* ---- input: mapped, or read once into huge pages; never copied after ---- */

/*
 * A large module is read once into memory backed by 2 MiB pages where the
 * system offers them (Linux with transparent huge pages): the checker walks
 * every function body three times (the reader, the stack bound and the
 * fast-interpreter replay), and over a file mapping of 4 KiB pages the
 * page-table work of those walks costs as much as the decoding on some
 * virtual machines.  Smaller files, and systems without transparent huge
 * pages (or with them turned off), are mapped as they are.  Either way the
 * bytes are read once, never copied again, and read-only afterwards.
 */
#define WB_HUGE_PAGE ((size_t)2 << 20)
#define WB_HUGE_MIN ((size_t)8 << 20)

#if defined(__linux__) && defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
/* Whether the kernel gives huge pages to memory advised for them: not when
 * transparent huge pages are off ("[never]") or unknown. */
static int huge_pages_on(void)
{
    char buf[128] = "";
    FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
    if (!f)
        return 0;
    if (!fgets(buf, sizeof buf, f))
        buf[0] = '\0';
    fclose(f);
    return strstr(buf, "[always]") != NULL || strstr(buf, "[madvise]") != NULL;
}
#endif

/* 0: read into huge pages; -1: not done (a small file, no huge pages, no
 * memory), map the file instead; -2: the file ended before its size. */
static int read_into_huge_pages(int fd, mapped *m)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
    size_t span = (m->size + WB_HUGE_PAGE - 1) / WB_HUGE_PAGE * WB_HUGE_PAGE;
    size_t len = span + WB_HUGE_PAGE, got = 0;
    uint8_t *raw, *p;
    if (m->size < WB_HUGE_MIN || m->size > SIZE_MAX / 2 || !huge_pages_on())
        return -1;
    raw = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        return -1;
    p = raw + (WB_HUGE_PAGE - (uintptr_t)raw % WB_HUGE_PAGE) % WB_HUGE_PAGE;
    (void)madvise(p, span, MADV_HUGEPAGE); /* advice: without it the pages are small */
    while (got < m->size) {
        ssize_t r = read(fd, p + got, m->size - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    if (got != m->size) {
        munmap(raw, len);
        return -2; /* shorter than fstat said: it changed while being read */
    }
    if (mprotect(raw, len, PROT_READ) != 0) {
        munmap(raw, len);
        return -1;
    }
    m->map = raw;
    m->map_len = len;
    m->data = p;
    return 0;
#else
    (void)fd;
    (void)m;
    return -1;
#endif
}

int cli_map_file(const char *path, mapped *m)
{
    struct stat st;
    /* O_NONBLOCK: opening a FIFO must not wait for a writer; the file
     * type is checked before anything is read */
    int fd = open(path, O_RDONLY | O_NONBLOCK);

    memset(m, 0, sizeof *m);
    if (fd < 0) {
        fprintf(stderr, "%s: cannot open '%s': %s\n", cli_prog, path, strerror(errno));
        return -1;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        fprintf(stderr, "%s: '%s' is not a regular file\n", cli_prog, path);
        close(fd);
        return -1;
    }
    if ((uint64_t)st.st_size > (uint64_t)SIZE_MAX / 2) {
        fprintf(stderr, "%s: '%s' is too large\n", cli_prog, path);
        close(fd);
        return -1;
    }
    m->size = (size_t)st.st_size;
    int huge = m->size > 0 ? read_into_huge_pages(fd, m) : 0;
    if (huge == -2) {
        fprintf(stderr, "%s: '%s' changed while it was being read\n", cli_prog, path);
        close(fd);
        memset(m, 0, sizeof *m);
        return -1;
    }
    if (huge != 0) {
        if (lseek(fd, 0, SEEK_SET) != 0) {
            fprintf(stderr, "%s: cannot read '%s': %s\n", cli_prog, path, strerror(errno));
            close(fd);
            return -1;
        }
        m->map = mmap(NULL, m->size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (m->map == MAP_FAILED) {
            fprintf(stderr, "%s: cannot map '%s': %s\n", cli_prog, path, strerror(errno));
            close(fd);
            m->map = NULL;
            return -1;
        }
        m->map_len = m->size;
        m->data = m->map;
    } else if (m->size == 0) {
        static const uint8_t empty[1];
        m->data = empty;
    }
    close(fd);
    return 0;
}
void cli_unmap_file(mapped *m)
{
    if (m->map)
        munmap(m->map, m->map_len);
    memset(m, 0, sizeof *m);
}

void cli_read_error(const char *path, const wb_error *err)
{
    fprintf(stderr, "%s: error: offset 0x%zx (%zu), %s section: %s\n", path, err->offset,
            err->offset, err->section ? err->section : "?", err->message);
}

int cli_load_notes(const char *path, wb_stack_notes *notes)
{
    mapped m;
    wb_error err;
    int rc = 0;
    if (cli_map_file(path, &m) != 0)
        return -1;
    if (wb_stack_notes_parse((const char *)m.data, m.size, notes, &err) != 0) {
        fprintf(stderr, "%s:%zu: error: %s\n", path, err.offset, err.message);
        rc = -1;
    }
    cli_unmap_file(&m);
    return rc;
}

void cli_stack_error(const char *module, const char *notes_path, const wb_error *err)
{
    if (notes_path && err->section && strcmp(err->section, "annotations") == 0)
        fprintf(stderr, "%s:%zu: error: %s (for %s)\n", notes_path, err->offset, err->message,
                module);
    else
        cli_read_error(module, err);
}

/* ---- output files: written whole or not at all ---- */


/* Written in place: a device, a FIFO, or a symbolic link whose target
 * cannot be resolved.  Replacing such a path by a new file would lose it. */
static int write_file_direct(const char *path, cli_writer_fn fn, const void *ctx)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "%s: cannot write '%s': %s\n", cli_prog, path, strerror(errno));
        return -1;
    }
    fn(f, ctx);
    if (ferror(f) | fclose(f)) {
        fprintf(stderr, "%s: error writing '%s'\n", cli_prog, path);
        return -1;
    }
    return 0;
}

/* A regular file (or a new one) is written to a temporary file beside it
 * and renamed over it, so a reader never sees half of it; through a
 * symbolic link, the file it points to is the one replaced. */
int cli_write_file(const char *path, cli_writer_fn fn, const void *ctx)
{
    char tmp[PATH_MAX], target[PATH_MAX];
    struct stat st;
    if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (!S_ISLNK(st.st_mode) || !realpath(path, target) || stat(target, &st) != 0 ||
            !S_ISREG(st.st_mode))
            return write_file_direct(path, fn, ctx);
        path = target;
    }
    if (snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid()) >= (int)sizeof tmp) {
        fprintf(stderr, "%s: path too long: %s\n", cli_prog, path);
        return -1;
    }
    if (write_file_direct(tmp, fn, ctx) != 0) {
        remove(tmp);
        return -1;
    }
    if (rename(tmp, path) != 0) {
        fprintf(stderr, "%s: cannot write '%s': %s\n", cli_prog, path, strerror(errno));
        remove(tmp);
        return -1;
    }
    return 0;
}

/* A check that fails must leave nothing a later build could take for a
 * pass: the JSON and header files of an earlier run go before anything
 * can fail, bad usage included.  A regular file is removed; a file reached
 * through a symbolic link is emptied (the link stays); devices and FIFOs are
 * left alone. */
static void clear_output(const char *path)
{
    struct stat st;
    if (!path || strcmp(path, "-") == 0 || lstat(path, &st) != 0)
        return;
    if (S_ISREG(st.st_mode)) {
        remove(path);
    } else if (S_ISLNK(st.st_mode) && stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
        int fd = open(path, O_WRONLY | O_TRUNC);
        if (fd >= 0)
            close(fd);
    }
}

void cli_clear_outputs(int argc, char **argv)
{
    for (int i = 0; i + 1 < argc; i++)
        if (strcmp(argv[i], "--json") == 0 || strcmp(argv[i], "--header") == 0)
            clear_output(argv[++i]);
}
