/* routing.c — the admin edits the approval routing (approval_routes):
 * which steps a request of a type needs, by scope and secrecy. Requests keep
 * the steps they were made with; a change applies to new requests. */
#include "approvals.h"
#include "pages.h"
#include "sql.h"
#include "core/form.h"
#include <stdlib.h>
#include <string.h>

static const char *const step_roles[] = { "dept_manager", "director", "deputy_gm", "gm", "archivist", "admin",
					  NULL };
static const char *const scopes[] = { "personal", "department", "company", NULL };
static const char *const secrecies[] = { "ordinary", "secret", "confidential", NULL };

/* A step of a route: the new-route form has all of these, the edit form of a
 * row the version and step, role, over, need_all (or delete). */
enum { RF_TYPE, RF_SCOPE, RF_SECRECY, RF_STEP, RF_ROLE, RF_OVER, RF_NEED_ALL, RF_VERSION, RF_DELETE, RF__N };
static const struct form_field route_fields[RF__N] = {
	[RF_TYPE] = { .name = "type", .type = FT_CHOICE, .flags = FORM_REQUIRED },   /* choices: the kinds */
	[RF_SCOPE] = { .name = "scope", .type = FT_CHOICE, .choices = scopes },           /* empty: any */
	[RF_SECRECY] = { .name = "secrecy", .type = FT_CHOICE, .choices = secrecies },    /* empty: any */
	[RF_STEP] = { .name = "step", .type = FT_NUMBER, .flags = FORM_REQUIRED, .min = 1, .max_value = 9 },
	[RF_ROLE] = { .name = "role", .type = FT_CHOICE, .flags = FORM_REQUIRED, .choices = step_roles },
	[RF_OVER] = { .name = "over", .type = FT_BOOL },
	[RF_NEED_ALL] = { .name = "need_all", .type = FT_BOOL },
	[RF_VERSION] = { .name = "version", .type = FT_ID, .flags = FORM_REQUIRED },
	[RF_DELETE] = { .name = "delete", .type = FT_BOOL },
};


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

/* A change of a route and its audit row, in one transaction. */
struct route_ctx {
	struct req *r;
	struct sql *q;                 /* Q_ROUTE_INSERT, Q_ROUTE_UPDATE or Q_ROUTE_DELETE */
	const struct form_value *v;
	long long id, version;
	const char *detail;
	long long affected;
};

static int route_txn(void *arg)
{
	struct route_ctx *c = arg;
	struct req *r = c->r;
	const struct form_value *v = c->v;
	struct dbres res;
	int rc;
	if (c->q == Q_ROUTE_INSERT)
		rc = db_exec(r->db, r->a, Q_ROUTE_INSERT, &res, "sssisii", v[RF_TYPE].text,
			     *v[RF_SCOPE].text ? v[RF_SCOPE].text : NULL, *v[RF_SECRECY].text ? v[RF_SECRECY].text : NULL,
			     v[RF_STEP].n, v[RF_ROLE].text, v[RF_OVER].n, v[RF_NEED_ALL].n);
	else if (c->q == Q_ROUTE_DELETE)
		rc = db_exec(r->db, r->a, Q_ROUTE_DELETE, &res, "ii", c->id, c->version);
	else
		rc = db_exec(r->db, r->a, Q_ROUTE_UPDATE, &res, "isiiii", v[RF_STEP].n, v[RF_ROLE].text, v[RF_OVER].n,
			     v[RF_NEED_ALL].n, c->id, c->version);
	if (rc != DB_OK)
		return rc;
	c->affected = (long long)res.affected;
	if (res.affected != 1)
		return DB_CONFLICT;            /* a stale version: nothing changed */
	if (c->q == Q_ROUTE_INSERT)
		return audit(r, "route.created", "route", (long long)res.insert_id, c->detail);
	return audit(r, "route.updated", "route", c->id, c->detail);
}

int admin_route_create(struct req *r)
{
	/* the types are those of the approval kinds the domains declare */
	const char *types[64] = { 0 };
	const struct approval_kind *k;
	for (size_t i = 0; i < 63 && (k = approval_kind_at(i)) != NULL; i++)
		types[i] = k->type;
	struct form_field fields[RF_VERSION];
	memcpy(fields, route_fields, sizeof fields);
	fields[RF_TYPE].choices = types;
	struct form_value v[RF_VERSION];
	if (!form_read(r, fields, RF_VERSION, v))
		return routes_page(r, 422);
	const char *type = v[RF_TYPE].text, *scope = v[RF_SCOPE].text, *secrecy = v[RF_SECRECY].text;
	const char *role = v[RF_ROLE].text;
	long long step = v[RF_STEP].n;
	struct route_ctx c = { r, Q_ROUTE_INSERT, v, 0, 0,
			       arena_printf(r->a, "%s %s %s step %lld: %s", type, scope, secrecy, step, role), 0 };
	if (db_txn(r->db, route_txn, &c) != DB_OK)
		return db_fail(r);
	resp_flash(r, "saved");
	return resp_redirect(r, "/admin/routes");
}

int admin_route_update(struct req *r)
{
	long long id = r->ids[0];
	struct dbres before;
	if (db_exec(r->db, r->a, Q_ROUTE_GET, &before, "i", id) != DB_OK)
		return db_fail(r);
	if (before.nrows != 1)
		return 404;
	/* the row's own fields: version and delete first, then what an edit changes */
	struct form_value v[RF__N];
	if (!form_read(r, route_fields + RF_VERSION, RF__N - RF_VERSION, v + RF_VERSION))
		return 400;
	struct route_ctx c = { r, Q_ROUTE_DELETE, v, id, v[RF_VERSION].n, "deleted", 0 };
	if (!v[RF_DELETE].n) {
		if (!form_read(r, route_fields + RF_STEP, RF_VERSION - RF_STEP, v + RF_STEP))
			return routes_page(r, 422);
		c.q = Q_ROUTE_UPDATE;
		c.detail = arena_printf(r->a, "step %s → %lld, %s → %s", dbres_get(&before, 0, RO_STEP), v[RF_STEP].n,
					dbres_get(&before, 0, RO_ROLE), v[RF_ROLE].text);
	}
	int rc = db_txn(r->db, route_txn, &c);
	if (rc == DB_CONFLICT) {
		view_set(r, "Page.error_message", lang_text(r, "form.stale"));
		return routes_page(r, 409);
	}
	if (rc != DB_OK)
		return db_fail(r);
	resp_flash(r, "saved");
	return resp_redirect(r, "/admin/routes");
}
