/* wasi-threads with no libc: the host spawns workers that add to a shared counter. */
__attribute__((import_module("wasi"), import_name("thread-spawn")))
int thread_spawn(void *arg);

static volatile int counter;

__attribute__((export_name("wasi_thread_start")))
void wasi_thread_start(int tid, void *arg)
{
    (void)arg;
    __atomic_fetch_add(&counter, tid, __ATOMIC_SEQ_CST);
}

/* The host may give the workers more memory, up to MAX_MEMORY. */
__attribute__((export_name("grow")))
int grow(int pages)
{
    return (int)__builtin_wasm_memory_grow(0, (unsigned long)pages);
}

__attribute__((export_name("_start")))
void _start(void)
{
    thread_spawn(0);
    thread_spawn(0);
}
