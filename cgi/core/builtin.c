/* builtin.c — the core's own routes: the health checks, and two routes that
 * exist only with test_mode = 1 (the router skips them otherwise) so the
 * integration tests can prove that a crashing or hanging request costs one
 * request and never the service. */
#include "domain.h"
#include "migrate.h"
#include <signal.h>
#include <unistd.h>

/* GET /healthz: "ok" (200) when the database answers and takes writes,
 * "read-only" (503) when it refuses them, "database unavailable" (503).
 * GET /healthz?ready, for a load balancer: "ready" (200) only when besides
 * the newest migration is applied, else "migrations pending" (503). One
 * statement either way. */
static int healthz(struct req *r)
{
	int ready = req_query(r, "ready") != NULL;
	char latest[256] = "";
	if (ready && migrate_latest(r->cfg, latest, sizeof latest) != 0) {
		resp_text(r, 503, "migrations unknown\n");
		return 0;
	}
	struct dbres res;
	if (db_exec(r->db, r->a, Q_HEALTH, &res, "s", latest) != DB_OK || res.nrows != 1) {
		resp_text(r, 503, "database unavailable\n");
		return 0;
	}
	if (dbres_int(&res, 0, 0) != 0) {
		resp_text(r, 503, "read-only\n");
		return 0;
	}
	if (ready && dbres_int(&res, 0, 1) != 1) {
		resp_text(r, 503, "migrations pending\n");
		return 0;
	}
	resp_text(r, 200, ready ? "ready\n" : "ok\n");
	return 0;
}

static int test_crash(struct req *r)
{
	(void)r;
	raise(SIGSEGV);
	return 500;
}

static int test_hang(struct req *r) __attribute__((noreturn));
static int test_hang(struct req *r)
{
	(void)r;
	for (;;)
		pause();          /* the request watchdog (request_timeout) ends this */
}

static const struct route core_routes[] = {
	{ M_GET, "/healthz",     healthz,    R_PUBLIC | R_PASSWORD_DUE, 0 },
	{ M_GET, "/_test/crash", test_crash, R_PUBLIC | R_TEST, 0 },
	{ M_GET, "/_test/hang",  test_hang,  R_PUBLIC | R_TEST, 0 },
	{ 0 },
};

SQL_DEFINE(CORE_SQL, core_sql)

const struct domain core_domain = {
	.name = "core",
	.routes = core_routes,
	.sql = core_sql,
	.lang = "core",
};
