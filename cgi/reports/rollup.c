/* rollup.c — the summary tables of the reports (sql/040_reports.sql), rebuilt
 * by `dossier cron` (task reports.rollup, under its lease): the card counts
 * by department, owner, grade, nature, region and lifecycle in one
 * transaction (the table is replaced whole, so it always equals a recount at
 * the moment of the build), and the view log per day and viewer from the day
 * of the previous build on (earlier days do not change: the log is
 * append-only). Each build stamps rpt_rollups, which the pages show as the
 * figures' "as of". */
#include "reports.h"
#include "sql.h"
#include <string.h>

struct rollup_ctx {
	struct req *r;
	const char *since;           /* the first day of the view log to build again */
	long long rows;
};

static int clients_txn(void *arg)
{
	struct rollup_ctx *c = arg;
	struct req *r = c->r;
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_RPT_CLIENTS_CLEAR, NULL, "");
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_RPT_CLIENTS_FILL, &res, "s", day_text(r, 0));
	if (rc == DB_OK)
		c->rows += (long long)res.affected;
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_RPT_ROLLUP_DONE, NULL, "ss", "clients", r->now_text);
	return rc;
}

static int views_txn(void *arg)
{
	struct rollup_ctx *c = arg;
	struct req *r = c->r;
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_RPT_VIEWS_CLEAR, NULL, "s", c->since);
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_RPT_VIEWS_FILL, &res, "s", arena_printf(r->a, "%s 00:00:00", c->since));
	if (rc == DB_OK)
		c->rows += (long long)res.affected;
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_RPT_ROLLUP_DONE, NULL, "ss", "views", r->now_text);
	return rc;
}

const char *rollup_as_of(struct req *r, const char *name)
{
	struct dbres res;
	if (db_exec(r->db, r->a, Q_RPT_ROLLUP_AT, &res, "s", name) != DB_OK || res.nrows == 0)
		return "";
	return dbres_get(&res, 0, 0);
}

int reports_rollup(struct req *r, long long *n)
{
	struct rollup_ctx c = { r, NULL, 0 };
	int rc = db_txn(r->db, clients_txn, &c);
	if (rc != DB_OK)
		return rc;
	const char *last = rollup_as_of(r, "views");
	c.since = last[0] ? arena_strndup(r->a, last, 10) : "1970-01-01";
	rc = db_txn(r->db, views_txn, &c);
	*n = c.rows;
	return rc;
}
