/* router.c — finds a request's route among every domain's table and runs the
 * checks every request passes: sign-in, CSRF on every POST, role, a password
 * change that is due. */
#include "domain.h"
#include "log.h"
#include "session.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int router_check(void)
{
	int bad = 0;
	for (const struct domain *const *d = domains; *d != NULL; d++)
		for (const struct route *rt = (*d)->routes; rt != NULL && rt->pattern != NULL; rt++) {
			if ((rt->methods & M_POST) && !(rt->flags & R_CSRF)) {
				log_msg("route %s (%s): POST without R_CSRF", rt->pattern, (*d)->name);
				bad = 1;
			}
			if (rt->pattern[0] != '/' || rt->handler == NULL || rt->methods == 0) {
				log_msg("route %s (%s): malformed", rt->pattern, (*d)->name);
				bad = 1;
			}
			/* two domains answering the same method and path */
			for (const struct domain *const *e = domains; *e != NULL; e++)
				for (const struct route *o = (*e)->routes; o != NULL && o->pattern != NULL; o++)
					if (o != rt && strcmp(o->pattern, rt->pattern) == 0 && (o->methods & rt->methods)) {
						log_msg("route %s (%s): declared twice", rt->pattern, (*d)->name);
						bad = 1;
					}
		}
	return bad ? -1 : 0;
}

/* Matches path against pattern, collecting {id} segments into args. */
static int match(const char *pattern, const char *path, const char **args, arena *a)
{
	int n = 0;
	while (*pattern && *path) {
		if (strncmp(pattern, "{id}", 4) == 0) {
			size_t d = strspn(path, "0123456789");
			if (d == 0 || d > 18 || n >= 4)
				return 0;
			args[n++] = arena_strndup(a, path, d);
			path += d;
			pattern += 4;
			continue;
		}
		if (*pattern != *path)
			return 0;
		pattern++;
		path++;
	}
	return *pattern == '\0' && *path == '\0';
}

static const char *url_encode(arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = arena_alloc(a, strlen(s) * 3 + 1), *o = out;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    strchr("-._~/", c) != NULL) {
			*o++ = (char)c;
		} else {
			*o++ = '%';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
	}
	*o = '\0';
	return out;
}

int router_dispatch(struct req *r)
{
	const struct route *found = NULL;
	unsigned allowed = 0;
	const char *args[4] = { 0 };
	unsigned m = r->method == M_HEAD ? M_GET : r->method;
	for (const struct domain *const *d = domains; *d != NULL && found == NULL; d++)
		for (const struct route *rt = (*d)->routes; rt != NULL && rt->pattern != NULL; rt++) {
			if ((rt->flags & R_TEST) && !r->cfg->test_mode)
				continue;
			if (!match(rt->pattern, r->path, args, r->a))
				continue;
			allowed |= rt->methods;
			if (rt->methods & m) {
				found = rt;
				memcpy(r->args, args, sizeof args);
				for (int i = 0; i < 4 && args[i] != NULL; i++)
					r->ids[i] = strtoll(args[i], NULL, 10);
				break;
			}
		}
	if (found == NULL) {
		if (allowed == 0)
			return 404;
		resp_header(r, "Allow", allowed == (M_GET | M_POST) ? "GET, HEAD, POST"
					: allowed == M_POST ? "POST" : "GET, HEAD");
		return 405;
	}
	if (!(found->flags & R_PUBLIC) && r->user == NULL)
		return resp_redirect(r, arena_printf(r->a, "/login?next=%s", url_encode(r->a, r->path)));
	if (r->method == M_POST && (found->flags & R_CSRF) && !csrf_ok(r)) {
		log_msg("rid=%s csrf rejected for %s", r->rid, r->path);
		audit_event(r, "csrf.rejected", "route", 0, r->path);
		return 403;
	}
	if (found->roles != 0 && !req_has_role(r, found->roles)) {
		audit_event(r, "access.denied", "route", 0, r->path);
		return 403;
	}
	if (r->user != NULL && r->user->must_change_password && !(found->flags & R_PASSWORD_DUE))
		return resp_redirect(r, "/password");
	return found->handler(r);
}
