/* sensor_host: firmware-side code that loads the sensor module with the sizes wamr-budget checked. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Generated at build time by wamr_add_module(... HEADER sensor_budget.h EMBED):
   the arguments WAMR must be given, and the module as a C array. */
#include "sensor_budget.h"

extern unsigned char sensor_app_module[];
extern const unsigned int sensor_app_module_len;

#if defined(HAVE_WAMR)
#include "wasm_export.h"

/* WAMR's global heap: every wasm_runtime_malloc of the runtime, the loaded
   module, its instance and exec env comes from here. The checker's
   recommended size already includes the allocator's own overhead. */
static char global_heap[SENSOR_APP_GLOBAL_HEAP_POOL_SIZE] __attribute__((aligned(8)));

static int call_i32(wasm_exec_env_t env, wasm_module_inst_t inst, const char *name, uint32_t argc,
                    uint32_t argv[], int32_t *result)
{
    wasm_function_inst_t fn = wasm_runtime_lookup_function(inst, name);
    if (fn == NULL) {
        fprintf(stderr, "sensor_host: the module does not export %s\n", name);
        return -1;
    }
    if (!wasm_runtime_call_wasm(env, fn, argc, argv)) {
        fprintf(stderr, "sensor_host: %s trapped: %s\n", name, wasm_runtime_get_exception(inst));
        return -1;
    }
    *result = (int32_t)argv[0];
    return 0;
}

static int run_module(void)
{
    char error[128];
    RuntimeInitArgs init;
    memset(&init, 0, sizeof init);
    init.mem_alloc_type = Alloc_With_Pool;
    init.mem_alloc_option.pool.heap_buf = global_heap;
    init.mem_alloc_option.pool.heap_size = (uint32_t)sizeof global_heap;
    /* At least the threads the module spawns; 0 keeps the runtime's default. */
    init.max_thread_num = SENSOR_APP_MAX_THREADS > 0 ? SENSOR_APP_MAX_THREADS : SENSOR_APP_RUNTIME_MAX_THREADS;
    if (!wasm_runtime_full_init(&init)) {
        fputs("sensor_host: wasm_runtime_full_init failed\n", stderr);
        return 1;
    }

    int rc = 1;
    wasm_module_t module = wasm_runtime_load(sensor_app_module, sensor_app_module_len, error, sizeof error);
    if (module == NULL) {
        fprintf(stderr, "sensor_host: load failed: %s\n", error);
        goto destroy_runtime;
    }

    /* wasm_runtime_instantiate(module, stack_size, heap_size, ...), plus the
       cap on linear memory pages that wasm_runtime_instantiate_ex adds. */
    InstantiationArgs args = {
        .default_stack_size = SENSOR_APP_STACK_SIZE,
        .host_managed_heap_size = SENSOR_APP_HEAP_SIZE,
        .max_memory_pages = SENSOR_APP_MAX_MEMORY_PAGES,
    };
    wasm_module_inst_t inst = wasm_runtime_instantiate_ex(module, &args, error, sizeof error);
    if (inst == NULL) {
        fprintf(stderr, "sensor_host: instantiate failed: %s\n", error);
        goto unload;
    }
    wasm_exec_env_t env = wasm_runtime_create_exec_env(inst, SENSOR_APP_STACK_SIZE);
    if (env == NULL) {
        fputs("sensor_host: cannot create the exec env\n", stderr);
        goto deinstantiate;
    }

    int32_t result;
    uint32_t argv[1] = {16};
    if (call_i32(env, inst, "sensor_init", 1, argv, &result) != 0 || result != 0)
        goto destroy_env;
    for (int32_t sample = 1; sample <= 20; sample++) {
        argv[0] = (uint32_t)sample;
        if (call_i32(env, inst, "sensor_push", 1, argv, &result) != 0)
            goto destroy_env;
    }
    if (call_i32(env, inst, "sensor_mean", 0, argv, &result) != 0)
        goto destroy_env;
    printf("sensor_mean() of the last 16 samples of 1..20 = %d\n", (int)result);

    mem_alloc_info_t info;
    if (wasm_runtime_get_mem_alloc_info(&info))
        printf("global heap high mark %u B of %u B\n", (unsigned)info.highmark_size,
               (unsigned)info.total_size);
    rc = result == 12 ? 0 : 1;

destroy_env:
    wasm_runtime_destroy_exec_env(env);
deinstantiate:
    wasm_runtime_deinstantiate(inst);
unload:
    wasm_runtime_unload(module);
destroy_runtime:
    wasm_runtime_destroy();
    return rc;
}
#endif

static void print_constants(void)
{
    printf("sensor module, checked by wamr-budget for profile %s (%s)\n", SENSOR_APP_PROFILE,
           SENSOR_APP_MODE);
    printf("  embedded module               %u B\n", sensor_app_module_len);
    printf("  RuntimeInitArgs pool size     %llu B\n", (unsigned long long)SENSOR_APP_GLOBAL_HEAP_POOL_SIZE);
    printf("  wasm_runtime_instantiate(module, stack_size = %llu, heap_size = %llu, ...)\n",
           (unsigned long long)SENSOR_APP_STACK_SIZE, (unsigned long long)SENSOR_APP_HEAP_SIZE);
    printf("  max linear memory pages       %llu\n", (unsigned long long)SENSOR_APP_MAX_MEMORY_PAGES);
    printf("  wasi-threads at once          %llu (runtime limit %llu)\n",
           (unsigned long long)SENSOR_APP_MAX_THREADS, (unsigned long long)SENSOR_APP_RUNTIME_MAX_THREADS);
    printf("  estimated RAM, worst case     %llu B of a %llu B budget\n",
           (unsigned long long)SENSOR_APP_ESTIMATE_TOTAL, (unsigned long long)SENSOR_APP_BUDGET);
}

int main(void)
{
    print_constants();
#if defined(HAVE_WAMR)
    return run_module();
#else
    puts("WAMR was not found (find_package(iwasm) failed): the module was not run.\n"
         "Install WAMR (its CMake package iwasm) and reconfigure with "
         "-Diwasm_DIR=<prefix>/lib/cmake/iwasm to load and run it.");
    return 0;
#endif
}
