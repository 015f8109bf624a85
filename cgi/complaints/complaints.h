/* complaints.h — the complaints domain: complaints (seed 003 篇二) with their
 * deadlines, and yearly satisfaction surveys (seed 002). */
#ifndef DOSSIER_COMPLAINTS_H
#define DOSSIER_COMPLAINTS_H
#include "core/app.h"

/* The dashboard's "near the deadline": still to answer within this many days (or overdue). */
#define COMPLAINT_NEAR_DAYS 3

/* complaints.c */
int complaints_new(struct req *r);        /* GET  /clients/{id}/complaints/new */
int complaints_create(struct req *r);     /* POST /clients/{id}/complaints */
int complaints_list(struct req *r);       /* GET  /complaints */
int complaints_show(struct req *r);       /* GET  /complaints/{id} */
int complaints_handle(struct req *r);     /* POST /complaints/{id} */
int complaints_feedback(struct req *r);   /* POST /complaints/{id}/feedback */
int complaints_card_panel(struct req *r, long long client, unsigned flags, const char *prefix, const struct dbres *rows);

/* remind.c */
struct digest_section;
int complaints_digest(struct req *r, long long user, const char *since, struct digest_section *out);
int complaints_remind_due(struct req *r, long long *n);
int complaints_overdue_needed(struct req *r, const char *subject_ref, long long recipient);

/* dashboard.c: the complaints near their deadline on a manager's home page */
struct dashboard_scope;
int complaints_dashboard(struct req *r, const struct dashboard_scope *s, const char *prefix);

/* surveys.c */
int surveys_new(struct req *r);           /* GET  /clients/{id}/surveys/new */
int surveys_create(struct req *r);        /* POST /clients/{id}/surveys */
int surveys_stats(struct req *r);         /* GET  /surveys */
int surveys_agenda_panel(struct req *r, long long user, unsigned flags, const char *prefix, const struct dbres *none);

#endif
