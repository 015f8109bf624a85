/* approvals_clients.c — the requests about client cards: what may be asked
 * (client_request_prepare) and what an approval does (approval_effect_apply):
 * a view grant, a controlled field (grade with its quota, scope, owner,
 * lifecycle → former), the blacklists, deletion, a duplicate's transfer. */
#include "approvals.h"
#include "clients.h"
#include "prospects.h"
#include "reviews.h"
#include "log.h"
#include <stdlib.h>
#include <string.h>

/* Columns of Q_REQUEST_LOCK (approvals.c). */
enum { RQ_ID, RQ_TYPE, RQ_CLIENT, RQ_REQUESTER, RQ_REASON, RQ_FIELD, RQ_OLD, RQ_NEW };
/* Columns of Q_CLIENT_LOCK. */
enum { CL_ID, CL_GRADE, CL_SCOPE, CL_OWNER, CL_LIFECYCLE, CL_BLACKLIST, CL_DEPT, CL_DELETED, CL_NAME, CL_IN_POOL };

/* The quota of grade in dept: 0 when the change fits, else the text saying
 * which quota it would break (in the request's language). */
static int quota_breaks(struct req *r, long long grade, long long dept, const char **why)
{
	struct dbres g, n;
	if (db_exec(r->db, r->a, Q_GRADE_GET, &g, "i", grade) != DB_OK || g.nrows != 1)
		return -1;
	if (g.rows[0][4] == NULL)                   /* no quota */
		return 0;
	if (db_exec(r->db, r->a, Q_DEPT_GRADE_COUNT, &n, "ii", grade, dept) != DB_OK)
		return -1;
	long long total = dbres_int(&n, 0, 0), have = dbres_int(&n, 0, 1);
	if (quota_fits(g.rows[0][4], have + 1, total))
		return 0;
	*why = quota_sentence(r, grade, g.rows[0][4], "request.quota_now", have, total);
	return 1;
}

static int refuse(struct req *r, const char **why, const char *key)
{
	*why = lang_text(r, key);
	return -1;
}

int client_request_prepare(struct req *r, const struct dbres *card, enum via via, const char *kind,
			   const char *value, struct new_request *n, const char **why)
{
	memset(n, 0, sizeof *n);
	*why = NULL;
	n->client_id = dbres_int(card, 0, CARD_ID);
	n->scope = dbres_get(card, 0, CARD_SCOPE);
	n->subject_dept = dbres_int(card, 0, CARD_DEPT_ID);
	long long owner = dbres_int(card, 0, CARD_OWNER_ID);
	if (strcmp(kind, "view") == 0) {
		if (via != VIA_NONE)
			return refuse(r, why, "request.already_visible");
		n->type = "view";
		return 0;
	}
	if (strcmp(kind, "transfer") == 0) {
		if (owner == r->user->id)
			return refuse(r, why, "request.already_owner");
		n->type = "transfer";
		n->field = "owner_id";
		n->old_value = dbres_get(card, 0, CARD_OWNER_ID);
		n->new_value = arena_printf(r->a, "%lld", r->user->id);
		return 0;
	}
	if (strcmp(kind, "takeover") == 0) {
		if (!dbres_int(card, 0, CARD_IN_POOL))
			return refuse(r, why, "pool.not_in_pool");
		if (dbres_int(card, 0, CARD_DEPT_ID) != r->user->dept_id)
			return refuse(r, why, "pool.other_department");
		int full = prospect_limit_reached(r, r->user->id);
		if (full != 0)
			return refuse(r, why, full > 0 ? "pool.limit_reached" : "request.failed");
		n->type = "takeover";
		n->field = "owner_id";
		n->old_value = dbres_get(card, 0, CARD_OWNER_ID);
		n->new_value = arena_printf(r->a, "%lld", r->user->id);
		return 0;
	}
	if (!card_may_edit(via))
		return -2;
	if (strcmp(kind, "delete") == 0) {
		n->type = "delete";
		return 0;
	}
	n->type = "change";
	if (strcmp(kind, "former") != 0 && (value == NULL || *value == '\0'))
		return refuse(r, why, "request.value_required");
	if (strcmp(kind, "grade") == 0) {
		n->field = "grade_id";
		n->old_value = card->rows[0][1 + CF_grade_id];
		char *end;
		long long g = strtoll(value, &end, 10);
		if (*end != '\0' || *grade_label(r, g) == '\0')
			return refuse(r, why, "form.bad_choice");
		n->new_value = arena_printf(r->a, "%lld", g);
		if (text_same(n->old_value, n->new_value))
			return refuse(r, why, "request.no_change");
		int q = quota_breaks(r, g, n->subject_dept, why);
		return q == 0 ? 0 : (q < 0 ? refuse(r, why, "request.failed") : -1);
	}
	if (strcmp(kind, "scope") == 0) {
		n->field = "scope";
		n->old_value = dbres_get(card, 0, CARD_SCOPE);
		if (strcmp(value, "personal") != 0 && strcmp(value, "department") != 0 && strcmp(value, "company") != 0)
			return refuse(r, why, "form.bad_choice");
		n->new_value = value;
		return text_same(n->old_value, value) ? refuse(r, why, "request.no_change") : 0;
	}
	if (strcmp(kind, "owner") == 0) {
		struct dbres u;
		if (db_exec(r->db, r->a, Q_USER_BY_USERNAME, &u, "s", value) != DB_OK)
			return refuse(r, why, "request.failed");
		if (u.nrows != 1 || dbres_int(&u, 0, 2) != 0)
			return refuse(r, why, "request.no_such_user");
		n->field = "owner_id";
		n->old_value = dbres_get(card, 0, CARD_OWNER_ID);
		n->new_value = dbres_get(&u, 0, 0);
		return text_same(n->old_value, n->new_value) ? refuse(r, why, "request.no_change") : 0;
	}
	if (strcmp(kind, "former") == 0) {
		n->field = "lifecycle";
		n->old_value = card->rows[0][1 + CF_lifecycle];
		n->new_value = "former";
		return text_same(n->old_value, "former") ? refuse(r, why, "request.no_change") : 0;
	}
	if (strcmp(kind, "blacklist") == 0) {
		const char *old = dbres_get(card, 0, CARD_BLACKLIST);
		if (strcmp(value, "none") != 0 && strcmp(value, "department") != 0 && strcmp(value, "company") != 0)
			return refuse(r, why, "form.bad_choice");
		if (text_same(old, value))
			return refuse(r, why, "request.no_change");
		/* the company list is the marketing director's, the department's its manager's */
		n->type = strcmp(value, "company") == 0 || strcmp(old, "company") == 0 ? "blacklist_company"
										      : "blacklist_dept";
		n->field = "blacklist";
		n->old_value = old;
		n->new_value = value;
		return 0;
	}
	return refuse(r, why, "form.bad_choice");
}

int approval_effect_apply(struct req *r, const struct dbres *rq, long long decider, const char **why)
{
	const char *type = dbres_get(rq, 0, RQ_TYPE);
	long long id = dbres_int(rq, 0, RQ_ID), client = dbres_int(rq, 0, RQ_CLIENT);
	long long requester = dbres_int(rq, 0, RQ_REQUESTER);
	if (strcmp(type, "review") == 0)               /* a whole department's grades, not one card */
		return review_apply(r, dbres_int(rq, 0, RQ_NEW), requester,
				    arena_printf(r->a, "%s #%lld: %s (%s %s)", lang_text(r, "review.title"), id,
						 dbres_get(rq, 0, RQ_REASON), lang_text(r, "request.approved_by"),
						 user_name(r, decider)), why);
	char now[20];
	clock_format(r->now, now);
	struct dbres c;
	int rc = db_exec(r->db, r->a, Q_CLIENT_LOCK, &c, "i", client);
	if (rc != DB_OK)
		return rc;
	if (c.nrows != 1 || c.rows[0][CL_DELETED] != NULL) {
		*why = lang_text(r, "request.client_gone");
		return APPROVAL_REFUSED;
	}
	/* the history says who asked, who approved, and why */
	const char *reason = arena_printf(r->a, "%s #%lld: %s (%s %s)", lang_text(r, "request.title"), id,
					  dbres_get(rq, 0, RQ_REASON), lang_text(r, "request.approved_by"),
					  user_name(r, decider));
	if (strcmp(type, "view") == 0) {
		char until[20];
		clock_format(r->now + (time_t)r->cfg->grant_hours * 3600, until);
		return db_exec(r->db, r->a, Q_GRANT_INSERT, NULL, "iisi", client, requester, until, decider);
	}
	if (strcmp(type, "delete") == 0) {
		rc = db_exec(r->db, r->a, Q_CLIENT_HIDE, NULL, "si", now, client);
		return rc == DB_OK ? client_history_add(r, client, 0, "deleted", NULL, now, requester, reason) : rc;
	}
	if (strcmp(type, "takeover") == 0) {
		long long to = dbres_int(rq, 0, RQ_NEW);
		struct dbres u;
		if ((rc = db_exec(r->db, r->a, Q_USER_GET, &u, "i", to)) != DB_OK)
			return rc;
		if (!dbres_int(&c, 0, CL_IN_POOL)) {
			*why = lang_text(r, "pool.not_in_pool");
			return APPROVAL_REFUSED;
		}
		int full = prospect_limit_reached(r, to);
		if (full != 0 || u.nrows != 1) {
			*why = lang_text(r, full > 0 ? "pool.limit_reached" : "request.no_such_user");
			return full < 0 ? DB_ERROR : APPROVAL_REFUSED;
		}
		rc = db_exec(r->db, r->a, Q_CLIENT_TAKE_OVER, NULL, "iisssi", to, dbres_int(&u, 0, 4),
			     day_text(r, r->cfg->prospect_protect_days), day_text(r, 0), now, client);
		return rc == DB_OK ? client_history_add(r, client, 0, "owner_id", user_name(r, dbres_int(&c, 0, CL_OWNER)),
							dbres_get(&u, 0, 2), to, reason) : rc;
	}
	const char *field = dbres_get(rq, 0, RQ_FIELD), *old = rq->rows[0][RQ_OLD], *new = rq->rows[0][RQ_NEW];
	/* the card must still be as it was when the request was made */
	static const struct { const char *field; int col; } cols[] = {
		{ "grade_id", CL_GRADE }, { "scope", CL_SCOPE }, { "owner_id", CL_OWNER },
		{ "lifecycle", CL_LIFECYCLE }, { "blacklist", CL_BLACKLIST },
	};
	int col = -1;
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
		if (strcmp(field, cols[i].field) == 0)
			col = cols[i].col;
	if (col < 0) {
		log_msg("rid=%s request %lld: unknown field %s", r->rid, id, field);
		return DB_ERROR;
	}
	if (!text_same(c.rows[0][col], old)) {
		*why = lang_text(r, "request.subject_changed");
		return APPROVAL_REFUSED;
	}
	if (strcmp(field, "grade_id") == 0) {
		int q = quota_breaks(r, strtoll(new, NULL, 10), dbres_int(&c, 0, CL_DEPT), why);
		if (q != 0)
			return q < 0 ? DB_ERROR : APPROVAL_REFUSED;
		rc = db_exec(r->db, r->a, Q_CLIENT_SET_GRADE, NULL, "ssi", new, now, client);
		old = old ? grade_label(r, strtoll(old, NULL, 10)) : NULL;
		new = grade_label(r, strtoll(new, NULL, 10));
	} else if (strcmp(field, "scope") == 0) {
		rc = db_exec(r->db, r->a, Q_CLIENT_SET_SCOPE, NULL, "ssi", new, now, client);
	} else if (strcmp(field, "lifecycle") == 0) {
		rc = db_exec(r->db, r->a, Q_CLIENT_SET_LIFECYCLE, NULL, "ssi", new, now, client);
	} else if (strcmp(field, "blacklist") == 0) {
		rc = db_exec(r->db, r->a, Q_CLIENT_SET_BLACKLIST, NULL, "sssi", new,
			     strcmp(new, "none") == 0 ? "" : dbres_get(rq, 0, RQ_REASON), now, client);
	} else {                                                    /* owner_id: transfer */
		struct dbres u;
		long long to = strtoll(new, NULL, 10);
		if ((rc = db_exec(r->db, r->a, Q_USER_GET, &u, "i", to)) != DB_OK)
			return rc;
		if (u.nrows != 1 || dbres_int(&u, 0, 7) != 0) {
			*why = lang_text(r, "request.no_such_user");
			return APPROVAL_REFUSED;
		}
		rc = db_exec(r->db, r->a, Q_CLIENT_SET_OWNER, NULL, "iisi", to, dbres_int(&u, 0, 4), now, client);
		old = user_name(r, strtoll(old, NULL, 10));
		new = dbres_get(&u, 0, 2);
	}
	return rc == DB_OK ? client_history_add(r, client, 0, field, old, new, requester, reason) : rc;
}
