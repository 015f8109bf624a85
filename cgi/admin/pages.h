/* pages.h — the handlers of the admin domain (its routes: domain.c). */
#ifndef DOSSIER_ADMIN_PAGES_H
#define DOSSIER_ADMIN_PAGES_H
#include "core/app.h"
#include "sql.h"

int admin_users(struct req *r);
int admin_user_new(struct req *r);
int admin_user_create(struct req *r);
int admin_user_edit(struct req *r);
int admin_user_update(struct req *r);
int admin_user_reset(struct req *r);
int admin_user_handover(struct req *r);
int admin_departments(struct req *r);
int admin_department_create(struct req *r);
int admin_department_edit(struct req *r);
int admin_department_update(struct req *r);
int admin_audit(struct req *r);
int admin_calendar(struct req *r);
int admin_calendar_set(struct req *r);
int admin_calendar_delete(struct req *r);

#endif
