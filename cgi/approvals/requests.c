/* requests.c — the pages of approvals: the inbox, my requests, one request
 * with its decision form, withdrawal. The engine is engine.c; asking about a
 * card is the clients domain's (clients/ask.c). */
#include "approvals.h"
#include "pages.h"
#include "sql.h"
#include "core/form.h"
#include <stdlib.h>
#include <string.h>

#define PAGE 50

/* prefix.{field_label,old,new} for a request's change. */
static void view_change(struct req *r, const char *prefix, const char *type, const char *field, const char *old,
			const char *new)
{
	if (field == NULL)
		return;
	view_set(r, arena_printf(r->a, "%s.field_label", prefix), lang_text(r, arena_printf(r->a, "request.field.%s", field)));
	view_set(r, arena_printf(r->a, "%s.old", prefix), approval_value_text(r, type, field, old));
	view_set(r, arena_printf(r->a, "%s.new", prefix), approval_value_text(r, type, field, new));
}

/* ---- lists ------------------------------------------------------------------------ */

static long long before_arg(struct req *r)
{
	long long v = req_query_id(r, "before");
	return v > 0 ? v : (1LL << 62);
}

static void view_age(struct req *r, const char *name, const char *created)
{
	time_t t;
	if (clock_parse(created, &t) != 0)
		return;
	long h = (long)((r->now - t) / 3600);
	view_set(r, name, h < 24 ? arena_printf(r->a, "%ld %s", h, lang_text(r, "request.hours"))
				 : arena_printf(r->a, "%ld %s", h / 24, lang_text(r, "request.days")));
	if (h >= 24)
		view_set(r, arena_printf(r->a, "%s_old", name), "1");
}

static const char *type_filter(struct req *r)
{
	const char *t = req_query(r, "type");
	return approval_kind_find(t) != NULL ? t : "";
}

int requests_inbox(struct req *r)
{
	long long who[5];
	size_t nd = approval_inbox_users(r, who);
	for (size_t i = 0; i < nd; i++) {
		const char *name = user_name(r, who[1 + i]);
		if (*name)
			view_set(r, arena_printf(r->a, "Delegators.%zu", i), name);
	}
	const char *type = type_filter(r);
	struct dbres res;
	if (db_exec(r->db, r->a, Q_INBOX, &res, "iiiiiissi", who[0], who[1], who[2], who[3], who[4], before_arg(r),
		    type, type, (long long)PAGE + 1) != DB_OK)
		return db_fail(r);
	long long last = 0;
	size_t shown = 0;
	for (size_t i = 0; i < res.nrows && shown < PAGE; i++) {
		if (dbres_int(&res, i, 0) == last)          /* mine and a delegator's: once */
			continue;
		last = dbres_int(&res, i, 0);
		const char *p = arena_printf(r->a, "Requests.%zu", shown++);
		static const char *cols[] = { "id", "type", "client_id", "client", "requester", "reason", NULL };
		view_row(r, p, cols, &res, i);
		view_change(r, p, res.rows[i][1], res.rows[i][6], res.rows[i][7], res.rows[i][8]);
		view_set(r, arena_printf(r->a, "%s.created_at", p), dbres_get(&res, i, 9));
		view_age(r, arena_printf(r->a, "%s.age", p), dbres_get(&res, i, 9));
		if (dbres_int(&res, i, 10) != r->user->id)
			view_set(r, arena_printf(r->a, "%s.for", p), "1");
	}
	if (res.nrows > PAGE)
		view_set_int(r, "Page.next_before", last);
	view_set(r, "Filter.type", type);
	view_set(r, "Page.tab", "inbox");
	view_set(r, "Page.title", lang_text(r, "request.inbox"));
	return render(r, 200, "approvals/requests.cs");
}

int requests_mine(struct req *r)
{
	struct dbres res;
	if (db_exec(r->db, r->a, Q_MY_REQUESTS, &res, "iii", r->user->id, before_arg(r), (long long)PAGE + 1) != DB_OK)
		return db_fail(r);
	for (size_t i = 0; i < res.nrows && i < PAGE; i++) {
		const char *p = arena_printf(r->a, "Requests.%zu", i);
		static const char *cols[] = { "id", "type", "client_id", "client", "reason", NULL };
		view_row(r, p, cols, &res, i);
		view_change(r, p, res.rows[i][MR_TYPE], res.rows[i][MR_FIELD], res.rows[i][MR_OLD], res.rows[i][MR_NEW]);
		view_set(r, arena_printf(r->a, "%s.status", p), dbres_get(&res, i, MR_STATUS));
		view_set(r, arena_printf(r->a, "%s.created_at", p), dbres_get(&res, i, MR_CREATED));
		view_set(r, arena_printf(r->a, "%s.decided_at", p), dbres_get(&res, i, MR_DECIDED));
		/* an approved view request: until when its grant runs, or that it has ended */
		const char *until = dbres_get(&res, i, MR_GRANT_UNTIL);
		if (*until) {
			if (strcmp(until, r->now_text) > 0)
				view_set(r, arena_printf(r->a, "%s.grant_until", p), arena_strndup(r->a, until, 16));
			else
				view_set(r, arena_printf(r->a, "%s.grant_ended", p), "1");
		}
	}
	if (res.nrows > PAGE)
		view_set(r, "Page.next_before", dbres_get(&res, PAGE - 1, 0));
	view_set(r, "Page.tab", "mine");
	view_set(r, "Page.title", lang_text(r, "request.mine"));
	return render(r, 200, "approvals/requests.cs");
}

/* ---- one request ---------------------------------------------------------------------- */

/* 1 when the signed-in user is part of the request: asked, may decide (now
 * or for someone), was asked to decide, or decided. */
static int involved(struct req *r, const struct dbres *rq, const struct dbres *approvers,
		    const struct dbres *decisions)
{
	if (dbres_int(rq, 0, RQ_REQUESTER) == r->user->id)
		return 1;
	const long long *from;
	size_t nd = approval_delegators(r, &from);
	for (size_t i = 0; i < approvers->nrows; i++) {
		long long a = dbres_int(approvers, i, 1);
		if (a == r->user->id)
			return 1;
		for (size_t k = 0; k < nd; k++)
			if (a == from[k])
				return 1;
	}
	for (size_t i = 0; i < decisions->nrows; i++)
		if (dbres_int(decisions, i, 6) == r->user->id)
			return 1;
	return 0;
}

static int show_request(struct req *r, int status, long long id)
{
	struct dbres rq, steps, approvers, decisions;
	if (db_exec(r->db, r->a, Q_REQUEST_GET, &rq, "i", id) != DB_OK)
		return db_fail(r);
	if (rq.nrows != 1)
		return 404;
	if (db_exec(r->db, r->a, Q_STEPS_OF, &steps, "i", id) != DB_OK ||
	    db_exec(r->db, r->a, Q_APPROVERS_OF, &approvers, "i", id) != DB_OK ||
	    db_exec(r->db, r->a, Q_DECISIONS_OF, &decisions, "i", id) != DB_OK)
		return db_fail(r);
	if (!involved(r, &rq, &approvers, &decisions)) {
		audit(r, "access.denied", "request", id, NULL);
		return 403;
	}
	static const char *cols[] = { "id", "type", "client_id", "requester_id", "reason", "field", "old_value",
				      "new_value", "payload", "status", "step", "created_at", "decided_at",
				      "expires_at", "requester", "requester_dept", "client", "client_deleted", NULL };
	view_row(r, "Request", cols, &rq, 0);
	/* what the approver approves, beyond one field: the kind says */
	const struct approval_kind *kind = approval_kind_find(dbres_get(&rq, 0, RQ_TYPE));
	if (kind != NULL && kind->detail != NULL) {
		struct request_row row = request_row_of(&rq, 0);
		int rc = kind->detail(r, &row);
		if (rc != DB_OK)
			return db_status(rc);
	}
	view_change(r, "Request", rq.rows[0][RQ_TYPE], rq.rows[0][RQ_FIELD], rq.rows[0][RQ_OLD], rq.rows[0][RQ_NEW]);
	view_age(r, "Request.age", dbres_get(&rq, 0, RQ_CREATED));
	for (size_t i = 0; i < steps.nrows; i++) {
		const char *p = arena_printf(r->a, "Steps.%zu", i);
		static const char *scols[] = { "no", "role", "dept_id", "need_all", "state", "dept", NULL };
		view_row(r, p, scols, &steps, i);
		for (size_t k = 0, n = 0; k < approvers.nrows; k++)
			if (dbres_int(&approvers, k, 0) == dbres_int(&steps, i, 0)) {
				const char *ap = arena_printf(r->a, "%s.approvers.%zu", p, n++);
				view_set(r, arena_printf(r->a, "%s.name", ap), dbres_get(&approvers, k, 2));
				view_set(r, arena_printf(r->a, "%s.open", ap), dbres_get(&approvers, k, 3));
			}
	}
	for (size_t i = 0; i < decisions.nrows; i++) {
		static const char *dcols[] = { "step", "decision", "comment", "at", "by", "behalf", NULL };
		view_row(r, arena_printf(r->a, "Decisions.%zu", i), dcols, &decisions, i);
	}
	int pending = strcmp(dbres_get(&rq, 0, RQ_STATUS), "pending") == 0;
	long long requester = dbres_int(&rq, 0, RQ_REQUESTER);
	if (pending && requester == r->user->id)
		view_set(r, "Can.withdraw", "1");
	if (pending && requester != r->user->id) {
		long long acting = approval_acting_for(r, id, (int)dbres_int(&rq, 0, RQ_STEP));
		if (acting != 0 && acting != requester) {
			view_set(r, "Can.decide", "1");
			if (acting != r->user->id)
				view_set(r, "Can.decide_for", user_name(r, acting));
		}
	}
	view_set(r, "Page.title", arena_printf(r->a, "%s #%lld", lang_text(r, "request.title"), id));
	return render(r, status, "approvals/request_show.cs");
}

int requests_show(struct req *r)
{
	return show_request(r, 200, r->ids[0]);
}

/* The decision form: which button, the step it was shown at, a comment. */
enum { DF_DECISION, DF_STEP, DF_COMMENT, DF__N };
static const char *const decisions[] = { "approve", "reject", NULL };
static const struct form_field decide_fields[DF__N] = {
	[DF_DECISION] = { .name = "decision", .type = FT_CHOICE, .flags = FORM_REQUIRED, .choices = decisions },
	[DF_STEP] = { .name = "step", .type = FT_NUMBER, .flags = FORM_REQUIRED, .min = 1, .max_value = 255 },
	[DF_COMMENT] = { .name = "comment", .type = FT_LONGTEXT, .max = 1000 },
};

int requests_decide(struct req *r)
{
	long long id = r->ids[0];
	struct form_value v[DF__N];
	int ok = FORM_READ(r, decide_fields, v);
	if (v[DF_DECISION].text == NULL || v[DF_STEP].text == NULL)
		return 400;
	int approve = v[DF_DECISION].n == 0;
	const char *comment = v[DF_COMMENT].text;
	if (comment != NULL && !approve && comment[strspn(comment, " \t\r\n")] == '\0') {
		form_error(r, "comment", "form.required");     /* a rejection says why */
		ok = 0;
	}
	if (!ok)
		return show_request(r, 422, id);
	const char *why = NULL;
	int rc = approval_decide(r, id, (int)v[DF_STEP].n, approve, comment, &why);
	switch (rc) {
	case DB_OK:
		resp_flash(r, approve ? "request_approved" : "request_rejected");
		return resp_redirect(r, arena_printf(r->a, "/requests/%lld", id));
	case APPROVAL_DECIDED:
	case APPROVAL_STALE_STEP:
		view_set(r, "Page.error_message", lang_text(r, "request.already_decided"));
		return show_request(r, 409, id);
	case APPROVAL_NOT_YOURS:
		audit(r, "access.denied", "request", id, "decide");
		return 403;
	case APPROVAL_REFUSED:
		view_set(r, "Page.error_message", why);
		return show_request(r, 409, id);
	case APPROVAL_NOBODY:
		view_set(r, "Page.error_message", lang_text(r, "request.nobody"));
		return show_request(r, 409, id);
	default:
		return db_fail(r);
	}
}

int requests_withdraw(struct req *r)
{
	long long id = r->ids[0];
	int rc = approval_withdraw(r, id);
	if (rc == APPROVAL_NOT_YOURS)
		return 403;
	if (rc == APPROVAL_DECIDED) {
		view_set(r, "Page.error_message", lang_text(r, "request.already_decided"));
		return show_request(r, 409, id);
	}
	if (rc != DB_OK)
		return db_fail(r);
	resp_flash(r, "request_withdrawn");
	return resp_redirect(r, arena_printf(r->a, "/requests/%lld", id));
}

