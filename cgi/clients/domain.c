/* domain.c — the clients domain: cards, the list and search, import and
 * export, deleted cards, prospects and the pool, classification lists and
 * grades, and the approval kinds about cards. */
#include "clients.h"
#include "pages.h"
#include "prospects.h"
#include "sql.h"
#include "viewlog.h"
#include "approvals/approvals.h"
#include "core/domain.h"
#include <string.h>

SQL_DEFINE(CLIENTS_SQL, clients_sql)

extern const struct approval_kind clients_kinds[];   /* kinds.c */

#define ADMIN ROLE_ADMIN
#define MANAGERS (ROLE_DEPT_MANAGER | ROLE_DIRECTOR | ROLE_DEPUTY_GM | ROLE_GM)
/* who reads the view log per user: the auditor (HR), the marketing director, the GM */
#define LOG_READERS (ROLE_AUDITOR | ROLE_DIRECTOR | ROLE_GM)

static const struct route routes[] = {
	{ M_GET,  "/clients",                          clients_list,            0, 0 },
	{ M_GET,  "/clients/new",                      clients_new,             0, 0 },
	{ M_POST, "/clients/new",                      clients_create,          R_CSRF, 0 },
	{ M_GET,  "/clients/export.csv",               clients_export,          0, 0 },
	{ M_GET,  "/clients/deleted",                  clients_deleted,         0, 0 },
	{ M_GET,  "/clients/pool",                     clients_pool,            0, 0 },
	{ M_GET,  "/clients/unserved",                 clients_unserved,        0, MANAGERS },
	{ M_POST, "/clients/{id}/progress",            clients_progress,        R_CSRF, 0 },
	{ M_POST, "/clients/{id}/restore",             clients_restore,         R_CSRF, 0 },
	{ M_GET,  "/clients/import",                   clients_import_form,     0, 0 },
	{ M_POST, "/clients/import",                   clients_import_upload,   R_CSRF, 0 },
	{ M_POST, "/clients/import/{id}/commit",       clients_import_commit,   R_CSRF, 0 },
	{ M_POST, "/clients/import/{id}/undo",         clients_import_undo,     R_CSRF, 0 },
	{ M_GET,  "/clients/import/{id}/rejected.csv", clients_import_rejected, 0, 0 },
	{ M_GET,  "/clients/{id}",                     clients_show,            0, 0 },
	{ M_GET,  "/clients/{id}/edit",                clients_edit,            0, 0 },
	{ M_POST, "/clients/{id}/edit",                clients_update,          R_CSRF, 0 },
	{ M_GET,  "/clients/{id}/history",             clients_history,         0, 0 },
	{ M_GET,  "/clients/{id}/print",               clients_print,           0, 0 },
	{ M_GET,  "/clients/{id}/views",               clients_views,           0, MANAGERS },
	{ M_GET,  "/clients/{id}/views.csv",           clients_views_csv,       0, MANAGERS },
	{ M_GET,  "/clients/{id}/persons/new",         clients_person_form,     0, 0 },
	{ M_POST, "/clients/{id}/persons/new",         clients_person_save,     R_CSRF, 0 },
	{ M_GET,  "/clients/{id}/persons/{id}",        clients_person_form,     0, 0 },
	{ M_POST, "/clients/{id}/persons/{id}",        clients_person_save,     R_CSRF, 0 },
	{ M_GET,  "/clients/{id}/request",             clients_ask_form,        0, 0 },
	{ M_POST, "/clients/{id}/request",             clients_ask,             R_CSRF, 0 },
	{ M_GET,  "/blacklist",                        clients_blacklist,       0, 0 },
	{ M_GET,  "/admin/views",                      clients_user_views,      0, LOG_READERS },
	{ M_GET,  "/admin/views.csv",                  clients_user_views_csv,  0, LOG_READERS },
	{ M_GET,  "/admin/classes",                    admin_classes,           0, ADMIN },
	{ M_POST, "/admin/classes",                    admin_class_create,      R_CSRF, ADMIN },
	{ M_GET,  "/admin/classes/{id}",               admin_class_edit,        0, ADMIN },
	{ M_POST, "/admin/classes/{id}",               admin_class_update,      R_CSRF, ADMIN },
	{ M_GET,  "/admin/grades",                     admin_grades,            0, ADMIN },
	{ M_POST, "/admin/grades/{id}",                admin_grade_update,      R_CSRF, ADMIN },
	{ 0 },
};

static const struct nav nav[] = {
	{ 20, "/clients", "nav.clients", 0, { "/clients" }, NULL, NULL },
	{ 22, "/clients/pool", "nav.pool", ROLE_STAFF | ROLE_DEPT_MANAGER, { NULL }, NULL, NULL },
	{ 30, "/blacklist", "nav.blacklist", 0, { NULL }, NULL, NULL },
	{ 60, "/clients/deleted", "nav.deleted", MANAGERS, { NULL }, NULL, NULL },
	{ 70, "/admin/views", "nav.view_log", LOG_READERS, { "/admin/views" }, NULL, NULL },
	{ 120, "/admin/classes", "nav.classes", ADMIN, { "/admin/classes", "/admin/grades" }, NULL, NULL },
	{ 0 },
};

static const struct task tasks[] = {
	{ "clients.purge", clients_purge_due, "deleted client(s) purged", 0 },
	{ "clients.return_prospects", prospects_return_due, "prospect(s) returned to the pool", 0 },
	{ "clients.quota_counts", clients_quota_count, "department grade count(s) refreshed", 0 },
	{ 0 },
};

/* The leaving employee's cards, each with a history row. */
static int handover(struct req *r, struct handover *h)
{
	struct dbres res;
	memset(&res, 0, sizeof res);
	int rc = db_exec(r->db, r->a, Q_HANDOVER_HISTORY, NULL, "sssssi", h->from_name, h->to_name,
			 arena_printf(r->a, "%lld", r->user->id), r->now_text, h->reason, h->from);
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_HANDOVER_CLIENTS, &res, "iisi", h->to, h->to_dept, r->now_text, h->from);
	h->summary = arena_printf(r->a, "%s%s%llu clients", h->summary, *h->summary ? ", " : "", res.affected);
	return rc;
}

/* The view-log committer: one commit for the card views of all workers. */
static const struct service viewlog = { "view-log committer", viewlog_init, viewlog_spawn, viewlog_stop };

const struct domain clients_domain = {
	.name = "clients",
	.routes = routes,
	.nav = nav,
	.kinds = clients_kinds,
	.tasks = tasks,
	.sql = clients_sql,
	.lang = "clients",
	.home = view_dropping_prospects,
	.handover = handover,
	.service = &viewlog,
	.digest = prospects_digest,
	.dashboard = clients_dashboard,
};
