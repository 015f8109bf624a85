/* domain.c — the reviews domain: the half-yearly grade review of a
 * department's cards, sent as one request of kind "review". */
#include "reviews.h"
#include "sql.h"
#include "approvals/approvals.h"
#include "core/domain.h"
#include <stdlib.h>

SQL_DEFINE(REVIEWS_SQL, reviews_sql)

static const struct route routes[] = {
	{ M_GET,  "/reviews",             reviews_list,   0, 0 },
	{ M_GET,  "/reviews/{id}",        reviews_show,   0, 0 },
	{ M_POST, "/reviews/{id}",        reviews_save,   R_CSRF, 0 },
	{ M_POST, "/reviews/{id}/submit", reviews_submit, R_CSRF, 0 },
	{ 0 },
};

static const struct nav nav[] = {
	{ 50, "/reviews", "nav.reviews", ROLE_DEPT_MANAGER | ROLE_DIRECTOR | ROLE_DEPUTY_GM | ROLE_GM, { "/reviews" }, NULL,
	  NULL },
	{ 0 },
};

static const struct task tasks[] = {
	{ "reviews.open", review_open_due, "grade review cycle(s) opened", 0 },
	{ 0 },
};

/* The approved review: every proposal of the cycle (new_value) at once. */
static int apply_review(struct req *r, const struct request_row *rq, long long decider, const char **why)
{
	return review_apply(r, rq->new_value ? strtoll(rq->new_value, NULL, 10) : 0, rq->requester,
			    approval_history_reason(r, rq, "review.history_reason", decider), why);
}

static int detail_review(struct req *r, const struct request_row *rq)
{
	return review_detail(r, rq->new_value ? strtoll(rq->new_value, NULL, 10) : 0);
}

static const struct approval_kind kinds[] = {
	{ "review", NULL, apply_review, detail_review },
	{ 0 },
};

const struct domain reviews_domain = {
	.name = "reviews",
	.routes = routes,
	.nav = nav,
	.kinds = kinds,
	.tasks = tasks,
	.sql = reviews_sql,
	.lang = "reviews",
};
