/* domain.c — the archive domain (DESIGN.md §6): items and yearly volumes
 * with their numbers, filing (approval "archive_file") and placing, borrowing
 * by secrecy (approval "archive_borrow", direct loans), the check-out desk
 * with its register and reading room, the card's panel, and the admin's lists. */
#include "archive.h"
#include "sql.h"
#include "approvals/approvals.h"
#include "core/domain.h"

SQL_DEFINE(ARCHIVE_SQL, archive_sql)

extern const struct approval_kind archive_kinds[];   /* borrow.c */

#define DESK ROLE_ARCHIVIST
#define MANAGERS (ROLE_DEPT_MANAGER | ROLE_DIRECTOR | ROLE_DEPUTY_GM | ROLE_GM)

static const struct route routes[] = {
	{ M_GET,  "/clients/{id}/archive/new",   archive_submit_form,    0, 0 },
	{ M_POST, "/clients/{id}/archive",       archive_submit,         R_CSRF, 0 },
	{ M_GET,  "/archive/items/{id}",         archive_item_show,      0, 0 },
	{ M_GET,  "/archive/items/{id}/borrow",  archive_borrow_form,    0, 0 },
	{ M_POST, "/archive/items/{id}/borrow",  archive_borrow,         R_CSRF, 0 },
	{ M_POST, "/archive/items/{id}/place",   archive_place,          R_CSRF, DESK },
	{ M_POST, "/archive/items/{id}/files",   archive_file_upload,    R_CSRF, 0 },
	{ M_GET,  "/archive/files/{id}",         archive_file_download,  0, 0 },
	{ M_GET,  "/archive/files/{id}/view",    archive_file_view,      0, 0 },
	{ M_GET,  "/archive/files/{id}/inline",  archive_file_inline,    0, 0 },
	{ M_GET,  "/archive/volumes/{id}",       archive_volume,         0, 0 },
	{ M_GET,  "/archive/labels",             archive_labels,         0, 0 },
	{ M_GET,  "/archive/periods",            archive_periods,        0, DESK },
	{ M_GET,  "/archive/placing",            archive_waiting,        0, DESK },
	{ M_GET,  "/archive/desk",               archive_desk,           0, DESK },
	{ M_POST, "/archive/desk/checkout",      archive_checkout,       R_CSRF, DESK },
	{ M_POST, "/archive/desk/return",        archive_return,         R_CSRF, DESK },
	{ M_GET,  "/archive/out",                archive_out,            0, DESK | MANAGERS },
	{ M_GET,  "/archive/overdue",            archive_overdue,        0, DESK | MANAGERS },
	{ M_GET,  "/archive/register",           archive_register,       0, DESK },
	{ M_GET,  "/archive/retention",          archive_retention,      0, DESK },
	{ M_POST, "/archive/retention",          archive_batch_create,   R_CSRF, DESK },
	{ M_GET,  "/archive/destruction",        archive_destruction_register, 0, DESK | ROLE_DIRECTOR | ROLE_GM },
	{ M_GET,  "/archive/destruction/{id}",   archive_batch_show,     0, 0 },
	{ M_POST, "/archive/destruction/{id}/record", archive_batch_record, R_CSRF, DESK },
	{ M_POST, "/archive/destruction/{id}/confirm", archive_batch_confirm, R_CSRF, 0 },
	{ M_GET,  "/clients/{id}/legal-hold",    archive_hold_form,      0, DESK | ROLE_DIRECTOR },
	{ M_POST, "/clients/{id}/legal-hold",    archive_hold,           R_CSRF, DESK | ROLE_DIRECTOR },
	{ M_GET,  "/admin/archive",              archive_admin,          0, ROLE_ADMIN },
	{ M_POST, "/admin/archive/types",        archive_admin_type,     R_CSRF, ROLE_ADMIN },
	{ M_POST, "/admin/archive/locations",    archive_admin_location, R_CSRF, ROLE_ADMIN },
	{ 0 },
};

static const struct nav nav[] = {
	{ 28, "/archive/desk", "nav.archive_desk", DESK, { "/archive" }, NULL, NULL },
	{ 125, "/admin/archive", "nav.archive_admin", ROLE_ADMIN, { "/admin/archive" }, NULL, NULL },
	{ 0 },
};

static const struct task tasks[] = {
	{ "archive.overdue", archive_mark_overdue, "loan(s) marked overdue", 0 },
	{ "archive.reading_room", archive_close_reading, "reading-room session(s) left open closed", 0 },
	{ "archive.remind", archive_remind_overdue, "overdue loan message(s) queued", 0 },
	{ "archive.retention", archive_retention_count, "item(s) past retention in no batch", 0 },
	{ "archive.periods", archive_period_remind, "filing-period reminder(s) queued", 0 },
	{ 0 },
};

static const struct message_kind messages[] = {
	{ "loan.overdue", archive_loan_still_out, NULL },
	{ "loan.escalation", archive_loan_still_out, NULL },
	{ "archive.period", archive_period_needed, NULL },
	{ 0 },
};

static const struct panel panels[] = {
	{ "client.card", archive_card_panel, { PANEL_ITEMS } },
	{ 0 },
};

const struct domain archive_domain = {
	.name = "archive",
	.routes = routes,
	.nav = nav,
	.kinds = archive_kinds,
	.tasks = tasks,
	.sql = archive_sql,
	.lang = "archive",
	.panels = panels,
	.messages = messages,
	.digest = archive_digest,
	.dashboard = archive_dashboard,
};
