/* access.h — who may see and change a client card (DESIGN.md §5).
 *
 *   personal   owner; department managers of the owner's department and above
 *   department members of that department; its managers and above
 *   company    the owner; marketing director, deputy GM, GM
 * GM, deputy GM and the marketing director see every card. A view grant
 * (given by approval) lets one user see one card until it expires.
 * Deny by default: anything not listed is refused. */
#ifndef DOSSIER_ACCESS_H
#define DOSSIER_ACCESS_H
#include "core/app.h"

enum via { VIA_NONE = 0, VIA_OWNER, VIA_MEMBER, VIA_MANAGER, VIA_COMPANY, VIA_GRANT };
extern const char *const via_names[];   /* "denied", "owner", "member", … */

struct card_ref {
	long long id, owner_id, dept_id;
	const char *scope;
	int in_pool;             /* in the department's public pool: its members see it */
};

/* The user oversees dept: GM, deputy GM or marketing director, or a
 * department manager of dept or of a department above it. */
int access_over_dept(struct req *r, long long dept);

/* The right by which the signed-in user may see the card, or VIA_NONE. */
enum via card_access(struct req *r, const struct card_ref *c);
/* When the signed-in user's view grant for the card ends (the latest, if several), or NULL
 * when none is in force. */
const char *card_grant_until(struct req *r, long long client_id);
/* May change the card's ordinary fields: owner, managers above, company roles. */
int card_may_edit(enum via v);
/* May read key persons' personal notes: the owner and managers above. */
int card_sees_notes(enum via v);
/* Writes a client_views row (who, when, which card, by which right or
 * denied) and returns 0 once it is committed, or -1 when it could not be
 * written: then the card must not be shown. */
int card_log_view(struct req *r, long long client_id, enum via v, const char *page);

/* For the list query's CARD_VISIBLE parameters. */
int access_sees_all(const struct req *r);
long long access_managed_root(const struct req *r);

#endif
