/* routes.c — the one route table: method, path, handler, what it needs. */
#include "router.h"
#include "pages.h"

#define ADMIN ROLE_ADMIN

const struct route routes[] = {
	{ M_GET,  "/",                                  page_home,               0, 0 },
	{ M_GET,  "/healthz",                           page_healthz,            R_PUBLIC | R_PASSWORD_DUE, 0 },
	{ M_GET,  "/login",                             auth_login_form,         R_PUBLIC | R_PASSWORD_DUE, 0 },
	{ M_POST, "/login",                             auth_login,              R_PUBLIC | R_PASSWORD_DUE | R_CSRF, 0 },
	{ M_POST, "/logout",                            auth_logout,             R_PASSWORD_DUE | R_CSRF, 0 },
	{ M_GET,  "/password",                          auth_password_form,      R_PASSWORD_DUE, 0 },
	{ M_POST, "/password",                          auth_password,           R_PASSWORD_DUE | R_CSRF, 0 },
	{ M_POST, "/lang",                              auth_lang,               R_PUBLIC | R_PASSWORD_DUE | R_CSRF, 0 },

	{ M_GET,  "/clients",                           clients_list,            0, 0 },
	{ M_GET,  "/clients/new",                       clients_new,             0, 0 },
	{ M_POST, "/clients/new",                       clients_create,          R_CSRF, 0 },
	{ M_GET,  "/clients/export.csv",                clients_export,          0, 0 },
	{ M_GET,  "/clients/import",                    clients_import_form,     0, 0 },
	{ M_POST, "/clients/import",                    clients_import_upload,   R_CSRF, 0 },
	{ M_POST, "/clients/import/{id}/commit",        clients_import_commit,   R_CSRF, 0 },
	{ M_POST, "/clients/import/{id}/undo",          clients_import_undo,     R_CSRF, 0 },
	{ M_GET,  "/clients/import/{id}/rejected.csv",  clients_import_rejected, 0, 0 },
	{ M_GET,  "/clients/{id}",                      clients_show,            0, 0 },
	{ M_GET,  "/clients/{id}/edit",                 clients_edit,            0, 0 },
	{ M_POST, "/clients/{id}/edit",                 clients_update,          R_CSRF, 0 },
	{ M_GET,  "/clients/{id}/history",              clients_history,         0, 0 },
	{ M_GET,  "/clients/{id}/print",                clients_print,           0, 0 },
	{ M_GET,  "/clients/{id}/persons/new",          clients_person_form,     0, 0 },
	{ M_POST, "/clients/{id}/persons/new",          clients_person_save,     R_CSRF, 0 },
	{ M_GET,  "/clients/{id}/persons/{id}",         clients_person_form,     0, 0 },
	{ M_POST, "/clients/{id}/persons/{id}",         clients_person_save,     R_CSRF, 0 },
	{ M_GET,  "/blacklist",                         clients_blacklist,       0, 0 },

	{ M_GET,  "/admin/users",                       admin_users,             0, ADMIN },
	{ M_GET,  "/admin/users/new",                   admin_user_new,          0, ADMIN },
	{ M_POST, "/admin/users/new",                   admin_user_create,       R_CSRF, ADMIN },
	{ M_GET,  "/admin/users/{id}",                  admin_user_edit,         0, ADMIN },
	{ M_POST, "/admin/users/{id}",                  admin_user_update,       R_CSRF, ADMIN },
	{ M_POST, "/admin/users/{id}/reset-password",   admin_user_reset,        R_CSRF, ADMIN },
	{ M_GET,  "/admin/departments",                 admin_departments,       0, ADMIN },
	{ M_POST, "/admin/departments",                 admin_department_create, R_CSRF, ADMIN },
	{ M_GET,  "/admin/departments/{id}",            admin_department_edit,   0, ADMIN },
	{ M_POST, "/admin/departments/{id}",            admin_department_update, R_CSRF, ADMIN },
	{ M_GET,  "/admin/classes",                     admin_classes,           0, ADMIN },
	{ M_POST, "/admin/classes",                     admin_class_create,      R_CSRF, ADMIN },
	{ M_GET,  "/admin/classes/{id}",                admin_class_edit,        0, ADMIN },
	{ M_POST, "/admin/classes/{id}",                admin_class_update,      R_CSRF, ADMIN },
	{ M_GET,  "/admin/grades",                      admin_grades,            0, ADMIN },
	{ M_POST, "/admin/grades/{id}",                 admin_grade_update,      R_CSRF, ADMIN },
	{ M_GET,  "/admin/audit",                       admin_audit,             0, ADMIN },

	{ M_GET,  "/_test/crash",                       test_crash,              R_PUBLIC | R_TEST, 0 },
	{ M_GET,  "/_test/hang",                        test_hang,               R_PUBLIC | R_TEST, 0 },
	{ 0, NULL, NULL, 0, 0 },
};
