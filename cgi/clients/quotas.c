/* quotas.c — the grade quotas on a manager's dashboard (DESIGN.md §4: VIP at
 * most 15 %, preferred at most 30 % of a department's cards): the summary
 * rows dept_grade_counts, counted again by each run of `dossier cron`
 * (clients.quota_counts), and the dashboard's group drawn from them — one
 * statement, whatever the number of cards. Granting a grade still counts
 * exactly (kinds.c quota_breaks). */
#include "clients.h"
#include "sql.h"
#include "core/domain.h"
#include <stdlib.h>
#include <string.h>

struct count_ctx {
	struct req *r;
	long long rows;
};

static int count_txn(void *arg)
{
	struct count_ctx *c = arg;
	struct dbres res;
	int rc = db_exec(c->r->db, c->r->a, Q_QUOTA_COUNTS_CLEAR, NULL, "");
	if (rc == DB_OK)
		rc = db_exec(c->r->db, c->r->a, Q_QUOTA_COUNTS_FILL, &res, "s", c->r->now_text);
	if (rc == DB_OK)
		c->rows = (long long)res.affected;
	return rc;
}

int clients_quota_count(struct req *r, long long *n)
{
	struct count_ctx c = { r, 0 };
	int rc = db_txn(r->db, count_txn, &c);
	if (rc == DB_OK)
		*n += c.rows;
	return rc;
}

/* One decimal of a percentage, as text and as the bar's width (0–100). */
static const char *percent(struct req *r, double v)
{
	return arena_printf(r->a, "%.1f", v);
}

int clients_dashboard(struct req *r, const struct dashboard_scope *s, const char *p)
{
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_DASH_QUOTAS, &res, "");
	if (rc != DB_OK)
		return rc;
	dashboard_head(r, p, "dash-quotas", "client.dash_quota_title", "client.dash_quota_none");
	const char *oldest = NULL;
	size_t row = 0;
	for (size_t k = 0; k < s->n; k++)          /* the scope's departments, by name */
		for (size_t i = 0; i < res.nrows; i++) {
			long long dept = dbres_int(&res, i, DQ_DEPT), grade = dbres_int(&res, i, DQ_GRADE);
			if (dept != s->depts[k])
				continue;
			long long have = dbres_int(&res, i, DQ_HAVE), total = dbres_int(&res, i, DQ_TOTAL);
			const char *pct = dbres_get(&res, i, DQ_PCT), *at = dbres_get(&res, i, DQ_AT);
			if (oldest == NULL || strcmp(at, oldest) < 0)
				oldest = at;
			double share = total > 0 ? 100.0 * (double)have / (double)total : 0, quota = atof(pct);
			int over = !quota_fits(pct, have, total);
			const char *detail = arena_printf(r->a, "%lld / %lld · %s %s %%%s", have, total,
							  lang_text(r, "client.dash_quota"), arena_printf(r->a, "%g", quota),
							  over ? arena_printf(r->a, " · %s", lang_text(r, "client.dash_over")) : "");
			const char *f = dashboard_row(r, p, row++, arena_printf(r->a, "dash-quota-%lld-%lld", dept, grade),
						      arena_printf(r->a, "%s · %s", dept_name(r, dept), grade_label(r, grade)),
						      arena_printf(r->a, "%s %%", percent(r, share)),
						      arena_printf(r->a, "/clients?dept=%lld&grade=%lld", dept, grade), detail, over);
			view_set(r, arena_printf(r->a, "%s.bar.share", f), percent(r, share > 100 ? 100 : share));
			view_set(r, arena_printf(r->a, "%s.bar.quota", f), percent(r, quota > 100 ? 100 : quota));
		}
	if (oldest != NULL)
		view_set(r, arena_printf(r->a, "%s.note", p),
			 arena_printf(r->a, "%s %.16s", lang_text(r, "client.dash_counted_at"), oldest));
	return DB_OK;
}
