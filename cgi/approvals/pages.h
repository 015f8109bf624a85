/* pages.h — the handlers of the approvals domain (its routes: domain.c). */
#ifndef DOSSIER_APPROVALS_PAGES_H
#define DOSSIER_APPROVALS_PAGES_H
#include "core/app.h"
#include "sql.h"

/* requests.c */
int requests_inbox(struct req *r);
int requests_mine(struct req *r);
int requests_show(struct req *r);
int requests_decide(struct req *r);
int requests_batch(struct req *r);
int requests_withdraw(struct req *r);
/* delegations.c */
int delegations_list(struct req *r);
int delegations_create(struct req *r);
int delegations_revoke(struct req *r);
/* routing.c */
int admin_routes(struct req *r);
int admin_route_create(struct req *r);
int admin_route_update(struct req *r);

#endif
