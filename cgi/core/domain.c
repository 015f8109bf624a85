/* domain.c — what the core does with the list of domains at start-up. */
#include "domain.h"
#include <string.h>
#include "log.h"

int domains_register(void)
{
	for (const struct domain *const *d = domains; *d != NULL; d++)
		if ((*d)->sql != NULL && db_register((*d)->sql) != 0) {
			log_msg("domain %s: its statements cannot be registered", (*d)->name);
			return -1;
		}
	return 0;
}

int panels_fill(struct req *r, const char *page, long long id, unsigned flags)
{
	int n = 0;
	for (const struct domain *const *d = domains; *d != NULL; d++)
		for (const struct panel *p = (*d)->panels; p != NULL && p->page != NULL; p++) {
			if (strcmp(p->page, page) != 0)
				continue;
			int st = p->fill(r, id, flags, arena_printf(r->a, "Panels.%d", n++));
			if (st != 0)
				return st;
		}
	return 0;
}

const char *dashboard_count_text(struct req *r, long long n, long long cap)
{
	return arena_printf(r->a, n > cap ? "%lld+" : "%lld", n > cap ? cap : n);
}

void dashboard_head(struct req *r, const char *prefix, const char *id, const char *title_key, const char *empty_key)
{
	view_set(r, arena_printf(r->a, "%s.id", prefix), id);
	view_set(r, arena_printf(r->a, "%s.title", prefix), lang_text(r, title_key));
	view_set(r, arena_printf(r->a, "%s.empty", prefix), lang_text(r, empty_key));
}

const char *dashboard_row(struct req *r, const char *prefix, size_t n, const char *id, const char *label,
			  const char *value, const char *href, const char *detail, int warn)
{
	const char *f = arena_printf(r->a, "%s.rows.%zu", prefix, n);
	view_set(r, arena_printf(r->a, "%s.id", f), id);
	view_set(r, arena_printf(r->a, "%s.label", f), label);
	view_set(r, arena_printf(r->a, "%s.value", f), value);
	view_set(r, arena_printf(r->a, "%s.href", f), href);
	if (detail != NULL)
		view_set(r, arena_printf(r->a, "%s.detail", f), detail);
	if (warn)
		view_set(r, arena_printf(r->a, "%s.warn", f), "1");
	return f;
}

int dashboard_fill(struct req *r)
{
	if (r->user == NULL || !req_has_role(r, ROLE_DEPT_MANAGER | ROLE_DIRECTOR | ROLE_DEPUTY_GM | ROLE_GM))
		return DB_OK;
	struct dashboard_scope s = { 0 };
	s.company = req_has_role(r, ROLE_DIRECTOR | ROLE_DEPUTY_GM | ROLE_GM);
	s.root = s.company ? 0 : r->user->dept_id;
	long long from = s.company ? DEPT_ALL : s.root;
	size_t n0 = dept_subtree(r, from, NULL, 0);
	long long *ids = arena_alloc(r->a, (n0 + 1) * sizeof *ids);
	s.n = dept_subtree(r, from, ids, n0);
	s.depts = ids;
	view_set(r, "Dashboard.on", "1");
	int n = 0;
	for (const struct domain *const *d = domains; *d != NULL; d++)
		if ((*d)->dashboard != NULL) {
			int rc = (*d)->dashboard(r, &s, arena_printf(r->a, "Dashboard.groups.%d", n++));
			if (rc != DB_OK)
				return rc;
		}
	return DB_OK;
}
