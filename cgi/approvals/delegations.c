/* delegations.c — a user hands their approvals to another for a time
 * window (GM → deputy GM, DESIGN.md §7); decisions then show "by X on behalf
 * of Y". */
#include "approvals.h"
#include "pages.h"
#include "sql.h"
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
		int running = res.rows[i][8] == NULL && strcmp(dbres_get(&res, i, 5), now) <= 0 &&
			      strcmp(dbres_get(&res, i, 6), now) > 0;
		int future = res.rows[i][8] == NULL && strcmp(dbres_get(&res, i, 5), now) > 0;
		view_set(r, arena_printf(r->a, "%s.state", p), res.rows[i][8] ? "revoked" : running ? "running"
							 : future ? "future" : "ended");
		if (dbres_int(&res, i, 1) == r->user->id && (running || future))
			view_set(r, arena_printf(r->a, "%s.can_revoke", p), "1");
	}
	view_set(r, "Page.title", lang_text(r, "delegation.title"));
	return render(r, status, "approvals/delegations.cs");
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
			return db_fail(r);
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
	const char *now = r->now_text;
	struct dbres res;
	if (db_exec(r->db, r->a, Q_DELEGATION_INSERT, &res, "iissss", r->user->id, to_id, starts, ends, note, now) != DB_OK)
		return db_fail(r);
	audit(r, "delegation.created", "delegation", (long long)res.insert_id,
	      arena_printf(r->a, "to %s, %s – %s", to, starts, ends));
	resp_flash(r, "saved");
	return resp_redirect(r, "/delegations");
}

int delegations_revoke(struct req *r)
{
	long long id = r->ids[0];
	const char *now = r->now_text;
	struct dbres res;
	if (db_exec(r->db, r->a, Q_DELEGATION_REVOKE, &res, "sii", now, id, r->user->id) != DB_OK)
		return db_fail(r);
	if (res.affected != 1)
		return 404;
	audit(r, "delegation.revoked", "delegation", id, NULL);
	resp_flash(r, "saved");
	return resp_redirect(r, "/delegations");
}
