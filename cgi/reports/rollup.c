/* rollup.c — the summary tables of the reports (sql/040_reports.sql,
 * sql/069_rpt_archive.sql), built by `dossier cron` (task reports.rollup,
 * under its lease):
 *
 * - rpt_clients (the cards by department, owner, grade, nature, region and
 *   lifecycle) and rpt_loans_open (the loans out by department, secrecy and
 *   borrower) are replaced whole at each run, each in one transaction: they
 *   equal a recount at the moment of the build;
 * - rpt_retention (the items on the shelf by the end of their term) likewise,
 *   but once a day: it reads every item, and terms end by the day;
 * - rpt_decisions (sql/071) sums the decisions of each day that has ended
 *   (DECISIONS_MARGIN later: a decision still committing is in by then) up
 *   to the state's seen_at, DECISIONS_DAYS days a transaction; the pages add
 *   the decisions since seen_at from the requests;
 * - rpt_views, rpt_visits, rpt_new, rpt_changes, rpt_loans and rpt_files sum
 *   their append-only sources (the view log, visits, cards registered, the
 *   cards' history, the loan register, the electronic copies' log) per day
 *   and per month by id, each row once,
 *   in chunks of CHUNK ids per transaction and at most CHUNKS per run (a
 *   first build over millions of rows spreads over a few runs). A run sums
 *   up to the highest id seen at the previous run, never further: an id
 *   handed out then but committed after a higher one would otherwise be
 *   skipped for good. Once caught up, built_at becomes the time of that
 *   previous run, and the highest id now is noted for the next.
 *
 * The run reads in READ COMMITTED: an INSERT … SELECT in REPEATABLE READ
 * locks every row it reads, and the people saving cards would wait for the
 * rebuild (and it for them). rpt_rollups holds each one's state; the pages
 * show built_at as the figures' "as of". */
#include "reports.h"
#include "sql.h"
#include "core/workdays.h"
#include <stdio.h>
#include <string.h>
#include <time.h>

#define CHUNK 100000
#define CHUNKS 20

struct rollup_ctx {
	struct req *r;
	const char *name;
	struct sql *add;
	long long from, to;          /* the ids (from, to] */
	const char *built;           /* set built_at to this (caught up), or NULL */
	long long rows;
	const struct rebuild *rebuild;
};

/* A summary table replaced whole: clear, fill (with one text parameter, or none). */
struct rebuild {
	const char *name;
	struct sql *clear, *fill;
	const char *param;
};

static int rebuild_txn(void *arg)
{
	struct rollup_ctx *c = arg;
	const struct rebuild *b = c->rebuild;
	struct req *r = c->r;
	struct dbres res;
	int rc = db_exec(r->db, r->a, b->clear, NULL, "");
	if (rc == DB_OK)
		rc = b->param ? db_exec(r->db, r->a, b->fill, &res, "s", b->param) : db_exec(r->db, r->a, b->fill, &res, "");
	if (rc == DB_OK)
		c->rows += (long long)res.affected;
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_RPT_ROLLUP_DONE, NULL, "ss", b->name, r->now_text);
	return rc;
}

static int rebuilt(struct req *r, const struct rebuild *b, long long *rows)
{
	struct rollup_ctx c = { .r = r, .rebuild = b };
	int rc = db_txn(r->db, rebuild_txn, &c);
	*rows += c.rows;
	return rc;
}

static int chunk_txn(void *arg)
{
	struct rollup_ctx *c = arg;
	struct req *r = c->r;
	struct dbres res;
	int rc = db_exec(r->db, r->a, c->add, &res, "ii", c->from, c->to);
	if (rc == DB_OK)
		c->rows += (long long)res.affected;
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_RPT_ROLLUP_SUMMED, NULL, "sis", c->name, c->to, c->built);
	return rc;
}

/* Sums the source of name (its highest id by max, its rows by add) as far as
 * the previous run saw. A db_rc. */
static int incremental(struct req *r, const char *name, struct sql *max, struct sql *add, long long *rows)
{
	struct dbres st, top;
	int rc = db_exec(r->db, r->a, Q_RPT_ROLLUP_GET, &st, "s", name);
	if (rc != DB_OK)
		return rc;
	long long last = st.nrows ? dbres_int(&st, 0, RU_LAST) : 0, seen = st.nrows ? dbres_int(&st, 0, RU_SEEN) : 0;
	const char *seen_at = st.nrows && dbres_get(&st, 0, RU_SEEN_AT)[0] ? dbres_get(&st, 0, RU_SEEN_AT) : NULL;
	struct rollup_ctx c = { r, name, add, last, last, NULL, 0, NULL };
	for (int k = 0; k < CHUNKS && c.from < seen; k++) {
		c.to = c.from + CHUNK < seen ? c.from + CHUNK : seen;
		c.built = c.to == seen ? seen_at : NULL;
		if ((rc = db_txn(r->db, chunk_txn, &c)) != DB_OK)
			return rc;
		c.from = c.to;
	}
	*rows += c.rows;
	if (c.from < seen)
		return DB_OK;   /* more at the next run */
	if (seen_at != NULL && last == seen) {   /* nothing new was seen: the figures hold as of then */
		c.to = seen;
		c.built = seen_at;
		if ((rc = db_txn(r->db, chunk_txn, &c)) != DB_OK)
			return rc;
	}
	if ((rc = db_exec(r->db, r->a, max, &top, "")) != DB_OK)
		return rc;
	return db_write(r->db, r->a, Q_RPT_ROLLUP_SEEN, NULL, "sis", name, dbres_int(&top, 0, 0), r->now_text);
}

#define DECISIONS_MARGIN (15 * 60)
#define DECISIONS_DAYS 31
#define DECISIONS_CHUNKS 60

struct decisions_ctx {
	struct req *r;
	const char *from, *to;       /* "YYYY-MM-DD 00:00:00", [from, to) */
	long long rows;
};

static int decisions_txn(void *arg)
{
	struct decisions_ctx *c = arg;
	struct req *r = c->r;
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_RPT_DECISIONS_ADD, &res, "ss", c->from, c->to);
	if (rc == DB_OK)
		c->rows += (long long)res.affected;
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_RPT_ROLLUP_SEEN, NULL, "sis", "decisions", 0LL, c->to);
	return rc;
}

/* The day number of "YYYY-MM-DD…". */
static long day_of_text(const char *s)
{
	int y, m, d;
	return sscanf(s, "%d-%d-%d", &y, &m, &d) == 3 ? day_number(y, m, d) : 0;
}

static const char *midnight(struct req *r, long day)
{
	char d[11];
	day_from_number(day, d);
	return arena_printf(r->a, "%s 00:00:00", d);
}

/* Sums the decisions of the days that have ended since the state's seen_at (at first, since the first
 * decision). A db_rc. */
static int decisions(struct req *r, long long *rows)
{
	time_t t = r->now - DECISIONS_MARGIN;
	struct tm tm;
	localtime_r(&t, &tm);
	long cutoff = day_number(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	struct dbres st;
	int rc = db_exec(r->db, r->a, Q_RPT_ROLLUP_GET, &st, "s", "decisions");
	if (rc != DB_OK)
		return rc;
	long from;
	int known = st.nrows && dbres_get(&st, 0, RU_SEEN_AT)[0];
	if (known) {
		from = day_of_text(dbres_get(&st, 0, RU_SEEN_AT));
	} else {
		struct dbres first;
		if ((rc = db_exec(r->db, r->a, Q_RPT_DECISIONS_FIRST, &first, "")) != DB_OK)
			return rc;
		from = dbres_get(&first, 0, 0)[0] ? day_of_text(dbres_get(&first, 0, 0)) : cutoff;
		if (from > cutoff)
			from = cutoff;
	}
	struct decisions_ctx c = { .r = r };
	/* at first, the state even with nothing to sum: the pages read the requests since then */
	for (int k = 0; k < DECISIONS_CHUNKS && (from < cutoff || (k == 0 && !known)); k++) {
		long to = from + DECISIONS_DAYS < cutoff ? from + DECISIONS_DAYS : cutoff;
		if (to < from)
			break;                    /* the clock went back: nothing to sum */
		c.from = midnight(r, from);
		c.to = midnight(r, to);
		if ((rc = db_txn(r->db, decisions_txn, &c)) != DB_OK)
			return rc;
		from = to;
	}
	*rows += c.rows;
	return DB_OK;
}

const char *rollup_as_of(struct req *r, const char *name)
{
	struct dbres res;
	if (db_exec(r->db, r->a, Q_RPT_ROLLUP_GET, &res, "s", name) != DB_OK || res.nrows == 0 ||
	    strcmp(dbres_get(&res, 0, RU_BUILT), "2000-01-01 00:00:00") == 0)
		return "";
	return dbres_get(&res, 0, RU_BUILT);
}

static int rollups(struct req *r, long long *n)
{
	const char *today = day_text(r, 0);
	const struct rebuild clients = { "clients", Q_RPT_CLIENTS_CLEAR, Q_RPT_CLIENTS_FILL, today };
	const struct rebuild loans_open = { "loans_open", Q_RPT_LOANS_OPEN_CLEAR, Q_RPT_LOANS_OPEN_FILL, r->now_text };
	const struct rebuild retention = { "retention", Q_RPT_RETENTION_CLEAR, Q_RPT_RETENTION_FILL, NULL };
	int rc = rebuilt(r, &clients, n);
	if (rc == DB_OK)
		rc = rebuilt(r, &loans_open, n);
	if (rc == DB_OK && strncmp(rollup_as_of(r, "retention"), today, 10) != 0)   /* not yet today */
		rc = rebuilt(r, &retention, n);
	if (rc == DB_OK)
		rc = incremental(r, "views", Q_RPT_VIEWS_MAX, Q_RPT_VIEWS_ADD, n);
	if (rc == DB_OK)
		rc = incremental(r, "visits", Q_RPT_VISITS_MAX, Q_RPT_VISITS_ADD, n);
	if (rc == DB_OK)
		rc = incremental(r, "new", Q_RPT_NEW_MAX, Q_RPT_NEW_ADD, n);
	if (rc == DB_OK)
		rc = incremental(r, "changes", Q_RPT_CHANGES_MAX, Q_RPT_CHANGES_ADD, n);
	if (rc == DB_OK)
		rc = incremental(r, "loans", Q_RPT_LOANS_MAX, Q_RPT_LOANS_ADD, n);
	if (rc == DB_OK)
		rc = incremental(r, "files", Q_RPT_FILES_MAX, Q_RPT_FILES_ADD, n);
	if (rc == DB_OK)
		rc = decisions(r, n);
	return rc;
}

int reports_rollup(struct req *r, long long *n)
{
	*n = 0;
	int rc = db_exec(r->db, r->a, Q_RPT_READ_COMMITTED, NULL, "");
	if (rc == DB_OK)
		rc = rollups(r, n);
	/* the connection's next task reads as the app does (a reconnect on the way has done so already) */
	int back = db_exec(r->db, r->a, Q_RPT_REPEATABLE_READ, NULL, "");
	return rc != DB_OK ? rc : back;
}
