/* dashboard.c — the visits domain's figures on a manager's home page: per
 * department, the cards whose next visit is overdue, each linking to the
 * client list filtered the same way (dept=…&due=overdue). */
#include "visits.h"
#include "sql.h"
#include "core/domain.h"

int visits_dashboard(struct req *r, const struct dashboard_scope *s, const char *p)
{
	char today[20];
	clock_format(r->now, today);
	today[10] = '\0';
	dashboard_head(r, p, "dash-visits", "visit.dash_title", "visit.dash_none");
	static const size_t sizes[] = { 1, 4, 8, DASHBOARD_SLOTS };
	struct sql *const stmts[] = { Q_DASH_OVERDUE_1, Q_DASH_OVERDUE_4, Q_DASH_OVERDUE_8, Q_DASH_OVERDUE_24 };
	size_t row = 0, slots;
	for (size_t from = 0; from < s->n; from += slots) {
		size_t size = 0;                 /* the smallest statement for the departments left */
		while (size < 3 && sizes[size] < s->n - from)
			size++;
		slots = sizes[size];
		struct dbparams *q = arena_alloc(r->a, sizeof *q);
		q->n = 0;
		q->overflow = 0;
		for (size_t k = 0; k < slots; k++) {
			dbp_int(q, from + k < s->n ? s->depts[from + k] : 0);
			dbp_str(q, today);
			dbp_str(q, s->company ? "" : "company");
			dbp_int(q, DASHBOARD_DEPT_CAP + 1);
		}
		struct dbres res;
		int rc = db_execv(r->db, r->a, stmts[size], &res, q);
		if (rc != DB_OK)
			return rc;
		for (size_t k = 0; k < slots && from + k < s->n; k++) {
			long long n = dbres_int(&res, 0, k), dept = s->depts[from + k];
			if (n == 0)
				continue;
			dashboard_row(r, p, row++, arena_printf(r->a, "dash-overdue-%lld", dept), dept_name(r, dept),
				      dashboard_count_text(r, n, DASHBOARD_DEPT_CAP),
				      arena_printf(r->a, "/clients?dept=%lld&due=overdue&sort=due", dept),
				      lang_text(r, "visit.dash_overdue"), 1);
		}
	}
	return DB_OK;
}
