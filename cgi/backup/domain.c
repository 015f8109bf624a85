/* domain.c — the backup domain: `dossier backup` (a consistent dump of the
 * database and the file store, checked, recorded, kept by retention),
 * `dossier restore FILE` into a fresh instance, the admin's list of backups
 * and the home page's warning when the last good one is old. */
#include "backup.h"
#include "sql.h"
#include "core/domain.h"

SQL_DEFINE(BACKUP_SQL, backup_sql)

static const struct route routes[] = {
	{ M_GET, "/admin/backups", backup_page, 0, ROLE_ADMIN },
	{ 0 },
};

static const struct nav nav[] = {
	{ 150, "/admin/backups", "nav.backups", ROLE_ADMIN, { NULL }, NULL, NULL },
	{ 0 },
};

static const struct command commands[] = {
	{ "backup", "[weekly|monthly] [--if-due]  dump the database and the file store to backup_dir (checked, recorded, pruned)",
	  backup_command },
	{ "restore", "[--no-checksum] FILE  restore a backup into a fresh instance (schema, grants, data, files)",
	  restore_command },
	{ 0 },
};

const struct domain backup_domain = {
	.name = "backup",
	.routes = routes,
	.nav = nav,
	.sql = backup_sql,
	.lang = "backup",
	.home = backup_home,
	.commands = commands,
};
