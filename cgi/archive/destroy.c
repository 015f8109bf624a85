/* destroy.c — retention and destruction (DESIGN.md §6, issue 11 point 7).
 *
 * An item is due when its document date plus its retention years is past
 * (permanent: never). The archivist registers a batch from the items due
 * (all of one creating department: the department the item was filed from);
 * it is the approval "archive_destroy": step 1 the customer-service manager
 * (the dept_manager over the department cs_dept_code), step 2 the head of the
 * creating department, step 3 the marketing director, or the GM when any
 * item is secret or above (sql/032_destruction.sql). On approval the items go
 * into a 6-month destruction hold. After it the archivist records the place,
 * day, executor and a supervisor chosen by name; the supervisor signs in and
 * confirms, and only then the items are destroyed and their lines written to
 * the destruction register (append-only for the application). A legal hold on
 * a client keeps its items out of any batch: refused when the batch is made,
 * approved, recorded and confirmed. */
#include "archive.h"
#include "sql.h"
#include "approvals/approvals.h"
#include "core/form.h"
#include "core/people.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HOLD_MONTHS 6
#define DUE_ROWS 500
#define BATCH_MAX 200

/* The batch's clients locked; 1 when any of them is under a legal hold, 0, or a negative db_rc. */
static int batch_held(struct req *r, long long batch)
{
	struct dbres h;
	int rc = db_exec(r->db, r->a, Q_BATCH_HELD_ITEMS, &h, "i", batch);
	if (rc != DB_OK)
		return rc;
	for (size_t i = 0; i < h.nrows; i++)
		if (dbres_int(&h, i, 0))
			return 1;
	return 0;
}

static const char *secrecy_route(const char *worst)
{
	return strcmp(worst, "ordinary") == 0 ? "ordinary" : "secret";
}

/* ---- the items due ------------------------------------------------------------------------------ */

static int due_page(struct req *r, int status)
{
	struct dbres res;
	if (db_exec(r->db, r->a, Q_RETENTION_DUE, &res, "si", day_text(r, 0), (long long)DUE_ROWS) != DB_OK)
		return db_fail(r);
	static const char *cols[] = { "id", "no", "title", "client_id", "client", "doc_date", "retention", "secrecy",
				      "dept", "dept_id", "legal_hold", "due", NULL };
	for (size_t i = 0; i < res.nrows; i++)
		view_row(r, arena_printf(r->a, "Items.%zu", i), cols, &res, i);
	struct dbres b;
	if (db_exec(r->db, r->a, Q_BATCHES, &b, "") != DB_OK)
		return db_fail(r);
	static const char *bcols[] = { "id", "status", "dept", "created_at", "hold_until", "n", "request_id",
				       "creator", NULL };
	for (size_t i = 0; i < b.nrows; i++)
		view_row(r, arena_printf(r->a, "Batches.%zu", i), bcols, &b, i);
	view_set(r, "Page.tab", "retention");
	view_set(r, "Page.title", lang_text(r, "archive.retention"));
	return render(r, status, "archive/retention.cs");
}

int archive_retention(struct req *r)
{
	return due_page(r, 200);
}

/* The job: how many items are due and in no batch (the page lists them). */
int archive_retention_count(struct req *r, long long *n)
{
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_RETENTION_COUNT, &res, "s", day_text(r, 0));
	*n = rc == DB_OK ? dbres_int(&res, 0, 0) : 0;
	return rc;
}

struct batch_ctx {
	struct req *r;
	const char **ids;
	size_t n;
	const char *reason;
	long long batch, request;
	const char *why;             /* lang key of a refusal */
};

static int batch_txn(void *arg)
{
	struct batch_ctx *c = arg;
	struct req *r = c->r;
	long long dept = 0;
	const char *worst = "ordinary";
	struct dbres it;
	for (size_t i = 0; i < c->n; i++) {
		int rc = db_exec(r->db, r->a, Q_DUE_ITEM_LOCK, &it, "is", text_id(c->ids[i]), day_text(r, 0));
		if (rc != DB_OK)
			return rc;
		if (it.nrows != 1) {
			c->why = "archive.not_due";
			return DB_CONFLICT;
		}
		if (dbres_int(&it, 0, DI_HOLD)) {
			c->why = "archive.legal_hold_refused";
			return DB_CONFLICT;
		}
		if (dept != 0 && dbres_int(&it, 0, DI_DEPT) != dept) {
			c->why = "archive.one_dept";
			return DB_CONFLICT;
		}
		dept = dbres_int(&it, 0, DI_DEPT);
		if (strcmp(dbres_get(&it, 0, DI_SECRECY), "ordinary") != 0)
			worst = "secret";
	}
	struct dbres res, cs;
	int rc = db_exec(r->db, r->a, Q_BATCH_INSERT, &res, "iis", dept, r->user->id, r->now_text);
	if (rc != DB_OK)
		return rc;
	c->batch = (long long)res.insert_id;
	for (size_t i = 0; i < c->n && rc == DB_OK; i++)
		rc = db_exec(r->db, r->a, Q_BATCH_ITEM_INSERT, NULL, "ii", c->batch, text_id(c->ids[i]));
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_DEPT_BY_CODE, &cs, "s", r->cfg->cs_dept_code);
	if (rc != DB_OK)
		return rc;
	struct new_request nr = { 0 };
	nr.type = "archive_destroy";
	nr.secrecy = secrecy_route(worst);
	nr.subject_dept = dept;                        /* step 2: the creating department's head */
	nr.step_dept[1] = cs.nrows ? dbres_int(&cs, 0, 0) : 0;   /* step 1: the customer-service manager */
	nr.reason = c->reason;
	nr.field = "batch";
	nr.new_value = arena_printf(r->a, "%lld", c->batch);
	rc = approval_create(r, &nr, &c->request);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_exec(r->db, r->a, Q_BATCH_SET_REQUEST, NULL, "ii", c->request, c->batch)) != DB_OK)
		return rc;
	return audit(r, "archive.batch_created", "destruction_batch", c->batch,
		     arena_printf(r->a, "%zu item(s), request %lld", c->n, c->request));
}

int archive_batch_create(struct req *r)
{
	static const struct form_field fields[] = {
		{ .name = "_reason", .type = FT_LONGTEXT, .max = 500, .flags = FORM_REQUIRED },
	};
	struct form_value v[1];
	if (!FORM_READ(r, fields, v))
		return due_page(r, 422);
	size_t n = 0;
	const char **ids = form_all(r, "item", &n);
	if (n == 0 || n > BATCH_MAX) {
		view_set(r, "Page.error_message", lang_text(r, "archive.choose_items"));
		return due_page(r, 422);
	}
	for (size_t i = 0; i < n; i++)
		if (text_id(ids[i]) == 0) {
			view_set(r, "Page.error_message", lang_text(r, "archive.choose_items"));
			return due_page(r, 422);
		}
	struct batch_ctx c = { r, ids, n, v[0].text, 0, 0, NULL };
	int rc = db_txn(r->db, batch_txn, &c);
	if (rc == DB_CONFLICT && c.why) {
		if (strcmp(c.why, "archive.legal_hold_refused") == 0)
			audit_event(r, "archive.batch_refused", "destruction_batch", 0, "legal hold");
		view_set(r, "Page.error_message", lang_text(r, c.why));
		return due_page(r, 409);
	}
	if (rc == APPROVAL_NOBODY) {
		view_set(r, "Page.error_message", lang_text(r, "request.nobody"));
		return due_page(r, 422);
	}
	if (rc != DB_OK)
		return db_status(rc);
	resp_flash(r, "archive_batch_created");
	return resp_redirect(r, arena_printf(r->a, "/archive/destruction/%lld", c.batch));
}

/* ---- the approval ---------------------------------------------------------------------------- */

static long long batch_of(const struct request_row *rq)
{
	return rq->new_value ? strtoll(rq->new_value, NULL, 10) : 0;
}

/* Approved: the items go into the destruction hold for 6 months (none under a legal hold). */
int archive_apply_destroy(struct req *r, const struct request_row *rq, long long decider, const char **why)
{
	long long batch = batch_of(rq);
	struct dbres res;
	int rc = batch_held(r, batch);
	if (rc < 0)
		return rc;
	if (rc > 0) {
		*why = lang_text(r, "archive.legal_hold_refused");
		return APPROVAL_REFUSED;
	}
	const char *until = r->now_text;
	if ((rc = db_exec(r->db, r->a, Q_BATCH_APPROVE, &res, "si", until, batch)) != DB_OK)
		return rc;
	if (res.affected != 1) {
		*why = lang_text(r, "archive.batch_gone");
		return APPROVAL_REFUSED;
	}
	if ((rc = db_exec(r->db, r->a, Q_BATCH_ITEMS_HOLD, &res, "si", until, batch)) != DB_OK)
		return rc;
	(void)decider;
	return audit(r, "archive.batch_approved", "destruction_batch", batch, "destruction hold");
}

const char *archive_batch_value_text(struct req *r, const char *field, const char *v)
{
	return v == NULL || *v == '\0' ? "" : arena_printf(r->a, "%s #%s", lang_text(r, "archive.batch"), v);
}

int archive_batch_detail(struct req *r, const struct request_row *rq)
{
	struct dbres it;
	int rc = db_exec(r->db, r->a, Q_BATCH_ITEMS, &it, "i", batch_of(rq));
	if (rc != DB_OK)
		return rc;
	const char *t = "Detail.tables.0";
	view_set(r, arena_printf(r->a, "%s.title", t), lang_text(r, "archive.batch_items"));
	static const char *heads[] = { "f.no", "f.title", "f.client", "f.doc_date", "f.retention", "f.secrecy", NULL };
	for (int k = 0; heads[k]; k++)
		view_set(r, arena_printf(r->a, "%s.head.%d", t, k), lang_text(r, arena_printf(r->a, "archive.%s", heads[k])));
	for (size_t i = 0; i < it.nrows; i++) {
		const char *row = arena_printf(r->a, "%s.rows.%zu", t, i);
		view_set(r, arena_printf(r->a, "%s.cells.0.text", row), dbres_get(&it, i, BI_NO));
		view_setf(r, arena_printf(r->a, "%s.cells.0.href", row), "/archive/items/%s", dbres_get(&it, i, BI_ID));
		view_set(r, arena_printf(r->a, "%s.cells.1.text", row), dbres_get(&it, i, BI_TITLE));
		view_set(r, arena_printf(r->a, "%s.cells.2.text", row), dbres_get(&it, i, BI_CLIENT));
		view_set(r, arena_printf(r->a, "%s.cells.3.text", row), dbres_get(&it, i, BI_DATE));
		view_set(r, arena_printf(r->a, "%s.cells.4.text", row),
			 lang_text(r, arena_printf(r->a, "archive.rtn.y%s", dbres_get(&it, i, BI_RETENTION))));
		view_set(r, arena_printf(r->a, "%s.cells.5.text", row),
			 lang_text(r, arena_printf(r->a, "archive.secrecy.%s", dbres_get(&it, i, BI_SECRECY))));
	}
	return DB_OK;
}

/* ---- a batch: its page, the record and the supervisor's confirmation ----------------------------- */

static int may_see_batch(struct req *r, const struct dbres *b)
{
	return req_has_role(r, ROLE_ARCHIVIST | ROLE_DIRECTOR | ROLE_DEPUTY_GM | ROLE_GM)
		|| dbres_int(b, 0, BT_SUPERVISOR) == r->user->id;
}

static int batch_page(struct req *r, int status)
{
	struct dbres b, it;
	if (db_exec(r->db, r->a, Q_BATCH_GET, &b, "i", r->ids[0]) != DB_OK)
		return db_fail(r);
	if (b.nrows != 1)
		return 404;
	if (!may_see_batch(r, &b))
		return 403;
	static const char *cols[] = { "id", "status", "request_id", "dept_id", "dept", "creator", "created_at",
				      "hold_until", "place", "destroyed_on", "executor", "supervisor_id", "supervisor",
				      "confirmed_at", "held", "request_status", NULL };
	view_row(r, "Batch", cols, &b, 0);
	if (db_exec(r->db, r->a, Q_BATCH_ITEMS, &it, "i", r->ids[0]) != DB_OK)
		return db_fail(r);
	static const char *icols[] = { "id", "no", "title", "client", "doc_date", "retention", "secrecy", "status",
				       "legal_hold", NULL };
	for (size_t i = 0; i < it.nrows; i++)
		view_row(r, arena_printf(r->a, "Items.%zu", i), icols, &it, i);
	const char *st = dbres_get(&b, 0, BT_STATUS);
	const char *until = dbres_get(&b, 0, BT_HOLD_UNTIL);
	if (strcmp(st, "approved") == 0 && until && strcmp(until, r->now_text) <= 0 && req_has_role(r, ROLE_ARCHIVIST))
		view_set(r, "Page.may_record", "1");
	if (strcmp(st, "recorded") == 0 && dbres_int(&b, 0, BT_SUPERVISOR) == r->user->id)
		view_set(r, "Page.may_confirm", "1");
	view_set(r, "Page.tab", "retention");
	view_setf(r, "Page.title", "%s %lld", lang_text(r, "archive.batch"), r->ids[0]);
	return render(r, status, "archive/batch.cs");
}

int archive_batch_show(struct req *r)
{
	return batch_page(r, 200);
}

struct record_ctx {
	struct req *r;
	const struct form_value *v;
	long long supervisor;
	const char *why;
};

static int record_txn(void *arg)
{
	struct record_ctx *c = arg;
	struct req *r = c->r;
	struct dbres res;
	int rc = batch_held(r, r->ids[0]);
	if (rc < 0)
		return rc;
	if (rc > 0) {
		c->why = "archive.legal_hold_refused";
		return DB_CONFLICT;
	}
	rc = db_exec(r->db, r->a, Q_BATCH_RECORD, &res, "sssisi", c->v[0].text, c->v[1].text, c->v[2].text,
		     c->supervisor, r->now_text, r->ids[0]);
	if (rc != DB_OK)
		return rc;
	if (res.affected != 1) {
		c->why = "archive.batch_not_ready";
		return DB_CONFLICT;
	}
	return audit(r, "archive.batch_recorded", "destruction_batch", r->ids[0],
		     arena_printf(r->a, "%s, %s, %s, supervisor %lld", c->v[0].text, c->v[1].text, c->v[2].text,
				  c->supervisor));
}

int archive_batch_record(struct req *r)
{
	static const struct form_field fields[] = {
		{ .name = "place", .type = FT_TEXT, .max = 200, .flags = FORM_REQUIRED },
		{ .name = "destroyed_on", .type = FT_DATE, .flags = FORM_REQUIRED },
		{ .name = "executor", .type = FT_TEXT, .max = 100, .flags = FORM_REQUIRED },
	};
	long long supervisor = 0;
	int ok = person_choose(r, "supervisor", PERSON_REQUIRED, &supervisor);
	if (ok < 0)
		return db_fail(r);
	struct form_value v[3];
	int fine = FORM_READ(r, fields, v);
	form_find_only(r);
	if (!ok || !fine)
		return batch_page(r, form_status(r) == 200 && !fine ? 422 : form_status(r));
	struct record_ctx c = { r, v, supervisor, NULL };
	int rc = db_txn(r->db, record_txn, &c);
	if (rc == DB_CONFLICT && c.why) {
		view_set(r, "Page.error_message", lang_text(r, c.why));
		return batch_page(r, 409);
	}
	if (rc != DB_OK)
		return db_status(rc);
	resp_flash(r, "archive_batch_recorded");
	return resp_redirect(r, arena_printf(r->a, "/archive/destruction/%lld", r->ids[0]));
}

struct confirm_ctx {
	struct req *r;
	const char *why;
};

static int confirm_txn(void *arg)
{
	struct confirm_ctx *c = arg;
	struct req *r = c->r;
	struct dbres res;
	int rc = batch_held(r, r->ids[0]);
	if (rc < 0)
		return rc;
	if (rc > 0) {
		c->why = "archive.legal_hold_refused";
		return DB_CONFLICT;
	}
	rc = db_exec(r->db, r->a, Q_BATCH_CONFIRM, &res, "sii", r->now_text, r->ids[0], r->user->id);
	if (rc != DB_OK)
		return rc;
	if (res.affected != 1) {
		c->why = "archive.batch_not_yours";
		return DB_CONFLICT;
	}
	if ((rc = db_exec(r->db, r->a, Q_REGISTER_INSERT, &res, "i", r->ids[0])) != DB_OK)
		return rc;
	if ((rc = db_exec(r->db, r->a, Q_BATCH_ITEMS_DESTROYED, NULL, "i", r->ids[0])) != DB_OK)
		return rc;
	return audit(r, "archive.batch_destroyed", "destruction_batch", r->ids[0],
		     arena_printf(r->a, "%llu item(s)", (unsigned long long)res.affected));
}

int archive_batch_confirm(struct req *r)
{
	struct confirm_ctx c = { r, NULL };
	int rc = db_txn(r->db, confirm_txn, &c);
	if (rc == DB_CONFLICT && c.why) {
		view_set(r, "Page.error_message", lang_text(r, c.why));
		return batch_page(r, strcmp(c.why, "archive.batch_not_yours") == 0 ? 403 : 409);
	}
	if (rc != DB_OK)
		return db_status(rc);
	resp_flash(r, "archive_batch_destroyed");
	return resp_redirect(r, arena_printf(r->a, "/archive/destruction/%lld", r->ids[0]));
}

/* The destruction register: every line, newest first (printable). */
int archive_destruction_register(struct req *r)
{
	struct dbres res;
	if (db_exec(r->db, r->a, Q_REGISTER_LINES, &res, "") != DB_OK)
		return db_fail(r);
	static const char *cols[] = { "id", "batch_id", "item_id", "no", "title", "client", "doc_date", "retention",
				      "secrecy", "place", "destroyed_on", "executor", "supervisor", "confirmed_at", NULL };
	for (size_t i = 0; i < res.nrows; i++)
		view_row(r, arena_printf(r->a, "Lines.%zu", i), cols, &res, i);
	view_set(r, "Page.tab", "destruction");
	view_set(r, "Page.title", lang_text(r, "archive.destruction_register"));
	return render(r, 200, "archive/destruction.cs");
}

/* ---- the legal hold ------------------------------------------------------------------------------ */

static int hold_page(struct req *r, int status)
{
	struct dbres c;
	if (db_exec(r->db, r->a, Q_CLIENT_HOLD, &c, "i", r->ids[0]) != DB_OK)
		return db_fail(r);
	if (c.nrows != 1)
		return 404;
	static const char *cols[] = { "id", "name", "legal_hold", "reason", NULL };
	view_row(r, "Client", cols, &c, 0);
	view_set(r, "Page.title", lang_text(r, "archive.legal_hold"));
	return render(r, status, "archive/hold.cs");
}

int archive_hold_form(struct req *r)
{
	return hold_page(r, 200);
}

struct hold_ctx {
	struct req *r;
	int hold;
	const char *reason;
};

static int hold_txn(void *arg)
{
	struct hold_ctx *c = arg;
	struct dbres res;
	int rc = db_exec(c->r->db, c->r->a, Q_CLIENT_SET_HOLD, &res, "isii", c->hold, c->hold ? c->reason : "",
			 c->r->ids[0], c->hold ? 0LL : 1LL);
	if (rc != DB_OK)
		return rc;
	if (res.affected != 1)
		return DB_CONFLICT;
	return audit(c->r, c->hold ? "archive.legal_hold_set" : "archive.legal_hold_lifted", "client", c->r->ids[0],
		     c->reason);
}

int archive_hold(struct req *r)
{
	static const struct form_field fields[] = {
		{ .name = "hold", .type = FT_BOOL },
		{ .name = "_reason", .type = FT_LONGTEXT, .max = 500, .flags = FORM_REQUIRED },
	};
	struct form_value v[2];
	if (!FORM_READ(r, fields, v))
		return hold_page(r, 422);
	struct hold_ctx c = { r, (int)v[0].n, v[1].text };
	int rc = db_txn(r->db, hold_txn, &c);
	if (rc == DB_CONFLICT) {
		view_set(r, "Page.error_message", lang_text(r, "archive.hold_unchanged"));
		return hold_page(r, 409);
	}
	if (rc != DB_OK)
		return db_status(rc);
	resp_flash(r, "saved");
	return resp_redirect(r, arena_printf(r->a, "/clients/%lld/legal-hold", r->ids[0]));
}
