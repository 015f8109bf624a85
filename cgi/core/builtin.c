/* builtin.c — the core's own routes: the health check, and two routes that
 * exist only with test_mode = 1 (the router skips them otherwise) so the
 * integration tests can prove that a crashing or hanging request costs one
 * request and never the service. */
#include "domain.h"
#include <signal.h>
#include <unistd.h>

static int healthz(struct req *r)
{
	if (db_exec(r->db, r->a, Q_PING, NULL, "") != DB_OK) {
		resp_text(r, 503, "database unavailable\n");
		return 0;
	}
	resp_text(r, 200, "ok\n");
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
