/* sql.h — the statements of the auth domain (see core/sql.h). */
#ifndef DOSSIER_AUTH_SQL_H
#define DOSSIER_AUTH_SQL_H
#include "core/domain.h"
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
	X(Q_USER_SET_LANG, "si", "UPDATE users SET lang = ? WHERE id = ?")

SQL_DECLARE(AUTH_SQL)

/* The person's five newest sign-ins and password changes, read with the
 * session: lines "at TAB action TAB address", newest first (users.recent_sign_ins,
 * kept by a trigger on audit_log: sql/072). */
#define SC_RECENT_SIGN_INS "u.recent_sign_ins", NULL
extern const struct session_field auth_session[2];
extern struct sql *const auth_sql[];

#endif
