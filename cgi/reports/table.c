/* table.c — the reports: one row each (name, title, who may open it, its
 * fill function, its sections with typed columns and chart kind). A fill
 * function runs the section's statements with the filter and turns their
 * rows into cells; everything else (scope, page, exports) is pages.c's and
 * export.c's. DESIGN.md §10, README "Reports". */
#include "reports.h"
#include "sql.h"
#include "core/workdays.h"
#include <string.h>

#define MANAGERS (ROLE_DEPT_MANAGER | ROLE_DIRECTOR | ROLE_DEPUTY_GM | ROLE_GM)
#define TOP (ROLE_DIRECTOR | ROLE_DEPUTY_GM | ROLE_GM)
/* who reads the view log of a person (/admin/views, the clients domain's rule) */
#define LOG_READERS (ROLE_AUDITOR | ROLE_DIRECTOR | ROLE_GM)

/* ---- helpers ------------------------------------------------------------------------------ */

const char **rsection_row(struct req *r, struct rsection *s, const char *key)
{
	if (s->nrows == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		const char ***cells = arena_alloc(r->a, cap * sizeof *cells);
		const char **keys = arena_alloc(r->a, cap * sizeof *keys);
		if (s->nrows) {
			memcpy(cells, s->cells, s->nrows * sizeof *cells);
			memcpy(keys, s->keys, s->nrows * sizeof *keys);
		}
		s->cells = cells;
		s->keys = keys;
		s->cap = cap;
	}
	const char **row = arena_alloc(r->a, RCOLS_MAX * sizeof *row);
	for (size_t j = 0; j < RCOLS_MAX; j++)
		row[j] = "";
	s->cells[s->nrows] = row;
	s->keys[s->nrows] = key;
	s->nrows++;
	return row;
}

void rsection_rows(struct req *r, struct rsection *s, const struct dbres *res)
{
	for (size_t i = 0; i < res->nrows; i++) {
		const char **row = rsection_row(r, s, dbres_get(res, i, 0));
		for (size_t j = 0; j < s->def->ncols; j++)
			row[j] = dbres_get(res, i, j + 1);
	}
}

void rsection_rows_capped(struct req *r, struct rsection *s, const struct dbres *res, long long limit)
{
	struct dbres first = *res;
	if ((long long)first.nrows > limit) {
		first.nrows = (size_t)limit;
		s->more = 1;
	}
	rsection_rows(r, s, &first);
}

const char *ratio_text(struct req *r, long long part, long long whole)
{
	if (whole <= 0)
		return "";
	return arena_printf(r->a, "%.4f", (double)part / (double)whole);
}

static int en(const struct req *r)
{
	return strcmp(r->lang, "en") == 0;
}

/* Runs q with the department filter (and the parameters before it) into sec. */
#define FILL(q, sec, ...) do { \
		struct dbres res_; \
		if (db_exec(r->db, r->a, q, &res_, __VA_ARGS__) != DB_OK) \
			return db_fail(r); \
		rsection_rows(r, sec, &res_); \
	} while (0)
/* The same for the lists of people and items: q ends in LIMIT ?, which gets
 * the filter's rows and one more (a type 'i' after types). */
#define FILL_CAPPED(q, sec, types, ...) do { \
		struct dbres res_; \
		if (db_exec(r->db, r->a, q, &res_, types "i", __VA_ARGS__, f->rows + 1) != DB_OK) \
			return db_fail(r); \
		rsection_rows_capped(r, sec, &res_, f->rows); \
	} while (0)

/* An empty label (no grade, no region) reads "—" and links nowhere. */
static void name_blanks(struct rsection *s)
{
	for (size_t i = 0; i < s->nrows; i++)
		if (s->cells[i][0][0] == '\0' || strcmp(s->keys[i], "0") == 0) {
			s->cells[i][0] = "—";
			s->keys[i] = NULL;
		}
}

/* ---- 1. client structure ----------------------------------------------------------------- */

static const struct rsection_def structure_secs[] = {
	{ .key = "by_grade", .ncols = 2, .chart = CHART_BARS, .values = { 1 },
	  .cols = { { "grade", COL_TEXT }, { "cards", COL_INT } },
	  .link = "/clients?grade=", .link_dept = 1, .totals = 1, .rollup = "clients" },
	{ .key = "by_lifecycle", .ncols = 2, .chart = CHART_BARS, .values = { 1 },
	  .cols = { { "lifecycle", COL_TEXT }, { "cards", COL_INT } },
	  .link = "/clients?lifecycle=", .link_dept = 1, .totals = 1, .rollup = "clients" },
	{ .key = "by_nature", .ncols = 2, .chart = CHART_BARS, .values = { 1 },
	  .cols = { { "nature", COL_TEXT }, { "cards", COL_INT } },
	  .link = "/clients?nature=", .link_dept = 1, .totals = 1, .rollup = "clients" },
	{ .key = "by_region", .ncols = 2, .chart = CHART_BARS, .values = { 1 },
	  .cols = { { "region", COL_TEXT }, { "cards", COL_INT } },
	  .link = "/clients?region=", .link_dept = 1, .totals = 1, .rollup = "clients" },
	{ .key = "by_owner", .ncols = 3, .chart = CHART_BARS, .values = { 1 },
	  .cols = { { "owner", COL_TEXT }, { "cards", COL_INT }, { "in_pool", COL_INT } },
	  .link = "/clients?owner=", .link_dept = 1, .totals = 1, .rollup = "clients" },
	{ .key = "quota", .ncols = 6, .chart = CHART_QUOTA, .values = { 3, 5 },
	  .cols = { { "dept", COL_TEXT }, { "cards", COL_INT }, { "vip", COL_INT }, { "vip_share", COL_PERCENT },
		    { "preferred", COL_INT }, { "preferred_share", COL_PERCENT } },
	  .link = "/clients?dept=", .totals = 1, .rollup = "clients" },
};

static int fill_structure(struct req *r, const struct rfilter *f, struct rsection *s)
{
	FILL(Q_RPT_BY_GRADE, &s[0], "iii", (long long)en(r), f->dept, f->dept);
	name_blanks(&s[0]);
	FILL(Q_RPT_BY_LIFECYCLE, &s[1], "ii", f->dept, f->dept);
	for (size_t i = 0; i < s[1].nrows; i++)
		s[1].cells[i][0] = lang_text(r, arena_printf(r->a, "client.opt.lifecycle.%s", s[1].cells[i][0]));
	FILL(Q_RPT_BY_NATURE, &s[2], "iii", (long long)en(r), f->dept, f->dept);
	name_blanks(&s[2]);
	FILL(Q_RPT_BY_REGION, &s[3], "iii", (long long)en(r), f->dept, f->dept);
	name_blanks(&s[3]);
	FILL_CAPPED(Q_RPT_BY_OWNER, &s[4], "ii", f->dept, f->dept);
	FILL(Q_RPT_QUOTA, &s[5], "ii", f->dept, f->dept);
	return 0;
}

/* ---- 3. follow-up compliance ------------------------------------------------------------- */

static const struct rsection_def follow_secs[] = {
	{ .key = "follow_visits", .ncols = 5, .chart = CHART_STACKED, .values = { 2, 3 },
	  .cols = { { "owner", COL_TEXT }, { "visits", COL_INT }, { "on_time", COL_INT }, { "late", COL_INT },
		    { "on_time_share", COL_PERCENT } },
	  .link = "/clients?owner=", .link_dept = 1, .totals = 1, .rollup = "visits" },
	{ .key = "follow_overdue", .ncols = 4, .chart = CHART_BARS, .values = { 2 },
	  .cols = { { "owner", COL_TEXT }, { "cards", COL_INT }, { "overdue", COL_INT },
		    { "overdue_share", COL_PERCENT } },
	  .link = "/clients?due=overdue&owner=", .link_dept = 1, .totals = 1, .rollup = "clients" },
};

static int fill_follow(struct req *r, const struct rfilter *f, struct rsection *s)
{
	FILL_CAPPED(Q_RPT_FOLLOW_VISITS, &s[0], "ssssssii", PERIOD_PARAMS(f), f->dept, f->dept);
	FILL_CAPPED(Q_RPT_FOLLOW_OVERDUE, &s[1], "ii", f->dept, f->dept);
	return 0;
}

/* ---- 5. circulation ---------------------------------------------------------------------- */

static const struct rsection_def circulation_secs[] = {
	{ .key = "loans_secrecy", .ncols = 5, .chart = CHART_STACKED, .values = { 2, 3 },
	  .cols = { { "secrecy", COL_TEXT }, { "out", COL_INT }, { "in_time", COL_INT }, { "overdue", COL_INT },
		    { "lent", COL_INT } },
	  .totals = 1, .rollup = "loans" },
	{ .key = "loans_borrower", .ncols = 3, .chart = CHART_BARS, .values = { 1 },
	  .cols = { { "borrower", COL_TEXT }, { "out", COL_INT }, { "overdue", COL_INT } },
	  .totals = 1, .rollup = "loans_open" },
	{ .key = "lost", .ncols = 4, .chart = CHART_NONE, .values = { 0 },
	  .cols = { { "archive_no", COL_TEXT }, { "title", COL_TEXT }, { "day", COL_DATE },
		    { "borrower", COL_TEXT } },
	  .link = "/archive/items/" },
};

static int fill_circulation(struct req *r, const struct rfilter *f, struct rsection *s)
{
	FILL(Q_RPT_LOANS_SECRECY, &s[0], "iissssssii", f->dept, f->dept, PERIOD_PARAMS(f), f->dept, f->dept);
	for (size_t i = 0; i < s[0].nrows; i++)
		s[0].cells[i][0] = lang_text(r, arena_printf(r->a, "archive.secrecy.%s", s[0].cells[i][0]));
	FILL_CAPPED(Q_RPT_LOANS_BORROWER, &s[1], "ii", f->dept, f->dept);
	FILL_CAPPED(Q_RPT_LOST, &s[2], "ssii", f->from_time, f->to_time, f->dept, f->dept);
	return 0;
}

/* ---- 6. access audit --------------------------------------------------------------------- */

static const struct rsection_def access_secs[] = {
	{ .key = "views_user", .ncols = 4, .chart = CHART_STACKED, .values = { 1, 2 },
	  .cols = { { "viewer", COL_TEXT }, { "views", COL_INT }, { "denied", COL_INT }, { "by_grant", COL_INT } },
	  .link = "/admin/views?user=", .totals = 1, .rollup = "views", .link_period = 1, .link_roles = LOG_READERS },
	{ .key = "views_card", .ncols = 3, .chart = CHART_BARS, .values = { 1 },
	  .cols = { { "card", COL_TEXT }, { "views", COL_INT }, { "denied", COL_INT } },
	  .link = "/clients/", .link_after = "/views", .link_period = 1, .link_roles = TOP },
	{ .key = "grants", .ncols = 2, .chart = CHART_BARS, .values = { 1 },
	  .cols = { { "requester", COL_TEXT }, { "granted", COL_INT } },
	  .totals = 1 },
	{ .key = "downloads", .ncols = 4, .chart = CHART_BARS, .values = { 1 },
	  .cols = { { "reader", COL_TEXT }, { "downloads", COL_INT }, { "inline", COL_INT }, { "refused", COL_INT } },
	  .totals = 1, .rollup = "files" },
};

static int fill_access(struct req *r, const struct rfilter *f, struct rsection *s)
{
	FILL_CAPPED(Q_RPT_VIEWS_USER, &s[0], "ssssssii", PERIOD_PARAMS(f), f->dept, f->dept);
	FILL(Q_RPT_VIEWS_CARD, &s[1], "ssii", f->from_time, f->to_time, f->dept, f->dept);
	FILL_CAPPED(Q_RPT_GRANTS, &s[2], "ssssssiissii", PERIOD_PARAMS(f), f->dept, f->dept, f->from_time, f->to_time, f->dept,
		    f->dept);
	FILL_CAPPED(Q_RPT_DOWNLOADS, &s[3], "ssssssii", PERIOD_PARAMS(f), f->dept, f->dept);
	return 0;
}

/* ---- 2. new clients and filing timeliness ------------------------------------------------- */

static const struct rsection_def new_secs[] = {
	{ .key = "new_by_period", .ncols = 4, .chart = CHART_LINE, .values = { 1 },
	  .cols = { { "period", COL_TEXT }, { "new", COL_INT }, { "filed_late", COL_INT },
		    { "late_share", COL_PERCENT } },
	  .totals = 1, .rollup = "new" },
	{ .key = "filing_person", .ncols = 5, .chart = CHART_STACKED, .values = { 2, 3 },
	  .cols = { { "registrant", COL_TEXT }, { "new", COL_INT }, { "filed_in_time", COL_INT },
		    { "filed_late", COL_INT }, { "late_share", COL_PERCENT } },
	  .totals = 1, .rollup = "new" },
	{ .key = "changes_person", .ncols = 5, .chart = CHART_STACKED, .values = { 2, 3 },
	  .cols = { { "reporter", COL_TEXT }, { "changes", COL_INT }, { "reported_in_time", COL_INT },
		    { "reported_late", COL_INT }, { "late_share", COL_PERCENT } },
	  .totals = 1, .rollup = "changes" },
};

/* Weeks (by their Monday) for a period shorter than 13 weeks, else months;
 * a week or month without new cards is a row of zeros, so the line keeps
 * its time scale. */
static int fill_new(struct req *r, const struct rfilter *f, struct rsection *s)
{
	int y1, m1, d1, y2, m2, d2;
	sscanf(f->from, "%d-%d-%d", &y1, &m1, &d1);
	sscanf(f->to, "%d-%d-%d", &y2, &m2, &d2);
	long first = day_number(y1, m1, d1), last = day_number(y2, m2, d2);
	int weekly = last - first < 92;
	struct dbres res;
	int rc = weekly ? db_exec(r->db, r->a, Q_RPT_NEW_WEEKLY, &res, "ssii", f->from, f->to, f->dept, f->dept)
			: db_exec(r->db, r->a, Q_RPT_NEW_MONTHLY, &res, "ssssssii", PERIOD_PARAMS(f), f->dept, f->dept);
	if (rc != DB_OK)
		return db_fail(r);
	size_t k = 0;
	for (long d = weekly ? first - weekday_of(first) : first; d <= last;) {
		char day[11];
		day_from_number(d, day);
		const char *label = weekly ? arena_strndup(r->a, day, 10) : arena_strndup(r->a, day, 7);
		const char **row = rsection_row(r, &s[0], NULL);
		row[0] = label;
		row[1] = row[2] = "0";
		if (k < res.nrows && strcmp(dbres_get(&res, k, 0), label) == 0) {
			for (size_t j = 1; j < 4; j++)
				row[j] = dbres_get(&res, k, j + 1);
			k++;
		}
		if (weekly) {
			d += 7;
		} else {
			int y, m, dd;
			sscanf(day, "%d-%d-%d", &y, &m, &dd);
			d = day_number(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1);
		}
	}
	FILL_CAPPED(Q_RPT_FILING_PERSON, &s[1], "ssssssii", PERIOD_PARAMS(f), f->dept, f->dept);
	FILL_CAPPED(Q_RPT_CHANGES_PERSON, &s[2], "ssssssii", PERIOD_PARAMS(f), f->dept, f->dept);
	return 0;
}

/* ---- 4. pool ------------------------------------------------------------------------------ */

static const struct rsection_def pool_secs[] = {
	{ .key = "pool_owner", .ncols = 3, .chart = CHART_BARS, .values = { 1 },
	  .cols = { { "owner", COL_TEXT }, { "protected", COL_INT }, { "expiring", COL_INT } },
	  .link = "/clients?lifecycle=prospect&owner=", .link_dept = 1, .totals = 1 },
	{ .key = "pool_dept", .ncols = 3, .chart = CHART_BARS, .values = { 1 },
	  .cols = { { "dept", COL_TEXT }, { "in_pool", COL_INT }, { "returned", COL_INT } },
	  .totals = 1 },
};

static int fill_pool(struct req *r, const struct rfilter *f, struct rsection *s)
{
	FILL_CAPPED(Q_RPT_POOL_OWNER, &s[0], "ssii", day_text(r, 14), f->today, f->dept, f->dept);
	FILL(Q_RPT_POOL_DEPT, &s[1], "ssii", f->from_time, f->to_time, f->dept, f->dept);
	return 0;
}

/* ---- 7. approvals ------------------------------------------------------------------------- */

static const struct rsection_def approvals_secs[] = {
	{ .key = "pending", .ncols = 5, .chart = CHART_STACKED, .values = { 2, 3 },
	  .cols = { { "approver", COL_TEXT }, { "pending", COL_INT }, { "waiting_short", COL_INT },
		    { "waiting_long", COL_INT }, { "oldest", COL_DATE } },
	  .totals = 1 },
	{ .key = "decisions", .ncols = 5, .chart = CHART_BARS, .values = { 1 },
	  .cols = { { "kind", COL_TEXT }, { "decided", COL_INT }, { "approved", COL_INT }, { "rejected", COL_INT },
		    { "hours", COL_NUMBER } },
	  .totals = 1 },
};

static int fill_approvals(struct req *r, const struct rfilter *f, struct rsection *s)
{
	const char *three_days_ago = time_text(r, -3 * 86400);
	FILL_CAPPED(Q_RPT_PENDING, &s[0], "ssii", three_days_ago, three_days_ago, f->dept, f->dept);
	FILL(Q_RPT_DECISIONS, &s[1], "ssssssiissii", PERIOD_PARAMS(f), f->dept, f->dept, f->from_time, f->to_time, f->dept,
	     f->dept);
	for (size_t i = 0; i < s[1].nrows; i++)
		s[1].cells[i][0] = lang_text(r, arena_printf(r->a, "request.types.%s", s[1].cells[i][0]));
	return 0;
}

/* ---- 8. complaints and satisfaction ------------------------------------------------------- */

static const struct rsection_def complaints_secs[] = {
	{ .key = "complaints", .ncols = 6, .chart = CHART_STACKED, .values = { 3, 4 },
	  .cols = { { "dept", COL_TEXT }, { "received", COL_INT }, { "urgent", COL_INT },
		    { "answered_in_time", COL_INT }, { "overdue", COL_INT }, { "reopened", COL_INT } },
	  .totals = 1 },
	{ .key = "surveys_dept", .ncols = 5, .chart = CHART_BARS, .values = { 4 },
	  .cols = { { "dept", COL_TEXT }, { "surveys", COL_INT }, { "service", COL_NUMBER }, { "price", COL_NUMBER },
		    { "overall", COL_NUMBER } },
	  .totals = 1 },
	{ .key = "surveys_grade", .ncols = 5, .chart = CHART_BARS, .values = { 4 },
	  .cols = { { "grade", COL_TEXT }, { "surveys", COL_INT }, { "service", COL_NUMBER },
		    { "price", COL_NUMBER }, { "overall", COL_NUMBER } },
	  .totals = 1 },
};

static int fill_complaints(struct req *r, const struct rfilter *f, struct rsection *s)
{
	FILL(Q_RPT_COMPLAINTS, &s[0], "sssii", f->today, f->from_time, f->to_time, f->dept, f->dept);
	FILL(Q_RPT_SURVEYS_DEPT, &s[1], "ssii", f->from, f->to, f->dept, f->dept);
	FILL(Q_RPT_SURVEYS_GRADE, &s[2], "issii", (long long)en(r), f->from, f->to, f->dept, f->dept);
	name_blanks(&s[2]);
	return 0;
}

/* ---- 9. retention and destruction ---------------------------------------------------------- */

static const struct rsection_def retention_secs[] = {
	{ .key = "retention", .ncols = 3, .chart = CHART_BARS, .values = { 1 },
	  .cols = { { "retention", COL_TEXT }, { "due_by_end", COL_INT }, { "due_now", COL_INT } },
	  .totals = 1, .rollup = "retention" },
	{ .key = "destroyed", .ncols = 5, .chart = CHART_NONE, .values = { 0 },
	  .cols = { { "archive_no", COL_TEXT }, { "title", COL_TEXT }, { "card", COL_TEXT },
		    { "doc_date", COL_DATE }, { "destroyed_on", COL_DATE } } },
};

static int fill_retention(struct req *r, const struct rfilter *f, struct rsection *s)
{
	const char *to_month = arena_printf(r->a, "%.8s01", f->to), *today_month = arena_printf(r->a, "%.8s01", f->today);
	FILL(Q_RPT_RETENTION, &s[0], "ssssssssssii", to_month, to_month, f->to, today_month, today_month, f->today,
	     to_month, f->to, today_month, f->today, f->dept, f->dept);
	for (size_t i = 0; i < s[0].nrows; i++)
		s[0].cells[i][0] = lang_text(r, arena_printf(r->a, "report.retention.%s", s[0].cells[i][0]));
	FILL_CAPPED(Q_RPT_DESTROYED, &s[1], "ssii", f->from, f->to, f->dept, f->dept);
	return 0;
}

/* ---- the table ---------------------------------------------------------------------------- */

#define SECS(a) a, sizeof(a) / sizeof((a)[0])
const struct report reports[] = {
	{ "follow-up", "follow_up", MANAGERS, TOP, fill_follow, SECS(follow_secs) },
	{ "clients", "clients", MANAGERS, TOP, fill_structure, SECS(structure_secs) },
	{ "circulation", "circulation", MANAGERS, TOP, fill_circulation, SECS(circulation_secs) },
	{ "access", "access", MANAGERS | ROLE_AUDITOR, TOP | ROLE_AUDITOR, fill_access, SECS(access_secs) },
	{ "new-clients", "new_clients", MANAGERS, TOP, fill_new, SECS(new_secs) },
	{ "pool", "pool", MANAGERS, TOP, fill_pool, SECS(pool_secs) },
	{ "approvals", "approvals", MANAGERS, TOP, fill_approvals, SECS(approvals_secs) },
	{ "complaints", "complaints", MANAGERS, TOP, fill_complaints, SECS(complaints_secs) },
	{ "retention", "retention", MANAGERS, TOP, fill_retention, SECS(retention_secs) },
	{ NULL, NULL, 0, 0, NULL, NULL, 0 },
};
