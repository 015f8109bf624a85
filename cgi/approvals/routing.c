/* routing.c — the admin edits the approval routing (approval_routes):
 * which steps a request of a type needs, by scope and secrecy. Requests keep
 * the steps they were made with; a change applies to new requests. */
#include "approvals.h"
#include "pages.h"
#include "sql.h"
#include <stdlib.h>
#include <string.h>

static const char *const step_roles[] = { "dept_manager", "director", "deputy_gm", "gm", "archivist", "admin",
					  NULL };
static const char *const scopes[] = { "personal", "department", "company", NULL };
static const char *const secrecies[] = { "ordinary", "secret", "confidential", NULL };


static int routes_page(struct req *r, int status)
{
	struct dbres res;
	if (db_exec(r->db, r->a, Q_ROUTES_ALL, &res, "") != DB_OK)
		return db_fail(r);
	static const char *cols[] = { "id", "type", "scope", "secrecy", "step", "role", "over", "need_all", "version",
				      NULL };
	for (size_t i = 0; i < res.nrows; i++)
		view_row(r, arena_printf(r->a, "Routes.%zu", i), cols, &res, i);
	const struct approval_kind *k;
	for (size_t i = 0; (k = approval_kind_at(i)) != NULL; i++)
		view_set(r, arena_printf(r->a, "Choices.types.%zu", i), k->type);
	for (int i = 0; step_roles[i]; i++)
		view_set(r, arena_printf(r->a, "Choices.roles.%d", i), step_roles[i]);
	view_set(r, "Page.title", lang_text(r, "routes.title"));
	return render(r, status, "approvals/admin_routes.cs");
}

int admin_routes(struct req *r)
{
	return routes_page(r, 200);
}

int admin_route_create(struct req *r)
{
	const char *types[64] = { 0 };
	const struct approval_kind *k;
	for (size_t i = 0; i < 63 && (k = approval_kind_at(i)) != NULL; i++)
		types[i] = k->type;
	const char *type = form_choice(r, "type", types, 0);
	const char *scope = form_choice(r, "scope", scopes, 1);
	const char *secrecy = form_choice(r, "secrecy", secrecies, 1);
	const char *role = form_choice(r, "role", step_roles, 0);
	long long step;
	int ok = type && scope && secrecy && role && form_int(r, "step", 1, 9, &step) == 0;
	if (!ok)
		return routes_page(r, 422);
	struct dbres res;
	if (db_exec(r->db, r->a, Q_ROUTE_INSERT, &res, "sssisii", type, *scope ? scope : NULL,
		    *secrecy ? secrecy : NULL, step, role, (long long)(req_form(r, "over") != NULL),
		    (long long)(req_form(r, "need_all") != NULL)) != DB_OK)
		return db_fail(r);
	audit(r, "route.created", "route", (long long)res.insert_id,
	      arena_printf(r->a, "%s %s %s step %lld: %s", type, scope, secrecy, step, role));
	resp_flash(r, "saved");
	return resp_redirect(r, "/admin/routes");
}

int admin_route_update(struct req *r)
{
	long long id = r->ids[0], version, step;
	struct dbres before;
	if (db_exec(r->db, r->a, Q_ROUTE_GET, &before, "i", id) != DB_OK)
		return db_fail(r);
	if (before.nrows != 1)
		return 404;
	if (form_int(r, "version", 1, 1LL << 40, &version) != 0)
		return 400;
	struct dbres res;
	int rc;
	const char *detail;
	if (req_form(r, "delete") != NULL) {
		rc = db_exec(r->db, r->a, Q_ROUTE_DELETE, &res, "ii", id, version);
		detail = "deleted";
	} else {
		const char *role = form_choice(r, "role", step_roles, 0);
		if (role == NULL || form_int(r, "step", 1, 9, &step) != 0)
			return routes_page(r, 422);
		rc = db_exec(r->db, r->a, Q_ROUTE_UPDATE, &res, "isiiii", step, role,
			     (long long)(req_form(r, "over") != NULL), (long long)(req_form(r, "need_all") != NULL), id,
			     version);
		detail = arena_printf(r->a, "step %s → %lld, %s → %s", dbres_get(&before, 0, 4), step,
				      dbres_get(&before, 0, 5), role);
	}
	if (rc != DB_OK)
		return db_fail(r);
	if (res.affected != 1) {
		view_set(r, "Page.error_message", lang_text(r, "form.stale"));
		return routes_page(r, 409);
	}
	audit(r, "route.updated", "route", id, detail);
	resp_flash(r, "saved");
	return resp_redirect(r, "/admin/routes");
}
