/* delegations.c — a user hands their approvals to another for a time
 * window (GM → deputy GM, DESIGN.md §7); decisions then show "by X on behalf
 * of Y". */
#include "approvals.h"
#include "pages.h"
#include "sql.h"
#include "core/form.h"
#include "core/people.h"
#include <stdlib.h>
#include <string.h>

/* ---- delegation --------------------------------------------------------------------------- */

static int delegations_page(struct req *r, int status)
{
	struct dbres res;
	if (db_exec(r->db, r->a, Q_DELEGATIONS_OF, &res, "ii", r->user->id, r->user->id) != DB_OK)
		return db_fail(r);
	const char *now = r->now_text;
	for (size_t i = 0; i < res.nrows; i++) {
		const char *p = arena_printf(r->a, "Delegations.%zu", i);
		static const char *cols[] = { "id", "from_id", "from", "to_id", "to", "starts_at", "ends_at", "note",
					      "revoked_at", NULL };
		view_row(r, p, cols, &res, i);
		int running = res.rows[i][DL_REVOKED] == NULL && strcmp(dbres_get(&res, i, DL_STARTS), now) <= 0 &&
			      strcmp(dbres_get(&res, i, DL_ENDS), now) > 0;
		int future = res.rows[i][DL_REVOKED] == NULL && strcmp(dbres_get(&res, i, DL_STARTS), now) > 0;
		view_set(r, arena_printf(r->a, "%s.state", p), res.rows[i][DL_REVOKED] ? "revoked" : running ? "running"
							 : future ? "future" : "ended");
		if (dbres_int(&res, i, DL_FROM) == r->user->id && (running || future))
			view_set(r, arena_printf(r->a, "%s.can_revoke", p), "1");
	}
	view_set(r, "Page.title", lang_text(r, "delegation.title"));
	return render(r, status, "approvals/delegations.cs");
}

int delegations_list(struct req *r)
{
	return delegations_page(r, 200);
}

/* The times come from datetime-local fields ("YYYY-MM-DDTHH:MM"). */
enum { GF_STARTS, GF_ENDS, GF_NOTE, GF__N };
static const struct form_field delegation_fields[GF__N] = {
	[GF_STARTS] = { .name = "starts_at", .type = FT_DATETIME, .flags = FORM_REQUIRED },
	[GF_ENDS] = { .name = "ends_at", .type = FT_DATETIME, .flags = FORM_REQUIRED },
	[GF_NOTE] = { .name = "note", .type = FT_TEXT, .max = 200 },
};

/* A delegation and its audit row, in one transaction. */
struct delegation_ctx {
	struct req *r;
	long long id, to_id;
	const char *to, *starts, *ends, *note;
};

static int create_txn(void *arg)
{
	struct delegation_ctx *c = arg;
	struct req *r = c->r;
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_DELEGATION_INSERT, &res, "iissss", r->user->id, c->to_id, c->starts, c->ends,
			 c->note, r->now_text);
	if (rc != DB_OK)
		return rc;
	c->id = (long long)res.insert_id;
	return audit(r, "delegation.created", "delegation", c->id,
		     arena_printf(r->a, "to %s, %s – %s", c->to, c->starts, c->ends));
}

int delegations_create(struct req *r)
{
	struct form_value v[GF__N];
	int ok = FORM_READ(r, delegation_fields, v);
	const char *starts = v[GF_STARTS].text, *ends = v[GF_ENDS].text;
	const char *note = v[GF_NOTE].text;
	long long to_id;
	int chosen = person_choose(r, "to", PERSON_REQUIRED, &to_id);
	if (chosen < 0)
		return db_fail(r);
	if (to_id == r->user->id) {
		form_error(r, "to_q", "delegation.not_self");
		chosen = 0;
	}
	if (starts && ends && strcmp(starts, ends) >= 0) {
		form_error(r, "ends_at", "delegation.ends_before");
		ok = 0;
	}
	if (!ok || !chosen)
		return delegations_page(r, ok ? form_status(r) : 422);
	const char *to = user_name(r, to_id);
	struct delegation_ctx c = { r, 0, to_id, to, starts, ends, note };
	if (db_txn(r->db, create_txn, &c) != DB_OK)
		return db_fail(r);
	resp_flash(r, "saved");
	return resp_redirect(r, "/delegations");
}

static int revoke_txn(void *arg)
{
	struct delegation_ctx *c = arg;
	struct req *r = c->r;
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_DELEGATION_REVOKE, &res, "sii", r->now_text, c->id, r->user->id);
	if (rc != DB_OK)
		return rc;
	if (res.affected != 1)
		return DB_CONFLICT;                 /* not theirs, or revoked already */
	return audit(r, "delegation.revoked", "delegation", c->id, NULL);
}

int delegations_revoke(struct req *r)
{
	struct delegation_ctx c = { r, r->ids[0], 0, NULL, NULL, NULL, NULL };
	int rc = db_txn(r->db, revoke_txn, &c);
	if (rc == DB_CONFLICT)
		return 404;
	if (rc != DB_OK)
		return db_fail(r);
	resp_flash(r, "saved");
	return resp_redirect(r, "/delegations");
}
