/* reviews.h — the semi-annual grade review (reviews.c). */
#ifndef DOSSIER_REVIEWS_H
#define DOSSIER_REVIEWS_H
#include "app.h"

/* The scheduled job: opens this half-year's cycle for every department with
 * a manager (once; *n = how many opened). */
int review_open_due(struct req *r, long long *n);
/* The effect of an approved review request: all proposals of the cycle at
 * once, inside the decision's transaction. DB_OK, APPROVAL_REFUSED (*why), or a db_rc. */
int review_apply(struct req *r, long long cycle, long long requester, const char *reason, const char **why);

#endif
