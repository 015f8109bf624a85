/* domain.c — the reports domain (DESIGN.md §10): the reports of table.c as
 * pages, CSV and XLSX, each scoped to the departments the reader may see;
 * the summary tables rebuilt by `dossier cron` (reports.rollup); the weekly
 * and monthly report mails (reports.mail). */
#include "reports.h"
#include "sql.h"
#include "core/domain.h"

SQL_DEFINE(REPORTS_SQL, reports_sql)

/* Every report opens to anyone signed in here; the handler checks the
 * report's own roles (table.c) before anything else. */
#define REPORT_ROUTES(name) \
	{ M_GET, "/reports/" name, reports_show, 0, 0 }, \
	{ M_GET, "/reports/" name ".csv", reports_show, 0, 0 }, \
	{ M_GET, "/reports/" name ".xlsx", reports_show, 0, 0 },

#define READERS (ROLE_DEPT_MANAGER | ROLE_DIRECTOR | ROLE_DEPUTY_GM | ROLE_GM | ROLE_AUDITOR)

static const struct route routes[] = {
	{ M_GET, "/reports", reports_index, 0, 0 },
	REPORT_ROUTES("follow-up")
	REPORT_ROUTES("clients")
	REPORT_ROUTES("circulation")
	REPORT_ROUTES("access")
	REPORT_ROUTES("new-clients")
	REPORT_ROUTES("pool")
	REPORT_ROUTES("approvals")
	REPORT_ROUTES("complaints")
	REPORT_ROUTES("retention")
	{ 0 },
};

static const struct nav nav[] = {
	{ 80, "/reports", "nav.reports", READERS, { "/reports" }, NULL, NULL },
	{ 0 },
};

static const struct task tasks[] = {
	{ "reports.rollup", reports_rollup, "summary row(s) of the reports rebuilt", 0 },
	/* after the rollup: the mails read the summaries it just built */
	{ "reports.mail", reports_mail, "report mail(s) queued", 0 },
	{ 0 },
};

/* the scheduled report mails (mail.c): each may be switched off on /me/notifications */
static const struct message_kind messages[] = {
	{ "reports.weekly", NULL, "report.mail.optout_weekly" },
	{ "reports.monthly", NULL, "report.mail.optout_monthly" },
	{ 0 },
};

const struct domain reports_domain = {
	.name = "reports",
	.routes = routes,
	.nav = nav,
	.tasks = tasks,
	.sql = reports_sql,
	.lang = "reports",
	.messages = messages,
};
