/* sql.h — the statements of the backup domain (see core/sql.h). */
#ifndef DOSSIER_BACKUP_SQL_H
#define DOSSIER_BACKUP_SQL_H
#include "core/sql.h"

/* Result columns of Q_BACKUP_LIST. */
enum backup_col { BK_ID, BK_STARTED, BK_KIND, BK_FILE, BK_SIZE, BK_SHA256, BK_OK, BK_ERROR, BK_REMOVED, BK_AGE_DAYS };

#define BACKUP_SQL(X) \
	X(Q_BACKUP_RECORD, "ssssisis", "INSERT INTO backups (started_at, finished_at, kind, file, size, sha256, ok, error) " \
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?)") \
	X(Q_BACKUP_REMOVED, "ss", "UPDATE backups SET removed_at = ? WHERE file = ? AND ok = 1 AND removed_at IS NULL") \
	X(Q_BACKUP_LIST, "si", "SELECT id, started_at, kind, file, size, sha256, ok, error, removed_at, " \
		"DATEDIFF(?, started_at) FROM backups ORDER BY started_at DESC, id DESC LIMIT ?") \
	/* the last good backup, the last good monthly one, and the last attempt (good or not) with its outcome */ \
	X(Q_BACKUP_STATE, "", "SELECT (SELECT MAX(started_at) FROM backups WHERE ok = 1), " \
		"(SELECT MAX(started_at) FROM backups WHERE ok = 1 AND kind = 'monthly'), " \
		"(SELECT started_at FROM backups ORDER BY started_at DESC, id DESC LIMIT 1), " \
		"(SELECT ok FROM backups ORDER BY started_at DESC, id DESC LIMIT 1)")

SQL_DECLARE(BACKUP_SQL)
extern struct sql *const backup_sql[];

/* Columns of Q_BACKUP_STATE. */
enum backup_state_col { BS_LAST_OK, BS_LAST_MONTHLY, BS_LAST_TRY, BS_LAST_TRY_OK };

#endif
