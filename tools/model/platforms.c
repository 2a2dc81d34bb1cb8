/* What WAMR's platform ports decide: pools, thread objects, lock sizes. */
#include "model/platforms.h"

#include "model/wamr_versions.h"

/*
 * Sources: each port's os_mmap, os_thread_create and platform_internal.h in
 * WAMR's core/shared/platform/<port>/ (the same in 2.1.0 and 2.4.5), and
 * aot_loader.c, which merges AOT text and data on every port but NuttX and
 * ESP-IDF.  NuttX: os_mmap is posix_memalign on the NuttX heap, executable
 * mappings come from the text heap (up_textheap_memalign), memory.grow goes
 * through os_mremap_slow (common/memory/mremap.c: new block, copy, free);
 * measured in NuttX's simulator (tests/data/nuttx-sim).
 */
static const wb_platform_rules rules[] = {
    [WB_PLATFORM_LINUX] = {
        .virtual_memory = 1,
        .merge_text_data = 1,
    },
    [WB_PLATFORM_ZEPHYR] = {
        .linear_in_heap = 1,
        .exec_in_heap = 1,
        .merge_text_data = 1,
        .thread_object = 256 + 44, /* k_thread (size assumed) + os_thread_data, zephyr_thread.c */
    },
    [WB_PLATFORM_ESP_IDF] = {
        .thread_object = 8,
    },
    [WB_PLATFORM_NUTTX] = {
        .thread_object = 0, /* posix_thread.c, as on Linux */
    },
    [WB_PLATFORM_RT_THREAD] = {
        .merge_text_data = 1,
        .thread_object = 64,
    },
    [WB_PLATFORM_RIOT] = {
        .linear_in_heap = 1,
        .exec_in_heap = 1,
        .merge_text_data = 1,
        .stacks_in_heap = 1,
        .thread_object = 64,
    },
};

const wb_platform_rules *wb_platform_rules_of(wb_platform platform)
{
    if ((unsigned)platform < sizeof rules / sizeof rules[0])
        return &rules[platform];
    return &rules[WB_PLATFORM_LINUX];
}

/*
 * sizeof(korp_mutex), sizeof(korp_cond) per lock type and layout.
 *  glibc: pthread_mutex_t 40 [24], pthread_cond_t 48 (bits/pthreadtypes-arch.h).
 *  zephyr: korp_mutex is struct k_mutex (wait queue, owner, lock count,
 *    original priority: 20 [32 on 64-bit]); korp_cond is a k_mutex and a
 *    list pointer (zephyr platform_internal.h).
 *  newlib (ESP-IDF): pthread_mutex_t and pthread_cond_t are 4-byte handles.
 *  nuttx: pthread_mutex_t is a list link, flags and a mutex_t (a sem_t and
 *    its holder); pthread_cond_t a sem_t, a clockid_t and a wait count (NuttX
 *    include/pthread.h, include/nuttx/mutex.h, include/semaphore.h): 40 and
 *    32 B on 64-bit, 24 and 24 B on 32-bit.  The 64-bit sum, 72 B, is
 *    measured (exec env with and without the thread manager in the
 *    simulator); the 32-bit sizes follow the same headers, not measured.
 */
wb_lock_sizes wb_lock_sizes_of(wb_locks locks, int layout)
{
    int wide = layout == WB_LAYOUT_LP64;
    wb_lock_sizes s;
    switch (locks) {
    case WB_LOCKS_ZEPHYR:
        s.mutex = wide ? 32 : 20;
        s.cond = wide ? 40 : 24;
        break;
    case WB_LOCKS_NEWLIB:
        s.mutex = 4;
        s.cond = 4;
        break;
    case WB_LOCKS_NUTTX:
        s.mutex = wide ? 40 : 24;
        s.cond = wide ? 32 : 24;
        break;
    case WB_LOCKS_GLIBC:
    default:
        s.mutex = wide ? 40 : 24;
        s.cond = 48;
        break;
    }
    return s;
}
