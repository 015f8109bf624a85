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
int visits_card_panel(struct req *r, long long client, unsigned flags, const char *prefix);

/* record.c */
int visits_form(struct req *r);             /* GET /clients/{id}/visits/new */
int visits_record(struct req *r);           /* POST /clients/{id}/visits */

/* A visit's row into prefix.* (date, kind as read, summary, …). */
struct dbres;
void view_visit(struct req *r, const char *prefix, const struct dbres *res, size_t row);

#endif
