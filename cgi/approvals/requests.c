/* requests.c — the pages of approvals: the inbox, my requests, one request
 * with its decision form, withdrawal. The engine is engine.c; asking about a
 * card is the clients domain's (clients/ask.c). */
#include "approvals.h"
#include "pages.h"
#include "sql.h"
#include "core/form.h"
#include <stdio.h>
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

#define COUNT_CAP 1000

/* Where a list page starts: forward from before (newest first), or back
 * from after (read oldest first, shown reversed); from is the place of its
 * first row, carried by the links (shown only). */
struct page_at {
	long long key;
	int back, paged;
	long long from;
};

static struct page_at page_at(struct req *r)
{
	struct page_at p = { req_query_id(r, "before"), 0, 0, req_query_id(r, "from") };
	long long after = req_query_id(r, "after");
	p.paged = p.key > 0;
	if (p.key <= 0 && after > 0) {
		p.key = after;
		p.back = 1;
	}
	if (p.key <= 0)
		p.key = 1LL << 62;
	if (p.from < 1 || (!p.paged && !p.back))
		p.from = 1;
	return p;
}

/* The pager of a page of shown rows whose ids (as shown, newest first) are
 * first_id … last_id; more: rows beyond it in the direction read. Sets
 * Page.next_before / next_from, Page.prev_after / prev_from and the count
 * "first–last of total" (total capped at COUNT_CAP). */
static void view_pager(struct req *r, struct page_at *p, size_t shown, int more, long long first_id,
		       long long last_id, long long total)
{
	if (p->back)
		p->from = more && p->from > PAGE ? p->from - PAGE : 1;
	if (shown > 0) {
		if (p->back || more) {
			view_set_int(r, "Page.next_before", last_id);
			view_set_int(r, "Page.next_from", p->from + (long long)shown);
		}
		if (p->back ? more : p->paged) {
			view_set_int(r, "Page.prev_after", first_id);
			view_set_int(r, "Page.prev_from", p->from);
		}
	}
	view_count(r, p->from, shown, total, COUNT_CAP);
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

/* The inbox at status (200; 422 when a row's rejection lacked its comment,
 * Inbox.failed naming the row; a batch's outcome in Batch). */
static int inbox_page(struct req *r, int status)
{
	long long who[5];
	size_t nd = approval_inbox_users(r, who);
	for (size_t i = 0; i < nd; i++) {
		const char *name = user_name(r, who[1 + i]);
		if (*name)
			view_set(r, arena_printf(r->a, "Delegators.%zu", i), name);
	}
	const char *type = type_filter(r);
	struct page_at at = page_at(r);
	struct dbres res, counted;
	if (db_exec(r->db, r->a, at.back ? Q_INBOX_BACK : Q_INBOX, &res, "iiiiiissi", who[0], who[1], who[2], who[3],
		    who[4], at.key, type, type, (long long)PAGE + 1) != DB_OK ||
	    db_exec(r->db, r->a, Q_INBOX_COUNT, &counted, "iiiiissi", who[0], who[1], who[2], who[3], who[4], type,
		    type, (long long)COUNT_CAP + 1) != DB_OK)
		return db_fail(r);
	/* the rows to show, once each (mine and a delegator's), in the order read */
	size_t *rows = arena_alloc(r->a, (res.nrows + 1) * sizeof *rows), nr = 0;
	for (size_t i = 0; i < res.nrows; i++)
		if (nr == 0 || dbres_int(&res, i, IB_ID) != dbres_int(&res, rows[nr - 1], IB_ID))
			rows[nr++] = i;
	size_t shown = nr > PAGE ? PAGE : nr;
	for (size_t k = 0; k < shown; k++) {
		size_t i = rows[at.back ? shown - 1 - k : k];
		const char *p = arena_printf(r->a, "Requests.%zu", k);
		static const char *cols[] = { "id", "type", "client_id", "client", "requester", "reason", NULL };
		view_row(r, p, cols, &res, i);
		view_change(r, p, res.rows[i][IB_TYPE], res.rows[i][IB_FIELD], res.rows[i][IB_OLD], res.rows[i][IB_NEW]);
		view_set(r, arena_printf(r->a, "%s.created_at", p), dbres_get(&res, i, IB_CREATED));
		view_age(r, arena_printf(r->a, "%s.age", p), dbres_get(&res, i, IB_CREATED));
		if (dbres_int(&res, i, IB_USER) != r->user->id)
			view_set(r, arena_printf(r->a, "%s.for", p), "1");
		view_set(r, arena_printf(r->a, "%s.step", p), dbres_get(&res, i, IB_STEP));
	}
	if (shown > 0)
		view_pager(r, &at, shown, nr > PAGE, dbres_int(&res, rows[at.back ? shown - 1 : 0], IB_ID),
			   dbres_int(&res, rows[at.back ? 0 : shown - 1], IB_ID), dbres_int(&counted, 0, 0));
	else
		view_pager(r, &at, 0, 0, 0, 0, dbres_int(&counted, 0, 0));
	view_set(r, "Filter.type", type);
	view_set(r, "Page.tab", "inbox");
	view_set(r, "Page.title", lang_text(r, "request.inbox"));
	return render(r, status, "approvals/requests.cs");
}

int requests_inbox(struct req *r)
{
	return inbox_page(r, 200);
}

int requests_mine(struct req *r)
{
	struct page_at at = page_at(r);
	struct dbres res, counted;
	if (db_exec(r->db, r->a, at.back ? Q_MY_REQUESTS_BACK : Q_MY_REQUESTS, &res, "iii", r->user->id, at.key,
		    (long long)PAGE + 1) != DB_OK ||
	    db_exec(r->db, r->a, Q_MY_REQUESTS_COUNT, &counted, "ii", r->user->id, (long long)COUNT_CAP + 1) != DB_OK)
		return db_fail(r);
	size_t shown = res.nrows > PAGE ? PAGE : res.nrows;
	for (size_t k = 0; k < shown; k++) {
		size_t i = at.back ? shown - 1 - k : k;
		const char *p = arena_printf(r->a, "Requests.%zu", k);
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
	view_pager(r, &at, shown, res.nrows > PAGE, shown ? dbres_int(&res, at.back ? shown - 1 : 0, 0) : 0,
		   shown ? dbres_int(&res, at.back ? 0 : shown - 1, 0) : 0, dbres_int(&counted, 0, 0));
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
		long long a = dbres_int(approvers, i, AP_USER);
		if (a == r->user->id)
			return 1;
		for (size_t k = 0; k < nd; k++)
			if (a == from[k])
				return 1;
	}
	for (size_t i = 0; i < decisions->nrows; i++)
		if (dbres_int(decisions, i, DC_DECIDER) == r->user->id)
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
		audit_event(r, "access.denied", "request", id, NULL);
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
			if (dbres_int(&approvers, k, AP_STEP) == dbres_int(&steps, i, ST_NO)) {
				const char *ap = arena_printf(r->a, "%s.approvers.%zu", p, n++);
				view_set(r, arena_printf(r->a, "%s.name", ap), dbres_get(&approvers, k, AP_NAME));
				view_set(r, arena_printf(r->a, "%s.open", ap), dbres_get(&approvers, k, AP_OPEN));
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
enum { DF_DECISION, DF_STEP, DF_COMMENT, DF_BACK, DF__N };
static const char *const decisions[] = { "approve", "reject", NULL };
static const char *const backs[] = { "inbox", NULL };      /* sent from an inbox row: back there */
static const struct form_field decide_fields[DF__N] = {
	[DF_DECISION] = { .name = "decision", .type = FT_CHOICE, .flags = FORM_REQUIRED, .choices = decisions },
	[DF_STEP] = { .name = "step", .type = FT_NUMBER, .flags = FORM_REQUIRED, .min = 1, .max_value = 255 },
	[DF_COMMENT] = { .name = "comment", .type = FT_LONGTEXT, .max = 1000 },
	[DF_BACK] = { .name = "back", .type = FT_CHOICE, .choices = backs },
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
	int from_inbox = v[DF_BACK].text != NULL && v[DF_BACK].n == 0;
	if (!ok && from_inbox) {
		view_set_int(r, "Inbox.failed", id);
		return inbox_page(r, 422);
	}
	if (!ok)
		return show_request(r, 422, id);
	const char *why = NULL;
	int rc = approval_decide(r, id, (int)v[DF_STEP].n, approve, comment, &why);
	switch (rc) {
	case DB_OK:
		resp_flash(r, approve ? "request_approved" : "request_rejected");
		return resp_redirect(r, from_inbox ? "/requests/inbox" : arena_printf(r->a, "/requests/%lld", id));
	case APPROVAL_DECIDED:
	case APPROVAL_STALE_STEP:
		view_set(r, "Page.error_message", lang_text(r, "request.already_decided"));
		return show_request(r, 409, id);
	case APPROVAL_NOT_YOURS:
		audit_event(r, "access.denied", "request", id, "decide");
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

/* A batch approval from the inbox: the rows ticked, each "id.step" (the step
 * the row showed). Each goes through approval_decide (its own transaction,
 * the same lock); the page says how many were approved and which were
 * refused, and why. */
enum { BF_PICK, BF__N };
static const struct form_field batch_fields[BF__N] = {
	[BF_PICK] = { .name = "pick", .type = FT_TEXT, .flags = FORM_MULTI, .max = 24, .chars = "0123456789." },
};

int requests_batch(struct req *r)
{
	struct form_value v[BF__N];
	if (!FORM_READ(r, batch_fields, v))
		return 400;
	size_t approved = 0, refused = 0;
	for (size_t i = 0; i < v[BF_PICK].count && i < 200; i++) {
		const char *pick = v[BF_PICK].all[i], *dot = strchr(pick, '.');
		long long id, step;
		if (dot == NULL || form_number(arena_strndup(r->a, pick, (size_t)(dot - pick)), 1, (1LL << 62), &id) != 0 ||
		    form_number(dot + 1, 1, 255, &step) != 0)
			return 400;
		const char *why = NULL;
		int rc = approval_decide(r, id, (int)step, 1, "", &why);
		const char *reason;
		switch (rc) {
		case DB_OK:
			approved++;
			continue;
		case APPROVAL_DECIDED:
		case APPROVAL_STALE_STEP:
			reason = lang_text(r, "request.already_decided_short");
			break;
		case APPROVAL_NOT_YOURS:
			audit_event(r, "access.denied", "request", id, "decide");
			reason = lang_text(r, "request.not_yours");
			break;
		case APPROVAL_REFUSED:
			reason = why;
			break;
		case APPROVAL_NOBODY:
			reason = lang_text(r, "request.nobody");
			break;
		default:
			return db_fail(r);
		}
		const char *p = arena_printf(r->a, "Batch.refused.%zu", refused++);
		view_set_int(r, arena_printf(r->a, "%s.id", p), id);
		view_set(r, arena_printf(r->a, "%s.why", p), reason);
	}
	view_set(r, "Batch.done", "1");
	view_set_int(r, "Batch.approved", (long long)approved);
	view_set_int(r, "Batch.refused_count", (long long)refused);
	return inbox_page(r, 200);
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

