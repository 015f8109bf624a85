#include "session.h"
#include "crypto.h"
#include "log.h"
#include <errno.h>
#include <string.h>
#include <time.h>

static int is_hex64(const char *s)
{
	return s != NULL && strlen(s) == 64 && strspn(s, "0123456789abcdef") == 64;
}

struct user *user_from_row(struct req *r, const struct dbres *res, size_t row, size_t col)
{
	struct user *u = arena_alloc(r->a, sizeof *u);
	u->id = dbres_int(res, row, col);
	u->username = dbres_get(res, row, col + 1);
	u->display_name = dbres_get(res, row, col + 2);
	u->email = dbres_get(res, row, col + 3);
	u->dept_id = dbres_int(res, row, col + 4);
	u->dept_name = dbres_get(res, row, col + 5);
	u->lang = res->rows[row][col + 6];
	u->must_change_password = (int)dbres_int(res, row, col + 8);
	u->roles = roles_parse(dbres_get(res, row, col + 9));
	return u;
}

static void set_anonymous(struct req *r)
{
	const char *pre = req_cookie(r, PRESESSION_COOKIE);
	if (!is_hex64(pre)) {
		char *tok = arena_alloc(r->a, 65);
		if (crypto_token(tok) != 0)
			tok[0] = '\0';
		resp_cookie(r, PRESESSION_COOKIE, tok, -1);
		pre = tok;
	}
	r->csrf = pre;
}

int session_load(struct req *r)
{
	const char *tok = req_cookie(r, SESSION_COOKIE);
	if (!is_hex64(tok)) {
		if (tok != NULL)
			resp_cookie(r, SESSION_COOKIE, "", 0);
		set_anonymous(r);
		return DB_OK;
	}
	crypto_sha256_hex(tok, 64, r->session_hash);
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_SESSION_GET, &res, "s", r->session_hash);
	if (rc != DB_OK)
		return rc;
	time_t created, seen;
	int valid = res.nrows == 1 && clock_parse(dbres_get(&res, 0, 2), &created) == 0 &&
		    clock_parse(dbres_get(&res, 0, 3), &seen) == 0 &&
		    r->now - seen <= r->cfg->session_idle &&
		    r->now - created <= r->cfg->session_absolute &&
		    dbres_int(&res, 0, 4 + 7) == 0;           /* user not disabled */
	if (!valid) {
		if (res.nrows == 1)
			db_exec(r->db, r->a, Q_SESSION_DELETE, NULL, "s", r->session_hash);
		r->session_hash[0] = '\0';
		resp_cookie(r, SESSION_COOKIE, "", 0);
		resp_flash(r, "session_expired");
		set_anonymous(r);
		return DB_OK;
	}
	r->user = user_from_row(r, &res, 0, 4);
	r->csrf = arena_strdup(r->a, dbres_get(&res, 0, 1));
	if (r->now - seen >= 60) {
		char now[20];
		clock_format(r->now, now);
		db_exec(r->db, r->a, Q_SESSION_TOUCH, NULL, "ss", now, r->session_hash);
	}
	return DB_OK;
}

int session_start(struct req *r, long long user_id)
{
	char tok[65], hash[65], csrf[65], now[20];
	if (crypto_token(tok) != 0 || crypto_token(csrf) != 0)
		return DB_ERROR;
	crypto_sha256_hex(tok, 64, hash);
	clock_format(r->now, now);
	if (r->session_hash[0] != '\0')
		db_exec(r->db, r->a, Q_SESSION_DELETE, NULL, "s", r->session_hash);
	int rc = db_exec(r->db, r->a, Q_SESSION_INSERT, NULL, "sissss", hash, user_id, csrf, now, now,
			 r->remote_addr);
	if (rc != DB_OK)
		return rc;
	/* housekeeping: expired sessions go, a thousand at a time */
	char idle[20], absolute[20];
	clock_format(r->now - r->cfg->session_idle, idle);
	clock_format(r->now - r->cfg->session_absolute, absolute);
	db_exec(r->db, r->a, Q_SESSION_PURGE, NULL, "ss", idle, absolute);
	memcpy(r->session_hash, hash, sizeof hash);
	r->csrf = arena_strdup(r->a, csrf);
	resp_cookie(r, SESSION_COOKIE, tok, -1);
	resp_cookie(r, PRESESSION_COOKIE, "", 0);
	return DB_OK;
}

int session_end(struct req *r)
{
	int rc = DB_OK;
	if (r->session_hash[0] != '\0')
		rc = db_exec(r->db, r->a, Q_SESSION_DELETE, NULL, "s", r->session_hash);
	r->session_hash[0] = '\0';
	resp_cookie(r, SESSION_COOKIE, "", 0);
	return rc;
}

int csrf_ok(struct req *r)
{
	return r->csrf != NULL && r->csrf[0] != '\0' && crypto_equal(req_form(r, "_csrf"), r->csrf);
}

int login_locked(struct req *r, enum query q, const char *key, const char *key2, long limit)
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
