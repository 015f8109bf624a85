/* periods.c — filing periods (seed 000 五.1, issue 11 point 2): the
 * quarterly filing in January, April, July and October and the annual
 * filing in February. The year is cut into five periods, each from its first
 * day to the next one's: 1 January (quarterly: the last quarter of the year
 * before), 1 February to 31 March (annual: the year before), 1 April,
 * 1 July and 1 October (quarterly: this year). The year a period collects —
 * its "filing year" — is the year before in January and February, else the
 * period's own year.
 *
 * At the start of a period `dossier cron` (task archive.periods) queues for
 * each department manager, through the outbox (kind archive.period, day = the
 * period's first day, so once per manager and period), the items of their
 * department submitted and not yet placed and the department's cards with no
 * item dated in the filing year, each list capped at PERIOD_LIST_MAX with
 * its count. The archivist's /archive/periods shows per department what was
 * filed and placed in a period, what waits and which cards have nothing;
 * ?dept= lists them. */
#include "archive.h"
#include "sql.h"
#include "mail/outbox.h"
#include <stdio.h>
#include <string.h>

#define PERIOD_LIST_MAX 20       /* rows of each list in a manager's reminder */
#define PERIOD_PAGE_MAX 200      /* cards without an item listed on the page */
#define PERIODS_SHOWN 10         /* periods offered on the page, the current one first */

static const struct {
	int month;
	const char *kind;
} starts[] = { { 1, "quarterly" }, { 2, "annual" }, { 4, "quarterly" }, { 7, "quarterly" }, { 10, "quarterly" } };
#define NSTARTS ((int)(sizeof starts / sizeof starts[0]))

static void period_fill(int year, int k, struct archive_period *p)
{
	p->year = year;
	p->kind = starts[k].kind;
	p->filing_year = starts[k].month <= 2 ? year - 1 : year;
	snprintf(p->start, sizeof p->start, "%04d-%02d-01", year, starts[k].month);
	if (k + 1 < NSTARTS)
		snprintf(p->end, sizeof p->end, "%04d-%02d-01", year, starts[k + 1].month);
	else
		snprintf(p->end, sizeof p->end, "%04d-01-01", year + 1);
}

int archive_period_of(const char *day, struct archive_period *p)
{
	int y, m, d;
	char tail;
	if (day == NULL || strlen(day) != 10 || sscanf(day, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || y < 1000 ||
	    y > 9998 || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	int k = NSTARTS - 1;
	while (starts[k].month > m)
		k--;
	period_fill(y, k, p);
	return 0;
}

int archive_period_before(const struct archive_period *p, struct archive_period *out)
{
	int m = 0, k;
	if (sscanf(p->start, "%*4d-%2d", &m) != 1)
		return -1;
	for (k = 0; k < NSTARTS && starts[k].month != m; k++)
		;
	if (k == NSTARTS)
		return -1;
	if (k == 0)
		period_fill(p->year - 1, NSTARTS - 1, out);
	else
		period_fill(p->year, k - 1, out);
	return 0;
}

/* ---- the managers' reminders ------------------------------------------------------------------- */

/* A reminder is wanted whatever happened since: it tells the state when the period began. */
int archive_period_needed(struct req *r, const char *subject_ref, long long recipient)
{
	(void)r;
	(void)subject_ref;
	(void)recipient;
	return 1;
}

struct remind_ctx {
	struct req *r;
	const struct archive_period *p;
	const struct dbres *mgr;
	size_t i;
};

static int remind_txn(void *arg)
{
	struct remind_ctx *c = arg;
	struct req *r = c->r;
	long long to = dbres_int(c->mgr, c->i, 0), dept = dbres_int(c->mgr, c->i, 1);
	char y0[24], y1[24];
	snprintf(y0, sizeof y0, "%04d-01-01", c->p->filing_year);
	snprintf(y1, sizeof y1, "%04d-01-01", c->p->filing_year + 1);
	struct dbres wait, wait_n, miss, miss_n;
	int rc = db_exec(r->db, r->a, Q_PERIOD_WAITING, &wait, "ii", dept, (long long)PERIOD_LIST_MAX);
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_PERIOD_WAITING_COUNT, &wait_n, "i", dept);
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_PERIOD_MISSING, &miss, "issi", dept, y0, y1, (long long)PERIOD_LIST_MAX);
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_PERIOD_MISSING_COUNT, &miss_n, "iss", dept, y0, y1);
	if (rc != DB_OK)
		return rc;
	HDF *data;
	if (hdf_init(&data) != STATUS_OK)
		return DB_ERROR;
	hdf_set_value(data, "Mail.dept", dbres_get(c->mgr, c->i, 2));
	hdf_set_value(data, "Mail.kind", c->p->kind);
	hdf_set_value(data, "Mail.start", c->p->start);
	hdf_set_int_value(data, "Mail.filing_year", c->p->filing_year);
	hdf_set_value(data, "Mail.waiting_count", dbres_get(&wait_n, 0, 0));
	hdf_set_value(data, "Mail.missing_count", dbres_get(&miss_n, 0, 0));
	for (size_t k = 0; k < wait.nrows; k++) {
		const char *p = arena_printf(r->a, "Mail.waiting.%zu", k);
		hdf_set_value(data, arena_printf(r->a, "%s.no", p), dbres_get(&wait, k, IT_NO));
		hdf_set_value(data, arena_printf(r->a, "%s.title", p), dbres_get(&wait, k, IT_TITLE));
		hdf_set_value(data, arena_printf(r->a, "%s.client", p), dbres_get(&wait, k, IT_CLIENT_NAME));
		hdf_set_value(data, arena_printf(r->a, "%s.link", p), arena_printf(r->a, "/archive/items/%s",
										   dbres_get(&wait, k, IT_ID)));
		hdf_set_value(data, arena_printf(r->a, "%s.approved", p), wait.rows[k][IT_APPROVED_AT] ? "1" : "");
	}
	for (size_t k = 0; k < miss.nrows; k++) {
		const char *p = arena_printf(r->a, "Mail.missing.%zu", k);
		hdf_set_value(data, arena_printf(r->a, "%s.name", p), dbres_get(&miss, k, 1));
		hdf_set_value(data, arena_printf(r->a, "%s.link", p), arena_printf(r->a, "/clients/%s", dbres_get(&miss, k, 0)));
	}
	hdf_set_value(data, "Mail.waiting_more", dbres_int(&wait_n, 0, 0) > (long long)wait.nrows ? "1" : "");
	hdf_set_value(data, "Mail.missing_more", dbres_int(&miss_n, 0, 0) > (long long)miss.nrows ? "1" : "");
	struct message m = { .kind = "archive.period", .subject_ref = arena_printf(r->a, "period:%s:dept:%lld", c->p->start,
										   dept),
			     .recipient = to, .day = c->p->start };
	rc = mail_render(r, mail_user_lang(r, to), "archive_period", data, &m) == 0 ? outbox_put(r, &m) : DB_ERROR;
	hdf_destroy(&data);
	return rc;
}

int archive_period_remind(struct req *r, long long *n)
{
	*n = 0;
	struct archive_period p;
	if (archive_period_of(day_text(r, 0), &p) != 0)
		return DB_ERROR;
	struct dbres done, mgr, res;
	int rc = db_exec(r->db, r->a, Q_PERIOD_RUN_GET, &done, "s", p.start);
	if (rc != DB_OK || dbres_int(&done, 0, 0) > 0)
		return rc;
	if ((rc = db_exec(r->db, r->a, Q_PERIOD_MANAGERS, &mgr, "")) != DB_OK)
		return rc;
	for (size_t i = 0; rc == DB_OK && i < mgr.nrows; i++) {
		struct remind_ctx c = { r, &p, &mgr, i };
		if ((rc = db_txn(r->db, remind_txn, &c)) == DB_OK)
			(*n)++;
	}
	if (rc == DB_OK)
		rc = db_write(r->db, r->a, Q_PERIOD_RUN_PUT, &res, "sis", p.start, *n, r->now_text);
	return rc;
}

/* ---- the archivist's page ---------------------------------------------------------------------- */

static void view_period(struct req *r, const char *prefix, const struct archive_period *p)
{
	view_set(r, arena_printf(r->a, "%s.start", prefix), p->start);
	view_set(r, arena_printf(r->a, "%s.end", prefix), p->end);
	view_set(r, arena_printf(r->a, "%s.kind", prefix), p->kind);
	view_set_int(r, arena_printf(r->a, "%s.filing_year", prefix), p->filing_year);
}

static int view_items(struct req *r, const char *prefix, struct sql *q, const struct archive_period *p, long long dept)
{
	struct dbres it;
	if (db_exec(r->db, r->a, q, &it, "ssi", p->start, p->end, dept) != DB_OK)
		return -1;
	for (size_t i = 0; i < it.nrows; i++)
		archive_view_item(r, arena_printf(r->a, "%s.%zu", prefix, i), &it, i);
	return 0;
}

static int period_dept(struct req *r, const struct archive_period *p, long long dept, const char *y0, const char *y1)
{
	struct dbres name, wait, miss, miss_n;
	if (db_exec(r->db, r->a, Q_DEPT_NAME, &name, "i", dept) != DB_OK)
		return db_fail(r);
	if (name.nrows != 1)
		return 404;
	view_set_int(r, "Dept.id", dept);
	view_set(r, "Dept.name", dbres_get(&name, 0, 0));
	if (view_items(r, "Filed", Q_PERIOD_FILED, p, dept) != 0 || view_items(r, "Placed", Q_PERIOD_PLACED, p, dept) != 0 ||
	    db_exec(r->db, r->a, Q_PERIOD_WAITING, &wait, "ii", dept, (long long)PERIOD_PAGE_MAX) != DB_OK ||
	    db_exec(r->db, r->a, Q_PERIOD_MISSING, &miss, "issi", dept, y0, y1, (long long)PERIOD_PAGE_MAX) != DB_OK ||
	    db_exec(r->db, r->a, Q_PERIOD_MISSING_COUNT, &miss_n, "iss", dept, y0, y1) != DB_OK)
		return db_fail(r);
	for (size_t i = 0; i < wait.nrows; i++)
		archive_view_item(r, arena_printf(r->a, "Waiting.%zu", i), &wait, i);
	static const char *cols[] = { "id", "name", NULL };
	for (size_t i = 0; i < miss.nrows; i++)
		view_row(r, arena_printf(r->a, "Missing.%zu", i), cols, &miss, i);
	view_set(r, "Dept.missing", dbres_get(&miss_n, 0, 0));
	if (dbres_int(&miss_n, 0, 0) > (long long)miss.nrows)
		view_set(r, "Dept.missing_more", "1");
	return 0;
}

int archive_periods(struct req *r)
{
	struct archive_period now, p, q;
	if (archive_period_of(day_text(r, 0), &now) != 0)
		return 500;
	const char *start = req_query(r, "start");
	if (start == NULL || *start == '\0')
		p = now;
	else if (archive_period_of(start, &p) != 0 || strcmp(p.start, start) != 0 || strcmp(start, now.start) > 0)
		return 404;
	q = now;
	for (int k = 0; k < PERIODS_SHOWN; k++) {
		view_period(r, arena_printf(r->a, "Periods.%d", k), &q);
		if (archive_period_before(&q, &q) != 0)
			break;
	}
	view_period(r, "Period", &p);
	char y0[24], y1[24];
	snprintf(y0, sizeof y0, "%04d-01-01", p.filing_year);
	snprintf(y1, sizeof y1, "%04d-01-01", p.filing_year + 1);
	view_set(r, "Page.title", lang_text(r, "archive.periods"));
	if (req_query(r, "dept") != NULL) {
		long long dept = req_query_id(r, "dept");
		if (dept <= 0)
			return 404;
		int st = period_dept(r, &p, dept, y0, y1);
		return st != 0 ? st : render(r, 200, "archive/period_dept.cs");
	}
	struct dbres s;
	if (db_exec(r->db, r->a, Q_PERIOD_SUMMARY, &s, "ssssss", p.start, p.end, p.start, p.end, y0, y1) != DB_OK)
		return db_fail(r);
	static const char *cols[] = { "id", "name", "filed", "placed", "waiting", "missing", NULL };
	for (size_t i = 0; i < s.nrows; i++)
		view_row(r, arena_printf(r->a, "Depts.%zu", i), cols, &s, i);
	return render(r, 200, "archive/periods.cs");
}
