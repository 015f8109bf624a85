/* domain.c — what the core does with the list of domains at start-up. */
#include "domain.h"
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
