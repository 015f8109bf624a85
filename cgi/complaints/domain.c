/* domain.c — the complaints domain: complaints with their deadlines and the
 * client's feedback, and yearly satisfaction surveys with their averages; on
 * the card (one panel) and on the agenda (the surveys due). */
#include "complaints.h"
#include "sql.h"
#include "core/domain.h"

SQL_DEFINE(COMPLAINTS_SQL, complaints_sql)

#define MANAGERS (ROLE_DEPT_MANAGER | ROLE_DIRECTOR | ROLE_DEPUTY_GM | ROLE_GM)

static const struct route routes[] = {
	{ M_GET,  "/clients/{id}/complaints/new", complaints_new,      0, 0 },
	{ M_POST, "/clients/{id}/complaints",     complaints_create,   R_CSRF, 0 },
	{ M_GET,  "/complaints",                  complaints_list,     0, 0 },
	{ M_GET,  "/complaints/{id}",             complaints_show,     0, 0 },
	{ M_POST, "/complaints/{id}",             complaints_handle,   R_CSRF, 0 },
	{ M_POST, "/complaints/{id}/feedback",    complaints_feedback, R_CSRF, 0 },
	{ M_GET,  "/clients/{id}/surveys/new",    surveys_new,         0, 0 },
	{ M_POST, "/clients/{id}/surveys",        surveys_create,      R_CSRF, 0 },
	{ M_GET,  "/surveys",                     surveys_stats,       0, MANAGERS },
	{ 0 },
};

static const struct nav nav[] = {
	{ 26, "/complaints", "nav.complaints", 0, { "/complaints", "/surveys" }, NULL, NULL },
	{ 0 },
};

static const struct task tasks[] = {
	{ "complaints.remind", complaints_remind_due, "complaint reminder(s) and escalation(s) queued", 0 },
	{ 0 },
};

static const struct message_kind messages[] = {
	{ "complaint.overdue", complaints_overdue_needed, NULL },
	{ "complaint.escalation", complaints_overdue_needed, NULL },
	{ 0 },
};

static const struct panel panels[] = {
	{ "client.card", complaints_card_panel, { PANEL_SERVICE } },
	{ "agenda", surveys_agenda_panel, { { 0 } } },
	{ 0 },
};

const struct domain complaints_domain = {
	.name = "complaints",
	.routes = routes,
	.nav = nav,
	.sql = complaints_sql,
	.lang = "complaints",
	.panels = panels,
	.tasks = tasks,
	.messages = messages,
	.digest = complaints_digest,
	.dashboard = complaints_dashboard,
};
