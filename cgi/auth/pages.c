/* pages.c — home, sign-in and out, own password and language. */
#include "pages.h"
#include "sql.h"
#include "core/crypto.h"
#include "core/domain.h"
#include "core/form.h"
#include "core/log.h"
#include "core/session.h"
#include <string.h>

/* Home.activity.N: the person's newest sign-ins and password changes, read
 * with the session (SC_RECENT_SIGN_INS: lines of at, action and address). */
static void view_recent_sign_ins(struct req *r)
{
	const char *s = session_value(r, &auth_session[0]);
	size_t n = 0;
	while (s != NULL && *s != '\0') {
		size_t len = strcspn(s, "\n");
		const char *line = arena_strndup(r->a, s, len);
		const char *p = arena_printf(r->a, "Home.activity.%zu", n++);
		static const char *const keys[] = { "at", "action", "addr" };
		for (int k = 0; k < 3; k++) {
			size_t f = strcspn(line, "\t");
			view_set(r, arena_printf(r->a, "%s.%s", p, keys[k]), arena_strndup(r->a, line, f));
			line += line[f] ? f + 1 : f;
		}
		s += s[len] ? len + 1 : len;
	}
}

int page_home(struct req *r)
{
	view_recent_sign_ins(r);
	/* what each domain puts on the home page */
	for (const struct domain *const *d = domains; *d != NULL; d++)
		if ((*d)->home != NULL) {
			int rc = (*d)->home(r);
			if (rc != DB_OK)
				return db_status(rc);
		}
	int rc = dashboard_fill(r);
	if (rc != DB_OK)
		return db_status(rc);
	view_set(r, "Page.title", lang_text(r, "home.title"));
	return render(r, 200, "auth/home.cs");
}

/* ---- sign-in ----------------------------------------------------------- */

/* next: where to go after signing in (a POSTed one, else the query's). */
static int login_page(struct req *r, int status, const char *username, const char *next)
{
	if (next == NULL || *next == '\0')
		next = req_query(r, "next");
	view_set(r, "Form.values.username", username);
	view_set(r, "Form.values.next", next && next[0] == '/' && next[1] != '/' ? next : "/");
	view_set(r, "Page.title", lang_text(r, "login.title"));
	return render(r, status, "auth/login.cs");
}

int auth_login_form(struct req *r)
{
	if (r->user != NULL)
		return resp_redirect(r, "/");
	return login_page(r, 200, "", NULL);
}

/* A sign-in attempt: its throttling row, its audit row and, when it
 * succeeded, the new session, in one transaction. */
struct attempt_ctx {
	struct req *r;
	const char *username, *outcome, *action;
	long long uid;                  /* the account, 0 when unknown */
	struct session_new session;     /* outcome "ok": the session it opens */
};

static int attempt_txn(void *arg)
{
	struct attempt_ctx *c = arg;
	struct req *r = c->r;
	int rc = DB_OK;
	if (strcmp(c->outcome, "ok") == 0)
		rc = session_start(r, c->uid, &c->session);
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_LOGIN_ATTEMPT, NULL, "ssss", c->username, r->remote_addr, r->now_text,
			     c->outcome);
	if (rc == DB_OK)
		rc = audit(r, c->action, "user", c->uid, strcmp(c->outcome, "ok") == 0 ? NULL : c->username);
	return rc;
}

/* Records a refused attempt. A db_rc: one that cannot be recorded is not
 * answered as refused (the throttle would not count it); the caller answers
 * 503, as it does when a right password's session cannot be stored, so the
 * answer tells nothing about the password. */
static int record_refusal(struct req *r, const char *username, const char *outcome, const char *action,
			  long long uid)
{
	struct attempt_ctx c = { r, username, outcome, action, uid, { { 0 }, { 0 }, { 0 } } };
	int rc = db_txn(r->db, attempt_txn, &c);
	if (rc != DB_OK)
		log_msg("rid=%s sign-in attempt of %s not recorded", r->rid, username);
	return rc;
}

/* A hash of a password nobody has, so an unknown user costs as much as a known one. */
static const char *dummy_hash(void)
{
	static char h[PASSWORD_HASH_MAX];
	if (h[0] == '\0' && password_hash("no such user here", h, sizeof h) != 0)
		h[0] = '\0';
	return h;
}

/* The sign-in form; next is where to go afterwards (a local path). */
enum { LF_USERNAME, LF_PASSWORD, LF_NEXT, LF__N };
static const struct form_field login_fields[LF__N] = {
	[LF_USERNAME] = { .name = "username", .type = FT_TEXT, .max = 64 },
	[LF_PASSWORD] = { .name = "password", .type = FT_PASSWORD, .max = 1024 },
	[LF_NEXT] = { .name = "next", .type = FT_TEXT, .max = 2000 },
};

int auth_login(struct req *r)
{
	struct form_value v[LF__N];
	int valid = FORM_READ(r, login_fields, v);
	const char *username = v[LF_USERNAME].text, *password = v[LF_PASSWORD].text, *next = v[LF_NEXT].text;
	if (!valid)
		return login_page(r, 401, "", next);

	/* Locks: one account from anywhere, or one account name from one address.
	 * Many failures from one address (a NAT, a proxy) only slow it down. */
	login_slow_down(r);
	if (login_locked(r, Q_LOGIN_FAILURES_USER, username, NULL, r->cfg->login_fail_account) ||
	    login_locked(r, Q_LOGIN_FAILURES_ADDR_USER, r->remote_addr, username, r->cfg->login_fail_addr_account)) {
		if (record_refusal(r, username, "locked", "login.locked", 0) != DB_OK)
			return db_fail(r);
		form_error(r, "login", "login.failed");
		return login_page(r, 401, username, next);
	}

	struct dbres res;
	if (db_exec(r->db, r->a, Q_LOGIN_USER, &res, "s", username) != DB_OK)
		return db_fail(r);
	int found = res.nrows == 1;
	int ok = password_verify(found ? dbres_get(&res, 0, LG_HASH) : dummy_hash(), password);
	if (!found || !ok || dbres_int(&res, 0, LG_DISABLED) != 0) {
		if (record_refusal(r, username, "fail", "login.failed", found ? dbres_int(&res, 0, LG_ID) : 0) != DB_OK)
			return db_fail(r);
		form_error(r, "login", "login.failed");
		return login_page(r, 401, username, next);
	}
	long long uid = dbres_int(&res, 0, LG_ID);
	struct dbres ures;
	if (db_exec(r->db, r->a, Q_USER_GET, &ures, "i", uid) != DB_OK || ures.nrows != 1)
		return db_fail(r);
	r->user = user_from_row(r, &ures, 0, 0);           /* the actor of the audit row */
	struct attempt_ctx c = { r, username, "ok", "login.ok", uid, { { 0 }, { 0 }, { 0 } } };
	if (db_txn(r->db, attempt_txn, &c) != DB_OK)
		return db_fail(r);
	session_begin(r, &c.session);
	return resp_redirect(r, *next ? next : "/");
}

static int logout_txn(void *arg)
{
	struct req *r = arg;
	int rc = audit(r, "logout", "user", r->user->id, NULL);
	return rc == DB_OK ? session_delete(r) : rc;
}

int auth_logout(struct req *r)
{
	if (db_txn(r->db, logout_txn, r) != DB_OK)
		return db_fail(r);
	session_forget(r);
	resp_flash(r, "signed_out");
	return resp_redirect(r, "/login");
}

/* ---- own password ------------------------------------------------------ */

int auth_password_form(struct req *r)
{
	view_set(r, "Page.title", lang_text(r, "password.title"));
	if (r->user->must_change_password)
		view_set(r, "Page.must_change", "1");
	return render(r, 200, "auth/password.cs");
}

enum { PF_CURRENT, PF_NEW, PF_AGAIN, PF__N };
static const struct form_field password_fields[PF__N] = {
	[PF_CURRENT] = { .name = "current_password", .type = FT_PASSWORD, .max = 1024 },
	[PF_NEW] = { .name = "new_password", .type = FT_PASSWORD, .max = 1024 },
	[PF_AGAIN] = { .name = "new_password2", .type = FT_PASSWORD, .max = 1024 },
};

/* The new password and the end of every other session of this user, with
 * the audit row. */
struct password_ctx {
	struct req *r;
	const char *hash;
};

static int password_txn(void *arg)
{
	struct password_ctx *c = arg;
	struct req *r = c->r;
	int rc = db_exec(r->db, r->a, Q_USER_SET_PASSWORD, NULL, "sisi", c->hash, 0LL, r->now_text, r->user->id);
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_SESSION_DELETE_OTHERS, NULL, "is", r->user->id, r->session_hash);
	if (rc == DB_OK)
		rc = audit(r, "password.changed", "user", r->user->id, NULL);
	return rc;
}

int auth_password(struct req *r)
{
	struct form_value v[PF__N];
	int ok = FORM_READ(r, password_fields, v);
	const char *current = v[PF_CURRENT].text, *pw = v[PF_NEW].text, *pw2 = v[PF_AGAIN].text;
	struct dbres res;
	if (db_exec(r->db, r->a, Q_USER_PASSWORD_HASH, &res, "i", r->user->id) != DB_OK || res.nrows != 1)
		return db_fail(r);
	if (current == NULL || !password_verify(dbres_get(&res, 0, 0), current)) {
		form_error(r, "current_password", "password.current_wrong");
		ok = 0;
	}
	if (pw == NULL || !password_acceptable(r, "new_password", pw, r->user->username))
		ok = 0;
	else if (current != NULL && strcmp(pw, current) == 0) {
		form_error(r, "new_password", "password.same_as_old");
		ok = 0;
	}
	if (ok && (pw2 == NULL || strcmp(pw, pw2) != 0)) {
		form_error(r, "new_password2", "password.mismatch");
		ok = 0;
	}
	if (!ok) {
		view_set(r, "Page.title", lang_text(r, "password.title"));
		if (r->user->must_change_password)
			view_set(r, "Page.must_change", "1");
		return render(r, 422, "auth/password.cs");
	}
	char hash[PASSWORD_HASH_MAX];
	if (password_hash(pw, hash, sizeof hash) != 0)
		return 500;
	struct password_ctx c = { r, hash };
	if (db_txn(r->db, password_txn, &c) != DB_OK)
		return db_fail(r);
	resp_flash(r, "password_changed");
	return resp_redirect(r, "/");
}

/* ---- language ---------------------------------------------------------- */

enum { GF_LANG, GF_NEXT, GF__N };
static const char *const langs[] = { "zh_CN", "en", NULL };
static const struct form_field lang_fields[GF__N] = {
	[GF_LANG] = { .name = "lang", .type = FT_CHOICE, .flags = FORM_REQUIRED, .choices = langs },
	[GF_NEXT] = { .name = "next", .type = FT_TEXT, .max = 2000 },
};

int auth_lang(struct req *r)
{
	struct form_value v[GF__N];
	FORM_READ(r, lang_fields, v);
	const char *lang = v[GF_LANG].text, *next = v[GF_NEXT].text;
	if (lang == NULL)
		return 400;
	if (r->user != NULL &&
	    db_write(r->db, r->a, Q_USER_SET_LANG, NULL, "si", lang, r->user->id) != DB_OK)
		return db_fail(r);
	resp_cookie(r, "lang", lang, 365L * 86400);
	return resp_redirect(r, next != NULL && *next ? next : "/");
}
