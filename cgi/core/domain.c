/* domain.c — what the core does with the list of domains at start-up. */
#include "domain.h"
#include <string.h>
#include "log.h"

int domains_register(void)
{
	for (const struct domain *const *d = domains; *d != NULL; d++)
		if ((*d)->sql != NULL && db_register((*d)->sql) != 0) {
			log_msg("domain %s: its statements cannot be registered", (*d)->name);
			return -1;
		}
	return 0;
}

int panels_fill(struct req *r, const char *page, long long id, unsigned flags)
{
	int n = 0;
	for (const struct domain *const *d = domains; *d != NULL; d++)
		for (const struct panel *p = (*d)->panels; p != NULL && p->page != NULL; p++) {
			if (strcmp(p->page, page) != 0)
				continue;
			int st = p->fill(r, id, flags, arena_printf(r->a, "Panels.%d", n++));
			if (st != 0)
				return st;
		}
	return 0;
}
