/* domain.c — the visits domain: visits (回访/拜访) recorded from the card and
 * from "my visits", the visits on the card, and each person's agenda. */
#include "visits.h"
#include "sql.h"
#include "core/domain.h"

SQL_DEFINE(VISITS_SQL, visits_sql)

#define MANAGERS (ROLE_DEPT_MANAGER | ROLE_DIRECTOR | ROLE_DEPUTY_GM | ROLE_GM)

static const struct route routes[] = {
	{ M_GET,  "/clients/{id}/visits",     visits_of_client,   0, 0 },
	{ M_GET,  "/clients/{id}/visits/new", visits_form,        0, 0 },
	{ M_POST, "/clients/{id}/visits",     visits_record,      R_CSRF, 0 },
	{ M_GET,  "/visits",                  visits_mine,        0, 0 },
	{ M_POST, "/visits/find",             visits_find_client, R_CSRF, 0 },
	{ M_GET,  "/agenda",                  visits_agenda,      0, 0 },
	{ 0 },
};

static const struct nav nav[] = {
	{ 24, "/agenda", "nav.agenda", 0, { "/agenda", "/visits" }, NULL, NULL },
	{ 0 },
};

static const struct task tasks[] = {
	{ "visits.escalate", visits_escalate_due, "visit escalation message(s) queued", 0 },
	{ "visits.overdue_counts", visits_overdue_count, "department overdue count(s) refreshed", 0 },
	{ 0 },
};

static const struct message_kind messages[] = {
	{ "visit.escalation", visits_escalation_needed, NULL },
	{ 0 },
};

static const struct panel panels[] = {
	{ "client.card", visits_card_panel, { PANEL_VISITS } },
	{ 0 },
};

const struct domain visits_domain = {
	.name = "visits",
	.routes = routes,
	.nav = nav,
	.sql = visits_sql,
	.lang = "visits",
	.panels = panels,
	.tasks = tasks,
	.messages = messages,
	.digest = visits_digest,
	.dashboard = visits_dashboard,
};
