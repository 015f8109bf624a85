/* purge.c — the scheduled job purges clients deleted by approval once their
 * hold is over, leaving a tombstone in the audit log (DESIGN.md §4: what it
 * was, who asked, who approved, when). */
#include "clients.h"
#include "sql.h"
#include <stdio.h>
#include <string.h>

struct purge_ctx {
	struct req *r;
	long long id;
	const char *before;
	int done;
};

static int purge_txn(void *arg)
{
	struct purge_ctx *c = arg;
	struct req *r = c->r;
	struct dbres cl, rq;
	c->done = 0;
	int rc = db_exec(r->db, r->a, Q_CLIENT_PURGE_LOCK, &cl, "is", c->id, c->before);
	if (rc != DB_OK || cl.nrows != 1)
		return rc;                       /* restored or purged meanwhile */
	if ((rc = db_exec(r->db, r->a, Q_CLIENT_DELETE_REQUEST, &rq, "i", c->id)) != DB_OK)
		return rc;
	/* the tombstone: what it was, who asked, who approved, when */
	const char *tomb = arena_printf(r->a, "%s; deleted %s; requested by %s; approved by %s on %s",
					dbres_get(&cl, 0, PG_NAME), dbres_get(&cl, 0, PG_DELETED_AT),
					rq.nrows ? dbres_get(&rq, 0, DR_REQUESTER) : "-",
					rq.nrows ? dbres_get(&rq, 0, DR_APPROVER) : "-", rq.nrows ? dbres_get(&rq, 0, DR_AT) : "-");
	struct sql *const purge[] = { Q_PURGE_GRAMS, Q_PURGE_LINES, Q_PURGE_PERSONS, Q_PURGE_GRANTS, Q_PURGE_CLIENT };
	for (size_t i = 0; i < sizeof purge / sizeof purge[0] && rc == DB_OK; i++)
		rc = db_exec(r->db, r->a, purge[i], NULL, "i", c->id);
	if (rc == DB_OK)
		rc = audit(r, "client.purged", "client", c->id, tomb);
	c->done = rc == DB_OK;
	return rc;
}

int clients_purge_due(struct req *r, long long *n)
{
	const char *before = time_text(r, -r->cfg->delete_hold_days * 86400L);
	struct dbres due;
	int rc = db_exec(r->db, r->a, Q_CLIENTS_PURGE_DUE, &due, "s", before);
	for (size_t i = 0; rc == DB_OK && i < due.nrows; i++) {
		struct purge_ctx c = { r, dbres_int(&due, i, 0), before, 0 };
		rc = db_txn(r->db, purge_txn, &c);
		*n += c.done;
	}
	return rc;
}

