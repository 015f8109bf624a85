/* pages.h — every handler, by domain file. See routes.c for the table. */
#ifndef DOSSIER_PAGES_H
#define DOSSIER_PAGES_H
#include "app.h"

/* pages_auth.c */
int page_home(struct req *r);
int page_healthz(struct req *r);
int auth_login_form(struct req *r);
int auth_login(struct req *r);
int auth_logout(struct req *r);
int auth_password_form(struct req *r);
int auth_password(struct req *r);
int auth_lang(struct req *r);
/* 1 when pw obeys the password rules, else sets Form.errors.<field> and returns 0. */
int password_acceptable(struct req *r, const char *field, const char *pw, const char *username);

/* pages_admin.c */
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

/* pages_classes.c */
int admin_classes(struct req *r);
int admin_class_create(struct req *r);
int admin_class_edit(struct req *r);
int admin_class_update(struct req *r);
int admin_grades(struct req *r);
int admin_grade_update(struct req *r);

/* clients.c, clients_list.c */
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

/* clients_import.c */
int clients_import_form(struct req *r);
int clients_import_upload(struct req *r);
int clients_import_commit(struct req *r);
int clients_import_undo(struct req *r);
int clients_import_rejected(struct req *r);

/* clients_deleted.c */
int clients_deleted(struct req *r);
int clients_restore(struct req *r);

/* prospects.c */
int clients_progress(struct req *r);
int clients_pool(struct req *r);

/* reviews.c */
int reviews_list(struct req *r);
int reviews_show(struct req *r);
int reviews_save(struct req *r);
int reviews_submit(struct req *r);

/* requests.c */
int requests_new(struct req *r);
int requests_create(struct req *r);
int requests_inbox(struct req *r);
int requests_mine(struct req *r);
int requests_show(struct req *r);
int requests_decide(struct req *r);
int requests_withdraw(struct req *r);
int delegations_list(struct req *r);
int delegations_create(struct req *r);
int delegations_revoke(struct req *r);

/* pages_routes.c */
int admin_routes(struct req *r);
int admin_route_create(struct req *r);
int admin_route_update(struct req *r);

/* pages_test.c (test mode only) */
int test_crash(struct req *r);
int test_hang(struct req *r);

#endif
