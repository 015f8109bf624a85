/* pages.h — the handlers of the auth domain (its routes: domain.c). */
#ifndef DOSSIER_AUTH_PAGES_H
#define DOSSIER_AUTH_PAGES_H
#include "core/app.h"
#include "sql.h"

int page_home(struct req *r);
int auth_login_form(struct req *r);
int auth_login(struct req *r);
int auth_logout(struct req *r);
int auth_password_form(struct req *r);
int auth_password(struct req *r);
int auth_lang(struct req *r);

/* throttle.c: 1 when sign-in for this key is locked: `limit` failures within
 * the window, the last of them less than the lock-out ago. q selects the
 * account (key = name, key2 = NULL) or the client address and account name
 * (key = address, key2 = name). */
int login_locked(struct req *r, struct sql *q, const char *key, const char *key2, long limit);
/* Sleeps login_slow_delay_ms when the client address has login_slow_addr or
 * more failures within the window: slows a spray from one address, never locks. */
void login_slow_down(struct req *r);

#endif
