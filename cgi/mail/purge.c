/* purge.c — the scheduled task mail.purge: sent and dropped messages older
 * than mail_keep_days leave the outbox (failed ones stay for the admin), and
 * so do the records of digests written. The idempotency key holds a day, so
 * a message deleted long after its day cannot be queued again by mistake. */
#include "mail.h"
#include "sql.h"

struct purge_ctx {
	struct req *r;
	struct sql *q;
	const char *before;
	unsigned long long deleted;
};

static int purge_txn(void *arg)
{
	struct purge_ctx *c = arg;
	struct dbres res;
	int rc = db_exec(c->r->db, c->r->a, c->q, &res, "s", c->before);
	c->deleted = rc == DB_OK ? res.affected : 0;
	return rc;
}

int mail_purge_due(struct req *r, long long *n)
{
	struct sql *const q[] = { Q_OUTBOX_PURGE, Q_DIGESTS_PURGE };
	const char *before[] = { time_text(r, -r->cfg->mail_keep_days * 86400L), day_text(r, -r->cfg->mail_keep_days) };
	int rc = DB_OK;
	for (int i = 0; i < 2 && rc == DB_OK; i++) {
		/* in pieces of 5,000 rows: short transactions */
		struct purge_ctx c = { r, q[i], before[i], 5000 };
		while (rc == DB_OK && c.deleted == 5000) {
			rc = db_txn(r->db, purge_txn, &c);
			if (i == 0)
				*n += (long long)c.deleted;
		}
	}
	return rc;
}
