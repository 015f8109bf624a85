/* domain.c — the approvals domain: the engine other domains ask through,
 * the inbox, my requests, delegation, the routing editor. */
#include "approvals.h"
#include "pages.h"
#include "sql.h"
#include "core/domain.h"
#include <string.h>

SQL_DEFINE(APPROVALS_SQL, approvals_sql)

#define ADMIN ROLE_ADMIN
#define APPROVERS (ROLE_DEPT_MANAGER | ROLE_DIRECTOR | ROLE_DEPUTY_GM | ROLE_GM)

static const struct route routes[] = {
	{ M_GET,  "/requests",                requests_mine,      0, 0 },
	{ M_GET,  "/requests/inbox",          requests_inbox,     0, 0 },
	{ M_POST, "/requests/inbox",          requests_batch,     R_CSRF, 0 },
	{ M_GET,  "/requests/{id}",           requests_show,      0, 0 },
	{ M_POST, "/requests/{id}/decide",    requests_decide,    R_CSRF, 0 },
	{ M_POST, "/requests/{id}/withdraw",  requests_withdraw,  R_CSRF, 0 },
	{ M_GET,  "/delegations",             delegations_list,   0, 0 },
	{ M_POST, "/delegations",             delegations_create, R_CSRF, 0 },
	{ M_POST, "/delegations/{id}/revoke", delegations_revoke, R_CSRF, 0 },
	{ M_GET,  "/admin/routes",            admin_routes,       0, ADMIN },
	{ M_POST, "/admin/routes",            admin_route_create, R_CSRF, ADMIN },
	{ M_POST, "/admin/routes/{id}",       admin_route_update, R_CSRF, ADMIN },
	{ 0 },
};

static const struct nav nav[] = {
	{ 40, "/requests/inbox", "nav.requests", 0, { "/requests/" }, approval_inbox_count, "inbox_count" },
	{ 42, "/requests", "nav.mine", 0, { NULL }, NULL, NULL },
	{ 44, "/delegations", "nav.delegations", APPROVERS, { NULL }, NULL, NULL },
	{ 130, "/admin/routes", "nav.routes", ADMIN, { NULL }, NULL, NULL },
	{ 0 },
};

static const struct task tasks[] = {
	{ "approvals.expire", approval_expire_due, "request(s) expired" },
	{ 0 },
};

/* The leaving employee's pending requests, and the approvals waiting for them. */
static int handover(struct req *r, struct handover *h)
{
	struct dbres req, add;
	memset(&req, 0, sizeof req);
	memset(&add, 0, sizeof add);
	int rc = db_exec(r->db, r->a, Q_HANDOVER_REQUESTS, &req, "ii", h->to, h->from);
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_HANDOVER_APPROVALS_ADD, &add, "iii", h->to, h->from, h->to);
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_HANDOVER_APPROVALS_CLOSE, NULL, "i", h->from);
	h->summary = arena_printf(r->a, "%s%s%llu pending requests, %llu approvals", h->summary,
				  *h->summary ? ", " : "", req.affected, add.affected);
	return rc;
}

const struct domain approvals_domain = {
	.name = "approvals",
	.routes = routes,
	.nav = nav,
	.tasks = tasks,
	.sql = approvals_sql,
	.lang = "approvals",
	.handover = handover,
};
