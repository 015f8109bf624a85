/* borrow.c — asking to borrow an item, by the secrecy table of DESIGN.md §6:
 * ordinary — out up to 7 days, approved by the requester's department
 * manager; the GM, deputy GM and marketing director borrow it directly (an
 * authorisation of their own, no request); secret — out up to 4 hours,
 * approved by the GM (the deputy GM in charge through the GM's delegation);
 * confidential — read in the reading room only, approved by the marketing
 * director; top secret — refused, no request made. An approval (or a direct
 * loan) is an authorisation the archivist checks the item out against
 * (archive_auths), valid 3 days. The approval kinds "archive_file" and
 * "archive_borrow" live here. */
#include "archive.h"
#include "sql.h"
#include "approvals/approvals.h"
#include "core/form.h"
#include <stdlib.h>
#include <string.h>

/* Those who borrow ordinary items without asking (DESIGN.md §6). The "office
 * head" of the seed has no role yet: until one exists, they ask like anyone. */
#define DIRECT_ROLES (ROLE_GM | ROLE_DEPUTY_GM | ROLE_DIRECTOR)

static int may_direct(struct req *r, const struct secrecy_rule *rule)
{
	return strcmp(rule->level, "ordinary") == 0 && req_has_role(r, DIRECT_ROLES);
}

/* An item that can be lent at all now (on the shelf, or out and coming back). */
static int lendable(const char *status)
{
	return strcmp(status, "on_shelf") == 0 || strcmp(status, "checked_out") == 0 ||
	       strcmp(status, "reading_room") == 0;
}

static void view_rule(struct req *r, const struct secrecy_rule *rule)
{
	view_set(r, "Rule.level", rule->level);
	view_set(r, "Rule.text", lang_text(r, arena_printf(r->a, "archive.rule.%s", rule->level)));
	if (rule->refused)
		view_set(r, "Rule.refused", "1");
}

static int borrow_page(struct req *r, int status, const struct dbres *it)
{
	archive_view_item(r, "Item", it, 0);
	const struct secrecy_rule *rule = archive_secrecy(dbres_get(it, 0, IT_SECRECY));
	view_rule(r, rule);
	if (may_direct(r, rule))
		view_set(r, "Page.direct", "1");
	view_set(r, "Page.title", lang_text(r, "archive.borrow"));
	return render(r, status, "archive/borrow.cs");
}

/* The item of /archive/items/{id}/borrow, seen by the reader. 0 or a status. */
static int borrow_item(struct req *r, struct dbres *it)
{
	int st = archive_item_load(r, r->ids[0], it);
	if (st != 0)
		return st;
	int may = archive_may_see(r, dbres_int(it, 0, IT_CLIENT));
	if (may < 0)
		return db_fail(r);
	if (!may) {
		audit_event(r, "access.denied", "archive_item", r->ids[0], "borrow");
		return 403;
	}
	return 0;
}

int archive_borrow_form(struct req *r)
{
	struct dbres it;
	int st = borrow_item(r, &it);
	return st != 0 ? st : borrow_page(r, 200, &it);
}

struct borrow_ctx {
	struct req *r;
	const struct dbres *it;
	const struct secrecy_rule *rule;
	const char *reason;
	long long id, pending;
};

static const char *mode_of(const struct secrecy_rule *rule)
{
	return rule->reading_only ? "reading" : "loan";
}

static int direct_txn(void *arg)
{
	struct borrow_ctx *c = arg;
	struct req *r = c->r;
	struct dbres res;
	long long item = dbres_int(c->it, 0, IT_ID);
	int rc = db_exec(r->db, r->a, Q_AUTH_INSERT, &res, "iisisisss", item, r->user->id, "direct", 0LL, "loan",
			 (long long)c->rule->loan_secs, c->reason, r->now_text, r->now_text);
	if (rc != DB_OK)
		return rc;
	c->id = (long long)res.insert_id;
	return audit(r, "archive.direct_loan", "archive_item", item, c->reason);
}

static int request_txn(void *arg)
{
	struct borrow_ctx *c = arg;
	struct req *r = c->r;
	struct dbres same;
	const char *item = dbres_get(c->it, 0, IT_ID);
	int rc = db_exec(r->db, r->a, Q_BORROW_PENDING, &same, "is", r->user->id, item);
	if (rc != DB_OK)
		return rc;
	if (same.nrows > 0) {
		c->pending = dbres_int(&same, 0, 0);
		return DB_CONFLICT;
	}
	struct new_request n = { 0 };
	n.type = "archive_borrow";
	n.client_id = dbres_int(c->it, 0, IT_CLIENT);
	n.secrecy = c->rule->level;
	n.subject_dept = r->user->dept_id;        /* the requester's department manager */
	n.reason = c->reason;
	n.field = "item";
	n.old_value = c->rule->level;
	n.new_value = item;
	n.payload = mode_of(c->rule);
	return approval_create(r, &n, &c->id);
}

int archive_borrow(struct req *r)
{
	struct dbres it;
	int st = borrow_item(r, &it);
	if (st != 0)
		return st;
	const struct secrecy_rule *rule = archive_secrecy(dbres_get(&it, 0, IT_SECRECY));
	if (rule->refused) {          /* top secret: refused outright, nothing asked */
		audit_event(r, "archive.refused", "archive_item", r->ids[0], rule->level);
		view_set(r, "Page.error_message", lang_text(r, "archive.top_secret_refused"));
		return borrow_page(r, 403, &it);
	}
	static const struct form_field fields[] = {
		{ .name = "_reason", .type = FT_LONGTEXT, .max = 500, .flags = FORM_REQUIRED },
	};
	struct form_value v[1];
	if (!FORM_READ(r, fields, v))
		return borrow_page(r, 422, &it);
	if (!lendable(dbres_get(&it, 0, IT_STATUS))) {
		view_set(r, "Page.error_message", lang_text(r, "archive.not_lendable"));
		return borrow_page(r, 409, &it);
	}
	struct borrow_ctx c = { r, &it, rule, v[0].text, 0, 0 };
	if (may_direct(r, rule)) {
		int rc = db_txn(r->db, direct_txn, &c);
		if (rc != DB_OK)
			return db_status(rc);
		resp_flash(r, "archive_direct");
		return resp_redirect(r, arena_printf(r->a, "/archive/items/%lld", r->ids[0]));
	}
	int rc = db_txn(r->db, request_txn, &c);
	if (rc == DB_CONFLICT) {
		view_set(r, "Page.error_message", lang_text(r, "request.already_pending"));
		view_set_int(r, "Page.pending_id", c.pending);
		return borrow_page(r, 409, &it);
	}
	if (rc == APPROVAL_NOBODY) {
		view_set(r, "Page.error_message", lang_text(r, "request.nobody"));
		return borrow_page(r, 422, &it);
	}
	if (rc != DB_OK)
		return db_status(rc);
	resp_flash(r, "request_sent");
	return resp_redirect(r, arena_printf(r->a, "/requests/%lld", c.id));
}

/* ---- the approval kinds ------------------------------------------------------------------------ */

static int item_of(struct req *r, const struct request_row *rq, struct dbres *it, const char **why)
{
	int rc = db_exec(r->db, r->a, Q_ITEM_GET, it, "i", rq->new_value ? strtoll(rq->new_value, NULL, 10) : 0LL);
	if (rc != DB_OK)
		return rc;
	if (it->nrows != 1) {
		*why = lang_text(r, "archive.item_gone");
		return APPROVAL_REFUSED;
	}
	return DB_OK;
}

/* Filing signed off: the item waits for the archivist to place it. */
static int apply_file(struct req *r, const struct request_row *rq, long long decider, const char **why)
{
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_ITEM_APPROVE, &res, "isi", decider, r->now_text,
			 rq->new_value ? strtoll(rq->new_value, NULL, 10) : 0LL);
	if (rc != DB_OK)
		return rc;
	if (res.affected != 1) {
		*why = lang_text(r, "archive.item_gone");
		return APPROVAL_REFUSED;
	}
	return DB_OK;
}

/* A loan approved: the requester's authorisation for the desk. */
static int apply_borrow(struct req *r, const struct request_row *rq, long long decider, const char **why)
{
	struct dbres it, res;
	int rc = item_of(r, rq, &it, why);
	if (rc != DB_OK)
		return rc;
	const struct secrecy_rule *rule = archive_secrecy(dbres_get(&it, 0, IT_SECRECY));
	if (rule->refused || !lendable(dbres_get(&it, 0, IT_STATUS))) {
		*why = lang_text(r, "archive.not_lendable");
		return APPROVAL_REFUSED;
	}
	return db_exec(r->db, r->a, Q_AUTH_INSERT, &res, "iisisisss", dbres_int(&it, 0, IT_ID), rq->requester, "request",
		       rq->id, mode_of(rule), (long long)rule->loan_secs, rq->reason, r->now_text, r->now_text);
}

static const char *archive_value_text(struct req *r, const char *field, const char *v)
{
	if (v == NULL || *v == '\0')
		return "";
	long long id = text_id(v);
	if (id == 0)                 /* the secrecy the request was made at */
		return lang_text(r, arena_printf(r->a, "archive.secrecy.%s", v));
	struct dbres it;
	if (db_exec(r->db, r->a, Q_ITEM_GET, &it, "i", id) != DB_OK || it.nrows != 1)
		return v;
	return arena_printf(r->a, "%s %s", dbres_get(&it, 0, IT_NO), dbres_get(&it, 0, IT_TITLE));
}

static void cell(struct req *r, const char *row, int k, const char *text)
{
	view_set(r, arena_printf(r->a, "%s.cells.%d.text", row, k), text);
}

/* What the approver reads: exactly the item, its secrecy and what the loan allows. */
static int archive_detail(struct req *r, const struct request_row *rq)
{
	struct dbres it;
	const char *why;
	int rc = item_of(r, rq, &it, &why);
	if (rc == APPROVAL_REFUSED)
		return DB_OK;
	if (rc != DB_OK)
		return rc;
	const char *t = "Detail.tables.0";
	view_set(r, arena_printf(r->a, "%s.title", t), lang_text(r, "archive.detail_title"));
	static const char *heads[] = { "f.no", "f.title", "f.type", "f.doc_date", "f.pages", "f.secrecy", "f.status",
				       "f.place", "f.loan", NULL };
	int borrow = strcmp(rq->type, "archive_borrow") == 0;
	for (int k = 0; heads[k]; k++)
		if (k < 8 || borrow)
			view_set(r, arena_printf(r->a, "%s.head.%d", t, k),
				 lang_text(r, arena_printf(r->a, "archive.%s", heads[k])));
	const char *row = arena_printf(r->a, "%s.rows.0", t);
	const char *secrecy = dbres_get(&it, 0, IT_SECRECY);
	cell(r, row, 0, dbres_get(&it, 0, IT_NO));
	view_setf(r, arena_printf(r->a, "%s.cells.0.href", row), "/archive/items/%s", dbres_get(&it, 0, IT_ID));
	cell(r, row, 1, dbres_get(&it, 0, IT_TITLE));
	cell(r, row, 2, dbres_get(&it, 0, strcmp(r->lang, "en") == 0 ? IT_TYPE_EN : IT_TYPE_ZH));
	cell(r, row, 3, dbres_get(&it, 0, IT_DATE));
	cell(r, row, 4, dbres_get(&it, 0, IT_PAGES));
	cell(r, row, 5, lang_text(r, arena_printf(r->a, "archive.secrecy.%s", secrecy)));
	view_set(r, arena_printf(r->a, "%s.cells.5.class", row), arena_printf(r->a, "secrecy-%s", secrecy));
	cell(r, row, 6, lang_text(r, arena_printf(r->a, "archive.status.%s", dbres_get(&it, 0, IT_STATUS))));
	cell(r, row, 7, dbres_get(&it, 0, IT_PLACE) ? dbres_get(&it, 0, IT_PLACE) : "");
	if (borrow)
		cell(r, row, 8, lang_text(r, arena_printf(r->a, "archive.rule.%s", secrecy)));
	return DB_OK;
}

const struct approval_kind archive_kinds[] = {
	{ "archive_file",   archive_value_text, apply_file, archive_detail },
	{ "archive_borrow", archive_value_text, apply_borrow, archive_detail },
	{ "archive_destroy", archive_batch_value_text, archive_apply_destroy, archive_batch_detail },
	{ 0 },
};
