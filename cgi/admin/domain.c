/* domain.c — the admin domain: users, departments, the audit log, and the
 * handover of a leaving employee (each domain moves its own things). */
#include "pages.h"
#include "sql.h"
#include "core/domain.h"

SQL_DEFINE(ADMIN_SQL, admin_sql)

#define ADMIN ROLE_ADMIN

static const struct route routes[] = {
	{ M_GET,  "/admin/users",                     admin_users,             0, ADMIN },
	{ M_GET,  "/admin/users/new",                 admin_user_new,          0, ADMIN },
	{ M_POST, "/admin/users/new",                 admin_user_create,       R_CSRF, ADMIN },
	{ M_GET,  "/admin/users/{id}",                admin_user_edit,         0, ADMIN },
	{ M_POST, "/admin/users/{id}",                admin_user_update,       R_CSRF, ADMIN },
	{ M_POST, "/admin/users/{id}/reset-password", admin_user_reset,        R_CSRF, ADMIN },
	{ M_POST, "/admin/users/{id}/handover",       admin_user_handover,     R_CSRF, ADMIN },
	{ M_GET,  "/admin/departments",               admin_departments,       0, ADMIN },
	{ M_POST, "/admin/departments",               admin_department_create, R_CSRF, ADMIN },
	{ M_GET,  "/admin/departments/{id}",          admin_department_edit,   0, ADMIN },
	{ M_POST, "/admin/departments/{id}",          admin_department_update, R_CSRF, ADMIN },
	{ M_GET,  "/admin/audit",                     admin_audit,             0, ADMIN },
	{ M_GET,  "/admin/calendar",                  admin_calendar,          0, ADMIN },
	{ M_POST, "/admin/calendar",                  admin_calendar_set,      R_CSRF, ADMIN },
	{ M_POST, "/admin/calendar/delete",           admin_calendar_delete,   R_CSRF, ADMIN },
	{ 0 },
};

static const struct nav nav[] = {
	{ 100, "/admin/users", "nav.users", ADMIN, { "/admin/users" }, NULL, NULL },
	{ 110, "/admin/departments", "nav.departments", ADMIN, { "/admin/departments" }, NULL, NULL },
	{ 130, "/admin/calendar", "nav.calendar", ADMIN, { NULL }, NULL, NULL },
	{ 140, "/admin/audit", "nav.audit", ADMIN, { NULL }, NULL, NULL },
	{ 0 },
};

const struct domain admin_domain = {
	.name = "admin",
	.routes = routes,
	.nav = nav,
	.sql = admin_sql,
	.lang = "admin",
};
