#include "access.h"
#include "sql.h"
#include "viewlog.h"
#include "core/log.h"
#include <string.h>

const char *const via_names[] = { "denied", "owner", "member", "manager", "company", "grant" };


int access_sees_all(const struct req *r)
{
	return req_has_role(r, ROLE_GM | ROLE_DEPUTY_GM | ROLE_DIRECTOR);
}

long long access_managed_root(const struct req *r)
{
	return req_has_role(r, ROLE_DEPT_MANAGER) ? r->user->dept_id : 0;
}

int access_over_dept(struct req *r, long long dept)
{
	return access_sees_all(r) || dept_within(r, dept, access_managed_root(r));
}

/* The signed-in user's grants in force, read at the first card the request
 * checks; NULL when they could not be read (then no grant counts). */
static const char grants_key;
enum { GR_CLIENT_ID, GR_EXPIRES_AT };       /* columns of Q_GRANTS_ACTIVE */
static struct dbres *active_grants(struct req *r)
{
	struct dbres *g = req_cache_get(r, &grants_key);
	if (g != NULL)
		return g->ncols == 0 ? NULL : g;
	g = arena_alloc(r->a, sizeof *g);
	if (db_exec(r->db, r->a, Q_GRANTS_ACTIVE, g, "is", r->user->id, r->now_text) != DB_OK)
		memset(g, 0, sizeof *g);
	req_cache_put(r, &grants_key, g);
	return g->ncols == 0 ? NULL : g;
}

enum via card_access(struct req *r, const struct card_ref *c)
{
	if (r->user == NULL)
		return VIA_NONE;
	if (c->owner_id == r->user->id)
		return VIA_OWNER;
	if (access_sees_all(r))
		return VIA_COMPANY;
	int company = strcmp(c->scope, "company") == 0;
	if (!company && dept_within(r, c->dept_id, access_managed_root(r)))
		return VIA_MANAGER;
	if ((strcmp(c->scope, "department") == 0 || c->in_pool) && c->dept_id == r->user->dept_id)
		return VIA_MEMBER;
	struct dbres *grants = active_grants(r);
	for (size_t i = 0; grants != NULL && i < grants->nrows; i++)
		if (dbres_int(grants, i, GR_CLIENT_ID) == c->id)
			return VIA_GRANT;
	return VIA_NONE;
}

const char *card_grant_until(struct req *r, long long client_id)
{
	struct dbres *grants = active_grants(r);
	for (size_t i = 0; grants != NULL && i < grants->nrows; i++)
		if (dbres_int(grants, i, GR_CLIENT_ID) == client_id)
			return dbres_get(grants, i, GR_EXPIRES_AT);
	return NULL;
}

int card_may_edit(enum via v)
{
	return v == VIA_OWNER || v == VIA_MANAGER || v == VIA_COMPANY;
}

int card_sees_notes(enum via v)
{
	return v == VIA_OWNER || v == VIA_MANAGER || v == VIA_COMPANY;
}

int card_log_view(struct req *r, long long client_id, enum via v, const char *page)
{
	/* through the committer (one commit for the views of all workers), else as one statement */
	int rc = viewlog_write(client_id, r->user->id, r->now_text, via_names[v], page);
	if (rc == VIEWLOG_FAILED || rc == VIEWLOG_UNREACHABLE)
		rc = db_write(r->db, r->a, Q_VIEW_INSERT, NULL, "iisss", client_id, r->user->id, r->now_text,
			     via_names[v], page) == DB_OK ? VIEWLOG_OK : VIEWLOG_FAILED;
	if (rc != VIEWLOG_OK) {
		log_msg("rid=%s could not log the view of client %lld", r->rid, client_id);
		return -1;
	}
	return 0;
}
