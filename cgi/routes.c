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
	{ M_GET,  "/admin/audit",                       admin_audit,             0, ADMIN },

	{ M_GET,  "/_test/crash",                       test_crash,              R_PUBLIC | R_TEST, 0 },
	{ M_GET,  "/_test/hang",                        test_hang,               R_PUBLIC | R_TEST, 0 },
	{ 0, NULL, NULL, 0, 0 },
};
