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
	{ "approvals.expire", approval_expire_due, "request(s) expired", 0 },
	{ 0 },
};

/* The dashboard: the approvals waiting in this person's inbox (theirs and
 * their delegators'), the count the header's badge shows — read once per
 * request (engine.c standing), so the figure costs no statement. */
static int dashboard(struct req *r, const struct dashboard_scope *s, const char *p)
{
	long long n = approval_inbox_count(r);
	if (n < 0)
		return DB_ERROR;
	dashboard_head(r, p, "dash-requests", "request.dash_title", "request.dash_none");
	if (n > 0)
		dashboard_row(r, p, 0, "dash-requests-inbox", lang_text(r, "request.dash_inbox"),
			      n >= APPROVAL_WAITING_CAP ? arena_printf(r->a, "%d+", APPROVAL_WAITING_CAP)
							: arena_printf(r->a, "%lld", n), "/requests/inbox", NULL, 0);
	return DB_OK;
}

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

/* The daily digest: requests waiting more than 24 h for this person's
 * decision, and their own requests decided since their last digest. */
#define DIGEST_READ 100
static int digest(struct req *r, long long user, const char *since, struct digest_section *out)
{
	struct dbres w, d;
	int rc = db_exec(r->db, r->a, Q_DIGEST_WAITING, &w, "isi", user, time_text(r, -86400), (long long)DIGEST_READ);
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_DIGEST_DECIDED, &d, "isi", user, since, (long long)DIGEST_READ);
	if (rc != DB_OK)
		return rc;
	out[0].title = "digest.requests_waiting";
	for (size_t i = 0; i < w.nrows && i < DIGEST_ROWS; i++) {
		out[0].rows[i].text = lang_key(r, "digest.waiting_row", 3, dbres_get(&w, i, 0), dbres_get(&w, i, 1),
					       dbres_get(&w, i, 2));
		out[0].rows[i].link = arena_printf(r->a, "/requests/%s", dbres_get(&w, i, 0));
		out[0].n++;
	}
	out[0].more = w.nrows > DIGEST_ROWS ? (long long)(w.nrows - DIGEST_ROWS) : 0;
	out[1].title = "digest.requests_decided";
	for (size_t i = 0; i < d.nrows && i < DIGEST_ROWS; i++) {
		int approved = strcmp(dbres_get(&d, i, 2), "approved") == 0;
		out[1].rows[i].text = lang_key(r, approved ? "digest.approved_row" : "digest.rejected_row", 3,
					       dbres_get(&d, i, 0), dbres_get(&d, i, 1), dbres_get(&d, i, 3));
		out[1].rows[i].link = arena_printf(r->a, "/requests/%s", dbres_get(&d, i, 0));
		out[1].n++;
	}
	out[1].more = d.nrows > DIGEST_ROWS ? (long long)(d.nrows - DIGEST_ROWS) : 0;
	return DB_OK;
}

/* the delegations one holds and the inbox's badge, read with the session */
const struct session_field approvals_session[] = {
	[SESSION_DELEGATORS] = { SC_DELEGATORS },
	[SESSION_WAITING] = { SC_WAITING },
	{ 0 },
};

const struct domain approvals_domain = {
	.name = "approvals",
	.routes = routes,
	.nav = nav,
	.tasks = tasks,
	.sql = approvals_sql,
	.lang = "approvals",
	.handover = handover,
	.digest = digest,
	.session_fields = approvals_session,
	.dashboard = dashboard,
};
