/* complaints.c — complaints (seed 003 篇二, DESIGN.md §8): registered from
 * the card by anyone who sees it; handled (assignee, investigation, measures,
 * result, the answer to the client) by the assignee or those who may change
 * the card; due in complaint_days days, an urgent one in complaint_urgent_days
 * working days (core/workdays.h); the client's feedback closes it, or
 * reopens it with a new deadline. */
#include "complaints.h"
#include "sql.h"
#include "clients/access.h"
#include "clients/clients.h"
#include "core/domain.h"
#include "core/form.h"
#include "core/people.h"
#include "core/workdays.h"
#include <string.h>

#define PAGE 50

static const char *const channels[] = { "phone", "visit", "letter", "mail", "web", "other", NULL };
static const char *const urgencies[] = { "normal", "urgent", NULL };
static const char *const feedbacks[] = { "satisfied", "unsatisfied", NULL };

/* The deadline of a complaint received (or reopened) on day. DB_OK or an error. */
static int due_of(struct req *r, const char *day, int urgent, char *due)
{
	if (urgent)
		return workdays_after(r, day, (int)r->cfg->complaint_urgent_days, due);
	int y, m, d;
	if (sscanf(day, "%d-%d-%d", &y, &m, &d) != 3)
		return DB_ERROR;
	day_from_number(day_number(y, m, d) + r->cfg->complaint_days, due);
	return DB_OK;
}

static void view_complaint(struct req *r, const char *p, const struct dbres *res, size_t i)
{
	static const char *cols[KC__COUNT + 1] = {
		"id", "client_id", "client_name", "received_at", "channel", "urgent", "content", "status", "due_on",
		"assignee_id", "assignee", "investigation", "measures", "result", "answer", "answered_at", "feedback",
		"feedback_note", "reopened", "registrant", "registered_at", "version", "dept_id", NULL,
	};
	view_row(r, p, cols, res, i);
	if (strcmp(dbres_get(res, i, KC_STATUS), "closed") != 0 && strcmp(dbres_get(res, i, KC_DUE), day_text(r, 0)) < 0)
		view_set(r, arena_printf(r->a, "%s.overdue", p), "1");
}

/* ---- registering ------------------------------------------------------------------------- */

enum { NF_RECEIVED, NF_CHANNEL, NF_URGENCY, NF_CONTENT, NF__N };
static const struct form_field new_fields[NF__N] = {
	[NF_RECEIVED] = { .name = "received_at", .type = FT_DATETIME, .flags = FORM_REQUIRED },
	[NF_CHANNEL] = { .name = "channel", .type = FT_CHOICE, .flags = FORM_REQUIRED, .choices = channels },
	[NF_URGENCY] = { .name = "urgency", .type = FT_CHOICE, .flags = FORM_REQUIRED, .choices = urgencies },
	[NF_CONTENT] = { .name = "content", .type = FT_LONGTEXT, .max = 2000, .flags = FORM_REQUIRED },
};

/* The card of /clients/{id}/complaints…: anyone who sees it may register one. */
static int complaint_card(struct req *r, struct dbres *card)
{
	enum via via;
	int st = card_open(r, card, &via, "complaint");
	return st;
}

static int new_page(struct req *r, int status, const struct dbres *card)
{
	view_set(r, "Card.id", dbres_get(card, 0, CARD_ID));
	view_set(r, "Card.name", dbres_get(card, 0, 1 + CF_name));
	view_set(r, "Page.title", lang_text(r, "complaint.new"));
	return render(r, status, "complaints/complaint_new.cs");
}

int complaints_new(struct req *r)
{
	struct dbres card;
	int st = complaint_card(r, &card);
	if (st != 0)
		return st < 0 ? 0 : st;
	view_set(r, "Form.values.received_at", arena_strndup(r->a, r->now_text, 16));
	view_set(r, "Form.values.urgency", "normal");
	return new_page(r, 200, &card);
}

struct create_ctx {
	struct req *r;
	long long client, assignee, id;
	const struct form_value *v;
	const char *due;
};

static int create_txn(void *arg)
{
	struct create_ctx *c = arg;
	struct req *r = c->r;
	const struct form_value *v = c->v;
	struct dbres res;
	long long urgent = v[NF_URGENCY].n == 1;
	int rc = db_exec(r->db, r->a, Q_COMPLAINT_INSERT, &res, "ississiiss", c->client, v[NF_RECEIVED].text,
			 v[NF_CHANNEL].text, urgent, v[NF_CONTENT].text, c->due, c->assignee, r->user->id, r->now_text,
			 r->now_text);
	if (rc != DB_OK)
		return rc;
	c->id = (long long)res.insert_id;
	return audit(r, "complaint.registered", "complaint", c->id,
		     arena_printf(r->a, "client %lld, %s, due %s", c->client, v[NF_URGENCY].text, c->due));
}

int complaints_create(struct req *r)
{
	struct dbres card;
	int st = complaint_card(r, &card);
	if (st != 0)
		return st < 0 ? 0 : st;
	struct form_value v[NF__N];
	int ok = FORM_READ(r, new_fields, v);
	long long assignee;
	int chosen = person_choose(r, "assignee", 0, &assignee);
	if (chosen < 0)
		return db_fail(r);
	if (!chosen && form_status(r) == 422)
		ok = 0;
	if (ok && strcmp(v[NF_RECEIVED].text, r->now_text) > 0) {
		form_error(r, "received_at", "complaint.in_future");
		ok = 0;
	}
	if (!ok || form_find_only(r))
		return new_page(r, ok ? 200 : 422, &card);
	char due[11];
	int rc = due_of(r, arena_strndup(r->a, v[NF_RECEIVED].text, 10), v[NF_URGENCY].n == 1, due);
	if (rc != DB_OK)
		return db_status(rc);
	struct create_ctx c = { r, dbres_int(&card, 0, CARD_ID), chosen ? assignee : 0, 0, v, due };
	rc = db_txn(r->db, create_txn, &c);
	if (rc != DB_OK)
		return db_status(rc);
	resp_flash(r, "complaint_saved");
	return resp_redirect(r, arena_printf(r->a, "/complaints/%lld", c.id));
}

/* ---- one complaint: reading, handling, the client's feedback ----------------------------------- */

/* The complaint of /complaints/{id} with the reader's right on its card (its view logged).
 * 0; -1 when a page was rendered; or an HTTP status. *may_handle: assignee or may change the card. */
static int complaint_open(struct req *r, struct dbres *k, int *may_handle)
{
	if (db_exec(r->db, r->a, Q_COMPLAINT_GET, k, "i", r->ids[0]) != DB_OK)
		return db_fail(r);
	if (k->nrows != 1)
		return 404;
	struct dbres card;
	int st = card_load(r, dbres_int(k, 0, KC_CLIENT), &card);
	if (st != 0)
		return st;
	struct card_ref ref = card_ref_of(&card);
	enum via via = card_access(r, &ref);
	if (card_log_view(r, ref.id, via, "complaint") != 0 && via != VIA_NONE)
		return 503;
	if (via == VIA_NONE && dbres_int(k, 0, KC_ASSIGNEE) != r->user->id)
		return 403;
	*may_handle = card_may_edit(via) || dbres_int(k, 0, KC_ASSIGNEE) == r->user->id;
	return 0;
}

static int show_page(struct req *r, int status, const struct dbres *k, int may_handle)
{
	view_complaint(r, "Complaint", k, 0);
	if (!hdf_get_value(r->hdf, "Form.values.version", NULL)) {
		static const char *form_cols[] = { "investigation", "measures", "result", "answer", "version", NULL };
		const int idx[] = { KC_INVESTIGATION, KC_MEASURES, KC_RESULT, KC_ANSWER, KC_VERSION };
		for (int i = 0; form_cols[i]; i++)
			view_set(r, arena_printf(r->a, "Form.values.%s", form_cols[i]), dbres_get(k, 0, idx[i]));
		if (person_show(r, "assignee", dbres_int(k, 0, KC_ASSIGNEE)) != 0)
			return db_fail(r);
	}
	if (may_handle)
		view_set(r, "Can.handle", "1");
	view_set(r, "Page.title", lang_text(r, "complaint.title"));
	return render(r, status, "complaints/complaint_show.cs");
}

int complaints_show(struct req *r)
{
	struct dbres k;
	int may;
	int st = complaint_open(r, &k, &may);
	if (st != 0)
		return st;
	return show_page(r, 200, &k, may);
}

enum { HF_INVESTIGATION, HF_MEASURES, HF_RESULT, HF_ANSWER, HF_ANSWERED, HF_VERSION, HF__N };
static const struct form_field handle_fields[HF__N] = {
	[HF_INVESTIGATION] = { .name = "investigation", .type = FT_LONGTEXT, .max = 2000 },
	[HF_MEASURES] = { .name = "measures", .type = FT_LONGTEXT, .max = 2000 },
	[HF_RESULT] = { .name = "result", .type = FT_LONGTEXT, .max = 2000 },
	[HF_ANSWER] = { .name = "answer", .type = FT_LONGTEXT, .max = 2000 },
	[HF_ANSWERED] = { .name = "answered", .type = FT_BOOL },
	[HF_VERSION] = { .name = "version", .type = FT_ID, .flags = FORM_REQUIRED },
};

struct handle_ctx {
	struct req *r;
	long long id, assignee;
	const struct form_value *v;
	const char *feedback, *note, *due;
	int stale;
};

static int handle_txn(void *arg)
{
	struct handle_ctx *c = arg;
	struct req *r = c->r;
	const struct form_value *v = c->v;
	struct dbres res;
	const char *answered = v[HF_ANSWERED].n ? "1" : "0";
	int rc = db_exec(r->db, r->a, Q_COMPLAINT_HANDLE, &res, "isssssssii", c->assignee, v[HF_INVESTIGATION].text,
			 v[HF_MEASURES].text, v[HF_RESULT].text, v[HF_ANSWER].text, answered, r->now_text, r->now_text,
			 c->id, v[HF_VERSION].n);
	if (rc != DB_OK)
		return rc;
	if (res.affected != 1) {
		c->stale = 1;
		return DB_CONFLICT;
	}
	return audit(r, v[HF_ANSWERED].n ? "complaint.answered" : "complaint.updated", "complaint", c->id, NULL);
}

int complaints_handle(struct req *r)
{
	struct dbres k;
	int may;
	int st = complaint_open(r, &k, &may);
	if (st != 0)
		return st;
	if (!may)
		return 403;
	struct form_value v[HF__N];
	int ok = FORM_READ(r, handle_fields, v);
	long long assignee;
	int chosen = person_choose(r, "assignee", 0, &assignee);
	if (chosen < 0)
		return db_fail(r);
	if (!chosen && form_status(r) == 422)
		ok = 0;
	if (ok && v[HF_ANSWERED].n && *v[HF_ANSWER].text == '\0') {
		form_error(r, "answer", "complaint.answer_required");
		ok = 0;
	}
	if (v[HF_VERSION].text == NULL)
		return 400;
	if (!ok || form_find_only(r))
		return show_page(r, ok ? 200 : 422, &k, may);
	struct handle_ctx c = { r, r->ids[0], chosen ? assignee : 0, v, NULL, NULL, NULL, 0 };
	int rc = db_txn(r->db, handle_txn, &c);
	if (rc == DB_CONFLICT) {
		view_set(r, "Page.error_message", lang_text(r, "form.stale"));
		return show_page(r, 409, &k, may);
	}
	if (rc != DB_OK)
		return db_status(rc);
	resp_flash(r, "saved");
	return resp_redirect(r, arena_printf(r->a, "/complaints/%lld", c.id));
}

static int feedback_txn(void *arg)
{
	struct handle_ctx *c = arg;
	struct req *r = c->r;
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_COMPLAINT_FEEDBACK, &res, "ssssssii", c->feedback, c->note, c->feedback,
			 c->feedback, c->due, r->now_text, c->id, c->v[0].n);
	if (rc != DB_OK)
		return rc;
	if (res.affected != 1)
		return DB_CONFLICT;
	return audit(r, strcmp(c->feedback, "satisfied") == 0 ? "complaint.closed" : "complaint.reopened", "complaint",
		     c->id, c->note);
}

int complaints_feedback(struct req *r)
{
	struct dbres k;
	int may;
	int st = complaint_open(r, &k, &may);
	if (st != 0)
		return st;
	if (!may)
		return 403;
	enum { FF_VERSION, FF_FEEDBACK, FF_NOTE, FF__N };
	static const struct form_field fields[FF__N] = {
		[FF_VERSION] = { .name = "version", .type = FT_ID, .flags = FORM_REQUIRED },
		[FF_FEEDBACK] = { .name = "feedback", .type = FT_CHOICE, .flags = FORM_REQUIRED, .choices = feedbacks },
		[FF_NOTE] = { .name = "feedback_note", .type = FT_TEXT, .max = 1000 },
	};
	struct form_value v[FF__N];
	if (!FORM_READ(r, fields, v))
		return show_page(r, 422, &k, may);
	/* unsatisfied: open again, with a new deadline from today */
	char due[11];
	const char *due_on = NULL;
	if (v[FF_FEEDBACK].n == 1) {
		int rc = due_of(r, day_text(r, 0), dbres_int(&k, 0, KC_URGENT) != 0, due);
		if (rc != DB_OK)
			return db_status(rc);
		due_on = due;
	}
	struct handle_ctx c = { r, r->ids[0], 0, v, v[FF_FEEDBACK].text, v[FF_NOTE].text, due_on, 0 };
	int rc = db_txn(r->db, feedback_txn, &c);
	if (rc == DB_CONFLICT) {
		view_set(r, "Page.error_message", lang_text(r, "complaint.not_answered"));
		return show_page(r, 409, &k, may);
	}
	if (rc != DB_OK)
		return db_status(rc);
	resp_flash(r, "saved");
	return resp_redirect(r, arena_printf(r->a, "/complaints/%lld", c.id));
}

/* ---- lists --------------------------------------------------------------------------------- */

int complaints_list(struct req *r)
{
	const char *key = req_query(r, "after_key");
	long long after = req_query_id(r, "after");
	if (key == NULL || !form_date_ok(key) || after == 0) {
		key = "1000-01-01";
		after = 0;
	}
	struct dbres res;
	long long limit = PAGE + 1;
	int rc;
	int mine = req_query(r, "mine") != NULL;
	/* near: only those still to answer within COMPLAINT_NEAR_DAYS (the dashboard's figure) */
	int near = req_query(r, "near") != NULL;
	const char *by = near ? day_text(r, COMPLAINT_NEAR_DAYS) : "";
	long long root = access_managed_root(r);
	if (!mine && access_sees_all(r))
		rc = db_exec(r->db, r->a, Q_COMPLAINTS_OPEN_ALL, &res, "ssssii", by, by, key, key, after, limit);
	else if (!mine && root)
		rc = db_exec(r->db, r->a, Q_COMPLAINTS_OPEN_TREE, &res, "issssii", root, by, by, key, key, after, limit);
	else {
		mine = 1;
		rc = db_exec(r->db, r->a, Q_COMPLAINTS_OPEN_MINE, &res, "iissssii", r->user->id, r->user->id, by, by, key,
			     key, after, limit);
	}
	if (rc != DB_OK)
		return db_fail(r);
	size_t n = res.nrows > PAGE ? PAGE : res.nrows;
	for (size_t i = 0; i < n; i++)
		view_complaint(r, arena_printf(r->a, "Complaints.%zu", i), &res, i);
	if (res.nrows > PAGE) {
		view_set(r, "Page.next_after", dbres_get(&res, n - 1, KC_ID));
		view_set(r, "Page.next_key", dbres_get(&res, n - 1, KC_DUE));
	}
	if (mine)
		view_set(r, "Page.mine", "1");
	if (near) {
		view_set(r, "Page.near", "1");
		view_set(r, "Page.near_by", by);
	}
	if (access_sees_all(r) || root)
		view_set(r, "Can.all", "1");
	view_set(r, "Page.title", lang_text(r, "complaint.list"));
	return render(r, 200, "complaints/complaints.cs");
}

/* The card's panel: its latest complaints and surveys. */
int complaints_card_panel(struct req *r, long long client, unsigned flags, const char *p, const struct dbres *rows)
{
	const struct dbres res = *rows;       /* PANEL_SERVICE */
	view_set(r, arena_printf(r->a, "%s.id", p), "service");
	view_set(r, arena_printf(r->a, "%s.title", p), lang_text(r, "complaint.panel"));
	view_set(r, arena_printf(r->a, "%s.empty", p), lang_text(r, "complaint.panel_none"));
	static const char *heads[] = { "panel_what", "panel_day", "panel_state", "panel_text", NULL };
	for (int k = 0; heads[k]; k++)
		view_set(r, arena_printf(r->a, "%s.cols.%d", p, k), lang_text(r, arena_printf(r->a, "complaint.%s", heads[k])));
	for (size_t i = 0; i < res.nrows; i++) {
		const char *row = arena_printf(r->a, "%s.rows.%zu", p, i);
		int complaint = strcmp(dbres_get(&res, i, SV_KIND), "complaint") == 0;
		const char *what = lang_text(r, complaint ? (dbres_int(&res, i, SV_C) ? "complaint.urgent_one"
										    : "complaint.one")
							  : "survey.one");
		view_set(r, arena_printf(r->a, "%s.0", row), what);
		if (complaint)
			view_setf(r, arena_printf(r->a, "%s.0.href", row), "/complaints/%s", dbres_get(&res, i, SV_ID));
		view_set(r, arena_printf(r->a, "%s.1", row), dbres_get(&res, i, SV_DAY));
		view_set(r, arena_printf(r->a, "%s.2", row),
			 complaint ? arena_printf(r->a, "%s · %s %s",
						  lang_text(r, arena_printf(r->a, "complaint.st.%s", dbres_get(&res, i, SV_A))),
						  lang_text(r, "complaint.due_on"), dbres_get(&res, i, SV_B))
				   : arena_printf(r->a, "%s %s · %s %s · %s %s", lang_text(r, "survey.service_short"),
						  dbres_get(&res, i, SV_A), lang_text(r, "survey.price_short"),
						  dbres_get(&res, i, SV_B), lang_text(r, "survey.overall_short"),
						  dbres_get(&res, i, SV_C)));
		view_set(r, arena_printf(r->a, "%s.3", row), dbres_get(&res, i, SV_TEXT));
	}
	view_setf(r, arena_printf(r->a, "%s.actions.0.href", p), "/clients/%lld/complaints/new", client);
	view_set(r, arena_printf(r->a, "%s.actions.0.label", p), lang_text(r, "complaint.new"));
	if (flags & PANEL_MAY_EDIT) {
		view_setf(r, arena_printf(r->a, "%s.actions.1.href", p), "/clients/%lld/surveys/new", client);
		view_set(r, arena_printf(r->a, "%s.actions.1.label", p), lang_text(r, "survey.new"));
	}
	return 0;
}
