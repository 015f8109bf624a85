/* domain.c — the auth domain: the home page, sign-in and out, one's own
 * password and language. */
#include "pages.h"
#include "sql.h"
#include "core/domain.h"

SQL_DEFINE(AUTH_SQL, auth_sql)

static const struct route routes[] = {
	{ M_GET,  "/",         page_home,          0, 0 },
	{ M_GET,  "/login",    auth_login_form,    R_PUBLIC | R_PASSWORD_DUE, 0 },
	{ M_POST, "/login",    auth_login,         R_PUBLIC | R_PASSWORD_DUE | R_CSRF, 0 },
	{ M_POST, "/logout",   auth_logout,        R_PASSWORD_DUE | R_CSRF, 0 },
	{ M_GET,  "/password", auth_password_form, R_PASSWORD_DUE, 0 },
	{ M_POST, "/password", auth_password,      R_PASSWORD_DUE | R_CSRF, 0 },
	{ M_POST, "/lang",     auth_lang,          R_PUBLIC | R_PASSWORD_DUE | R_CSRF, 0 },
	{ 0 },
};

static const struct nav nav[] = {
	{ 10, "/", "nav.home", 0, { NULL }, NULL, NULL },
	{ 0 },
};

/* the person's newest sign-ins, for the home page, read with the session */
const struct session_field auth_session[] = {
	{ SC_RECENT_SIGN_INS },
	{ 0 },
};

const struct domain auth_domain = {
	.name = "auth",
	.routes = routes,
	.nav = nav,
	.sql = auth_sql,
	.lang = "auth",
	.session_fields = auth_session,
};
