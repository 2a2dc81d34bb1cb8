/* What WAMR's platform ports decide: which pool pays, and the size of their lock types. */
#ifndef WB_PLATFORMS_H
#define WB_PLATFORMS_H

#include "read/profile.h"

/*
 * The rules of one WAMR platform port (core/shared/platform/<port>): where
 * its os_mmap takes linear memory and AOT code from, what its threads cost.
 * The model applies them the same way for every port.
 */
typedef struct wb_platform_rules {
    int virtual_memory;      /* page-granular mmap: committed pages, growth in place possible */
    int linear_in_heap;      /* os_mmap is wasm_runtime_malloc: linear memory in the global heap */
    int exec_in_heap;        /* AOT text and data come out of the global heap */
    int merge_text_data;     /* the AOT loader merges text and data into one block after load */
    int stacks_in_heap;      /* wasi-thread native stacks come out of the global heap */
    unsigned thread_object;  /* bytes of the port's thread object per wasi-thread (global heap) */
} wb_platform_rules;

/* The rules of the profile's port. */
const wb_platform_rules *wb_platform_rules_of(wb_platform platform);

/* sizeof(korp_mutex) and sizeof(korp_cond) of a lock type on a struct layout
 * (WB_LAYOUT_*), as each port's platform_internal.h defines them. */
typedef struct wb_lock_sizes {
    unsigned mutex;
    unsigned cond;
} wb_lock_sizes;

wb_lock_sizes wb_lock_sizes_of(wb_locks locks, int layout);

#endif
