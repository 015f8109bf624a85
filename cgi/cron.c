/* cron.c — the scheduled job: expire old requests, purge deleted clients
 * after their hold (leaving a tombstone in the audit log), return prospects
 * to the pool, open the half-yearly grade reviews. Time comes from
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

/* A task does what is due and says how much (*n); DB_OK or a db_rc. */
struct task {
	const char *lock;                        /* the named database lock it holds */
	int (*run)(struct req *r, long long *n);
	const char *done;                        /* for the log: "%lld <done>" */
};

/* Runs t under its lock; 0 done (or skipped: another copy holds it), -1 failed. */
static int locked(struct req *r, const struct task *t)
{
	struct dbres res;
	if (db_exec(r->db, r->a, Q_LOCK_GET, &res, "s", t->lock) != DB_OK)
		return -1;
	if (dbres_int(&res, 0, 0) != 1) {
		log_msg("cron: %s is running elsewhere, skipped", t->lock);
		return 0;
	}
	long long n = 0;
	int rc = t->run(r, &n);
	log_msg("cron: %lld %s", n, t->done);
	db_exec(r->db, r->a, Q_LOCK_RELEASE, NULL, "s", t->lock);
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

static int purge_clients(struct req *r, long long *n)
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
	static const struct task tasks[] = {
		{ "dossier.cron.expire_requests", approval_expire_due, "request(s) expired" },
		{ "dossier.cron.purge_clients", purge_clients, "deleted client(s) purged" },
		{ "dossier.cron.return_prospects", prospects_return_due, "prospect(s) returned to the pool" },
		{ "dossier.cron.open_reviews", review_open_due, "grade review cycle(s) opened" },
	};
	int failed = 0;
	for (size_t i = 0; i < sizeof tasks / sizeof tasks[0]; i++)
		if (locked(&r, &tasks[i]) != 0) {
			log_msg("cron: %s failed", tasks[i].lock);
			failed = 1;
		}
	arena_free(r.a);
	db_free(db);
	return failed;
}
