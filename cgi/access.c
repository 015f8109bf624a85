#include "access.h"
#include "log.h"
#include <string.h>

const char *const via_names[] = { "denied", "owner", "member", "manager", "company", "grant" };

struct dept_map {
	size_t n;
	long long *id, *parent;
};

static struct dept_map *depts(struct req *r)
{
	if (r->depts != NULL)
		return r->depts;
	struct dbres res;
	struct dept_map *m = arena_alloc(r->a, sizeof *m);
	if (db_exec(r->db, r->a, Q_DEPT_PARENTS, &res, "") == DB_OK) {
		m->n = res.nrows;
		m->id = arena_alloc(r->a, (m->n + 1) * sizeof *m->id);
		m->parent = arena_alloc(r->a, (m->n + 1) * sizeof *m->parent);
		for (size_t i = 0; i < res.nrows; i++) {
			m->id[i] = dbres_int(&res, i, 0);
			m->parent[i] = dbres_int(&res, i, 1);
		}
	}
	r->depts = m;
	return m;
}

int dept_within(struct req *r, long long dept, long long root)
{
	if (root <= 0)
		return 0;
	struct dept_map *m = depts(r);
	for (size_t hops = 0; dept > 0 && hops <= m->n; hops++) {
		if (dept == root)
			return 1;
		long long parent = 0;
		for (size_t i = 0; i < m->n; i++)
			if (m->id[i] == dept) {
				parent = m->parent[i];
				break;
			}
		dept = parent;
	}
	return 0;
}

size_t dept_subtree(struct req *r, long long root, long long *out, size_t max)
{
	struct dept_map *m = depts(r);
	size_t n = 0;
	for (size_t i = 0; i < m->n; i++)
		if (dept_within(r, m->id[i], root)) {
			if (n < max)
				out[n] = m->id[i];
			n++;
		}
	return n;
}

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
	char now[20];
	clock_format(r->now, now);
	struct dbres res;
	if (db_exec(r->db, r->a, Q_GRANT_ACTIVE, &res, "iis", r->user->id, c->id, now) == DB_OK && res.nrows > 0)
		return VIA_GRANT;
	return VIA_NONE;
}

int card_may_edit(enum via v)
{
	return v == VIA_OWNER || v == VIA_MANAGER || v == VIA_COMPANY;
}

int card_sees_notes(enum via v)
{
	return v == VIA_OWNER || v == VIA_MANAGER || v == VIA_COMPANY;
}

void card_log_view(struct req *r, long long client_id, enum via v, const char *page)
{
	char now[20];
	clock_format(r->now, now);
	if (db_exec(r->db, r->a, Q_VIEW_INSERT, NULL, "iisss", client_id, r->user->id, now, via_names[v], page) != DB_OK)
		log_msg("rid=%s could not log the view of client %lld", r->rid, client_id);
}
