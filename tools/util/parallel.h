/* Work spread over the cores: the parts of a large code section, walked at the same time. */
#ifndef WB_PARALLEL_H
#define WB_PARALLEL_H

#include <stddef.h>

/* Most parts one walk of a code section is cut into. */
#define WB_PAR_PARTS_MAX 16u

typedef void (*wb_par_job)(void *ctx, unsigned index);

/*
 * Run job(ctx, 0) .. job(ctx, n - 1), in any order and at the same time, on
 * the calling thread and on helper threads started for the call (one fewer
 * than the cores, at most n - 1).  Calls made at the same time from several
 * threads share one queue: a thread that is free takes the next job of any
 * of them, so the cores stay busy until the last job whatever the scheduler
 * does with the threads.  Returns once the n jobs of this call have run.
 * When no thread can be started the caller runs the jobs itself, and a
 * single job runs on the caller at once, outside the queue.  Jobs must not
 * wait for one another.
 */
void wb_par_run(unsigned n, wb_par_job job, void *ctx);

/*
 * The walks over the function bodies (the reader's scan, the stack bound,
 * the fast-interpreter replay) cut a code section into parts of about this
 * many bytes (at most WB_PAR_PARTS_MAX parts of about equal size) and run
 * them with wb_par_run.  0: every section in one piece.  Default 1 MiB.  The
 * results are the same either way; the tests and fuzzers compare them.  Set
 * it before a walk, not while one runs.
 */
void wb_par_set_part_bytes(size_t bytes);
size_t wb_par_part_bytes(void);

#endif
