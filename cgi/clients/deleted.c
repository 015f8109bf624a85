/* clients_deleted.c — deleted clients during their hold: a manager over the
 * client's department (or GM, deputy GM, marketing director) sees them and
 * may restore them; after delete_hold_days `dossier cron` purges them. */
#include "clients.h"
#include "pages.h"
#include <stdlib.h>
#include <string.h>

int clients_deleted(struct req *r)
{
	if (!access_sees_all(r) && access_managed_root(r) == 0)
		return 403;
	struct dbres res;
	const char *hold_start = time_text(r, -r->cfg->delete_hold_days * 86400L);
	if (db_exec(r->db, r->a, Q_CLIENTS_DELETED, &res, "s", hold_start) != DB_OK)
		return db_fail(r);
	size_t n = 0;
	for (size_t i = 0; i < res.nrows; i++) {
		if (!access_over_dept(r, dbres_int(&res, i, DD_DEPT)))
			continue;
		static const char *cols[] = { "id", "name", "deleted_at", "dept_id", "dept", "owner", NULL };
		const char *p = arena_printf(r->a, "Deleted.%zu", n++);
		view_row(r, p, cols, &res, i);
		time_t t;
		if (clock_parse(dbres_get(&res, i, DD_DELETED_AT), &t) == 0) {
			char until[20];
			clock_format(t + (time_t)r->cfg->delete_hold_days * 86400, until);
			view_set(r, arena_printf(r->a, "%s.purge_on", p), arena_strndup(r->a, until, 10));
		}
	}
	view_set(r, "Page.title", lang_text(r, "client.deleted_title"));
	return render(r, 200, "clients/clients_deleted.cs");
}

struct restore_ctx {
	struct req *r;
	long long id;
	int outcome;
};

static int restore_txn(void *arg)
{
	struct restore_ctx *c = arg;
	struct req *r = c->r;
	struct dbres card, res;
	int rc = db_exec(r->db, r->a, Q_CLIENT_GET_DELETED, &card, "i", c->id);
	if (rc != DB_OK)
		return rc;
	if (card.nrows != 1) {
		c->outcome = 404;
		return DB_CONFLICT;
	}
	if (!access_over_dept(r, dbres_int(&card, 0, CARD_DEPT_ID))) {
		c->outcome = 403;
		return DB_CONFLICT;
	}
	const char *now = r->now_text;
	const char *hold_start = time_text(r, -r->cfg->delete_hold_days * 86400L);
	if ((rc = db_exec(r->db, r->a, Q_CLIENT_RESTORE, &res, "sis", now, c->id, hold_start)) != DB_OK)
		return rc;
	if (res.affected != 1) {                 /* past the hold: purged or about to be */
		c->outcome = 409;
		return DB_CONFLICT;
	}
	rc = client_history_add(r, c->id, 0, "restored", dbres_get(&card, 0, CARD_DELETED_AT), NULL, r->user->id,
				lang_key(r, "client.history.restored", 0));
	return rc == DB_OK ? audit(r, "client.restored", "client", c->id, dbres_get(&card, 0, 1 + CF_name)) : rc;
}

int clients_restore(struct req *r)
{
	struct restore_ctx c = { r, r->ids[0], 0 };
	int rc = db_txn(r->db, restore_txn, &c);
	if (rc == DB_CONFLICT && c.outcome == 403)
		audit_event(r, "access.denied", "client", c.id, "restore");
	if (rc == DB_CONFLICT)
		return c.outcome;
	if (rc != DB_OK)
		return db_fail(r);
	resp_flash(r, "client_restored");
	return resp_redirect(r, arena_printf(r->a, "/clients/%lld", c.id));
}
