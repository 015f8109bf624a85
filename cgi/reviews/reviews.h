/* reviews.h — the semi-annual grade review (reviews.c). */
#ifndef DOSSIER_REVIEWS_H
#define DOSSIER_REVIEWS_H
#include "core/app.h"
#include "sql.h"

/* The scheduled job: opens this half-year's cycle for every department with
 * a manager (once; *n = how many opened). */
int review_open_due(struct req *r, long long *n);
/* The effect of an approved review request: all proposals of the cycle at
 * once, inside the decision's transaction. DB_OK, APPROVAL_REFUSED (*why), or a db_rc. */
int review_apply(struct req *r, long long cycle, long long requester, const char *reason, const char **why);

/* What the approver of cycle's request reads: every card's grade now → the
 * proposed one, and the quotas now and after (Detail.tables.*). A db_rc. */
int review_detail(struct req *r, long long cycle);

/* The pages (reviews.c). */
int reviews_list(struct req *r);
int reviews_show(struct req *r);
int reviews_save(struct req *r);
int reviews_submit(struct req *r);

#endif
