/* engine.c — the approval engine: routing, steps, approvers, decisions,
 * withdrawal, expiry, delegation. The effects of approved requests live with
 * their domain, as approval kinds in its descriptor (core/domain.h); the
 * engine finds a kind by its type and includes no domain's header. */
#include "approvals.h"
#include "sql.h"
#include "core/domain.h"
#include "core/log.h"
#include <stdlib.h>
#include <string.h>

const struct approval_kind *approval_kind_at(size_t i)
{
	for (const struct domain *const *d = domains; *d != NULL; d++)
		for (const struct approval_kind *k = (*d)->kinds; k != NULL && k->type != NULL; k++)
			if (i-- == 0)
				return k;
	return NULL;
}

const struct approval_kind *approval_kind_find(const char *type)
{
	const struct approval_kind *k;
	for (size_t i = 0; type != NULL && (k = approval_kind_at(i)) != NULL; i++)
		if (strcmp(k->type, type) == 0)
			return k;
	return NULL;
}

const char *approval_value_text(struct req *r, const char *type, const char *field, const char *value)
{
	if (value == NULL || *value == '\0')
		return "";
	const struct approval_kind *k = approval_kind_find(type);
	return k != NULL && k->value_text != NULL ? k->value_text(r, field, value) : value;
}

struct request_row request_row_of(const struct dbres *res, size_t i)
{
	struct request_row q;
	q.id = dbres_int(res, i, RQ_ID);
	q.type = dbres_get(res, i, RQ_TYPE);
	q.client_id = dbres_int(res, i, RQ_CLIENT);
	q.requester = dbres_int(res, i, RQ_REQUESTER);
	q.reason = dbres_get(res, i, RQ_REASON);
	q.field = dbres_get(res, i, RQ_FIELD);
	q.old_value = i < res->nrows ? res->rows[i][RQ_OLD] : NULL;
	q.new_value = i < res->nrows ? res->rows[i][RQ_NEW] : NULL;
	q.payload = i < res->nrows ? res->rows[i][RQ_PAYLOAD] : NULL;
	q.status = dbres_get(res, i, RQ_STATUS);
	q.step = (int)dbres_int(res, i, RQ_STEP);
	return q;
}

const char *approval_history_reason(struct req *r, const struct request_row *rq, const char *key,
				    long long decider)
{
	return lang_key(r, key, 3, arena_printf(r->a, "%lld", rq->id), rq->reason, user_name(r, decider));
}


/* When nobody holds the routed role over the subject, the step goes up. */
static const char *const escalation[] = { "director", "deputy_gm", "gm", NULL };

/* The active holders of role who may decide for a subject in dept (0: any),
 * except the requester; into ids. Returns how many (or -1 on a db error). */
static long holders(struct req *r, const char *role, long long dept, long long requester, long long **ids)
{
	struct dbres res;
	if (db_exec(r->db, r->a, Q_ROLE_HOLDERS, &res, "s", role) != DB_OK)
		return -1;
	*ids = arena_alloc(r->a, (res.nrows + 1) * sizeof **ids);
	long n = 0;
	for (size_t i = 0; i < res.nrows; i++) {
		long long uid = dbres_int(&res, i, HD_USER), udept = dbres_int(&res, i, HD_DEPT);
		if (uid == requester)
			continue;
		if (dept > 0 && !dept_within(r, dept, udept))
			continue;
		(*ids)[n++] = uid;
	}
	return n;
}

/* Opens step of request id: writes down who may decide it (escalating when
 * nobody may) and marks it open. */
static int open_step(struct req *r, long long id, long long step, const char *role, long long dept,
		     long long requester)
{
	long long *ids;
	long n = holders(r, role, dept, requester, &ids);
	for (int e = 0; n == 0 && escalation[e]; e++) {
		n = holders(r, escalation[e], 0, requester, &ids);
		if (n > 0 && db_exec(r->db, r->a, Q_STEP_ESCALATE, NULL, "sii", escalation[e], id, step) != DB_OK)
			return DB_ERROR;
	}
	if (n < 0)
		return DB_ERROR;
	if (n == 0)
		return APPROVAL_NOBODY;
	int rc = db_exec(r->db, r->a, Q_STEP_SET, NULL, "sii", "open", id, step);
	for (long i = 0; i < n && rc == DB_OK; i++)
		rc = db_exec(r->db, r->a, Q_APPROVER_INSERT, NULL, "iii", id, step, ids[i]);
	return rc;
}

int approval_create(struct req *r, const struct new_request *n, long long *id)
{
	struct dbres routes;
	int rc = db_exec(r->db, r->a, Q_ROUTES_OF, &routes, "sss", n->type, n->scope ? n->scope : "",
			 n->secrecy ? n->secrecy : "");
	if (rc != DB_OK)
		return rc;
	if (routes.nrows == 0)
		return APPROVAL_NOBODY;
	struct dbres res;
	rc = db_exec(r->db, r->a, Q_REQUEST_INSERT, &res, "siisssssss", n->type, n->client_id, r->user->id,
		     n->reason, n->field, n->old_value, n->new_value, n->payload, time_text(r, 0),
		     time_text(r, r->cfg->request_expiry_days * 86400L));
	if (rc != DB_OK)
		return rc;
	*id = (long long)res.insert_id;
	/* the most specific rows win: those with the first row's scope and secrecy */
	const char *scope = routes.rows[0][RT_SCOPE], *secrecy = routes.rows[0][RT_SECRECY];
	long long first_step = 0;
	for (size_t i = 0; i < routes.nrows && rc == DB_OK; i++) {
		const char *s = routes.rows[i][RT_SCOPE], *x = routes.rows[i][RT_SECRECY];
		if ((s == NULL) != (scope == NULL) || (x == NULL) != (secrecy == NULL))
			break;
		long long step = dbres_int(&routes, i, RT_STEP);
		int over = dbres_int(&routes, i, RT_OVER_DEPT) != 0;
		long long dept = step >= 0 && step < 8 && n->step_dept[step] > 0 ? n->step_dept[step] : n->subject_dept;
		rc = db_exec(r->db, r->a, Q_STEP_INSERT, NULL, "iisiis", *id, step, dbres_get(&routes, i, RT_ROLE),
			     over && dept > 0 ? dept : 0LL, dbres_int(&routes, i, RT_NEED_ALL), "waiting");
		if (first_step == 0)
			first_step = step;
	}
	if (rc != DB_OK)
		return rc;
	if (first_step != 1 && (rc = db_exec(r->db, r->a, Q_REQUEST_NEXT_STEP, NULL, "ii", first_step, *id)) != DB_OK)
		return rc;
	struct dbres steps;
	if ((rc = db_exec(r->db, r->a, Q_STEPS_OF, &steps, "i", *id)) != DB_OK)
		return rc;
	rc = open_step(r, *id, first_step, dbres_get(&steps, 0, ST_ROLE), dbres_int(&steps, 0, ST_DEPT_ID), r->user->id);
	if (rc != DB_OK)
		return rc;
	return audit(r, "request.created", "request", *id,
		     arena_printf(r->a, "%s client %lld%s%s", n->type, n->client_id, n->field ? " " : "",
				  n->field ? n->field : ""));
}

/* What the session's statement told about the signed-in user's approvals
 * (approvals_session), kept for the rest of the request. */
struct standing {
	long long delegators[4];     /* users whose approvals this user holds now */
	size_t n;
	long long waiting;           /* open approvals, their own; and the delegators' once counted */
	int has_session;
	int counted;                 /* waiting includes the delegators' (approval_inbox_count) */
};
static const char standing_key;

static struct standing *standing(struct req *r)
{
	struct standing *s = req_cache_get(r, &standing_key);
	if (s != NULL)
		return s;
	s = arena_alloc(r->a, sizeof *s);
	memset(s, 0, sizeof *s);
	req_cache_put(r, &standing_key, s);
	const char *from = session_value(r, &approvals_session[SESSION_DELEGATORS]);
	const char *waiting = session_value(r, &approvals_session[SESSION_WAITING]);
	if (r->user == NULL || from == NULL || waiting == NULL)
		return s;                    /* no session: nobody's approvals */
	/* "from/starts_at/ends_at,…" of the day: those active now, the four oldest */
	for (const char *p = from; *p != '\0' && s->n < 4; p += strspn(p, ",")) {
		size_t len = strcspn(p, ",");
		const char *starts = memchr(p, '/', len);
		const char *ends = starts ? memchr(starts + 1, '/', len - (size_t)(starts + 1 - p)) : NULL;
		if (ends != NULL && ends - starts == 20 && len - (size_t)(ends + 1 - p) == 19 &&
		    strncmp(starts + 1, r->now_text, 19) <= 0 && strncmp(ends + 1, r->now_text, 19) > 0)
			s->delegators[s->n++] = strtoll(p, NULL, 10);
		p += len;
	}
	s->waiting = strtoll(waiting, NULL, 10);
	s->has_session = 1;
	return s;
}

int approval_pending_same(struct req *r, const struct new_request *n, long long *id)
{
	struct dbres same;
	*id = 0;
	int rc = db_exec(r->db, r->a, Q_REQUEST_PENDING_SAME, &same, "iiss", n->client_id, r->user->id, n->type,
			 n->field ? n->field : "");
	if (rc == DB_OK && same.nrows > 0)
		*id = dbres_int(&same, 0, 0);
	return rc;
}

size_t approval_delegators(struct req *r, const long long **ids)
{
	struct standing *s = standing(r);
	*ids = s->delegators;
	return s->n;
}

/* approval_acting_for, with the database's answer: DB_OK and *acting (0 =
 * nobody), or the failing db_rc. In a transaction a failed read is not
 * "nobody": on a Galera cluster it is how a transaction that lost to another
 * node's commit finds out (1213, DB_RETRY), and it must run again. */
static int acting_for(struct req *r, long long id, int step, long long *acting)
{
	struct dbres res;
	*acting = 0;
	if (r->user == NULL)
		return DB_OK;
	int rc = db_exec(r->db, r->a, Q_APPROVER_OPEN, &res, "iii", id, (long long)step, r->user->id);
	if (rc != DB_OK)
		return rc;
	if (res.nrows == 1) {
		*acting = r->user->id;
		return DB_OK;
	}
	const long long *from;
	size_t n = approval_delegators(r, &from);
	for (size_t i = 0; i < n; i++) {
		if ((rc = db_exec(r->db, r->a, Q_APPROVER_OPEN, &res, "iii", id, (long long)step, from[i])) != DB_OK)
			return rc;
		if (res.nrows == 1) {
			*acting = from[i];
			return DB_OK;
		}
	}
	return DB_OK;
}

long long approval_acting_for(struct req *r, long long id, int step)
{
	long long acting;
	return acting_for(r, id, step, &acting) == DB_OK ? acting : 0;
}

size_t approval_inbox_users(struct req *r, long long who[5])
{
	const long long *from;
	size_t n = approval_delegators(r, &from);
	who[0] = r->user->id;
	for (size_t i = 0; i < 4; i++)
		who[1 + i] = i < n ? from[i] : 0;
	return n;
}

/* The badge: the user's own open approvals (read with the session) and,
 * for a delegate only, the delegators' that are not also the user's own (a
 * statement of its own, which nobody else pays); capped. A failed read
 * leaves the delegators' out of the badge. */
long long approval_inbox_count(struct req *r)
{
	struct standing *s = standing(r);
	if (s->has_session && s->n > 0 && !s->counted) {
		struct dbres d;
		if (db_exec(r->db, r->a, Q_DELEGATED_WAITING, &d, "issi", r->user->id, r->now_text, r->now_text,
			    r->user->id) == DB_OK && d.nrows == 1)
			s->waiting += dbres_int(&d, 0, 0);
		s->counted = 1;
	}
	return s->waiting > APPROVAL_WAITING_CAP ? APPROVAL_WAITING_CAP : s->waiting;
}

/* Ends a pending request with status (and the decision row saying so). */
static int finish(struct req *r, long long id, long long step, const char *status, long long decider,
		  long long on_behalf, const char *comment)
{
	const char *now = time_text(r, 0);
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_REQUEST_FINISH, &res, "ssi", status, now, id);
	if (rc == DB_OK && res.affected != 1)
		rc = DB_CONFLICT;
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_APPROVERS_CLOSE_ALL, NULL, "i", id);
	if (rc == DB_OK && strcmp(status, "withdrawn") != 0 && strcmp(status, "expired") != 0)
		rc = db_exec(r->db, r->a, Q_STEP_SET, NULL, "sii", status, id, step);
	if (rc == DB_OK && strcmp(status, "approved") != 0)
		rc = db_exec(r->db, r->a, Q_STEP_CLOSE_OPEN, NULL, "i", id);
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_DECISION_INSERT, NULL, "iisssss", id, step,
			     decider ? arena_printf(r->a, "%lld", decider) : NULL,
			     on_behalf ? arena_printf(r->a, "%lld", on_behalf) : NULL, status, comment, now);
	if (rc == DB_OK)
		rc = audit(r, arena_printf(r->a, "request.%s", status), "request", id, comment && *comment ? comment : NULL);
	return rc;
}

struct decide_ctx {
	struct req *r;
	long long id;
	int step, approve;
	const char *comment;
	const char *why;
	int outcome;
};

static int decide_txn(void *arg)
{
	struct decide_ctx *c = arg;
	struct req *r = c->r;
	c->outcome = 0;
	struct dbres rq;
	int rc = db_exec(r->db, r->a, Q_REQUEST_LOCK, &rq, "i", c->id);
	if (rc != DB_OK)
		return rc;
	if (rq.nrows != 1 || strcmp(dbres_get(&rq, 0, RQ_STATUS), "pending") != 0) {
		c->outcome = APPROVAL_DECIDED;
		return DB_CONFLICT;
	}
	long long step = dbres_int(&rq, 0, RQ_STEP), requester = dbres_int(&rq, 0, RQ_REQUESTER);
	if (step != c->step) {
		c->outcome = APPROVAL_STALE_STEP;
		return DB_CONFLICT;
	}
	long long acting;
	if ((rc = acting_for(r, c->id, c->step, &acting)) != DB_OK)
		return rc;
	if (acting == 0 || acting == requester || r->user->id == requester) {
		c->outcome = APPROVAL_NOT_YOURS;
		return DB_CONFLICT;
	}
	long long behalf = acting != r->user->id ? acting : 0;
	if (!c->approve)
		return finish(r, c->id, step, "rejected", r->user->id, behalf, c->comment);

	/* this person's approval of the step */
	const char *now = time_text(r, 0);
	rc = db_exec(r->db, r->a, Q_DECISION_INSERT, NULL, "iisssss", c->id, step,
		     arena_printf(r->a, "%lld", r->user->id), behalf ? arena_printf(r->a, "%lld", behalf) : NULL,
		     "approved", c->comment, now);
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_APPROVER_CLOSE, NULL, "iii", c->id, step, acting);
	struct dbres steps, left;
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_STEPS_OF, &steps, "i", c->id);
	if (rc != DB_OK)
		return rc;
	size_t cur = 0;
	while (cur < steps.nrows && dbres_int(&steps, cur, ST_NO) != step)
		cur++;
	if (cur < steps.nrows && dbres_int(&steps, cur, ST_NEED_ALL) != 0) {        /* every one of them must approve */
		if ((rc = db_exec(r->db, r->a, Q_APPROVERS_LEFT, &left, "ii", c->id, step)) != DB_OK)
			return rc;
		if (dbres_int(&left, 0, 0) > 0)
			return audit(r, "request.step_signed", "request", c->id, NULL);
	}
	if ((rc = db_exec(r->db, r->a, Q_STEP_SET, NULL, "sii", "approved", c->id, step)) != DB_OK)
		return rc;
	if ((rc = db_exec(r->db, r->a, Q_APPROVERS_CLOSE_STEP, NULL, "ii", c->id, step)) != DB_OK)
		return rc;
	if (cur + 1 < steps.nrows) {                                     /* on to the next step */
		long long next = dbres_int(&steps, cur + 1, ST_NO);
		rc = db_exec(r->db, r->a, Q_REQUEST_NEXT_STEP, NULL, "ii", next, c->id);
		if (rc == DB_OK)
			rc = open_step(r, c->id, next, dbres_get(&steps, cur + 1, ST_ROLE), dbres_int(&steps, cur + 1, ST_DEPT_ID),
				       requester);
		if (rc == APPROVAL_NOBODY) {
			c->outcome = APPROVAL_NOBODY;
			return DB_CONFLICT;
		}
		return rc == DB_OK ? audit(r, "request.step_approved", "request", c->id, NULL) : rc;
	}
	/* the final approval: the effect, in this transaction */
	struct request_row row = request_row_of(&rq, 0);
	const struct approval_kind *kind = approval_kind_find(row.type);
	if (kind == NULL || kind->apply == NULL) {
		log_msg("rid=%s request %lld: no kind %s", r->rid, row.id, row.type);
		return DB_ERROR;
	}
	rc = kind->apply(r, &row, r->user->id, &c->why);
	if (rc == APPROVAL_REFUSED) {
		c->outcome = APPROVAL_REFUSED;
		return DB_CONFLICT;
	}
	if (rc != DB_OK)
		return rc;
	struct dbres res;
	rc = db_exec(r->db, r->a, Q_REQUEST_FINISH, &res, "ssi", "approved", now, c->id);
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_APPROVERS_CLOSE_ALL, NULL, "i", c->id);
	if (rc == DB_OK)
		rc = audit(r, "request.approved", "request", c->id, c->comment && *c->comment ? c->comment : NULL);
	return rc;
}

int approval_decide(struct req *r, long long id, int step, int approve, const char *comment, const char **why)
{
	struct decide_ctx c = { r, id, step, approve, comment ? comment : "", NULL, 0 };
	int rc = db_txn(r->db, decide_txn, &c);
	*why = c.why;
	if (rc == DB_CONFLICT && c.outcome != 0)
		return c.outcome;
	return rc;
}

struct withdraw_ctx {
	struct req *r;
	long long id;
	int outcome;
};

static int withdraw_txn(void *arg)
{
	struct withdraw_ctx *c = arg;
	struct req *r = c->r;
	struct dbres rq;
	int rc = db_exec(r->db, r->a, Q_REQUEST_LOCK, &rq, "i", c->id);
	if (rc != DB_OK)
		return rc;
	if (rq.nrows != 1 || dbres_int(&rq, 0, RQ_REQUESTER) != r->user->id) {
		c->outcome = APPROVAL_NOT_YOURS;
		return DB_CONFLICT;
	}
	if (strcmp(dbres_get(&rq, 0, RQ_STATUS), "pending") != 0) {
		c->outcome = APPROVAL_DECIDED;
		return DB_CONFLICT;
	}
	return finish(r, c->id, dbres_int(&rq, 0, RQ_STEP), "withdrawn", r->user->id, 0, "");
}

int approval_withdraw(struct req *r, long long id)
{
	struct withdraw_ctx c = { r, id, 0 };
	int rc = db_txn(r->db, withdraw_txn, &c);
	return rc == DB_CONFLICT && c.outcome ? c.outcome : rc;
}

struct expire_ctx {
	struct req *r;
	long long id;
	int done;
};

static int expire_txn(void *arg)
{
	struct expire_ctx *c = arg;
	struct req *r = c->r;
	struct dbres rq;
	c->done = 0;
	int rc = db_exec(r->db, r->a, Q_REQUEST_LOCK, &rq, "i", c->id);
	if (rc != DB_OK || rq.nrows != 1 || strcmp(dbres_get(&rq, 0, RQ_STATUS), "pending") != 0)
		return rc;                  /* decided meanwhile: nothing to do */
	c->done = 1;
	return finish(r, c->id, dbres_int(&rq, 0, RQ_STEP), "expired", 0, 0, "");
}

int approval_expire_due(struct req *r, long long *n)
{
	*n = 0;
	struct dbres due;
	int rc = db_exec(r->db, r->a, Q_REQUESTS_DUE, &due, "s", time_text(r, 0));
	for (size_t i = 0; rc == DB_OK && i < due.nrows; i++) {
		struct expire_ctx c = { r, dbres_int(&due, i, 0), 0 };
		rc = db_txn(r->db, expire_txn, &c);
		*n += c.done;
	}
	return rc;
}
