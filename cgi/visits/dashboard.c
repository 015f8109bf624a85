/* dashboard.c — the visits domain's figures on a manager's home page: per
 * department, the cards whose next visit is overdue, each linking to the
 * client list filtered the same way (dept=…&due=overdue). A department
 * manager's are counted at each view; the company's heads read the counts of
 * the last `dossier cron` (visits.overdue_counts, sql/077) while they are
 * fresh, as the grade quotas are. */
#include "visits.h"
#include "sql.h"
#include "core/domain.h"
#include <string.h>

#define SAVED_FRESH (15 * 60)          /* seconds a saved count is used: three scheduler runs */

/* The overdue cards of depts[0..n), each counted up to DASHBOARD_DEPT_CAP + 1,
 * into out[]; company: every card's scope counts (a department manager does
 * not see the company's own cards). Returns a db_rc. */
static int count_live(struct req *r, const long long *depts, size_t n, int company, long long *out)
{
	const char *today = day_text(r, 0);
	static const size_t sizes[] = { 1, 4, 8, DASHBOARD_SLOTS };
	struct sql *const stmts[] = { Q_DASH_OVERDUE_1, Q_DASH_OVERDUE_4, Q_DASH_OVERDUE_8, Q_DASH_OVERDUE_24 };
	size_t slots;
	for (size_t from = 0; from < n; from += slots) {
		size_t size = 0;                 /* the smallest statement for the departments left */
		while (size < 3 && sizes[size] < n - from)
			size++;
		slots = sizes[size];
		struct dbparams *q = arena_alloc(r->a, sizeof *q);
		q->n = 0;
		q->overflow = 0;
		for (size_t k = 0; k < slots; k++) {
			dbp_int(q, from + k < n ? depts[from + k] : 0);
			dbp_str(q, today);
			dbp_str(q, company ? "" : "company");
			dbp_int(q, DASHBOARD_DEPT_CAP + 1);
		}
		struct dbres res;
		int rc = db_execv(r->db, r->a, stmts[size], &res, q);
		if (rc != DB_OK)
			return rc;
		for (size_t k = 0; k < slots && from + k < n; k++)
			out[from + k] = dbres_int(&res, 0, k);
	}
	return DB_OK;
}

/* The saved counts of depts[0..n) into out[] when every one is fresh; their
 * oldest time into *at. 1 when used, 0 when not (then out is untouched), or
 * a db_rc (negative). */
static int read_saved(struct req *r, const long long *depts, size_t n, long long *out, const char **at)
{
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_DASH_OVERDUE_SAVED, &res, "");
	if (rc != DB_OK)
		return rc;
	char since[20];
	clock_format(r->now - SAVED_FRESH, since);
	const char *today = day_text(r, 0), *oldest = NULL;
	long long *got = arena_alloc(r->a, (n + 1) * sizeof *got);
	for (size_t k = 0; k < n; k++) {
		size_t i = 0;
		while (i < res.nrows && dbres_int(&res, i, OS_DEPT) != depts[k])
			i++;
		if (i == res.nrows || strcmp(dbres_get(&res, i, OS_DAY), today) != 0 ||
		    strcmp(dbres_get(&res, i, OS_AT), since) < 0)
			return 0;                    /* new since the count, or the scheduler is behind */
		got[k] = dbres_int(&res, i, OS_N);
		if (oldest == NULL || strcmp(dbres_get(&res, i, OS_AT), oldest) < 0)
			oldest = dbres_get(&res, i, OS_AT);
	}
	memcpy(out, got, n * sizeof *out);
	*at = oldest;
	return 1;
}

int visits_dashboard(struct req *r, const struct dashboard_scope *s, const char *p)
{
	dashboard_head(r, p, "dash-visits", "visit.dash_title", "visit.dash_none");
	long long *n = arena_alloc(r->a, (s->n + 1) * sizeof *n);
	const char *at = NULL;
	int saved = s->company ? read_saved(r, s->depts, s->n, n, &at) : 0;
	if (saved < 0)
		return saved;
	if (!saved) {
		int rc = count_live(r, s->depts, s->n, s->company, n);
		if (rc != DB_OK)
			return rc;
	}
	size_t row = 0;
	for (size_t k = 0; k < s->n; k++) {
		long long dept = s->depts[k];
		if (n[k] == 0)
			continue;
		dashboard_row(r, p, row++, arena_printf(r->a, "dash-overdue-%lld", dept), dept_name(r, dept),
			      dashboard_count_text(r, n[k], DASHBOARD_DEPT_CAP),
			      arena_printf(r->a, "/clients?dept=%lld&due=overdue&sort=due", dept),
			      lang_text(r, "visit.dash_overdue"), 1);
	}
	if (saved && row > 0)
		view_set(r, arena_printf(r->a, "%s.note", p),
			 arena_printf(r->a, "%s %.16s", lang_text(r, "visit.dash_counted_at"), at));
	return DB_OK;
}

struct save_ctx {
	struct req *r;
	const long long *depts, *n;
	size_t count;
};

static int save_txn(void *arg)
{
	struct save_ctx *c = arg;
	const char *today = day_text(c->r, 0);
	for (size_t k = 0; k < c->count; k++) {
		int rc = db_exec(c->r->db, c->r->a, Q_OVERDUE_SAVE, NULL, "iiss", c->depts[k], c->n[k], today,
				 c->r->now_text);
		if (rc != DB_OK)
			return rc;
	}
	return DB_OK;
}

int visits_overdue_count(struct req *r, long long *done)
{
	*done = 0;
	size_t n0 = dept_subtree(r, DEPT_ALL, NULL, 0);
	long long *depts = arena_alloc(r->a, (n0 + 1) * sizeof *depts), *n = arena_alloc(r->a, (n0 + 1) * sizeof *n);
	size_t count = dept_subtree(r, DEPT_ALL, depts, n0);
	int rc = count_live(r, depts, count, 1, n);      /* outside the transaction: reads only */
	if (rc != DB_OK)
		return rc;
	struct save_ctx c = { r, depts, n, count };
	rc = db_txn(r->db, save_txn, &c);
	if (rc == DB_OK)
		*done = (long long)count;
	return rc;
}
