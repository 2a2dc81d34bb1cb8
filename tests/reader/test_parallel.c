/* The job queue the walks over the function bodies share: every job runs once, alone or beside other calls. */
#include <pthread.h>
#include <string.h>

#include "../common/wb_test.h"
#include "util/parallel.h"

#define JOBS_MAX 64u
#define CALLERS 3u

/* One call's jobs: each job adds its index + 1 to its own slot, so a job
 * that runs twice or not at all shows, and a job that runs in another
 * call's slots does too. */
typedef struct batch {
    unsigned n;
    unsigned long long ran[JOBS_MAX];
    unsigned spin; /* work per job, so that jobs overlap */
    unsigned spun[JOBS_MAX];
} batch;

static void job(void *ctx, unsigned index)
{
    batch *b = ctx;
    volatile unsigned sink = 0;
    for (unsigned i = 0; i < b->spin; i++)
        sink += i;
    b->spun[index] = sink;
    b->ran[index] += index + 1;
}

static int batch_ok(const batch *b)
{
    for (unsigned i = 0; i < JOBS_MAX; i++)
        if (b->ran[i] != (i < b->n ? i + 1 : 0))
            return 0;
    return 1;
}

static void *caller(void *arg)
{
    batch *b = arg;
    wb_par_run(b->n, job, b);
    return NULL;
}

int main(void)
{
    static batch one, many[CALLERS];
    pthread_t t[CALLERS];

    /* no jobs: nothing runs; one job: it runs on the caller */
    memset(&one, 0, sizeof one);
    wb_par_run(0, job, &one);
    CHECK(batch_ok(&one), "n = 0 ran a job");
    for (unsigned n = 1; n <= JOBS_MAX; n++) {
        memset(&one, 0, sizeof one);
        one.n = n;
        one.spin = 1000;
        wb_par_run(n, job, &one);
        CHECK(batch_ok(&one), "n = %u: a job ran twice, or not at all", n);
    }

    /* calls at the same time from several threads share the queue, and each
     * returns once its own jobs have run */
    for (unsigned round = 0; round < 20; round++) {
        unsigned started = 0;
        for (unsigned k = 0; k < CALLERS; k++) {
            memset(&many[k], 0, sizeof many[k]);
            many[k].n = 16 + 16 * k;
            many[k].spin = 20000 * (k + 1);
        }
        for (unsigned k = 0; k < CALLERS; k++)
            if (pthread_create(&t[k], NULL, caller, &many[k]) == 0)
                started |= 1u << k;
            else
                caller(&many[k]);
        for (unsigned k = 0; k < CALLERS; k++) {
            if (started & (1u << k))
                pthread_join(t[k], NULL);
            CHECK(batch_ok(&many[k]), "round %u, call %u of %u jobs: a job ran twice, not at "
                  "all, or for another call", round, k, many[k].n);
        }
    }

    /* the part size the walks read */
    size_t was = wb_par_part_bytes();
    CHECK_U("default part size", was, (size_t)1 << 20);
    wb_par_set_part_bytes(4096);
    CHECK_U("part size", wb_par_part_bytes(), 4096);
    wb_par_set_part_bytes(was);

    if (failures == 0)
        printf("job queue: every job ran once, in calls alone and side by side\n");
    return failures != 0;
}
