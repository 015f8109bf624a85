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
/* A session being opened: its 256-bit token (the cookie), the token's hash
 * (all the database keeps) and its CSRF token. */
struct session_new {
	char token[65], hash[65], csrf[65];
};
/* Signs user_id in, inside the caller's transaction: the old session (if
 * any) is deleted and a new one issued into s and stored; nothing is sent
 * yet. Returns a db_rc. */
int session_start(struct req *r, long long user_id, struct session_new *s);
/* After the commit: the request goes on with s and its cookie is sent. */
void session_begin(struct req *r, const struct session_new *s);
/* Deletes the current session server-side (in the caller's transaction). A db_rc. */
int session_delete(struct req *r);
/* After the commit: the request has no session and its cookie is cleared. */
void session_forget(struct req *r);
/* 1 when the POSTed _csrf matches the session's (or pre-session's) token. */
int csrf_ok(struct req *r);
/* Fills a user from the USER_COLS columns of row starting at col. */
struct user *user_from_row(struct req *r, const struct dbres *res, size_t row, size_t col);

/* 1 when pw obeys the password rules, else sets Form.errors.<field> and returns 0. */
int password_acceptable(struct req *r, const char *field, const char *pw, const char *username);

#endif
