/* session.h — who is asking: session cookie, CSRF token, sign-in throttling. */
#ifndef DOSSIER_SESSION_H
#define DOSSIER_SESSION_H
#include "app.h"

#define SESSION_COOKIE "sid"
#define PRESESSION_COOKIE "pre"

/* Resolves the session cookie into r->user and r->csrf; an expired or unknown
 * session is deleted and its cookie cleared. Anonymous visitors get a
 * pre-session cookie whose value is their CSRF token. Returns a db_rc. */
int session_load(struct req *r);
/* Signs user_id in: the old session (if any) is deleted, a new 256-bit token
 * is issued and only its hash stored. Returns a db_rc. */
int session_start(struct req *r, long long user_id);
/* Deletes the current session server-side and clears the cookie. */
int session_end(struct req *r);
/* 1 when the POSTed _csrf matches the session's (or pre-session's) token. */
int csrf_ok(struct req *r);
/* 1 when sign-in for this key is locked: `limit` failures within the window,
 * the last of them less than the lock-out ago. q selects the account
 * (key = name, key2 = NULL) or the client address and account name
 * (key = address, key2 = name). */
int login_locked(struct req *r, enum query q, const char *key, const char *key2, long limit);
/* Sleeps login_slow_delay_ms when the client address has login_slow_addr or
 * more failures within the window: slows a spray from one address, never locks. */
void login_slow_down(struct req *r);
/* Fills a user from the USER_COLS columns of row starting at col. */
struct user *user_from_row(struct req *r, const struct dbres *res, size_t row, size_t col);

#endif
