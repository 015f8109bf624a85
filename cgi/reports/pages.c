/* pages.c — the reports' pages: /reports (the reports the reader may open)
 * and /reports/<name> with its filter (department within the reader's scope,
 * period), totals, tables, charts and drill-down links; .csv and .xlsx of the
 * same report go to export.c. Deny by default: a report not in the table, or
 * one the reader's roles do not open, is 404 or 403 before any query. */
#include "reports.h"
#include "chart.h"
#include "sql.h"
#include "core/form.h"
#include "core/workdays.h"
#include <stdlib.h>
#include <string.h>

static const char *const periods[] = { "week", "month", "last_month", "year", "custom", NULL };

static const char *date_of(struct req *r, long n)
{
	char *out = arena_alloc(r->a, 11);
	day_from_number(n, out);
	return out;
}

/* The period of a preset, relative to today. */
static void preset(struct req *r, const char *name, struct rfilter *f)
{
	int y, m, d;
	sscanf(f->today, "%d-%d-%d", &y, &m, &d);
	long today = day_number(y, m, d);
	if (strcmp(name, "week") == 0) {
		f->from = date_of(r, today - weekday_of(today));
		f->to = date_of(r, today - weekday_of(today) + 6);
	} else if (strcmp(name, "last_month") == 0) {
		int py = m == 1 ? y - 1 : y, pm = m == 1 ? 12 : m - 1;
		f->from = date_of(r, day_number(py, pm, 1));
		f->to = date_of(r, day_number(y, m, 1) - 1);
	} else if (strcmp(name, "year") == 0) {
		f->from = date_of(r, day_number(y, 1, 1));
		f->to = date_of(r, day_number(y, 12, 31));
	} else {   /* month */
		int ny = m == 12 ? y + 1 : y, nm = m == 12 ? 1 : m + 1;
		f->from = date_of(r, day_number(y, m, 1));
		f->to = date_of(r, day_number(ny, nm, 1) - 1);
	}
}

/* The day number of the first day of the month after day number n. */
static long next_month(long n)
{
	char day[11];
	day_from_number(n, day);
	int y, m, d;
	sscanf(day, "%d-%d-%d", &y, &m, &d);
	return day_number(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1);
}

/* The whole months of [from, to] (day numbers) and its edges, for the summary tables kept by day and month. */
static void period_grains(struct req *r, struct rfilter *f, long from, long to)
{
	long first_month = next_month(from - 1);   /* from itself when it is a 1st */
	char to_day[11];
	day_from_number(to, to_day);
	int y, m, d;
	sscanf(to_day, "%d-%d-%d", &y, &m, &d);
	/* the last day of the last whole month: to when it ends its month, else the day before its month */
	long last_month_end = next_month(to) - 1 == to ? to : day_number(y, m, 1) - 1;
	if (first_month <= last_month_end) {
		f->months_from = date_of(r, first_month);
		f->months_to = arena_printf(r->a, "%.8s01", date_of(r, last_month_end));
		f->edge1_from = f->from;
		f->edge1_to = date_of(r, first_month);
		f->edge2_from = date_of(r, last_month_end);
		f->edge2_to = f->to;
	} else {
		f->months_from = "9999-12-01";
		f->months_to = "1000-01-01";
		f->edge1_from = f->from;
		f->edge1_to = date_of(r, to + 1);
		f->edge2_from = f->to;
		f->edge2_to = f->to;
	}
}

static void filter_times(struct req *r, struct rfilter *f);

/* Page.error_message and the status for a filter that cannot be read. */
static int bad_filter(struct req *r, int status, const char *key)
{
	view_set(r, "Page.error_message", lang_text(r, key));
	return status;
}

/* Reads ?dept=&period=&from=&to= against the reader's scope into *f.
 * 0, or an HTTP status (400 a malformed value, 403 a department outside the scope). */
static int read_filter(struct req *r, const struct report *rep, struct rfilter *f)
{
	memset(f, 0, sizeof *f);
	f->today = day_text(r, 0);
	int all = req_has_role(r, rep->all_depts);
	const char *dept = req_query(r, "dept");
	if (dept != NULL && dept[0] != '\0') {
		f->dept = text_id(dept);
		if (f->dept <= 0)
			return bad_filter(r, 400, "report.bad_dept");
		if (dept_subtree(r, f->dept, NULL, 0) == 0)   /* not a department */
			return bad_filter(r, 400, "report.bad_dept");
		if (!all && !dept_within(r, f->dept, r->user->dept_id))
			return bad_filter(r, 403, "report.not_your_dept");
	} else if (!all) {
		f->dept = r->user->dept_id;
	}
	const char *from = req_query(r, "from"), *to = req_query(r, "to"), *period = req_query(r, "period");
	int custom = (from && from[0]) || (to && to[0]);
	if (period && period[0] && form_choice_index(periods, period) < 0)
		return bad_filter(r, 400, "report.bad_period");
	if (custom && (!period || !period[0] || strcmp(period, "custom") == 0)) {
		if (!from || !to || !form_date_ok(from) || !form_date_ok(to))
			return bad_filter(r, 400, "report.bad_dates");
		if (strcmp(from, to) > 0)
			return bad_filter(r, 400, "report.dates_reversed");
		f->from = from;
		f->to = to;
		f->period = "custom";
	} else {
		f->period = period && period[0] && strcmp(period, "custom") != 0 ? period : "month";
		preset(r, f->period, f);
	}
	int y, m, d;
	sscanf(f->to, "%d-%d-%d", &y, &m, &d);
	long to_n = day_number(y, m, d);
	sscanf(f->from, "%d-%d-%d", &y, &m, &d);
	if (to_n - day_number(y, m, d) > 3 * 366)
		return bad_filter(r, 400, "report.too_long");
	filter_times(r, f);
	return 0;
}

/* from_time, to_time and the summary tables' grains of f's from and to. */
static void filter_times(struct req *r, struct rfilter *f)
{
	int y, m, d;
	sscanf(f->to, "%d-%d-%d", &y, &m, &d);
	long to_n = day_number(y, m, d);
	sscanf(f->from, "%d-%d-%d", &y, &m, &d);
	f->from_time = arena_printf(r->a, "%s 00:00:00", f->from);
	f->to_time = arena_printf(r->a, "%s 00:00:00", date_of(r, to_n + 1));
	period_grains(r, f, day_number(y, m, d), to_n);
}

void reports_filter(struct req *r, struct rfilter *f, long long dept, const char *from, const char *to)
{
	memset(f, 0, sizeof *f);
	f->today = day_text(r, 0);
	f->rows = RPT_EXPORT_ROWS;
	f->dept = dept;
	f->from = from;
	f->to = to;
	f->period = "custom";
	filter_times(r, f);
}

/* The report of the path (/reports/<name>[.ext]), or NULL; *ext the extension or "". */
static const struct report *report_of(struct req *r, const char **ext)
{
	const char *name = r->path + strlen("/reports/");
	const char *dot = strchr(name, '.');
	size_t len = dot ? (size_t)(dot - name) : strlen(name);
	*ext = dot ? dot + 1 : "";
	for (const struct report *p = reports; p->name; p++)
		if (strlen(p->name) == len && strncmp(p->name, name, len) == 0)
			return p;
	return NULL;
}

/* s percent-encoded for a query value (letters, digits and -._~ kept). */
static const char *url_escape_text(struct req *r, const char *s)
{
	struct buf b;
	buf_init(&b);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-._~", *p))
			buf_append(&b, p, 1);
		else
			buf_printf(&b, "%%%02X", *p);
	const char *out = arena_strndup(r->a, buf_cstr(&b), b.len);
	buf_free(&b);
	return out;
}

const char *cell_display(struct req *r, enum col_type t, const char *v)
{
	if (v[0] == '\0')
		return v;
	if (t == COL_INT)
		return text_thousands(r, atoll(v));
	if (t == COL_PERCENT)
		return arena_printf(r->a, "%.1f %%", strtod(v, NULL) * 100.0);
	return v;
}

/* The query of the filter, for links to other formats and presets ("dept=1&from=…&to=…"). */
static const char *filter_query(struct req *r, const struct rfilter *f)
{
	if (f->dept == 0)   /* every department: no dept= (0 is no department) */
		return arena_printf(r->a, "from=%s&to=%s", f->from, f->to);
	return arena_printf(r->a, "dept=%lld&from=%s&to=%s", f->dept, f->from, f->to);
}

static void view_filter(struct req *r, const struct report *rep, const struct rfilter *f)
{
	view_set_int(r, "Filter.dept", f->dept);
	view_set(r, "Filter.from", f->from);
	view_set(r, "Filter.to", f->to);
	view_set(r, "Filter.period", f->period);
	view_set(r, "Filter.query", filter_query(r, f));
	int all = req_has_role(r, rep->all_depts);
	if (all)
		view_set(r, "Filter.all_allowed", "1");
	struct dbres d;
	if (db_exec(r->db, r->a, Q_RPT_DEPTS, &d, "") != DB_OK)
		return;
	size_t k = 0;
	for (size_t i = 0; i < d.nrows; i++) {
		long long id = dbres_int(&d, i, 0);
		if (!all && !dept_within(r, id, r->user->dept_id))
			continue;
		view_set(r, arena_printf(r->a, "Depts.%zu.id", k), dbres_get(&d, i, 0));
		view_set(r, arena_printf(r->a, "Depts.%zu.name", k), dbres_get(&d, i, 1));
		k++;
	}
}

/* Section i of the page: headers, rows with links, totals, the chart. */
static void view_section(struct req *r, const struct rfilter *f, const struct rsection *s, size_t i)
{
	const struct rsection_def *d = s->def;
	const char *p = arena_printf(r->a, "Sections.%zu", i);
	const char *title = lang_text(r, arena_printf(r->a, "report.sec.%s", d->key));
	view_set(r, arena_printf(r->a, "%s.key", p), d->key);
	view_set(r, arena_printf(r->a, "%s.title", p), title);
	view_set(r, arena_printf(r->a, "%s.as_of", p), s->as_of);
	if (s->more)
		view_set(r, arena_printf(r->a, "%s.more", p), lang_text(r, "report.rows_limit"));
	if (d->rollup)
		view_set(r, arena_printf(r->a, "%s.rollup", p), "1");
	const char *names[RCOLS_MAX];
	long long totals[RCOLS_MAX] = { 0 };
	for (size_t j = 0; j < d->ncols; j++) {
		names[j] = lang_text(r, arena_printf(r->a, "report.col.%s", d->cols[j].key));
		view_set(r, arena_printf(r->a, "%s.cols.%zu.label", p, j), names[j]);
		if (d->cols[j].type != COL_TEXT && d->cols[j].type != COL_DATE)
			view_set(r, arena_printf(r->a, "%s.cols.%zu.num", p, j), "1");
	}
	for (size_t k = 0; k < s->nrows; k++) {
		const char *rp = arena_printf(r->a, "%s.rows.%zu", p, k);
		for (size_t j = 0; j < d->ncols; j++) {
			const char *cp = arena_printf(r->a, "%s.%zu", rp, j);
			view_set(r, arena_printf(r->a, "%s.v", cp), cell_display(r, d->cols[j].type, s->cells[k][j]));
			if (d->cols[j].type == COL_INT)
				totals[j] += atoll(s->cells[k][j]);
		}
		if (d->link && s->keys[k] != NULL && (d->link_roles == 0 || req_has_role(r, d->link_roles))) {
			const char *href = arena_printf(r->a, "%s%s%s", d->link, url_escape_text(r, s->keys[k]),
							d->link_after ? d->link_after : "");
			if (d->link_dept && f->dept > 0)
				href = arena_printf(r->a, "%s&dept=%lld", href, f->dept);
			if (d->link_period)
				href = arena_printf(r->a, "%s%cfrom=%s&to=%s", href, strchr(href, '?') ? '&' : '?', f->from, f->to);
			view_set(r, arena_printf(r->a, "%s.0.href", rp), href);
		}
	}
	if (d->totals && s->nrows > 0)
		for (size_t j = 0; j < d->ncols; j++)
			view_set(r, arena_printf(r->a, "%s.totals.%zu", p, j),
				 j == 0 ? lang_text(r, "report.total")
					: d->cols[j].type == COL_INT ? text_thousands(r, totals[j]) : "");
	const char *svg = chart_svg(r, s, title, names);
	if (svg)
		view_set(r, arena_printf(r->a, "%s.chart", p), svg);
}

int reports_fill(struct req *r, const struct report *rep, const struct rfilter *f, struct rsection *secs)
{
	for (size_t i = 0; i < rep->nsections; i++) {
		memset(&secs[i], 0, sizeof secs[i]);
		secs[i].def = &rep->sections[i];
		secs[i].as_of = r->now_text;
		if (secs[i].def->rollup == NULL)
			continue;
		/* the same summary table as an earlier section: its time once */
		for (size_t j = 0; j < i; j++)
			if (secs[j].def->rollup && strcmp(secs[j].def->rollup, secs[i].def->rollup) == 0)
				secs[i].as_of = secs[j].as_of;
		if (secs[i].as_of == r->now_text) {
			const char *at = rollup_as_of(r, secs[i].def->rollup);
			secs[i].as_of = at[0] ? at : lang_text(r, "report.never_built");
		}
	}
	return rep->fill(r, f, secs);
}

int reports_show(struct req *r)
{
	const char *ext;
	const struct report *rep = report_of(r, &ext);
	if (rep == NULL || (ext[0] && strcmp(ext, "csv") != 0 && strcmp(ext, "xlsx") != 0))
		return 404;
	if (!req_has_role(r, rep->roles))
		return 403;
	view_set(r, "Page.title", lang_text(r, arena_printf(r->a, "report.title.%s", rep->title)));
	struct rfilter f;
	int st = read_filter(r, rep, &f);
	if (st != 0)
		return st;
	f.rows = ext[0] ? RPT_EXPORT_ROWS : RPT_ROWS;
	struct rsection secs[RSECTIONS_MAX];
	st = reports_fill(r, rep, &f, secs);
	if (st != 0)
		return st;
	if (strcmp(ext, "csv") == 0)
		return reports_csv(r, rep, &f, secs);
	if (strcmp(ext, "xlsx") == 0)
		return reports_xlsx(r, rep, &f, secs);
	view_set(r, "Report.name", rep->name);
	view_set(r, "Report.title", lang_text(r, arena_printf(r->a, "report.title.%s", rep->title)));
	view_set(r, "Report.hint", lang_text(r, arena_printf(r->a, "report.hint.%s", rep->title)));
	view_filter(r, rep, &f);
	for (size_t i = 0; i < rep->nsections; i++)
		view_section(r, &f, &secs[i], i);
	return render(r, 200, "reports/report.cs");
}

int reports_index(struct req *r)
{
	size_t k = 0;
	for (const struct report *p = reports; p->name; p++) {
		if (!req_has_role(r, p->roles))
			continue;
		view_set(r, arena_printf(r->a, "Reports.%zu.name", k), p->name);
		view_set(r, arena_printf(r->a, "Reports.%zu.title", k),
			 lang_text(r, arena_printf(r->a, "report.title.%s", p->title)));
		view_set(r, arena_printf(r->a, "Reports.%zu.hint", k),
			 lang_text(r, arena_printf(r->a, "report.hint.%s", p->title)));
		k++;
	}
	if (k == 0)
		return 403;
	view_set(r, "Page.title", lang_text(r, "report.index"));
	return render(r, 200, "reports/index.cs");
}
