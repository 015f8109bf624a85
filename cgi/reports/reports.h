/* reports.h — the reports domain (DESIGN.md §10): each report is a row of
 * one table (table.c): its name, title, who may open it, a fill function and
 * its sections, each with typed columns and a chart kind. pages.c reads the
 * filters (department in the reader's scope, period) and shows a report as a
 * page, CSV or XLSX (export.c); chart.c draws the SVG charts; rollup.c keeps
 * the summary tables that spare the pages a count of a large table. */
#ifndef DOSSIER_REPORTS_H
#define DOSSIER_REPORTS_H
#include "core/app.h"

/* The type of a column: how it is shown, and typed in CSV and XLSX. A
 * percent cell holds a ratio ("0.153" shows as 15.3 %); a number cell a
 * decimal as the database gave it (an average: "4.25"). */
enum col_type { COL_TEXT, COL_INT, COL_DATE, COL_PERCENT, COL_NUMBER };

enum chart_kind {
	CHART_NONE,
	CHART_BARS,      /* horizontal bars of the first value column */
	CHART_QUOTA,     /* horizontal bars of a percent column with reference lines at 15 % and 30 % */
	CHART_LINE,      /* a line of the first value column over the label column (weeks, months) */
	CHART_STACKED,   /* horizontal stacked bars of two value columns (on time + late, in time + overdue) */
};

struct rcol {
	const char *key;             /* its header: Lang.report.col.<key> */
	enum col_type type;
};

#define RCOLS_MAX 8
/* A section of a report: one table with its chart. Column 0 is the label. */
struct rsection_def {
	const char *key;             /* Lang.report.sec.<key>; the element's id */
	struct rcol cols[RCOLS_MAX];
	size_t ncols;
	enum chart_kind chart;
	int values[2];               /* the chart's value columns (the second for CHART_STACKED) */
	/* A drill-down link on the label, to a list page that accepts the filter:
	 * the row's key (url-escaped) is appended to it; NULL: no link. */
	const char *link;
	int link_dept;               /* the link also takes &dept= of the filter */
	int totals;                  /* a totals row of the whole-number columns */
	const char *rollup;          /* the summary table its figures come from (rpt_rollups.name), or NULL */
	const char *link_after;      /* text after the key in the link ("/views"), or NULL */
	int link_period;             /* the link also takes from= and to= of the period */
	unsigned link_roles;         /* only readers with one of these roles get the link (0: all who open the report) */
};

/* A section as filled: rows of text cells, a key per row for its link. */
struct rsection {
	const struct rsection_def *def;
	size_t nrows, cap;
	const char ***cells;
	const char **keys;           /* NULL for a row without link */
	const char *as_of;           /* "YYYY-MM-DD HH:MM:SS" of its figures */
	int more;                    /* its statement had more than the filter's rows: the first kept, and said */
};
/* The rows a section that lists people or items holds at most: on the page
 * (and in a mail's body), and in the exports (and a mail's workbook). Its
 * statement reads one more, so that the page and the files say so. */
#define RPT_ROWS 500
#define RPT_EXPORT_ROWS 20000

/* The filter every report is read with, checked against the reader's scope. */
struct rfilter {
	long long dept;              /* the subtree's root; 0: every department */
	const char *from, *to;       /* "YYYY-MM-DD", inclusive */
	const char *from_time;       /* "YYYY-MM-DD 00:00:00" of from */
	const char *to_time;         /* "YYYY-MM-DD 00:00:00" of the day after to */
	const char *today;
	long long rows;              /* the rows a list section holds at most: RPT_ROWS or RPT_EXPORT_ROWS */
	const char *period;          /* the preset chosen, or "custom" */
	/* the period in the day-and-month summary tables (sql.h IN_PERIOD): its whole months by their
	 * first days, and its edges [edge1_from, edge1_to) and (edge2_from, edge2_to] in days */
	const char *months_from, *months_to, *edge1_from, *edge1_to, *edge2_from, *edge2_to;
};
/* The six parameters of IN_PERIOD, in order. */
#define PERIOD_PARAMS(f) (f)->months_from, (f)->months_to, (f)->edge1_from, (f)->edge1_to, (f)->edge2_from, (f)->edge2_to

#define RSECTIONS_MAX 6
struct report {
	const char *name;            /* /reports/<name> */
	const char *title;           /* Lang.report.title.<name> */
	unsigned roles;              /* who may open it (deny by default) */
	unsigned all_depts;          /* roles that see every department (the rest only the ones they manage) */
	/* Fills secs[0 .. nsections) (def and as_of set by the caller). 0 or an HTTP status. */
	int (*fill)(struct req *r, const struct rfilter *f, struct rsection *secs);
	const struct rsection_def *sections;
	size_t nsections;
};

/* table.c: the reports, NULL-name-terminated */
extern const struct report reports[];

/* table.c helpers for the fill functions */
/* A new row of s (cells "" until set) with key (may be NULL); its cells. */
const char **rsection_row(struct req *r, struct rsection *s, const char *key);
/* Every row of res: column 0 the key, columns 1 … ncols the cells. */
void rsection_rows(struct req *r, struct rsection *s, const struct dbres *res);
/* The same for a statement read with LIMIT limit + 1: a row beyond limit sets s->more. */
void rsection_rows_capped(struct req *r, struct rsection *s, const struct dbres *res, long long limit);
/* "0.1530" of part / whole ("" when whole is 0). */
const char *ratio_text(struct req *r, long long part, long long whole);

/* pages.c */
int reports_index(struct req *r);         /* GET /reports */
int reports_show(struct req *r);          /* GET /reports/<name>[.csv|.xlsx] */

/* The filter of department dept (0: every one) and the days from … to (checked by the caller), with
 * the exports' rows. */
void reports_filter(struct req *r, struct rfilter *f, long long dept, const char *from, const char *to);
/* Fills the sections of rep with f, each with the time of its figures (a page's and a mail's figures
 * are the same). 0 or an HTTP status. */
int reports_fill(struct req *r, const struct report *rep, const struct rfilter *f, struct rsection *secs);

/* export.c: the report as CSV or XLSX into r's response. 0 or an HTTP status. */
int reports_csv(struct req *r, const struct report *rep, const struct rfilter *f, struct rsection *secs);
int reports_xlsx(struct req *r, const struct report *rep, const struct rfilter *f, struct rsection *secs);
/* The workbook of n reports (reps[k] filled into secs[k]) with f: a first sheet with title, the
 * department, the period and each section's freshness, then a sheet per section. Appended to out.
 * 0 or 500 (logged). */
struct buf;
int reports_workbook(struct req *r, const char *title, const struct rfilter *f, const struct report *const *reps,
		     struct rsection (*secs)[RSECTIONS_MAX], size_t n, struct buf *out);
/* The text of a cell for a person: thousands, percents, as is. */
const char *cell_display(struct req *r, enum col_type t, const char *v);

/* mail.c: the cron task of the weekly and monthly report mails */
int reports_mail(struct req *r, long long *n);

/* rollup.c */
int reports_rollup(struct req *r, long long *n);   /* the cron task */
/* built_at of a rollup ("" when never built). */
const char *rollup_as_of(struct req *r, const char *name);

#endif
