/* surveys.c — satisfaction surveys (seed 002): at least yearly for every
 * active client; service quality, price and overall (1–5) and comments. Each
 * survey adds to survey_stats (year, department, grade, owner) in its
 * transaction, so the averages page reads the small table, never the surveys;
 * the agenda lists a person's clients due for one. */
#include "complaints.h"
#include "sql.h"
#include "clients/access.h"
#include "clients/clients.h"
#include "core/domain.h"
#include "core/form.h"
#include <stdio.h>
#include <string.h>

#define DUE_ON_AGENDA 20

static const char *const scores[] = { "1", "2", "3", "4", "5", NULL };

enum { SF_ON, SF_SERVICE, SF_PRICE, SF_OVERALL, SF_COMMENTS, SF__N };
static const struct form_field survey_fields[SF__N] = {
	[SF_ON] = { .name = "surveyed_on", .type = FT_DATE, .flags = FORM_REQUIRED },
	[SF_SERVICE] = { .name = "service_quality", .type = FT_CHOICE, .flags = FORM_REQUIRED, .choices = scores },
	[SF_PRICE] = { .name = "price", .type = FT_CHOICE, .flags = FORM_REQUIRED, .choices = scores },
	[SF_OVERALL] = { .name = "overall", .type = FT_CHOICE, .flags = FORM_REQUIRED, .choices = scores },
	[SF_COMMENTS] = { .name = "comments", .type = FT_LONGTEXT, .max = 1000 },
};

/* The card of /clients/{id}/surveys…: those who may change it record surveys. */
static int survey_card(struct req *r, struct dbres *card)
{
	enum via via;
	int st = card_open(r, card, &via, "survey");
	if (st != 0)
		return st;
	return card_may_edit(via) ? 0 : 403;
}

static int form_page(struct req *r, int status, const struct dbres *card)
{
	view_set(r, "Card.id", dbres_get(card, 0, CARD_ID));
	view_set(r, "Card.name", dbres_get(card, 0, 1 + CF_name));
	view_set(r, "Page.today", day_text(r, 0));
	view_set(r, "Page.title", lang_text(r, "survey.new"));
	return render(r, status, "complaints/survey_new.cs");
}

int surveys_new(struct req *r)
{
	struct dbres card;
	int st = survey_card(r, &card);
	if (st != 0)
		return st < 0 ? 0 : st;
	view_set(r, "Form.values.surveyed_on", day_text(r, 0));
	return form_page(r, 200, &card);
}

struct survey_ctx {
	struct req *r;
	const struct dbres *card;
	const struct form_value *v;
};

static int survey_txn(void *arg)
{
	struct survey_ctx *c = arg;
	struct req *r = c->r;
	const struct form_value *v = c->v;
	long long id = dbres_int(c->card, 0, CARD_ID);
	long long s = v[SF_SERVICE].n + 1, p = v[SF_PRICE].n + 1, o = v[SF_OVERALL].n + 1;
	int rc = db_exec(r->db, r->a, Q_SURVEY_INSERT, NULL, "isiiisis", id, v[SF_ON].text, s, p, o,
			 v[SF_COMMENTS].text, r->user->id, r->now_text);
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_SURVEY_MOVE_CARD, NULL, "ssi", v[SF_ON].text, v[SF_ON].text, id);
	int year = 0;
	sscanf(v[SF_ON].text, "%4d", &year);
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_SURVEY_STAT_ADD, NULL, "iiiiiii", (long long)year,
			     dbres_int(c->card, 0, CARD_DEPT_ID), dbres_int(c->card, 0, 1 + CF_grade_id),
			     dbres_int(c->card, 0, CARD_OWNER_ID), s, p, o);
	return rc == DB_OK ? audit(r, "survey.recorded", "client", id, arena_printf(r->a, "%lld/%lld/%lld", s, p, o))
			   : rc;
}

int surveys_create(struct req *r)
{
	struct dbres card;
	int st = survey_card(r, &card);
	if (st != 0)
		return st < 0 ? 0 : st;
	struct form_value v[SF__N];
	int ok = FORM_READ(r, survey_fields, v);
	if (ok && strcmp(v[SF_ON].text, day_text(r, 0)) > 0) {
		form_error(r, "surveyed_on", "survey.in_future");
		ok = 0;
	}
	if (!ok)
		return form_page(r, 422, &card);
	struct survey_ctx c = { r, &card, v };
	int rc = db_txn(r->db, survey_txn, &c);
	if (rc != DB_OK)
		return db_status(rc);
	resp_flash(r, "survey_saved");
	return resp_redirect(r, arena_printf(r->a, "/clients/%lld#service", dbres_int(&card, 0, CARD_ID)));
}

/* One table of averages (Stats.<group>.N: id, name, n, service, price, overall as "4.25"). */
static int stats_of(struct req *r, struct sql *q, const char *group, int year)
{
	struct dbres res;
	if (db_exec(r->db, r->a, q, &res, "i", (long long)year) != DB_OK)
		return -1;
	for (size_t i = 0; i < res.nrows; i++) {
		const char *p = arena_printf(r->a, "Stats.%s.%zu", group, i);
		long long n = dbres_int(&res, i, ST_N);
		/* a grade by its name in the reader's language */
		view_set(r, arena_printf(r->a, "%s.name", p), strcmp(group, "grade") == 0
			 ? grade_label(r, dbres_int(&res, i, ST_ID)) : dbres_get(&res, i, ST_NAME));
		view_set_int(r, arena_printf(r->a, "%s.n", p), n);
		const int cols[] = { ST_SERVICE, ST_PRICE, ST_OVERALL };
		static const char *names[] = { "service", "price", "overall" };
		for (int k = 0; k < 3; k++)
			view_setf(r, arena_printf(r->a, "%s.%s", p, names[k]), "%.2f",
				  n ? (double)dbres_int(&res, i, cols[k]) / (double)n : 0.0);
	}
	return 0;
}

int surveys_stats(struct req *r)
{
	int year = 0;
	long long y = req_query_id(r, "year");
	sscanf(r->now_text, "%4d", &year);
	if (y >= 2000 && y <= 2100)
		year = (int)y;
	if (stats_of(r, Q_SURVEY_STATS_BY_DEPT, "dept", year) != 0 ||
	    stats_of(r, Q_SURVEY_STATS_BY_GRADE, "grade", year) != 0 ||
	    stats_of(r, Q_SURVEY_STATS_BY_OWNER, "owner", year) != 0)
		return db_fail(r);
	view_set_int(r, "Page.year", year);
	view_set_int(r, "Page.prev", year - 1);
	view_set_int(r, "Page.next", year + 1);
	view_set(r, "Page.title", lang_text(r, "survey.stats"));
	return render(r, 200, "complaints/surveys.cs");
}

/* The agenda's panel: the person's active clients not surveyed within a year. */
int surveys_agenda_panel(struct req *r, long long user, unsigned flags, const char *p, const struct dbres *none)
{
	struct dbres res;
	const char *year_ago = day_text(r, -365);
	if (db_exec(r->db, r->a, Q_SURVEYS_DUE, &res, "isi", user, year_ago, (long long)DUE_ON_AGENDA + 1) != DB_OK)
		return db_fail(r);
	view_set(r, arena_printf(r->a, "%s.id", p), "surveys-due");
	view_set(r, arena_printf(r->a, "%s.title", p), lang_text(r, "survey.due"));
	view_set(r, arena_printf(r->a, "%s.empty", p), lang_text(r, "survey.none_due"));
	view_set(r, arena_printf(r->a, "%s.cols.0", p), lang_text(r, "client.f.name"));
	view_set(r, arena_printf(r->a, "%s.cols.1", p), lang_text(r, "survey.last"));
	view_set(r, arena_printf(r->a, "%s.cols.2", p), "");
	size_t n = res.nrows > DUE_ON_AGENDA ? DUE_ON_AGENDA : res.nrows;
	for (size_t i = 0; i < n; i++) {
		const char *row = arena_printf(r->a, "%s.rows.%zu", p, i), *id = dbres_get(&res, i, 0);
		view_set(r, arena_printf(r->a, "%s.0", row), dbres_get(&res, i, 1));
		view_setf(r, arena_printf(r->a, "%s.0.href", row), "/clients/%s", id);
		const char *last = dbres_get(&res, i, 2);
		view_set(r, arena_printf(r->a, "%s.1", row), *last ? last : lang_text(r, "survey.never"));
		view_set(r, arena_printf(r->a, "%s.2", row), (flags & PANEL_MAY_EDIT) ? lang_text(r, "survey.new") : "");
		if (flags & PANEL_MAY_EDIT)
			view_setf(r, arena_printf(r->a, "%s.2.href", row), "/clients/%s/surveys/new", id);
	}
	if (res.nrows > DUE_ON_AGENDA)
		view_set(r, arena_printf(r->a, "%s.more_note", p), lang_text(r, "survey.more"));
	return 0;
}
