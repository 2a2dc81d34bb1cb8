/* The reconciliation's verdict: each device figure covered by its estimate line, or not. */
#ifndef WB_RECONCILE_H
#define WB_RECONCILE_H

#include "model/dump_match.h"

/* Set the status of every line of the run and count the covered and the
 * under-estimated ones.  A compared line whose device figure is above its
 * estimate is an under-estimate; one the device did not print is missing. */
void wb_reconcile_judge(wb_recon_run *r);

/* 0: every compared figure of every run is covered; 1: at least one is not. */
int wb_reconcile_exit_code(const wb_recon_run *runs, unsigned count);

const char *wb_recon_status_name(wb_recon_status s);

#endif
