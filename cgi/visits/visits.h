/* visits.h — the visits domain (回访/拜访, DESIGN.md §8): visits recorded
 * from the card or from "my visits", the next visit due, and each person's
 * agenda. */
#ifndef DOSSIER_VISITS_H
#define DOSSIER_VISITS_H
#include "core/app.h"

/* pages.c */
int visits_of_client(struct req *r);        /* GET /clients/{id}/visits */
int visits_mine(struct req *r);             /* GET /visits */
int visits_find_client(struct req *r);      /* POST /visits/find: a client chosen by name → its form */
int visits_agenda(struct req *r);           /* GET /agenda */
int visits_card_panel(struct req *r, long long client, unsigned flags, const char *prefix, const struct dbres *visits);

/* record.c */
int visits_form(struct req *r);             /* GET /clients/{id}/visits/new */
int visits_record(struct req *r);           /* POST /clients/{id}/visits */

/* Sunday of the week of day (weeks start on Monday), weeks on, into out (11 bytes). */
void visits_week_end(const char *day, int weeks, char *out);

/* remind.c: the digest's section, the escalation task, and whether an escalation is still needed */
struct digest_section;
int visits_digest(struct req *r, long long user, const char *since, struct digest_section *out);
int visits_escalate_due(struct req *r, long long *n);
int visits_escalation_needed(struct req *r, const char *subject_ref, long long recipient);

/* dashboard.c: the overdue visits per department on a manager's home page,
 * and the task that counts the company's for its heads */
struct dashboard_scope;
int visits_dashboard(struct req *r, const struct dashboard_scope *s, const char *prefix);
int visits_overdue_count(struct req *r, long long *n);

/* A visit's row into prefix.* (date, kind as read, summary, …). */
struct dbres;
void view_visit(struct req *r, const char *prefix, const struct dbres *res, size_t row);

#endif
