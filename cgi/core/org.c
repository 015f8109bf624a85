/* org.c — the department tree, read once per request when a page needs it. */
#include "app.h"

struct dept_map {
	size_t n;
	long long *id, *parent;
	const char **name;
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
		m->name = arena_alloc(r->a, (m->n + 1) * sizeof *m->name);
		for (size_t i = 0; i < res.nrows; i++) {
			m->id[i] = dbres_int(&res, i, 0);
			m->parent[i] = dbres_int(&res, i, 1);
			m->name[i] = dbres_get(&res, i, 2);
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
		if (root == DEPT_ALL || dept_within(r, m->id[i], root)) {
			if (n < max)
				out[n] = m->id[i];
			n++;
		}
	return n;
}

const char *dept_name(struct req *r, long long id)
{
	struct dept_map *m = depts(r);
	for (size_t i = 0; i < m->n; i++)
		if (m->id[i] == id)
			return m->name[i];
	return "";
}
