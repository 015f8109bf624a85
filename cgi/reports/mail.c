/* mail.c — the scheduled report mails (task reports.mail): on Monday at or
 * after digest_hour (company time, the app's clock) each department manager
 * gets last week's (Monday to Sunday) key reports of their department and the
 * ones below it; on the 1st the director and the general manager get last
 * month's for the whole company. The figures are those of the report pages
 * for the same department and period (reports_fill), as HTML tables and plain
 * text, with the workbook of the same reports attached. A report with nothing
 * in it is left out, and a mail with no report is not sent. Each mail is
 * queued once per period and recipient (the outbox key: kind, the period as
 * subject, recipient, day); people may switch either kind off on
 * /me/notifications (the kinds are declared with an opt-out). */
#include "reports.h"
#include "sql.h"
#include "mail/outbox.h"
#include "core/buf.h"
#include "core/log.h"
#include "core/workdays.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PEOPLE_BATCH 100
enum mail_people_col { PP_ID, PP_DEPT, PP_LANG, PP_NAME };   /* Q_RPTMAIL_PEOPLE */

/* What a manager reads on Monday: visits on time and cards overdue, the
 * client structure with the quota use, the archive's loans out and overdue,
 * and who looked at which cards (README: Reports, "Scheduled report mails"). */
static const char *const mailed[] = { "follow-up", "clients", "circulation", "access", NULL };

#define MAILED_MAX 4

struct schedule {
	const char *kind;            /* the message kind: reports.weekly, reports.monthly */
	const char *name;            /* its template key: weekly, monthly */
	const char *period;          /* the outbox subject: "2026-W48", "2026-11" */
	const char *from, *to;       /* the period's days */
	const char *role1, *role2;   /* who gets it */
	int company;                 /* every department (else the recipient's own and those below) */
};

static const char *day_of(struct req *r, long n)
{
	char *out = arena_alloc(r->a, 11);
	day_from_number(n, out);
	return out;
}

/* A section says something: a row with a number other than zero. */
static int section_has_figures(const struct rsection *s)
{
	for (size_t k = 0; k < s->nrows; k++)
		for (size_t j = 1; j < s->def->ncols; j++) {
			enum col_type t = s->def->cols[j].type;
			if ((t == COL_INT || t == COL_NUMBER || t == COL_PERCENT) && s->cells[k][j][0] &&
			    strtod(s->cells[k][j], NULL) != 0.0)
				return 1;
		}
	return 0;
}

static const struct report *report_named(const char *name)
{
	for (const struct report *p = reports; p->name; p++)
		if (strcmp(p->name, name) == 0)
			return p;
	return NULL;
}

/* Mail.reports.K: the report's title, its page's address, each section's header, rows (as shown) and totals. */
static void mail_report(struct req *r, HDF *data, size_t k, const struct report *rep, const struct rfilter *f,
			const struct rsection *secs)
{
	const char *p = arena_printf(r->a, "Mail.reports.%zu", k);
	hdf_set_value(data, arena_printf(r->a, "%s.title", p),
		      lang_text(r, arena_printf(r->a, "report.title.%s", rep->title)));
	hdf_set_value(data, arena_printf(r->a, "%s.link", p),
		      f->dept ? arena_printf(r->a, "%s/reports/%s?dept=%lld&from=%s&to=%s", r->cfg->base_url, rep->name,
					     f->dept, f->from, f->to)
			      : arena_printf(r->a, "%s/reports/%s?from=%s&to=%s", r->cfg->base_url, rep->name, f->from,
					     f->to));
	for (size_t i = 0; i < rep->nsections; i++) {
		const struct rsection *s = &secs[i];
		const struct rsection_def *d = s->def;
		const char *q = arena_printf(r->a, "%s.sections.%zu", p, i);
		hdf_set_value(data, arena_printf(r->a, "%s.title", q),
			      lang_text(r, arena_printf(r->a, "report.sec.%s", d->key)));
		hdf_set_value(data, arena_printf(r->a, "%s.as_of", q), s->as_of);
		hdf_set_value(data, arena_printf(r->a, "%s.key", q), d->key);
		long long totals[RCOLS_MAX] = { 0 };
		for (size_t j = 0; j < d->ncols; j++) {
			const char *c = arena_printf(r->a, "%s.cols.%zu", q, j);
			hdf_set_value(data, arena_printf(r->a, "%s.label", c),
				      lang_text(r, arena_printf(r->a, "report.col.%s", d->cols[j].key)));
			if (d->cols[j].type != COL_TEXT && d->cols[j].type != COL_DATE)
				hdf_set_value(data, arena_printf(r->a, "%s.num", c), "1");
		}
		/* the body the first RPT_ROWS rows (a mail of thousands of rows is read by no one), the workbook all */
		size_t shown = s->nrows < RPT_ROWS ? s->nrows : RPT_ROWS;
		if (shown < s->nrows || s->more)
			hdf_set_value(data, arena_printf(r->a, "%s.more", q),
				      lang_text(r, s->more ? "report.rows_limit_mail_cut" : "report.rows_limit_mail"));
		for (size_t row = 0; row < shown; row++)
			for (size_t j = 0; j < d->ncols; j++) {
				hdf_set_value(data, arena_printf(r->a, "%s.rows.%zu.%zu", q, row, j),
					      cell_display(r, d->cols[j].type, s->cells[row][j]));
				if (d->cols[j].type == COL_INT)
					totals[j] += atoll(s->cells[row][j]);
			}
		if (d->totals && s->nrows > 0)
			for (size_t j = 0; j < d->ncols; j++)
				hdf_set_value(data, arena_printf(r->a, "%s.totals.%zu", q, j),
					      j == 0 ? lang_text(r, "report.total")
						     : d->cols[j].type == COL_INT ? text_thousands(r, totals[j]) : "");
	}
}

struct put_ctx {
	struct req *r;
	struct message *m;
};

static int put_txn(void *arg)
{
	struct put_ctx *c = arg;
	return outbox_put(c->r, c->m);
}

/* The mail of one person. *queued = 1 when one was queued. A db_rc. */
static int mail_one(struct req *r, const struct schedule *sc, const struct dbres *u, size_t i, int *queued)
{
	long long user = dbres_int(u, i, PP_ID), dept = sc->company ? 0 : dbres_int(u, i, PP_DEPT);
	if (!sc->company && dept <= 0)
		return DB_OK;
	/* r->lang outlives this person's arena: one of the two constants */
	const char *lang = strcmp(mail_user_lang(r, user), "en") == 0 ? "en" : "zh_CN";
	r->lang = lang;
	struct rfilter f;
	reports_filter(r, &f, dept, sc->from, sc->to);
	const struct report *reps[MAILED_MAX];
	struct rsection (*secs)[RSECTIONS_MAX] = arena_alloc(r->a, MAILED_MAX * sizeof *secs);
	size_t n = 0;
	for (const char *const *name = mailed; *name != NULL && n < MAILED_MAX; name++) {
		const struct report *rep = report_named(*name);
		if (rep == NULL)
			continue;
		int st = reports_fill(r, rep, &f, secs[n]);
		if (st != 0)
			return DB_ERROR;   /* a fill that failed: the database's error is logged */
		int any = 0;
		for (size_t k = 0; k < rep->nsections; k++)
			any |= section_has_figures(&secs[n][k]);
		if (any)
			reps[n++] = rep;
	}
	if (n == 0)
		return DB_OK;   /* nothing in any report: no mail */
	HDF *data = NULL;
	if (hdf_init(&data) != STATUS_OK)
		return DB_ERROR;
	const char *dept_name = lang_text(r, "report.all_depts");
	if (dept > 0) {
		struct dbres d;
		if (db_exec(r->db, r->a, Q_RPT_DEPT_NAME, &d, "i", dept) == DB_OK && d.nrows == 1)
			dept_name = dbres_get(&d, 0, 0);
	}
	hdf_set_value(data, "Mail.kind", sc->name);
	hdf_set_value(data, "Mail.name", dbres_get(u, i, PP_NAME));
	hdf_set_value(data, "Mail.period", sc->period);
	hdf_set_value(data, "Mail.from", sc->from);
	hdf_set_value(data, "Mail.to", sc->to);
	hdf_set_value(data, "Mail.dept", dept_name);
	for (size_t k = 0; k < n; k++)
		mail_report(r, data, k, reps[k], &f, secs[k]);
	struct message m = { .kind = sc->kind, .subject_ref = sc->period, .recipient = user };
	int rc = mail_render(r, lang, "report", data, &m) == 0 ? DB_OK : DB_ERROR;
	hdf_destroy(&data);
	struct buf x;
	buf_init(&x);
	if (rc == DB_OK && reports_workbook(r, m.title, &f, reps, secs, n, &x) != 0)
		rc = DB_ERROR;
	if (rc == DB_OK) {
		m.attach_name = arena_printf(r->a, "report-%s-%s.xlsx", sc->name, sc->period);
		m.attach_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
		m.attach_data = x.data;
		m.attach_len = x.len;
		struct put_ctx c = { r, &m };
		rc = db_txn(r->db, put_txn, &c);
		if (rc == DB_OK)
			*queued = 1;
	}
	buf_free(&x);
	return rc;
}

/* Every recipient of a schedule, unless its period is done. */
static int run_schedule(struct req *r, const struct schedule *sc, long long *n)
{
	struct dbres done;
	int rc = db_exec(r->db, r->a, Q_RPTMAIL_DONE, &done, "ss", sc->kind, sc->period);
	if (rc != DB_OK || done.nrows > 0)
		return rc;
	long long after = 0, queued_all = 0;
	for (;;) {
		struct dbres u;
		if ((rc = db_exec(r->db, r->a, Q_RPTMAIL_PEOPLE, &u, "ssii", sc->role1, sc->role2, after,
				  (long long)PEOPLE_BATCH)) != DB_OK)
			break;
		for (size_t i = 0; rc == DB_OK && i < u.nrows; i++) {
			int queued = 0;
			arena *outer = r->a;
			r->a = arena_new();
			rc = mail_one(r, sc, &u, i, &queued);
			arena_free(r->a);
			r->a = outer;
			queued_all += queued;
			after = dbres_int(&u, i, PP_ID);
		}
		if (rc != DB_OK || u.nrows < PEOPLE_BATCH)
			break;
	}
	*n += queued_all;
	if (rc == DB_OK)
		rc = db_write(r->db, r->a, Q_RPTMAIL_MARK, NULL, "sssi", sc->kind, sc->period, r->now_text, queued_all);
	return rc;
}

int reports_mail(struct req *r, long long *n)
{
	struct tm tm;
	localtime_r(&r->now, &tm);
	if (tm.tm_hour < r->cfg->digest_hour)
		return DB_OK;
	long today = day_number(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	struct schedule due[2];
	size_t ndue = 0;
	if (weekday_of(today) == 0) {   /* Monday: last week, by its ISO week */
		long monday = today - 7, thursday = monday + 3;
		int y, m, d;
		sscanf(day_of(r, thursday), "%d-%d-%d", &y, &m, &d);
		long week = (thursday - day_number(y, 1, 1)) / 7 + 1;
		due[ndue++] = (struct schedule){ "reports.weekly", "weekly", arena_printf(r->a, "%04d-W%02ld", y, week),
						 day_of(r, monday), day_of(r, today - 1), "dept_manager", "dept_manager", 0 };
	}
	if (tm.tm_mday == 1) {   /* the 1st: last month */
		int y = tm.tm_mon == 0 ? tm.tm_year + 1899 : tm.tm_year + 1900, m = tm.tm_mon == 0 ? 12 : tm.tm_mon;
		due[ndue++] = (struct schedule){ "reports.monthly", "monthly", arena_printf(r->a, "%04d-%02d", y, m),
						 day_of(r, day_number(y, m, 1)), day_of(r, today - 1), "director", "gm", 1 };
	}
	if (ndue == 0)
		return DB_OK;
	/* the strings of both languages for the run (`dossier cron` has no worker) */
	struct worker own;
	const char *saved_lang = r->lang;
	if (lang_cron_begin(r, &own) != 0)
		return DB_ERROR;
	int rc = DB_OK;
	for (size_t i = 0; rc == DB_OK && i < ndue; i++)
		rc = run_schedule(r, &due[i], n);
	lang_cron_end(r, &own);
	r->lang = saved_lang;
	return rc;
}
