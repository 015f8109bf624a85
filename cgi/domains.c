/* domains.c — the one list of domains. Adding a domain: its folder, one line
 * here, one line in Makefile.am. The order is that of the statements, the
 * language files and the scheduled tasks; the navigation has its own order. */
#include "core/domain.h"

extern const struct domain auth_domain, approvals_domain, clients_domain, reviews_domain, visits_domain,
	complaints_domain, archive_domain, admin_domain, backup_domain, mail_domain,
	reports_domain;

const struct domain *const domains[] = {
	&core_domain,
	&auth_domain,
	&approvals_domain,
	&clients_domain,
	&reviews_domain,
	&visits_domain,
	&complaints_domain,
	&archive_domain,
	&admin_domain,
	&backup_domain,
	&mail_domain,
	&reports_domain,
	NULL,
};
