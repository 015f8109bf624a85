/* cron.c — `dossier cron`: runs every domain's scheduled tasks once. Each
 * task runs under a lease row (cron_leases), not a named lock, which a cluster
 * does not share: a copy that finds the lease held by another skips the
 * task. Time comes from the one clock (clock_now), so tests move it. */
#include "cron.h"
#include "crypto.h"
#include "domain.h"
#include "log.h"
#include <stdio.h>
#include <string.h>

/* How long a lease lasts: longer than any task runs. */
#define LEASE_SECONDS 600

/* Runs t under its lease; 0 done (or skipped: another copy holds it), -1 failed. */
static int leased(struct req *r, const struct task *t)
{
	if (t->flags & TASK_CONCURRENT) {
		long long n = 0;
		int rc = t->run(r, &n);
		log_msg("cron: %lld %s", n, t->done);
		return rc == DB_OK ? 0 : -1;
	}
	const char *until = time_text(r, LEASE_SECONDS);
	struct dbres res;
	if (db_write(r->db, r->a, Q_LEASE_ENSURE, NULL, "s", t->name) != DB_OK ||
	    db_write(r->db, r->a, Q_LEASE_TAKE, &res, "sssss", r->rid, until, t->name, r->now_text, r->rid) != DB_OK)
		return -1;
	if (res.affected != 1) {
		log_msg("cron: %s is running elsewhere, skipped", t->name);
		return 0;
	}
	long long n = 0;
	int rc = t->run(r, &n);
	log_msg("cron: %lld %s", n, t->done);
	db_write(r->db, r->a, Q_LEASE_RELEASE, NULL, "ss", t->name, r->rid);
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
	clock_format(r.now, r.now_text);
	r.remote_addr = "";
	r.path = "cron";
	r.lang = cfg->lang_default;
	char tok[65];
	if (crypto_token(tok) == 0)
		snprintf(r.rid, sizeof r.rid, "%.16s", tok);
	int failed = 0;
	for (const struct domain *const *d = domains; *d != NULL; d++)
		for (const struct task *t = (*d)->tasks; t != NULL && t->name != NULL; t++)
			if (leased(&r, t) != 0) {
				log_msg("cron: %s failed", t->name);
				failed = 1;
			}
	arena_free(r.a);
	db_free(db);
	return failed;
}
