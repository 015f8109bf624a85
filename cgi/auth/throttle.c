/* throttle.c — sign-in throttling that a proxy cannot turn into a lock-out:
 * failures lock per account and per (address, account name); many failures
 * from one address only slow that address down (README, Decisions). */
#include "pages.h"
#include "core/clock.h"
#include <errno.h>
#include <time.h>

int login_locked(struct req *r, struct sql *q, const char *key, const char *key2, long limit)
{
	char since[20];
	clock_format(r->now - r->cfg->login_window - r->cfg->login_lockout, since);
	struct dbres res;
	int rc = key2 != NULL ? db_exec(r->db, r->a, q, &res, "sss", key, key2, since)
			      : db_exec(r->db, r->a, q, &res, "ss", key, since);
	if (rc != DB_OK)
		return 1;                              /* fail closed */
	for (size_t i = 0; i + (size_t)limit - 1 < res.nrows; i++) {
		time_t newest, oldest;
		if (clock_parse(dbres_get(&res, i, 0), &newest) != 0 ||
		    clock_parse(dbres_get(&res, i + (size_t)limit - 1, 0), &oldest) != 0)
			continue;
		if (newest - oldest <= r->cfg->login_window && r->now < newest + r->cfg->login_lockout)
			return 1;
	}
	return 0;
}

void login_slow_down(struct req *r)
{
	long ms = r->cfg->login_slow_delay_ms;
	if (ms <= 0)
		return;
	char since[20];
	clock_format(r->now - r->cfg->login_window, since);
	struct dbres res;
	if (db_exec(r->db, r->a, Q_LOGIN_FAILURES_ADDR_COUNT, &res, "ssi", r->remote_addr, since,
		    (long long)r->cfg->login_slow_addr) != DB_OK || res.nrows != 1 ||
	    dbres_int(&res, 0, 0) < r->cfg->login_slow_addr)
		return;                                /* the locks do not depend on this */
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L }, rest;
	while (nanosleep(&ts, &rest) != 0 && errno == EINTR)
		ts = rest;                             /* the rest of it after a signal */
}
