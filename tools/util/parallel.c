/* Jobs of one or more concurrent calls, taken by whichever thread is free. */
#define _POSIX_C_SOURCE 200809L
#include "util/parallel.h"

#include <pthread.h>
#include <unistd.h>

#define PAR_THREADS_MAX 8u /* threads per call, the caller included */

/* The jobs of one call.  Listed in par_queue while some are not taken yet;
 * every field is read and written under par_lock. */
typedef struct par_group {
    wb_par_job job;
    void *ctx;
    unsigned n, next, done;
    struct par_group *link;
} par_group;

static pthread_mutex_t par_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t par_finished = PTHREAD_COND_INITIALIZER;
static par_group *par_queue; /* oldest call first */
static size_t par_bytes = (size_t)1 << 20;

void wb_par_set_part_bytes(size_t bytes) { par_bytes = bytes; }

size_t wb_par_part_bytes(void) { return par_bytes; }

static unsigned par_cores(void)
{
#ifdef _SC_NPROCESSORS_ONLN
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n > 0)
        return n < (long)PAR_THREADS_MAX ? (unsigned)n : PAR_THREADS_MAX;
#endif
    return 1;
}

static void par_unlink(par_group *g)
{
    par_group **p = &par_queue;
    while (*p && *p != g)
        p = &(*p)->link;
    if (*p)
        *p = g->link;
}

/* Take the next job: one of `own` while it has some left, else one of the
 * oldest call.  NULL when every job of every call is taken.  Under par_lock. */
static par_group *par_take(par_group *own, unsigned *index)
{
    par_group *g = own && own->next < own->n ? own : par_queue;
    if (!g)
        return NULL;
    *index = g->next++;
    if (g->next == g->n)
        par_unlink(g);
    return g;
}

/* Run jobs until none is left to take. */
static void par_work(par_group *own)
{
    unsigned i;
    par_group *g;

    pthread_mutex_lock(&par_lock);
    while ((g = par_take(own, &i)) != NULL) {
        pthread_mutex_unlock(&par_lock);
        g->job(g->ctx, i);
        pthread_mutex_lock(&par_lock);
        if (++g->done == g->n)
            pthread_cond_broadcast(&par_finished);
    }
    pthread_mutex_unlock(&par_lock);
}

static void *par_helper(void *arg)
{
    (void)arg;
    par_work(NULL);
    return NULL;
}

void wb_par_run(unsigned n, wb_par_job job, void *ctx)
{
    par_group g = {job, ctx, n, 0, 0, NULL};
    pthread_t helper[PAR_THREADS_MAX];
    unsigned helpers = 0, want;
    par_group **tail;

    if (n <= 1) { /* nothing to share: no queue, no thread */
        if (n == 1)
            job(ctx, 0);
        return;
    }
    pthread_mutex_lock(&par_lock);
    for (tail = &par_queue; *tail; tail = &(*tail)->link)
        ;
    *tail = &g;
    pthread_mutex_unlock(&par_lock);

    want = par_cores();
    want = (n < want ? n : want) - 1;
    while (helpers < want && pthread_create(&helper[helpers], NULL, par_helper, NULL) == 0)
        helpers++;
    par_work(&g);
    pthread_mutex_lock(&par_lock);
    while (g.done < g.n)
        pthread_cond_wait(&par_finished, &par_lock);
    pthread_mutex_unlock(&par_lock);
    while (helpers > 0)
        pthread_join(helper[--helpers], NULL);
}
