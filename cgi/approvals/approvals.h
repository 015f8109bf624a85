/* approvals.h — the one approval engine (DESIGN.md §7).
 *
 * A request has a type, a subject (a client), a requester, a reason and the
 * change it would make; its steps come from the routing table
 * (approval_routes) when it is made. When a step opens, the people who may
 * decide it are written down (request_approvers): that list is the inbox.
 * A decision locks the request row, so two people deciding at once give one
 * decision; the effect of the final approval is applied in the same
 * transaction, and when it is refused nothing is decided. */
#ifndef DOSSIER_APPROVALS_H
#define DOSSIER_APPROVALS_H
#include "core/app.h"

/* Outcomes beside the db_rc codes. */
enum {
	APPROVAL_NOBODY = 10,        /* no one may decide a step: not created */
	APPROVAL_DECIDED = 11,       /* already decided (or withdrawn, expired) */
	APPROVAL_NOT_YOURS = 12,     /* the user may not decide this step */
	APPROVAL_REFUSED = 13,       /* the effect was refused; message in *why */
	APPROVAL_STALE_STEP = 14,    /* the step moved on since the page was shown */
};

/* The columns of a request row (Q_REQUEST_LOCK; Q_REQUEST_GET adds the rest). */
enum request_col {
	RQ_ID, RQ_TYPE, RQ_CLIENT, RQ_REQUESTER, RQ_REASON, RQ_FIELD, RQ_OLD, RQ_NEW, RQ_PAYLOAD, RQ_STATUS,
	RQ_STEP, RQ_CREATED,
	RQ_DECIDED, RQ_EXPIRES, RQ_REQUESTER_NAME, RQ_REQUESTER_DEPT, RQ_CLIENT_NAME, RQ_CLIENT_DELETED,
};

/* The columns of Q_MY_REQUESTS. */
enum {
	MR_ID, MR_TYPE, MR_CLIENT_ID, MR_CLIENT, MR_REASON, MR_FIELD, MR_OLD, MR_NEW, MR_STATUS, MR_CREATED,
	MR_DECIDED, MR_GRANT_UNTIL,
};

/* A request as its kind's effect reads it. */
struct request_row {
	long long id, client_id, requester;
	const char *type, *reason, *field, *old_value, *new_value, *payload, *status;
	int step;
};
/* Row i of a result with the columns of enum request_col. */
struct request_row request_row_of(const struct dbres *res, size_t i);

/* An approval kind: what a domain gives the engine for one request type.
 * The engine looks a kind up by type; it includes no domain's header. */
struct approval_kind {
	const char *type;            /* the routing's req_type: "view", "change", … */
	/* The text a person reads for a requested value of field (old or new);
	 * NULL: the value as stored. */
	const char *(*value_text)(struct req *r, const char *field, const char *value);
	/* The effect of the final approval, inside the deciding transaction:
	 * DB_OK, APPROVAL_REFUSED with the reason in *why, or a db_rc. */
	int (*apply)(struct req *r, const struct request_row *rq, long long decider, const char **why);
	/* What the approver reads beyond the one changed field (may be NULL):
	 * tables into Detail.tables.N.{title, head.M, rows.K.cells.M.{text, href, class}}. A db_rc. */
	int (*detail)(struct req *r, const struct request_row *rq);
};

/* The kind of type from every domain's table, or NULL. */
const struct approval_kind *approval_kind_find(const char *type);
/* The i-th kind over every domain (for lists of types), or NULL past the last. */
const struct approval_kind *approval_kind_at(size_t i);
/* The text of a requested value of a request of type (old or new). */
const char *approval_value_text(struct req *r, const char *type, const char *field, const char *value);

struct new_request {
	const char *type;            /* view, change, delete, transfer, blacklist_dept, blacklist_company */
	long long client_id;
	const char *scope;           /* the subject's scope, for routing (NULL: none) */
	const char *secrecy;         /* for archive items (NULL: none) */
	long long subject_dept;      /* for steps over the subject's department */
	const char *reason;
	const char *field, *old_value, *new_value, *payload;   /* the change (may be NULL) */
	long long step_dept[8];      /* step_dept[k]: step k's own department instead of subject_dept (0: none) */
};

/* The id of the same user's pending request of the same type and field
 * about the same subject into *id (0: none). A db_rc. */
int approval_pending_same(struct req *r, const struct new_request *n, long long *id);

/* Inside the caller's transaction: the request, its steps, the first step
 * opened with its approvers. DB_OK with *id, APPROVAL_NOBODY, or a db_rc. */
int approval_create(struct req *r, const struct new_request *n, long long *id);

/* Approve (approve = 1) or reject request id at step (the step the page
 * showed). Runs its own transaction. DB_OK, an APPROVAL_* code (*why set for
 * APPROVAL_REFUSED), or a db_rc. */
int approval_decide(struct req *r, long long id, int step, int approve, const char *comment, const char **why);
/* The requester withdraws a pending request. DB_OK, APPROVAL_DECIDED, APPROVAL_NOT_YOURS or a db_rc. */
int approval_withdraw(struct req *r, long long id);
/* Expires pending requests past their time (the scheduled job); *n = how many. */
int approval_expire_due(struct req *r, long long *n);

/* The users on whose behalf the signed-in user acts now (delegations), up to
 * 4, read once per request; *ids points at them. */
size_t approval_delegators(struct req *r, const long long **ids);
/* who = the signed-in user, then the delegators, 0-padded (the inbox queries'
 * five slots); returns the number of delegators. */
size_t approval_inbox_users(struct req *r, long long who[5]);
/* The id the signed-in user would decide step of request id for (their own
 * id, or a delegator's), or 0 when they may not. */
long long approval_acting_for(struct req *r, long long id, int step);
/* Pending requests waiting for the signed-in user or a delegator (capped at
 * 200); read with the delegations in one statement, once per request. */
long long approval_inbox_count(struct req *r);
#define APPROVAL_WAITING_CAP 200    /* the inbox count is counted up to this (the session field SC_WAITING) */

/* The history reason an effect writes, in the reader's language when shown:
 * the string at key with %1 the request's number, %2 its reason, %3 the approver. */
const char *approval_history_reason(struct req *r, const struct request_row *rq, const char *key,
				    long long decider);

#endif
