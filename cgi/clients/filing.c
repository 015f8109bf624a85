/* filing.c — filing deadlines (seed 004 篇1 1.4, DESIGN.md §8): a new client
 * is registered within filing_days working days of the first contact, a
 * card's change reported within filing_days working days of the event
 * (core/workdays.h). Both are kept on the record and counted per person. */
#include "clients.h"
#include "sql.h"
#include "core/workdays.h"
#include <string.h>

int filing_registered(struct req *r, long long id, const char *first_contact)
{
	if (first_contact == NULL || *first_contact == '\0')
		return DB_OK;                         /* no first contact: no deadline */
	char due[11];
	int rc = workdays_after(r, first_contact, (int)r->cfg->filing_days, due);
	if (rc != DB_OK)
		return rc;
	int late = strcmp(day_text(r, 0), due) > 0;
	return db_exec(r->db, r->a, Q_CLIENT_FILING, NULL, "sii", due, (long long)late, id);
}

int filing_change_late(struct req *r, const char *event_on, int *late)
{
	char due[11];
	int rc = workdays_after(r, event_on, (int)r->cfg->filing_days, due);
	if (rc == DB_OK)
		*late = strcmp(day_text(r, 0), due) > 0;
	return rc;
}

int filing_late_counts(struct req *r, long long user, const char *since, long long *registered, long long *changes)
{
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_FILING_LATE_COUNTS, &res, "isis", user, since, user, since);
	if (rc == DB_OK) {
		*registered = dbres_int(&res, 0, 0);
		*changes = dbres_int(&res, 0, 1);
	}
	return rc;
}
