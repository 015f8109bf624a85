/* prospects.h — prospect protection and the department pool (prospects.c). */
#ifndef DOSSIER_PROSPECTS_H
#define DOSSIER_PROSPECTS_H
#include "clients.h"

/* Starts the protection of prospect id for its owner (registration, takeover). */
int prospect_protect(struct req *r, long long id);
/* 1 when user already holds prospect_limit protected prospects, 0 if not, -1 on error. */
int prospect_limit_reached(struct req *r, long long user);
/* When a prospect returns to the pool: the earlier of until and progress +
 * prospect_progress_days ("YYYY-MM-DD"), or NULL for a bad date. */
const char *prospect_drops_on(struct req *r, const char *until, const char *progress);
/* Home.dropping.N.{id,name,drops_on}: the user's prospects about to return to the pool. */
int view_dropping_prospects(struct req *r);
struct digest_section;
/* The daily digest (core/domain.h): the user's prospects about to return to the pool. */
int prospects_digest(struct req *r, long long user, const char *since, struct digest_section *out);
/* Card.protected_until, last_progress_on, drops_on, drops_soon, in_pool for the card page. */
void view_protection(struct req *r, const struct dbres *card);
/* The scheduled job: prospects whose protection ended, or without progress
 * for prospect_progress_days, return to the pool; *n = how many. */
int prospects_return_due(struct req *r, long long *n);

#endif
