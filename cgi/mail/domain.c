/* domain.c — the mail domain: the outbox other domains queue into
 * (outbox.h), its delivery by SMTP and chat robots (task mail.send), the
 * daily digest of every domain's sections (task mail.digest), each person's
 * notification settings and the administrator's pages. */
#include "mail.h"
#include "sql.h"
#include "core/domain.h"

SQL_DEFINE(MAIL_SQL, mail_sql)

#define ADMIN ROLE_ADMIN

static const struct route routes[] = {
	{ M_GET,  "/me/notifications",          mail_prefs_page,    0, 0 },
	{ M_POST, "/me/notifications",          mail_prefs_save,    R_CSRF, 0 },
	{ M_GET,  "/admin/outbox",              mail_outbox_page,   0, ADMIN },
	{ M_POST, "/admin/outbox/{id}/resend",  mail_outbox_resend, R_CSRF, ADMIN },
	{ M_GET,  "/admin/mail",                mail_settings_page, 0, ADMIN },
	{ M_POST, "/admin/mail/test",           mail_test_send,     R_CSRF, ADMIN },
	{ M_GET,  "/admin/mail/robots",         mail_robots_page,   0, ADMIN },
	{ M_POST, "/admin/mail/robots/{id}",    mail_robot_save,    R_CSRF, ADMIN },
	{ M_GET,  "/admin/mail/sink",           mail_sink_page,     0, ADMIN },
	{ M_POST, "/_test/mail/put",            mail_test_put,      R_CSRF | R_TEST, ADMIN },
	{ 0 },
};

static const struct nav nav[] = {
	{ 95, "/me/notifications", "nav.notifications", 0, { NULL }, NULL, NULL },
	{ 140, "/admin/mail", "nav.mail", ADMIN, { "/admin/mail", "/admin/outbox" }, NULL, NULL },
	{ 0 },
};

/* mail.send runs in every scheduler at once: each message is claimed on its own */
static const struct task tasks[] = {
	{ "mail.digest", mail_digest_due, "digest(s) queued", 0 },
	{ "mail.send", mail_send_due, "message(s) delivered", TASK_CONCURRENT },
	{ "mail.purge", mail_purge_due, "old message(s) deleted", 0 },
	{ 0 },
};

static const struct message_kind messages[] = {
	{ "digest", mail_digest_needed, NULL },
	{ 0 },
};

const struct domain mail_domain = {
	.name = "mail",
	.routes = routes,
	.nav = nav,
	.tasks = tasks,
	.sql = mail_sql,
	.lang = "mail",
	.messages = messages,
};
