/* requests.c — the pages of approvals: asking about a card, the inbox, my
 * requests, one request with its decision form, delegations. The engine is
 * approvals.c. */
#include "approvals.h"
#include "clients.h"
#include "pages.h"
#include <stdlib.h>
#include <string.h>

#define PAGE 50

static const char *const kinds[] = { "view", "transfer", "takeover", "grade", "scope", "owner", "former",
				     "blacklist", "delete", NULL };

/* The kinds that ask for a new value (the others: the reason alone). */
static int kind_has_value(const char *k)
{
	return strcmp(k, "grade") == 0 || strcmp(k, "scope") == 0 || strcmp(k, "owner") == 0 ||
	       strcmp(k, "blacklist") == 0;
}

static int kind_valid(const char *k)
{
	for (int i = 0; k && kinds[i]; i++)
		if (strcmp(k, kinds[i]) == 0)
			return 1;
	return 0;
}

/* The text a person reads for a requested value of field. */
static const char *value_label(struct req *r, const char *field, const char *v)
{
	if (v == NULL || *v == '\0')
		return "";
	if (strcmp(field, "grade_id") == 0)
		return grade_label(r, strtoll(v, NULL, 10));
	if (strcmp(field, "owner_id") == 0) {
		const char *name = user_name(r, strtoll(v, NULL, 10));
		return *name ? name : v;
	}
	if (strcmp(field, "scope") == 0 || strcmp(field, "lifecycle") == 0 || strcmp(field, "blacklist") == 0)
		return lang_text(r, arena_printf(r->a, "client.opt.%s.%s", field, v));
	return v;
}

/* prefix.{field_label,old,new} for a request's change. */
static void view_change(struct req *r, const char *prefix, const char *field, const char *old, const char *new)
{
	if (field == NULL)
		return;
	view_set(r, arena_printf(r->a, "%s.field_label", prefix), lang_text(r, arena_printf(r->a, "request.field.%s", field)));
	view_set(r, arena_printf(r->a, "%s.old", prefix), value_label(r, field, old));
	view_set(r, arena_printf(r->a, "%s.new", prefix), value_label(r, field, new));
}

/* ---- asking ---------------------------------------------------------------------- */

/* Loads the card of /clients/{id}/request with the user's right (no view is
 * logged: asking is not looking). 0 or an HTTP status. */
static int request_card(struct req *r, struct dbres *card, enum via *via)
{
	int st = card_load(r, strtoll(r->args[0], NULL, 10), card);
	if (st != 0)
		return st;
	struct card_ref ref = card_ref_of(card);
	*via = card_access(r, &ref);
	return 0;
}

static int request_form_page(struct req *r, int status, const struct dbres *card, enum via via, const char *kind)
{
	view_set(r, "Subject.id", dbres_get(card, 0, CARD_ID));
	view_set(r, "Subject.name", dbres_get(card, 0, 1 + CF_name));
	view_set(r, "Subject.owner", dbres_get(card, 0, CARD_OWNER_NAME));
	view_set(r, "Subject.dept", dbres_get(card, 0, CARD_DEPT_NAME));
	view_set(r, "Subject.visible", via != VIA_NONE ? "1" : "0");
	view_set(r, "Form.values.kind", kind);
	if (kind_has_value(kind))
		view_set(r, "Page.has_value", "1");
	static const struct { const char *kind, *field; int col; } current[] = {
		{ "grade", "grade_id", 1 + CF_grade_id }, { "scope", "scope", CARD_SCOPE },
		{ "owner", "owner_id", CARD_OWNER_ID }, { "former", "lifecycle", 1 + CF_lifecycle },
		{ "blacklist", "blacklist", CARD_BLACKLIST },
	};
	for (size_t i = 0; i < sizeof current / sizeof current[0]; i++)
		if (strcmp(kind, current[i].kind) == 0 && via != VIA_NONE)
			view_set(r, "Subject.current", value_label(r, current[i].field, card->rows[0][current[i].col]));
	if (strcmp(kind, "grade") == 0)
		view_class_choices(r, "grade");
	view_set(r, "Page.title", lang_text(r, arena_printf(r->a, "request.kind.%s", kind)));
	return render(r, status, "client_request.cs");
}

int requests_new(struct req *r)
{
	struct dbres card;
	enum via via;
	int st = request_card(r, &card, &via);
	if (st != 0)
		return st;
	const char *kind = req_query(r, "kind");
	if (!kind_valid(kind))
		return 404;
	return request_form_page(r, 200, &card, via, kind);
}

struct create_ctx {
	struct req *r;
	struct new_request n;
	long long id, pending;
};

static int create_txn(void *arg)
{
	struct create_ctx *c = arg;
	struct dbres same;
	int rc = db_exec(c->r->db, c->r->a, Q_REQUEST_PENDING_SAME, &same, "iiss", c->n.client_id, c->r->user->id,
			 c->n.type, c->n.field ? c->n.field : "");
	if (rc != DB_OK)
		return rc;
	if (same.nrows > 0) {
		c->pending = dbres_int(&same, 0, 0);
		return DB_CONFLICT;
	}
	return approval_create(c->r, &c->n, &c->id);
}

int requests_create(struct req *r)
{
	struct dbres card;
	enum via via;
	int st = request_card(r, &card, &via);
	if (st != 0)
		return st;
	const char *kind = req_form(r, "kind");
	if (!kind_valid(kind))
		return 400;
	const char *value = form_text(r, "value", 64, 0);
	const char *reason = form_text(r, "_reason", 500, 1);
	struct create_ctx c;
	memset(&c, 0, sizeof c);
	c.r = r;
	const char *why;
	int prep = client_request_prepare(r, &card, via, kind, value, &c.n, &why);
	if (prep == -2) {
		audit(r, "access.denied", "client", dbres_int(&card, 0, CARD_ID), kind);
		return 403;
	}
	if (prep != 0) {
		/* beside the value when there is one to choose, else at the top */
		if (kind_has_value(kind)) {
			view_set(r, "Form.errors.value", why);
			view_set(r, "Form.invalid", "1");
		} else {
			view_set(r, "Page.error_message", why);
		}
		return request_form_page(r, 422, &card, via, kind);
	}
	if (reason == NULL)
		return request_form_page(r, 422, &card, via, kind);
	c.n.reason = reason;
	int rc = db_txn(r->db, create_txn, &c);
	if (rc == DB_CONFLICT) {
		view_set(r, "Page.error_message", lang_text(r, "request.already_pending"));
		view_set_int(r, "Page.pending_id", c.pending);
		return request_form_page(r, 409, &card, via, kind);
	}
	if (rc == APPROVAL_NOBODY) {
		view_set(r, "Page.error_message", lang_text(r, "request.nobody"));
		return request_form_page(r, 422, &card, via, kind);
	}
	if (rc != DB_OK)
		return 503;
	resp_flash(r, "request_sent");
	return resp_redirect(r, arena_printf(r->a, "/requests/%lld", c.id));
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
	for (int i = 0; t && approval_types[i]; i++)
		if (strcmp(t, approval_types[i]) == 0)
			return t;
	return "";
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
		return 503;
	long long last = 0;
	size_t shown = 0;
	for (size_t i = 0; i < res.nrows && shown < PAGE; i++) {
		if (dbres_int(&res, i, 0) == last)          /* mine and a delegator's: once */
			continue;
		last = dbres_int(&res, i, 0);
		const char *p = arena_printf(r->a, "Requests.%zu", shown++);
		static const char *cols[] = { "id", "type", "client_id", "client", "requester", "reason", NULL };
		view_row(r, p, cols, &res, i);
		view_change(r, p, res.rows[i][6], res.rows[i][7], res.rows[i][8]);
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
	return render(r, 200, "requests.cs");
}

int requests_mine(struct req *r)
{
	struct dbres res;
	if (db_exec(r->db, r->a, Q_MY_REQUESTS, &res, "iii", r->user->id, before_arg(r), (long long)PAGE + 1) != DB_OK)
		return 503;
	for (size_t i = 0; i < res.nrows && i < PAGE; i++) {
		const char *p = arena_printf(r->a, "Requests.%zu", i);
		static const char *cols[] = { "id", "type", "client_id", "client", "reason", NULL };
		view_row(r, p, cols, &res, i);
		view_change(r, p, res.rows[i][5], res.rows[i][6], res.rows[i][7]);
		view_set(r, arena_printf(r->a, "%s.status", p), dbres_get(&res, i, 8));
		view_set(r, arena_printf(r->a, "%s.created_at", p), dbres_get(&res, i, 9));
		view_set(r, arena_printf(r->a, "%s.decided_at", p), dbres_get(&res, i, 10));
	}
	if (res.nrows > PAGE)
		view_set(r, "Page.next_before", dbres_get(&res, PAGE - 1, 0));
	view_set(r, "Page.tab", "mine");
	view_set(r, "Page.title", lang_text(r, "request.mine"));
	return render(r, 200, "requests.cs");
}

/* ---- one request ---------------------------------------------------------------------- */

/* Columns of Q_REQUEST_GET. */
enum { G_ID, G_TYPE, G_CLIENT, G_REQUESTER, G_REASON, G_FIELD, G_OLD, G_NEW, G_PAYLOAD, G_STATUS, G_STEP,
       G_CREATED, G_DECIDED, G_EXPIRES, G_REQUESTER_NAME, G_REQUESTER_DEPT, G_CLIENT_NAME, G_CLIENT_DELETED };

/* 1 when the signed-in user is part of the request: asked, may decide (now
 * or for someone), was asked to decide, or decided. */
static int involved(struct req *r, const struct dbres *rq, const struct dbres *approvers,
		    const struct dbres *decisions)
{
	if (dbres_int(rq, 0, G_REQUESTER) == r->user->id)
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
		return 503;
	if (rq.nrows != 1)
		return 404;
	if (db_exec(r->db, r->a, Q_STEPS_OF, &steps, "i", id) != DB_OK ||
	    db_exec(r->db, r->a, Q_APPROVERS_OF, &approvers, "i", id) != DB_OK ||
	    db_exec(r->db, r->a, Q_DECISIONS_OF, &decisions, "i", id) != DB_OK)
		return 503;
	if (!involved(r, &rq, &approvers, &decisions)) {
		audit(r, "access.denied", "request", id, NULL);
		return 403;
	}
	static const char *cols[] = { "id", "type", "client_id", "requester_id", "reason", "field", "old_value",
				      "new_value", "payload", "status", "step", "created_at", "decided_at",
				      "expires_at", "requester", "requester_dept", "client", "client_deleted", NULL };
	view_row(r, "Request", cols, &rq, 0);
	view_change(r, "Request", rq.rows[0][G_FIELD], rq.rows[0][G_OLD], rq.rows[0][G_NEW]);
	view_age(r, "Request.age", dbres_get(&rq, 0, G_CREATED));
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
	int pending = strcmp(dbres_get(&rq, 0, G_STATUS), "pending") == 0;
	long long requester = dbres_int(&rq, 0, G_REQUESTER);
	if (pending && requester == r->user->id)
		view_set(r, "Can.withdraw", "1");
	if (pending && requester != r->user->id) {
		long long acting = approval_acting_for(r, id, (int)dbres_int(&rq, 0, G_STEP));
		if (acting != 0 && acting != requester) {
			view_set(r, "Can.decide", "1");
			if (acting != r->user->id)
				view_set(r, "Can.decide_for", user_name(r, acting));
		}
	}
	view_set(r, "Page.title", arena_printf(r->a, "%s #%lld", lang_text(r, "request.title"), id));
	return render(r, status, "request_show.cs");
}

int requests_show(struct req *r)
{
	return show_request(r, 200, strtoll(r->args[0], NULL, 10));
}

int requests_decide(struct req *r)
{
	long long id = strtoll(r->args[0], NULL, 10);
	const char *decision = req_form(r, "decision");
	long long step;
	if (decision == NULL || (strcmp(decision, "approve") != 0 && strcmp(decision, "reject") != 0) ||
	    form_int(r, "step", 1, 255, &step) != 0)
		return 400;
	const char *comment = form_text(r, "comment", 1000, strcmp(decision, "reject") == 0);
	if (comment == NULL)                        /* a rejection says why */
		return show_request(r, 422, id);
	const char *why = NULL;
	int rc = approval_decide(r, id, (int)step, strcmp(decision, "approve") == 0, comment, &why);
	switch (rc) {
	case DB_OK:
		resp_flash(r, strcmp(decision, "approve") == 0 ? "request_approved" : "request_rejected");
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
		return 503;
	}
}

int requests_withdraw(struct req *r)
{
	long long id = strtoll(r->args[0], NULL, 10);
	int rc = approval_withdraw(r, id);
	if (rc == APPROVAL_NOT_YOURS)
		return 403;
	if (rc == APPROVAL_DECIDED) {
		view_set(r, "Page.error_message", lang_text(r, "request.already_decided"));
		return show_request(r, 409, id);
	}
	if (rc != DB_OK)
		return 503;
	resp_flash(r, "request_withdrawn");
	return resp_redirect(r, arena_printf(r->a, "/requests/%lld", id));
}

/* ---- delegation --------------------------------------------------------------------------- */

static int delegations_page(struct req *r, int status)
{
	struct dbres res;
	if (db_exec(r->db, r->a, Q_DELEGATIONS_OF, &res, "ii", r->user->id, r->user->id) != DB_OK)
		return 503;
	char now[20];
	clock_format(r->now, now);
	for (size_t i = 0; i < res.nrows; i++) {
		const char *p = arena_printf(r->a, "Delegations.%zu", i);
		static const char *cols[] = { "id", "from_id", "from", "to_id", "to", "starts_at", "ends_at", "note",
					      "revoked_at", NULL };
		view_row(r, p, cols, &res, i);
		int running = res.rows[i][8] == NULL && strcmp(dbres_get(&res, i, 5), now) <= 0 &&
			      strcmp(dbres_get(&res, i, 6), now) > 0;
		int future = res.rows[i][8] == NULL && strcmp(dbres_get(&res, i, 5), now) > 0;
		view_set(r, arena_printf(r->a, "%s.state", p), res.rows[i][8] ? "revoked" : running ? "running"
							 : future ? "future" : "ended");
		if (dbres_int(&res, i, 1) == r->user->id && (running || future))
			view_set(r, arena_printf(r->a, "%s.can_revoke", p), "1");
	}
	view_set(r, "Page.title", lang_text(r, "delegation.title"));
	return render(r, status, "delegations.cs");
}

int delegations_list(struct req *r)
{
	return delegations_page(r, 200);
}

/* "YYYY-MM-DDTHH:MM" (a datetime-local field) or "YYYY-MM-DD HH:MM[:SS]" → DATETIME text. */
static const char *form_datetime(struct req *r, const char *field)
{
	const char *v = form_text(r, field, 19, 1);
	if (v == NULL)
		return NULL;
	char buf[20];
	snprintf(buf, sizeof buf, "%s", v);
	if (strlen(buf) >= 11 && buf[10] == 'T')
		buf[10] = ' ';
	if (strlen(buf) == 16)
		strcat(buf, ":00");
	time_t t;
	char back[20];
	if (clock_parse(buf, &t) != 0 || (clock_format(t, back), strcmp(back, buf) != 0)) {
		form_error(r, field, "form.bad_datetime");
		return NULL;
	}
	return arena_strdup(r->a, buf);
}

int delegations_create(struct req *r)
{
	const char *to = form_text(r, "to_username", 64, 1);
	const char *starts = form_datetime(r, "starts_at");
	const char *ends = form_datetime(r, "ends_at");
	const char *note = form_text(r, "note", 200, 0);
	int ok = to && starts && ends && note;
	struct dbres u;
	long long to_id = 0;
	if (to) {
		if (db_exec(r->db, r->a, Q_USER_BY_USERNAME, &u, "s", to) != DB_OK)
			return 503;
		if (u.nrows != 1 || dbres_int(&u, 0, 2) != 0) {
			form_error(r, "to_username", "request.no_such_user");
			ok = 0;
		} else if ((to_id = dbres_int(&u, 0, 0)) == r->user->id) {
			form_error(r, "to_username", "delegation.not_self");
			ok = 0;
		}
	}
	if (starts && ends && strcmp(starts, ends) >= 0) {
		form_error(r, "ends_at", "delegation.ends_before");
		ok = 0;
	}
	if (!ok)
		return delegations_page(r, 422);
	char now[20];
	clock_format(r->now, now);
	struct dbres res;
	if (db_exec(r->db, r->a, Q_DELEGATION_INSERT, &res, "iissss", r->user->id, to_id, starts, ends, note, now) != DB_OK)
		return 503;
	audit(r, "delegation.created", "delegation", (long long)res.insert_id,
	      arena_printf(r->a, "to %s, %s – %s", to, starts, ends));
	resp_flash(r, "saved");
	return resp_redirect(r, "/delegations");
}

int delegations_revoke(struct req *r)
{
	long long id = strtoll(r->args[0], NULL, 10);
	char now[20];
	clock_format(r->now, now);
	struct dbres res;
	if (db_exec(r->db, r->a, Q_DELEGATION_REVOKE, &res, "sii", now, id, r->user->id) != DB_OK)
		return 503;
	if (res.affected != 1)
		return 404;
	audit(r, "delegation.revoked", "delegation", id, NULL);
	resp_flash(r, "saved");
	return resp_redirect(r, "/delegations");
}
