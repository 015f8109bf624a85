/* desk.c — the archivist's check-out desk (DESIGN.md §6). The archive
 * number is typed or scanned into one field (a USB scanner types it and
 * Enter: a plain GET form, no JavaScript); the page shows the item, who is
 * authorised to take it (an approved request or a direct loan, unexpired and
 * unused) and, when it is out, its open register line with the return
 * buttons. An item is never out twice: the open line carries the item's id
 * in a unique column (open_item), so a second check-out is refused by the
 * database as well as by the item's status. Also the items out, the overdue
 * ones, the register, and the scheduled job's two tasks. */
#include "archive.h"
#include "sql.h"
#include "core/domain.h"
#include "core/form.h"
#include "core/people.h"
#include <stdio.h>
#include <string.h>

#define PAGE 50

void archive_view_loan(struct req *r, const char *p, const struct dbres *res, size_t i)
{
	static const char *cols[LN__COUNT + 1] = {
		"id", "item_id", "no", "title", "secrecy", "kind", "borrower_id", "borrower", "copies", "reason", "out_at",
		"due_at", "out_by", "returned_at", "cond", "overdue", "by_job", "open", NULL,
	};
	view_row(r, p, cols, res, i);
	if (dbres_int(res, i, LN_OPEN) && strcmp(dbres_get(res, i, LN_DUE), r->now_text) < 0)
		view_set(r, arena_printf(r->a, "%s.late", p), "1");
}

/* The desk, for the item numbered no (NULL: the empty desk). */
static int desk_page(struct req *r, int status, const char *no)
{
	view_set(r, "Page.title", lang_text(r, "archive.desk"));
	if (no == NULL || *no == '\0')
		return render(r, status, "archive/desk.cs");
	view_set(r, "Desk.no", no);
	struct dbres it, loan, auths;
	if (db_exec(r->db, r->a, Q_ITEM_BY_NO, &it, "s", no) != DB_OK)
		return db_fail(r);
	/* a label's barcode of a number that is not ASCII: "#" and the item's id (labels.c) */
	if (it.nrows == 0 && no[0] == '#' && text_id(no + 1) > 0 &&
	    db_exec(r->db, r->a, Q_ITEM_GET, &it, "i", text_id(no + 1)) != DB_OK)
		return db_fail(r);
	if (it.nrows != 1) {
		view_set(r, "Page.error_message", lang_text(r, "archive.no_such_number"));
		return render(r, status == 200 ? 404 : status, "archive/desk.cs");
	}
	archive_view_item(r, "Item", &it, 0);
	long long id = dbres_int(&it, 0, IT_ID);
	if (db_exec(r->db, r->a, Q_LOAN_OPEN_OF_ITEM, &loan, "i", id) != DB_OK ||
	    db_exec(r->db, r->a, Q_AUTHS_OF_ITEM, &auths, "is", id, r->now_text) != DB_OK)
		return db_fail(r);
	if (loan.nrows == 1)
		archive_view_loan(r, "Loan", &loan, 0);
	for (size_t i = 0; i < auths.nrows; i++) {
		static const char *cols[] = { "id", "item_id", "user_id", "user", "via", "request_id", "mode", "secs",
					      "reason", "expires_at", "used_at", NULL };
		const char *p = arena_printf(r->a, "Auths.%zu", i);
		view_row(r, p, cols, &auths, i);
		long long secs = dbres_int(&auths, i, AU_SECS);
		view_set(r, arena_printf(r->a, "%s.due", p),
			 secs > 0 ? time_text(r, secs) : arena_printf(r->a, "%s 23:59:59", day_text(r, 0)));
	}
	return render(r, status, "archive/desk.cs");
}

int archive_desk(struct req *r)
{
	const char *no = req_query(r, "no");
	if (no != NULL && strlen(no) > 64)
		return 400;
	return desk_page(r, 200, no);
}

/* ---- check-out --------------------------------------------------------------------------------- */

struct out_ctx {
	struct req *r;
	long long auth, copies, item, loan;
	const char *why;             /* the language key of a refusal */
};

static int refuse(struct out_ctx *c, const char *key)
{
	c->why = key;
	return DB_CONFLICT;
}

static int checkout_txn(void *arg)
{
	struct out_ctx *c = arg;
	struct req *r = c->r;
	struct dbres a, res;
	c->why = NULL;
	int rc = db_exec(r->db, r->a, Q_AUTH_LOCK, &a, "i", c->auth);
	if (rc != DB_OK)
		return rc;
	if (a.nrows != 1)
		return refuse(c, "archive.no_authorisation");
	c->item = dbres_int(&a, 0, AU_ITEM);
	if (a.rows[0][AU_USED] != NULL)
		return refuse(c, "archive.already_out");
	if (strcmp(dbres_get(&a, 0, AU_EXPIRES), r->now_text) <= 0)
		return refuse(c, "archive.authorisation_expired");
	int reading = strcmp(dbres_get(&a, 0, AU_MODE), "reading") == 0;
	/* the item leaves the shelf: only from the shelf */
	rc = db_exec(r->db, r->a, Q_ITEM_SET_STATUS, &res, "sis", reading ? "reading_room" : "checked_out", c->item,
		     "on_shelf");
	if (rc != DB_OK)
		return rc;
	if (res.affected != 1)
		return refuse(c, "archive.already_out");
	long long secs = dbres_int(&a, 0, AU_SECS);
	const char *due = secs > 0 ? time_text(r, secs) : arena_printf(r->a, "%s 23:59:59", day_text(r, 0));
	rc = db_exec(r->db, r->a, Q_LOAN_INSERT, &res, "iisiisssiis", c->item, c->auth, reading ? "reading" : "loan",
		     dbres_int(&a, 0, AU_USER), c->copies, dbres_get(&a, 0, AU_REASON), r->now_text, due, r->user->id,
		     c->item, reading ? NULL : due);
	if (rc == DB_DUPLICATE)      /* the database's own guard: one open line per item */
		return refuse(c, "archive.already_out");
	if (rc != DB_OK)
		return rc;
	c->loan = (long long)res.insert_id;
	if ((rc = db_exec(r->db, r->a, Q_AUTH_USE, &res, "si", r->now_text, c->auth)) != DB_OK)
		return rc;
	return audit(r, "archive.checked_out", "archive_item", c->item,
		     arena_printf(r->a, "loan %lld to user %lld, due %s", c->loan, dbres_int(&a, 0, AU_USER), due));
}

static const char *item_no(struct req *r, long long item)
{
	struct dbres it;
	if (item == 0 || db_exec(r->db, r->a, Q_ITEM_GET, &it, "i", item) != DB_OK || it.nrows != 1)
		return NULL;
	return dbres_get(&it, 0, IT_NO);
}

int archive_checkout(struct req *r)
{
	enum { CF_AUTH, CF_COPIES, CF__N };
	static const struct form_field fields[CF__N] = {
		[CF_AUTH] = { .name = "auth", .type = FT_ID, .flags = FORM_REQUIRED },
		[CF_COPIES] = { .name = "copies", .type = FT_NUMBER, .min = 1, .max_value = 100, .flags = FORM_REQUIRED },
	};
	struct form_value v[CF__N];
	if (!FORM_READ(r, fields, v))
		return desk_page(r, 422, req_form(r, "no"));
	struct out_ctx c = { r, v[CF_AUTH].n, v[CF_COPIES].n, 0, 0, NULL };
	int rc = db_txn(r->db, checkout_txn, &c);
	if (rc == DB_CONFLICT) {
		audit_event(r, "archive.checkout_refused", "archive_item", c.item, c.why);
		view_set(r, "Page.error_message", lang_text(r, c.why));
		return desk_page(r, 409, item_no(r, c.item));
	}
	if (rc != DB_OK)
		return db_status(rc);
	resp_flash(r, "archive_checked_out");
	return resp_redirect(r, arena_printf(r->a, "/archive/desk?no=%s", item_no(r, c.item)));
}

/* ---- return ------------------------------------------------------------------------------------ */

static const char *const conditions[] = { "intact", "damaged", "lost", NULL };

struct back_ctx {
	struct req *r;
	long long loan, item;
	const char *cond;
};

static int return_txn(void *arg)
{
	struct back_ctx *c = arg;
	struct req *r = c->r;
	struct dbres l, res;
	int rc = db_exec(r->db, r->a, Q_LOAN_GET, &l, "i", c->loan);
	if (rc != DB_OK)
		return rc;
	if (l.nrows != 1)
		return DB_CONFLICT;
	c->item = dbres_int(&l, 0, LN_ITEM);
	if ((rc = db_exec(r->db, r->a, Q_LOAN_CLOSE, &res, "sisi", r->now_text, r->user->id, c->cond, c->loan)) != DB_OK)
		return rc;
	if (res.affected != 1)
		return DB_CONFLICT;
	int lost = strcmp(c->cond, "lost") == 0;
	const char *was = strcmp(dbres_get(&l, 0, LN_KIND), "reading") == 0 ? "reading_room" : "checked_out";
	if ((rc = db_exec(r->db, r->a, Q_ITEM_SET_STATUS, &res, "sis", lost ? "lost" : "on_shelf", c->item, was)) != DB_OK)
		return rc;
	if (strcmp(c->cond, "intact") != 0 &&
	    (rc = db_exec(r->db, r->a, Q_INCIDENT_INSERT, NULL, "iisis", c->item, c->loan, c->cond, r->user->id,
			  r->now_text)) != DB_OK)
		return rc;
	return audit(r, lost ? "archive.lost" : "archive.returned", "archive_item", c->item,
		     arena_printf(r->a, "loan %lld, %s", c->loan, c->cond));
}

int archive_return(struct req *r)
{
	enum { RF_LOAN, RF_COND, RF__N };
	static const struct form_field fields[RF__N] = {
		[RF_LOAN] = { .name = "loan", .type = FT_ID, .flags = FORM_REQUIRED },
		[RF_COND] = { .name = "condition", .type = FT_CHOICE, .choices = conditions, .flags = FORM_REQUIRED },
	};
	struct form_value v[RF__N];
	if (!FORM_READ(r, fields, v))
		return desk_page(r, 422, req_form(r, "no"));
	struct back_ctx c = { r, v[RF_LOAN].n, 0, v[RF_COND].text };
	int rc = db_txn(r->db, return_txn, &c);
	if (rc == DB_CONFLICT) {
		view_set(r, "Page.error_message", lang_text(r, "archive.not_out"));
		return desk_page(r, 409, item_no(r, c.item));
	}
	if (rc != DB_OK)
		return db_status(rc);
	resp_flash(r, strcmp(c.cond, "lost") == 0 ? "archive_lost" : "archive_returned");
	return resp_redirect(r, arena_printf(r->a, "/archive/desk?no=%s", item_no(r, c.item)));
}

/* ---- lists ------------------------------------------------------------------------------------- */

/* Whose loans the lists show: the archivist's desk every loan (-1); a
 * manager those of borrowers in their departments (the root: their own
 * department), the company's heads everyone's (0) — the dashboard's scope. */
long long archive_loans_root(struct req *r)
{
	if (req_has_role(r, ROLE_ARCHIVIST))
		return -1;
	return req_has_role(r, ROLE_DIRECTOR | ROLE_DEPUTY_GM | ROLE_GM) ? 0 : r->user->dept_id;
}

#define LOANS_PAGE 50

/* A key of the loan lists: a line's due time, as the lists' links give it. */
static int due_key_ok(const char *v)
{
	char t[20];
	return strlen(v) == 19 && form_datetime(v, t) == 0;
}

/* The open loans, or the overdue ones alone, soonest due first: LOANS_PAGE
 * lines after the key (keyset_read: its due time and id) of the previous page's last line,
 * and "first–last of total", counted up to DASHBOARD_CAP as the dashboard
 * counts them. */
static int loans_list(struct req *r, int overdue)
{
	struct keyset k = keyset_read(r, due_key_ok, "1000-01-01 00:00:00");
	const char *due = k.key;
	long long after = k.after;
	long long root = archive_loans_root(r), limit = LOANS_PAGE + 1, cap = DASHBOARD_CAP + 1;
	const char *now = r->now_text;
	struct dbres res, counted;
	int rc;
	if (root <= 0)
		rc = overdue ? db_exec(r->db, r->a, Q_LOANS_OVERDUE, &res, "sssii", now, due, due, after, limit)
			     : db_exec(r->db, r->a, Q_LOANS_OUT, &res, "ssii", due, due, after, limit);
	else
		rc = overdue ? db_exec(r->db, r->a, Q_LOANS_OVERDUE_TREE, &res, "siissii", now, root, root, due, due,
				       after, limit)
			     : db_exec(r->db, r->a, Q_LOANS_OUT_TREE, &res, "iissii", root, root, due, due, after, limit);
	if (rc == DB_OK && root <= 0)
		rc = overdue ? db_exec(r->db, r->a, Q_LOANS_OVERDUE_COUNT, &counted, "si", now, cap)
			     : db_exec(r->db, r->a, Q_LOANS_OUT_COUNT, &counted, "i", cap);
	else if (rc == DB_OK)
		rc = overdue ? db_exec(r->db, r->a, Q_LOANS_OVERDUE_TREE_COUNT, &counted, "siii", now, root, root, cap)
			     : db_exec(r->db, r->a, Q_LOANS_OUT_TREE_COUNT, &counted, "iii", root, root, cap);
	if (rc != DB_OK)
		return db_fail(r);
	size_t n = res.nrows > LOANS_PAGE ? LOANS_PAGE : res.nrows;
	for (size_t i = 0; i < n; i++)
		archive_view_loan(r, arena_printf(r->a, "Loans.%zu", i), &res, i);
	view_keyset(r, &k, n, res.nrows > LOANS_PAGE, n ? dbres_get(&res, n - 1, LN_ID) : "",
		    n ? dbres_get(&res, n - 1, LN_DUE) : "", dbres_int(&counted, 0, 0), DASHBOARD_CAP);
	if (root >= 0)
		view_set(r, "Page.borrowers", root ? dept_name(r, root) : lang_text(r, "archive.dash_company"));
	const char *tab = overdue ? "overdue" : "out";
	view_set(r, "Page.tab", tab);
	view_set(r, "Page.title", lang_text(r, arena_printf(r->a, "archive.%s", tab)));
	return render(r, 200, "archive/loans.cs");
}

int archive_out(struct req *r)
{
	return loans_list(r, 0);
}

int archive_overdue(struct req *r)
{
	return loans_list(r, 1);
}

/* The dashboard: the items out to borrowers of the manager's departments,
 * and those of them overdue, linking to the two lists (scoped the same way). */
int archive_dashboard(struct req *r, const struct dashboard_scope *s, const char *p)
{
	struct dbres res;
	long long cap = DASHBOARD_CAP + 1;
	int rc = s->root == 0 ? db_exec(r->db, r->a, Q_DASH_LOANS_ALL, &res, "isi", cap, r->now_text, cap)
			      : db_exec(r->db, r->a, Q_DASH_LOANS, &res, "iiisiii", s->root, s->root, cap, r->now_text,
					s->root, s->root, cap);
	if (rc != DB_OK)
		return rc;
	long long out = dbres_int(&res, 0, 0), late = dbres_int(&res, 0, 1);
	dashboard_head(r, p, "dash-loans", "archive.dash_title", "archive.dash_none");
	if (out == 0)
		return DB_OK;
	dashboard_row(r, p, 0, "dash-loans-out", lang_text(r, "archive.dash_out"),
		      dashboard_count_text(r, out, DASHBOARD_CAP), "/archive/out", NULL, 0);
	dashboard_row(r, p, 1, "dash-loans-overdue", lang_text(r, "archive.dash_overdue"),
		      dashboard_count_text(r, late, DASHBOARD_CAP), "/archive/overdue", NULL, late > 0);
	return DB_OK;
}

/* The register: by period (days), borrower (chosen by name) and archive
 * number; newest first, paged by key (before = the last line's id). */
int archive_register(struct req *r)
{
	const char *from = req_query(r, "from"), *to = req_query(r, "to"), *no = req_query(r, "no");
	if (from == NULL || !form_date_ok(from))
		from = NULL;
	if (to == NULL || !form_date_ok(to))
		to = NULL;
	if (no == NULL || strlen(no) > 64)
		no = "";
	long long borrower = 0;
	if (person_choose(r, "borrower", PERSON_QUERY, &borrower) < 0)
		return db_fail(r);
	long long before = req_query_id(r, "before");
	struct dbres res;
	if (db_exec(r->db, r->a, Q_REGISTER, &res, "ssiissi", from ? from : "1000-01-01",
		    arena_printf(r->a, "%s 23:59:59", to ? to : "9999-12-31"), borrower, borrower, no, no,
		    before > 0 ? before : 9000000000000000000LL) != DB_OK)
		return db_fail(r);
	size_t n = res.nrows > PAGE ? PAGE : res.nrows;
	for (size_t i = 0; i < n; i++)
		archive_view_loan(r, arena_printf(r->a, "Loans.%zu", i), &res, i);
	if (res.nrows > PAGE)
		view_set(r, "Page.next_before", dbres_get(&res, n - 1, LN_ID));
	view_set(r, "Filter.from", from ? from : "");
	view_set(r, "Filter.to", to ? to : "");
	view_set(r, "Filter.no", no);
	view_set(r, "Page.tab", "register");
	view_set(r, "Page.title", lang_text(r, "archive.register"));
	return render(r, 200, "archive/register.cs");
}

/* ---- the scheduled job ------------------------------------------------------------------------- */

int archive_mark_overdue(struct req *r, long long *n)
{
	struct dbres res;
	int rc = db_write(r->db, r->a, Q_LOANS_MARK_OVERDUE, &res, "s", r->now_text);
	*n = rc == DB_OK ? (long long)res.affected : 0;
	return rc;
}

struct close_ctx {
	struct req *r;
	const char *day_start;
	long long n;
};

static int close_txn(void *arg)
{
	struct close_ctx *c = arg;
	struct dbres res;
	int rc = db_exec(c->r->db, c->r->a, Q_READING_ITEMS_FREE, NULL, "s", c->day_start);
	if (rc == DB_OK)
		rc = db_exec(c->r->db, c->r->a, Q_READING_CLOSE_LEFT, &res, "s", c->day_start);
	c->n = rc == DB_OK ? (long long)res.affected : 0;
	return rc;
}

/* Reading-room sessions end the same day: one left open is closed at the
 * end of its day (23:59:59) and flagged (closed_by_job), its item back on the shelf. */
int archive_close_reading(struct req *r, long long *n)
{
	struct close_ctx c = { r, arena_printf(r->a, "%s 00:00:00", day_text(r, 0)), 0 };
	int rc = db_txn(r->db, close_txn, &c);
	*n = c.n;
	return rc;
}
