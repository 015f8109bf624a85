/* router.h — the route table and the checks every request passes through. */
#ifndef DOSSIER_ROUTER_H
#define DOSSIER_ROUTER_H
#include "app.h"

enum route_flags {
	R_PUBLIC = 1 << 0,        /* no sign-in needed */
	R_CSRF = 1 << 1,          /* POST must carry a valid _csrf (every POST route has it) */
	R_PASSWORD_DUE = 1 << 2,  /* reachable while a password change is due */
	R_TEST = 1 << 3,          /* exists only in test mode */
};

struct route {
	unsigned methods;         /* M_GET | M_POST; HEAD is served as GET */
	const char *pattern;      /* "/admin/users/{id}": {id} is 1–18 digits, in r->ids[] */
	int (*handler)(struct req *r);
	unsigned flags;
	unsigned roles;           /* 0: any signed-in user; else any of these roles */
};

/* Checks every domain's routes: a POST route without R_CSRF, a malformed
 * entry, or the same method and path twice. 0 or -1 (logged). */
int router_check(void);
/* Finds the route, runs the checks (sign-in, role, password due, CSRF) and
 * the handler. Returns 0 or an HTTP status for the error page. */
int router_dispatch(struct req *r);

#endif
