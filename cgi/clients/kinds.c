/* kinds.c — the approval kinds about client cards: what may be asked
 * (client_request_prepare) and what an approval does (the kinds' apply): a
 * view grant, a controlled field (grade with its quota, scope, owner,
 * lifecycle → former), the blacklists, deletion, a duplicate's transfer, a
 * takeover from the pool. The engine finds them in clients_kinds. */
#include "clients.h"
#include "prospects.h"
#include "sql.h"
#include "approvals/approvals.h"
#include "core/form.h"
#include "core/log.h"
#include <stdlib.h>
#include <string.h>
/* Columns of Q_CLIENT_LOCK. */
enum { CL_ID, CL_GRADE, CL_SCOPE, CL_OWNER, CL_LIFECYCLE, CL_BLACKLIST, CL_DEPT, CL_DELETED, CL_NAME, CL_IN_POOL };

/* The quota of grade in dept: 0 when the change fits, else the text saying
 * which quota it would break (in the request's language). */
static int quota_breaks(struct req *r, long long grade, long long dept, const char **why)
{
	struct dbres g, n;
	if (db_exec(r->db, r->a, Q_GRADE_GET, &g, "i", grade) != DB_OK || g.nrows != 1)
		return -1;
	if (g.rows[0][GR_QUOTA] == NULL)            /* no quota */
		return 0;
	if (db_exec(r->db, r->a, Q_DEPT_GRADE_COUNT, &n, "ii", grade, dept) != DB_OK)
		return -1;
	long long total = dbres_int(&n, 0, QC_TOTAL), have = dbres_int(&n, 0, QC_HAVE);
	if (quota_fits(g.rows[0][GR_QUOTA], have + 1, total))
		return 0;
	*why = quota_sentence(r, grade, g.rows[0][GR_QUOTA], "request.quota_now", have, total);
	return 1;
}

static int refuse(struct req *r, const char **why, const char *key)
{
	*why = lang_text(r, key);
	return -1;
}

/* The owner change to value, the id of an enabled user (ask.c chose them by name). */
static int new_owner(struct req *r, const struct dbres *card, const char *value, struct new_request *n,
		     const char **why)
{
	struct dbres u;
	if (db_exec(r->db, r->a, Q_PEOPLE_GET, &u, "i", text_id(value)) != DB_OK)
		return refuse(r, why, "request.failed");
	if (u.nrows != 1)
		return refuse(r, why, "request.no_such_user");
	n->field = "owner_id";
	n->old_value = dbres_get(card, 0, CARD_OWNER_ID);
	n->new_value = dbres_get(&u, 0, PC_ID);
	return text_same(n->old_value, n->new_value) ? refuse(r, why, "request.no_change") : 0;
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
	if (strcmp(kind, "reassign") == 0) {      /* nobody served it (seed 004): anyone may ask */
		struct dbres un;
		if (db_exec(r->db, r->a, Q_CLIENT_UNSERVED, &un, "is", n->client_id, unserved_cutoff(r)) != DB_OK)
			return refuse(r, why, "request.failed");
		if (dbres_int(&un, 0, 0) == 0)
			return refuse(r, why, "unserved.served");
		n->type = "reassign";
		return new_owner(r, card, value, n, why);
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
		long long g = text_id(value);               /* the value as typed: a grade's id */
		if (g == 0 || *grade_label(r, g) == '\0')
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
		static const char *const scopes[] = { "personal", "department", "company", NULL };
		if (form_choice_index(scopes, value) < 0)
			return refuse(r, why, "form.bad_choice");
		n->new_value = value;
		return text_same(n->old_value, value) ? refuse(r, why, "request.no_change") : 0;
	}
	if (strcmp(kind, "owner") == 0)
		return new_owner(r, card, value, n, why);
	if (strcmp(kind, "former") == 0) {
		n->field = "lifecycle";
		n->old_value = card->rows[0][1 + CF_lifecycle];
		n->new_value = "former";
		return text_same(n->old_value, "former") ? refuse(r, why, "request.no_change") : 0;
	}
	if (strcmp(kind, "blacklist") == 0) {
		const char *old = dbres_get(card, 0, CARD_BLACKLIST);
		static const char *const lists[] = { "none", "department", "company", NULL };
		if (form_choice_index(lists, value) < 0)
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

/* The card a request is about, locked for the decision; APPROVAL_REFUSED when
 * it was deleted meanwhile. */
static int lock_client(struct req *r, const struct request_row *rq, struct dbres *c, const char **why)
{
	int rc = db_exec(r->db, r->a, Q_CLIENT_LOCK, c, "i", rq->client_id);
	if (rc != DB_OK)
		return rc;
	if (c->nrows != 1 || c->rows[0][CL_DELETED] != NULL) {
		*why = lang_text(r, "request.client_gone");
		return APPROVAL_REFUSED;
	}
	return DB_OK;
}

static int apply_view(struct req *r, const struct request_row *rq, long long decider, const char **why)
{
	struct dbres c;
	int rc = lock_client(r, rq, &c, why);
	if (rc != DB_OK)
		return rc;
	return db_exec(r->db, r->a, Q_GRANT_INSERT, NULL, "iisi", rq->client_id, rq->requester,
		       time_text(r, (long long)r->cfg->grant_hours * 3600), decider);
}

static int apply_delete(struct req *r, const struct request_row *rq, long long decider, const char **why)
{
	struct dbres c;
	int rc = lock_client(r, rq, &c, why);
	if (rc != DB_OK)
		return rc;
	rc = db_exec(r->db, r->a, Q_CLIENT_HIDE, NULL, "si", r->now_text, rq->client_id);
	return rc == DB_OK ? client_history_add(r, rq->client_id, 0, "deleted", NULL, r->now_text, rq->requester,
						approval_history_reason(r, rq, "request.history_reason", decider))
			   : rc;
}

static int apply_takeover(struct req *r, const struct request_row *rq, long long decider, const char **why)
{
	struct dbres c, u;
	int rc = lock_client(r, rq, &c, why);
	if (rc != DB_OK)
		return rc;
	long long to = rq->new_value ? strtoll(rq->new_value, NULL, 10) : 0;
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
	rc = db_exec(r->db, r->a, Q_CLIENT_TAKE_OVER, NULL, "iisssi", to, dbres_int(&u, 0, UC_DEPT_ID),
		     day_text(r, r->cfg->prospect_protect_days), day_text(r, 0), r->now_text, rq->client_id);
	return rc == DB_OK ? client_history_add(r, rq->client_id, 0, "owner_id",
						user_name(r, dbres_int(&c, 0, CL_OWNER)), dbres_get(&u, 0, UC_NAME), to,
						approval_history_reason(r, rq, "request.history_reason", decider))
			   : rc;
}

/* A controlled field: grade, scope, owner (transfer too), lifecycle, blacklist. */
static int apply_field(struct req *r, const struct request_row *rq, long long decider, const char **why)
{
	struct dbres c;
	int rc = lock_client(r, rq, &c, why);
	if (rc != DB_OK)
		return rc;
	long long client = rq->client_id;
	const char *now = r->now_text;
	const char *field = rq->field, *old = rq->old_value, *new = rq->new_value ? rq->new_value : "";
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
		log_msg("rid=%s request %lld: unknown field %s", r->rid, rq->id, field);
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
		rc = db_exec(r->db, r->a, Q_CLIENT_SET_GRADE, NULL, "sssi", new, new, now, client);   /* history: the ids */
	} else if (strcmp(field, "scope") == 0) {
		rc = db_exec(r->db, r->a, Q_CLIENT_SET_SCOPE, NULL, "ssi", new, now, client);
	} else if (strcmp(field, "lifecycle") == 0) {
		rc = db_exec(r->db, r->a, Q_CLIENT_SET_LIFECYCLE, NULL, "ssi", new, now, client);
	} else if (strcmp(field, "blacklist") == 0) {
		rc = db_exec(r->db, r->a, Q_CLIENT_SET_BLACKLIST, NULL, "sssi", new,
			     strcmp(new, "none") == 0 ? "" : rq->reason, now, client);
	} else {                                                    /* owner_id: transfer */
		struct dbres u;
		long long to = strtoll(new, NULL, 10);
		if ((rc = db_exec(r->db, r->a, Q_USER_GET, &u, "i", to)) != DB_OK)
			return rc;
		if (u.nrows != 1 || dbres_int(&u, 0, UC_DISABLED) != 0) {
			*why = lang_text(r, "request.no_such_user");
			return APPROVAL_REFUSED;
		}
		rc = db_exec(r->db, r->a, Q_CLIENT_SET_OWNER, NULL, "iisi", to, dbres_int(&u, 0, UC_DEPT_ID), now, client);
		old = user_name(r, strtoll(old, NULL, 10));
		new = dbres_get(&u, 0, UC_NAME);
	}
	return rc == DB_OK ? client_history_add(r, client, 0, field, old, new, rq->requester,
						approval_history_reason(r, rq, "request.history_reason", decider))
			   : rc;
}

/* A reassignment: the card must still be unserved, then as an owner change. */
static int apply_reassign(struct req *r, const struct request_row *rq, long long decider, const char **why)
{
	struct dbres un;
	int rc = db_exec(r->db, r->a, Q_CLIENT_UNSERVED, &un, "is", rq->client_id, unserved_cutoff(r));
	if (rc != DB_OK)
		return rc;
	if (dbres_int(&un, 0, 0) == 0) {
		*why = lang_text(r, "unserved.served");
		return APPROVAL_REFUSED;
	}
	return apply_field(r, rq, decider, why);
}

/* The text a person reads for a requested value of field. */
const char *client_value_text(struct req *r, const char *field, const char *v)
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

const struct approval_kind clients_kinds[] = {
	{ "view",              client_value_text, apply_view, NULL },
	{ "change",            client_value_text, apply_field, NULL },
	{ "delete",            client_value_text, apply_delete, NULL },
	{ "transfer",          client_value_text, apply_field, NULL },
	{ "takeover",          client_value_text, apply_takeover, NULL },
	{ "reassign",          client_value_text, apply_reassign, NULL },
	{ "blacklist_dept",    client_value_text, apply_field, NULL },
	{ "blacklist_company", client_value_text, apply_field, NULL },
	{ 0 },
};
