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
#include "access.h"
#include "app.h"

/* Outcomes beside the db_rc codes. */
enum {
	APPROVAL_NOBODY = 10,        /* no one may decide a step: not created */
	APPROVAL_DECIDED = 11,       /* already decided (or withdrawn, expired) */
	APPROVAL_NOT_YOURS = 12,     /* the user may not decide this step */
	APPROVAL_REFUSED = 13,       /* the effect was refused; message in *why */
	APPROVAL_STALE_STEP = 14,    /* the step moved on since the page was shown */
};

/* Every request type (the routing's req_type), NULL-terminated. */
extern const char *const approval_types[];

struct new_request {
	const char *type;            /* view, change, delete, transfer, blacklist_dept, blacklist_company */
	long long client_id;
	const char *scope;           /* the subject's scope, for routing (NULL: none) */
	const char *secrecy;         /* for archive items (NULL: none) */
	long long subject_dept;      /* for steps over the subject's department */
	const char *reason;
	const char *field, *old_value, *new_value, *payload;   /* the change (may be NULL) */
};

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
/* Pending requests waiting for the signed-in user (capped at 200). */
long long approval_inbox_count(struct req *r);

/* Effects, by type (approvals_clients.c): checks that the request may be
 * made (0, or a language key in *why), and applies it inside the decision's
 * transaction (DB_OK, APPROVAL_REFUSED with *why, or a db_rc). */
int approval_effect_apply(struct req *r, const struct dbres *request, long long decider, const char **why);

/* What a user asks about a card: kind is view, transfer, delete, grade,
 * scope, owner (value: a username), former or blacklist (value: none,
 * department, company). Fills *n; 0, -1 with the reason to show in *why,
 * or -2 when the user may not ask this about the card. */
int client_request_prepare(struct req *r, const struct dbres *card, enum via via, const char *kind,
			   const char *value, struct new_request *n, const char **why);

#endif
