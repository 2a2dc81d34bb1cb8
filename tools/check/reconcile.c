/* The reconciliation's verdict: each device figure covered by its estimate line, or not. */
#include "check/reconcile.h"

void wb_reconcile_judge(wb_recon_run *r)
{
    r->under = r->covered = 0;
    for (unsigned i = 0; i < r->count; i++) {
        wb_recon_line *l = &r->lines[i];
        if (!l->has_device)
            l->status = WB_RS_MISSING;
        else if (!l->compared || !l->has_estimate)
            l->status = WB_RS_INFO;
        else if (!l->device_negative && l->device > l->estimate)
            l->status = WB_RS_UNDER;
        else
            l->status = WB_RS_COVERED;
        if (l->status == WB_RS_UNDER)
            r->under++;
        else if (l->status == WB_RS_COVERED)
            r->covered++;
    }
}

int wb_reconcile_exit_code(const wb_recon_run *runs, unsigned count)
{
    for (unsigned i = 0; i < count; i++)
        if (runs[i].under)
            return 1;
    return 0;
}

const char *wb_recon_status_name(wb_recon_status s)
{
    switch (s) {
    case WB_RS_COVERED: return "covered";
    case WB_RS_UNDER: return "under";
    case WB_RS_INFO: return "info";
    case WB_RS_MISSING: return "missing";
    }
    return "?";
}
