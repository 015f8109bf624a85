/* pages.c — the visits on a card (its panel and the full list), "my
 * visits", and the agenda: a person's cards overdue, due today, this week and
 * next week, which the managers over them may open too. */
#include "visits.h"
#include "sql.h"
#include "clients/access.h"
#include "clients/clients.h"
#include "core/domain.h"
#include "core/people.h"
#include "core/workdays.h"
#include <stdio.h>
#include <string.h>

#define PAGE 50
#define AGENDA_OVERDUE 50     /* overdue cards an agenda lists at most (the most overdue; all: the client list) */
#define AGENDA_MAX 200        /* cards due from today an agenda lists at most */

void view_visit(struct req *r, const char *p, const struct dbres *res, size_t i)
{
	static const char *cols[VC__COUNT + 1] = {
		"id", "client_id", "client_name", "visited_on", "kind", "attendees", "contact", "summary",
		"feedback", "satisfaction", "problems", "next_follow_up", "recorded_by", "recorded_at", NULL,
	};
	view_row(r, p, cols, res, i);
	view_set(r, arena_printf(r->a, "%s.kind_text", p),
		 lang_text(r, arena_printf(r->a, "visit.kinds.%s", dbres_get(res, i, VC_KIND))));
}

/* The card's panel: its latest visits, and "record a visit" for those who may change the card. */
int visits_card_panel(struct req *r, long long client, unsigned flags, const char *p, const struct dbres *visits)
{
	const struct dbres res = *visits;     /* PANEL_VISITS */
	view_set(r, arena_printf(r->a, "%s.id", p), "visits");
	view_set(r, arena_printf(r->a, "%s.title", p), lang_text(r, "visit.title"));
	view_set(r, arena_printf(r->a, "%s.empty", p), lang_text(r, "visit.none"));
	static const char *heads[] = { "visited_on", "kind", "contact", "summary", "satisfaction", "next_follow_up",
				       "recorded_by", NULL };
	for (int k = 0; heads[k]; k++)
		view_set(r, arena_printf(r->a, "%s.cols.%d", p, k), lang_text(r, arena_printf(r->a, "visit.f.%s", heads[k])));
	size_t n = res.nrows > VISITS_ON_CARD ? VISITS_ON_CARD : res.nrows;
	for (size_t i = 0; i < n; i++) {
		const char *row = arena_printf(r->a, "%s.rows.%zu", p, i);
		const int cols[] = { VC_ON, VC_KIND, VC_CONTACT, VC_SUMMARY, VC_SATISFACTION, VC_NEXT, VC_BY };
		for (int k = 0; k < 7; k++) {
			const char *v = dbres_get(&res, i, cols[k]);
			if (cols[k] == VC_KIND)
				v = lang_text(r, arena_printf(r->a, "visit.kinds.%s", v));
			else if (*v == '\0')
				v = "—";
			view_set(r, arena_printf(r->a, "%s.%d", row, k), v);
		}
	}
	if (flags & PANEL_MAY_EDIT) {
		view_setf(r, arena_printf(r->a, "%s.actions.0.href", p), "/clients/%lld/visits/new", client);
		view_set(r, arena_printf(r->a, "%s.actions.0.label", p), lang_text(r, "visit.new"));
	}
	if (res.nrows > VISITS_ON_CARD) {
		view_setf(r, arena_printf(r->a, "%s.more.href", p), "/clients/%lld/visits", client);
		view_set(r, arena_printf(r->a, "%s.more.label", p), lang_text(r, "visit.all"));
	}
	return 0;
}

int visits_of_client(struct req *r)
{
	struct dbres card, res;
	enum via via;
	int st = card_open(r, &card, &via, "visits");
	if (st != 0)
		return st < 0 ? 0 : st;
	long long client = dbres_int(&card, 0, CARD_ID), after = req_query_id(r, "before");
	const char *key = req_query(r, "before_key");
	if (key == NULL || after == 0 || strlen(key) != 10) {
		key = "9999-12-31";
		after = 1LL << 62;
	}
	if (db_exec(r->db, r->a, Q_VISITS_OF_CLIENT, &res, "issii", client, key, key, after, (long long)PAGE + 1) != DB_OK)
		return db_fail(r);
	size_t n = res.nrows > PAGE ? PAGE : res.nrows;
	for (size_t i = 0; i < n; i++)
		view_visit(r, arena_printf(r->a, "Visits.%zu", i), &res, i);
	if (res.nrows > PAGE) {
		view_set(r, "Page.next_before", dbres_get(&res, n - 1, VC_ID));
		view_set(r, "Page.next_key", dbres_get(&res, n - 1, VC_ON));
	}
	view_set(r, "Card.id", dbres_get(&card, 0, CARD_ID));
	view_set(r, "Card.name", dbres_get(&card, 0, 1 + CF_name));
	view_set(r, "Card.next_visit_due", dbres_get(&card, 0, CARD_NEXT_VISIT));
	if (card_may_edit(via))
		view_set(r, "Can.record", "1");
	view_set(r, "Page.title", lang_text(r, "visit.title"));
	return render(r, 200, "visits/visits_card.cs");
}

int visits_mine(struct req *r)
{
	long long before = req_query_id(r, "before");
	struct dbres res;
	if (db_exec(r->db, r->a, Q_VISITS_BY, &res, "iii", r->user->id, before > 0 ? before : (1LL << 62),
		    (long long)PAGE + 1) != DB_OK)
		return db_fail(r);
	size_t n = res.nrows > PAGE ? PAGE : res.nrows;
	for (size_t i = 0; i < n; i++)
		view_visit(r, arena_printf(r->a, "Visits.%zu", i), &res, i);
	if (res.nrows > PAGE)
		view_set(r, "Page.next_before", dbres_get(&res, n - 1, VC_ID));
	if (before > 0)
		view_set(r, "Page.first", "1");
	view_set(r, "Page.title", lang_text(r, "visit.mine"));
	return render(r, 200, "visits/visits_mine.cs");
}

/* "Record a visit" from my visits: the client chosen by name or number, then its form. */
int visits_find_client(struct req *r)
{
	long long id;
	int chosen = client_choose(r, "client", &id);
	if (chosen < 0)
		return db_fail(r);
	if (chosen > 0 && id > 0)
		return resp_redirect(r, arena_printf(r->a, "/clients/%lld/visits/new", id));
	if (chosen > 0)
		form_error(r, "client_q", "visit.choose_client");
	return render(r, form_status(r), "visits/visits_mine.cs");
}

/* ---- the agenda -------------------------------------------------------------------------- */

void visits_week_end(const char *day, int weeks, char *out)
{
	int y, m, d;
	sscanf(day, "%d-%d-%d", &y, &m, &d);
	long n = day_number(y, m, d);
	long wd = weekday_of(n);
	day_from_number(n + (6 - wd) + 7L * weeks, out);
}

int visits_agenda(struct req *r)
{
	long long who;                  /* whose: a person chosen by name (a manager's), else one's own */
	int chosen = person_choose(r, "user", PERSON_QUERY, &who);
	if (chosen < 0)
		return db_fail(r);
	if (!chosen)
		who = r->user->id;
	view_set(r, "Form.invalid", "");        /* choosing whose agenda saves nothing */
	struct dbres u, res;
	if (db_exec(r->db, r->a, Q_AGENDA_USER, &u, "i", who) != DB_OK)
		return db_fail(r);
	if (u.nrows != 1)
		return 404;
	/* one's own, or a person in a department one manages */
	if (who != r->user->id && !access_over_dept(r, dbres_int(&u, 0, 2)))
		return 403;
	const char *today = day_text(r, 0);
	char this_week[11], next_week[11];
	visits_week_end(today, 0, this_week);
	visits_week_end(today, 1, next_week);
	/* the overdue ones apart, so that a backlog never hides what is due today */
	struct dbres overdue;
	if (db_exec(r->db, r->a, Q_AGENDA, &overdue, "issi", who, "1000-01-01", day_text(r, -1),
		    (long long)AGENDA_OVERDUE + 1) != DB_OK ||
	    db_exec(r->db, r->a, Q_AGENDA, &res, "issi", who, today, next_week, (long long)AGENDA_MAX + 1) != DB_OK)
		return db_fail(r);
	static const char *cols[] = { "id", "name", "due", "last", "grade", "lifecycle", NULL };
	size_t n = overdue.nrows > AGENDA_OVERDUE ? AGENDA_OVERDUE : overdue.nrows;
	for (size_t i = 0; i < n; i++)
		view_row(r, arena_printf(r->a, "Agenda.overdue.%zu", i), cols, &overdue, i);
	if (overdue.nrows > AGENDA_OVERDUE)
		view_set_int(r, "Page.overdue_more", AGENDA_OVERDUE);
	int counts[3] = { 0 };
	n = res.nrows > AGENDA_MAX ? AGENDA_MAX : res.nrows;
	for (size_t i = 0; i < n; i++) {
		const char *due = dbres_get(&res, i, AG_DUE);
		int g = strcmp(due, today) == 0 ? 0 : strcmp(due, this_week) <= 0 ? 1 : 2;
		static const char *groups[] = { "today", "this_week", "next_week" };
		view_row(r, arena_printf(r->a, "Agenda.%s.%d", groups[g], counts[g]++), cols, &res, i);
	}
	if (res.nrows > AGENDA_MAX)
		view_set_int(r, "Page.more_than", AGENDA_MAX);
	/* the person's filings this year that missed their deadline (clients/filing.c) */
	long long late_new, late_changes;
	if (filing_late_counts(r, who, arena_printf(r->a, "%.4s-01-01", today), &late_new, &late_changes) != DB_OK)
		return db_fail(r);
	view_set_int(r, "Filing.late_new", late_new);
	view_set_int(r, "Filing.late_changes", late_changes);
	view_set(r, "Page.today", today);
	view_set(r, "Page.this_week", this_week);
	view_set(r, "Page.next_week", next_week);
	view_set(r, "Subject.id", dbres_get(&u, 0, 0));
	view_set(r, "Subject.name", dbres_get(&u, 0, 1));
	view_set(r, "Subject.dept", dbres_get(&u, 0, 3));
	if (who != r->user->id)
		view_set(r, "Page.other", "1");
	if (req_has_role(r, ROLE_DEPT_MANAGER | ROLE_DIRECTOR | ROLE_GM | ROLE_DEPUTY_GM))
		view_set(r, "Can.others", "1");
	/* what other domains add to an agenda (the surveys due, …) */
	int pst = panels_fill(r, "agenda", who, who == r->user->id ? PANEL_MAY_EDIT : 0);
	if (pst != 0)
		return pst;
	view_set(r, "Page.title", lang_text(r, "visit.agenda"));
	return render(r, 200, "visits/agenda.cs");
}
