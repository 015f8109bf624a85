/* cron.c — the scheduled job: expire old requests, purge deleted clients
 * after their hold (leaving a tombstone in the audit log). Time comes from
 * the one clock (clock_now), so tests move it instead of waiting. */
#include "cron.h"
#include "app.h"
#include "approvals.h"
#include "crypto.h"
#include "log.h"
#include "prospects.h"
#include "reviews.h"
#include <stdio.h>
#include <string.h>

/* Runs task under the named lock; 0 done (or skipped: another copy holds it), -1 failed. */
static int locked(struct req *r, const char *name, int (*task)(struct req *r))
{
	struct dbres res;
	if (db_exec(r->db, r->a, Q_LOCK_GET, &res, "s", name) != DB_OK)
		return -1;
	if (dbres_int(&res, 0, 0) != 1) {
		log_msg("cron: %s is running elsewhere, skipped", name);
		return 0;
	}
	int rc = task(r);
	db_exec(r->db, r->a, Q_LOCK_RELEASE, NULL, "s", name);
	return rc;
}

static int expire_requests(struct req *r)
{
	long long n;
	int rc = approval_expire_due(r, &n);
	log_msg("cron: %lld request(s) expired", n);
	return rc == DB_OK ? 0 : -1;
}

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
					dbres_get(&cl, 0, 1), dbres_get(&cl, 0, 2),
					rq.nrows ? dbres_get(&rq, 0, 1) : "-", rq.nrows ? dbres_get(&rq, 0, 2) : "-",
					rq.nrows ? dbres_get(&rq, 0, 3) : "-");
	static const enum query purge[] = { Q_PURGE_GRAMS, Q_PURGE_LINES, Q_PURGE_PERSONS, Q_PURGE_GRANTS,
					    Q_PURGE_CLIENT };
	for (size_t i = 0; i < sizeof purge / sizeof purge[0] && rc == DB_OK; i++)
		rc = db_exec(r->db, r->a, purge[i], NULL, "i", c->id);
	if (rc == DB_OK)
		rc = audit(r, "client.purged", "client", c->id, tomb);
	c->done = rc == DB_OK;
	return rc;
}

static int purge_clients(struct req *r)
{
	char before[20];
	clock_format(r->now - (time_t)r->cfg->delete_hold_days * 86400, before);
	struct dbres due;
	if (db_exec(r->db, r->a, Q_CLIENTS_PURGE_DUE, &due, "s", before) != DB_OK)
		return -1;
	long long n = 0;
	for (size_t i = 0; i < due.nrows; i++) {
		struct purge_ctx c = { r, dbres_int(&due, i, 0), before, 0 };
		if (db_txn(r->db, purge_txn, &c) != DB_OK)
			return -1;
		n += c.done;
	}
	log_msg("cron: %lld deleted client(s) purged", n);
	return 0;
}

static int return_prospects(struct req *r)
{
	long long n;
	int rc = prospects_return_due(r, &n);
	log_msg("cron: %lld prospect(s) returned to the pool", n);
	return rc == DB_OK ? 0 : -1;
}

static int open_reviews(struct req *r)
{
	long long n;
	int rc = review_open_due(r, &n);
	log_msg("cron: %lld grade review cycle(s) opened", n);
	return rc == DB_OK ? 0 : -1;
}

int cron_run(const struct config *cfg)
{
	struct db *db = db_new(cfg);
	if (db == NULL || db_connect(db) != DB_OK) {
		log_msg("cron: database unavailable");
		db_free(db);
		return 1;
	}
	struct req r;
	memset(&r, 0, sizeof r);
	r.a = arena_new();
	r.cfg = cfg;
	r.db = db;
	r.now = clock_now();
	r.remote_addr = "";
	r.path = "cron";
	char tok[65];
	if (crypto_token(tok) == 0)
		snprintf(r.rid, sizeof r.rid, "%.16s", tok);
	static const struct { const char *name; int (*task)(struct req *r); } tasks[] = {
		{ "dossier.cron.expire_requests", expire_requests },
		{ "dossier.cron.purge_clients", purge_clients },
		{ "dossier.cron.return_prospects", return_prospects },
		{ "dossier.cron.open_reviews", open_reviews },
	};
	int failed = 0;
	for (size_t i = 0; i < sizeof tasks / sizeof tasks[0]; i++)
		if (locked(&r, tasks[i].name, tasks[i].task) != 0) {
			log_msg("cron: %s failed", tasks[i].name);
			failed = 1;
		}
	arena_free(r.a);
	db_free(db);
	return failed;
}
