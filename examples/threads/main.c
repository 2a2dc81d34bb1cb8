/* threads: two wasi-threads workers summing halves of an array. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define N_WORKERS 2
#define N_VALUES 4096

static int32_t values[N_VALUES];

struct job {
    const int32_t *first;
    size_t count;
    int64_t sum;
};

static void *worker(void *arg)
{
    struct job *job = arg;
    for (size_t i = 0; i < job->count; i++)
        job->sum += job->first[i];
    return NULL;
}

int main(void)
{
    for (size_t i = 0; i < N_VALUES; i++)
        values[i] = (int32_t)i;

    /* Each pthread_create spawns a wasi-thread: WAMR instantiates the module
       again and wasi-libc takes the thread's C stack from the libc heap. */
    pthread_t tid[N_WORKERS];
    struct job jobs[N_WORKERS];
    size_t share = N_VALUES / N_WORKERS;
    for (int w = 0; w < N_WORKERS; w++) {
        jobs[w] = (struct job){ .first = values + (size_t)w * share, .count = share };
        if (pthread_create(&tid[w], NULL, worker, &jobs[w]) != 0) {
            fprintf(stderr, "threads: pthread_create failed for worker %d\n", w);
            return 1;
        }
    }
    int64_t total = 0;
    for (int w = 0; w < N_WORKERS; w++) {
        pthread_join(tid[w], NULL);
        total += jobs[w].sum;
    }
    printf("sum of 0..%d computed by %d threads: %lld\n", N_VALUES - 1, N_WORKERS,
           (long long)total);
    return total == (int64_t)N_VALUES * (N_VALUES - 1) / 2 ? 0 : 1;
}
