/* pages.h — the handlers of the clients domain (its routes: domain.c). */
#ifndef DOSSIER_CLIENTS_PAGES_H
#define DOSSIER_CLIENTS_PAGES_H
#include "core/app.h"

/* classes.c */
int admin_classes(struct req *r);
int admin_class_create(struct req *r);
int admin_class_edit(struct req *r);
int admin_class_update(struct req *r);
int admin_grades(struct req *r);
int admin_grade_update(struct req *r);

/* card.c, list.c */
int clients_list(struct req *r);
int clients_new(struct req *r);
int clients_create(struct req *r);
int clients_show(struct req *r);
int clients_edit(struct req *r);
int clients_update(struct req *r);
int clients_history(struct req *r);
int clients_print(struct req *r);
int clients_person_form(struct req *r);
int clients_person_save(struct req *r);
int clients_blacklist(struct req *r);
int clients_export(struct req *r);
/* views.c: the view log per card and per user, with their CSV exports */
int clients_views(struct req *r);
int clients_views_csv(struct req *r);
int clients_user_views(struct req *r);
int clients_user_views_csv(struct req *r);

/* import.c */
int clients_import_form(struct req *r);
int clients_import_upload(struct req *r);
int clients_import_commit(struct req *r);
int clients_import_undo(struct req *r);
int clients_import_rejected(struct req *r);

/* deleted.c */
int clients_deleted(struct req *r);
int clients_restore(struct req *r);

/* prospects.c */
int clients_progress(struct req *r);
int clients_pool(struct req *r);
int clients_unserved(struct req *r);

/* ask.c */
int clients_ask_form(struct req *r);
int clients_ask(struct req *r);

#endif
