/* sql.h — the statements of the auth domain (see core/sql.h). */
#ifndef DOSSIER_AUTH_SQL_H
#define DOSSIER_AUTH_SQL_H
#include "core/sql.h"


enum login_col { LG_ID, LG_HASH, LG_DISABLED };                    /* Q_LOGIN_USER */

#define AUTH_SQL(X) \
	X(Q_LOGIN_USER, "s", "SELECT id, password_hash, disabled FROM users WHERE username = ?") \
	X(Q_LOGIN_FAILURES_USER, "ss", "SELECT at FROM login_attempts WHERE username = ? AND outcome = 'fail' " \
		"AND at >= ? ORDER BY at DESC LIMIT 1000") \
	X(Q_LOGIN_FAILURES_ADDR_USER, "sss", "SELECT at FROM login_attempts WHERE addr = ? AND username = ? " \
		"AND outcome = 'fail' AND at >= ? ORDER BY at DESC LIMIT 1000") \
	X(Q_LOGIN_FAILURES_ADDR_COUNT, "ssi", "SELECT COUNT(*) FROM (SELECT 1 FROM login_attempts WHERE addr = ? " \
		"AND outcome = 'fail' AND at >= ? LIMIT ?) f") \
	X(Q_LOGIN_ATTEMPT, "ssss", "INSERT INTO login_attempts (username, addr, at, outcome) VALUES (?, ?, ?, ?)") \
	X(Q_USER_PASSWORD_HASH, "i", "SELECT password_hash FROM users WHERE id = ?") \
	X(Q_USER_SET_LANG, "si", "UPDATE users SET lang = ? WHERE id = ?") \
	/* the newest five of each action through ix_audit_actor_action (sql/068), then the newest five of both */ \
	X(Q_AUDIT_MY_LOGINS, "ii", "(SELECT at, action, addr, id FROM audit_log WHERE actor_id = ? AND action = 'login.ok' " \
		"ORDER BY id DESC LIMIT 5) UNION ALL (SELECT at, action, addr, id FROM audit_log WHERE actor_id = ? " \
		"AND action = 'password.changed' ORDER BY id DESC LIMIT 5) ORDER BY 4 DESC LIMIT 5")

SQL_DECLARE(AUTH_SQL)
extern struct sql *const auth_sql[];

#endif
