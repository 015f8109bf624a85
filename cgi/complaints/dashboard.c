/* dashboard.c — the complaints domain's figure on a manager's home page:
 * complaints of their departments still to answer within
 * COMPLAINT_NEAR_DAYS (overdue ones included), linking to the open list
 * filtered the same way (/complaints?near=1). */
#include "complaints.h"
#include "sql.h"
#include "core/domain.h"

int complaints_dashboard(struct req *r, const struct dashboard_scope *s, const char *p)
{
	const char *today = day_text(r, 0), *by = day_text(r, COMPLAINT_NEAR_DAYS);
	struct dbres res;
	long long cap = DASHBOARD_CAP + 1;
	int rc = s->root == 0 ? db_exec(r->db, r->a, Q_DASH_COMPLAINTS_ALL, &res, "ssi", today, by, cap)
			      : db_exec(r->db, r->a, Q_DASH_COMPLAINTS, &res, "ssii", today, by, s->root, cap);
	if (rc != DB_OK)
		return rc;
	long long n = dbres_int(&res, 0, 0), late = dbres_int(&res, 0, 1);
	dashboard_head(r, p, "dash-complaints", "complaint.dash_title", "complaint.dash_none");
	if (n > 0)
		dashboard_row(r, p, 0, "dash-complaints-near", lang_text(r, "complaint.dash_near"),
			      dashboard_count_text(r, n, DASHBOARD_CAP), "/complaints?near=1",
			      arena_printf(r->a, "%s %s · %s %s", lang_text(r, "complaint.dash_by"), by,
					   lang_text(r, "complaint.dash_overdue"), dashboard_count_text(r, late, DASHBOARD_CAP)),
			      late > 0);
	return DB_OK;
}
