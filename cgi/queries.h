/* queries.h — every SQL statement of the application, in one place.
 * Each is prepared when a connection is made (a mismatch shows at start-up)
 * and again after every reconnect. Parameters are always `?`. Times are
 * passed in from clock_now(): no statement reads the server's NOW(). */
#ifndef DOSSIER_QUERIES_H
#define DOSSIER_QUERIES_H

#define USER_COLS \
	"u.id, u.username, u.display_name, u.email, u.dept_id, d.name, u.lang, " \
	"u.disabled, u.must_change_password, " \
	"(SELECT GROUP_CONCAT(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), u.version "

#define QUERIES(X) \
	X(Q_PING, "SELECT 1") \
	/* ---- sessions ---- */ \
	X(Q_SESSION_GET, "SELECT s.user_id, s.csrf, s.created_at, s.last_seen_at, " \
		USER_COLS "FROM sessions s JOIN users u ON u.id = s.user_id " \
		"JOIN departments d ON d.id = u.dept_id WHERE s.id = ?") \
	X(Q_SESSION_INSERT, "INSERT INTO sessions (id, user_id, csrf, created_at, last_seen_at, addr) " \
		"VALUES (?, ?, ?, ?, ?, ?)") \
	X(Q_SESSION_TOUCH, "UPDATE sessions SET last_seen_at = ? WHERE id = ?") \
	X(Q_SESSION_DELETE, "DELETE FROM sessions WHERE id = ?") \
	X(Q_SESSION_DELETE_USER, "DELETE FROM sessions WHERE user_id = ?") \
	X(Q_SESSION_DELETE_OTHERS, "DELETE FROM sessions WHERE user_id = ? AND id <> ?") \
	X(Q_SESSION_PURGE, "DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ? LIMIT 1000") \
	/* ---- sign-in ---- */ \
	X(Q_LOGIN_USER, "SELECT id, password_hash, disabled FROM users WHERE username = ?") \
	X(Q_LOGIN_FAILURES_USER, "SELECT at FROM login_attempts WHERE username = ? AND outcome = 'fail' " \
		"AND at >= ? ORDER BY at DESC LIMIT 1000") \
	X(Q_LOGIN_FAILURES_ADDR, "SELECT at FROM login_attempts WHERE addr = ? AND outcome = 'fail' " \
		"AND at >= ? ORDER BY at DESC LIMIT 1000") \
	X(Q_LOGIN_ATTEMPT, "INSERT INTO login_attempts (username, addr, at, outcome) VALUES (?, ?, ?, ?)") \
	/* ---- users ---- */ \
	X(Q_USER_GET, "SELECT " USER_COLS "FROM users u JOIN departments d ON d.id = u.dept_id WHERE u.id = ?") \
	X(Q_USER_PASSWORD_HASH, "SELECT password_hash FROM users WHERE id = ?") \
	X(Q_USER_SET_PASSWORD, "UPDATE users SET password_hash = ?, must_change_password = ?, " \
		"updated_at = ?, version = version + 1 WHERE id = ?") \
	X(Q_USER_SET_LANG, "UPDATE users SET lang = ? WHERE id = ?") \
	X(Q_USER_LIST, "SELECT " USER_COLS "FROM users u JOIN departments d ON d.id = u.dept_id " \
		"WHERE (? = 0 OR u.dept_id = ?) AND (? = '' OR u.username LIKE ? OR u.display_name LIKE ?) " \
		"AND (? = 1 OR u.disabled = 0) AND u.username > ? ORDER BY u.username LIMIT ?") \
	X(Q_USER_INSERT, "INSERT INTO users (username, display_name, email, dept_id, password_hash, " \
		"must_change_password, lang, disabled, created_at, updated_at, version) " \
		"VALUES (?, ?, ?, ?, ?, 1, NULL, 0, ?, ?, 1)") \
	X(Q_USER_UPDATE, "UPDATE users SET display_name = ?, email = ?, dept_id = ?, disabled = ?, " \
		"updated_at = ?, version = version + 1 WHERE id = ? AND version = ?") \
	X(Q_USER_ROLES_CLEAR, "DELETE FROM user_roles WHERE user_id = ?") \
	X(Q_USER_ROLE_ADD, "INSERT INTO user_roles (user_id, role) VALUES (?, ?)") \
	X(Q_USER_COUNT_ACTIVE_ADMINS, "SELECT COUNT(*) FROM user_roles r JOIN users u ON u.id = r.user_id " \
		"WHERE r.role = 'admin' AND u.disabled = 0 AND u.id <> ?") \
	/* ---- departments ---- */ \
	X(Q_DEPT_ALL, "SELECT d.id, d.parent_id, d.name, d.code, d.kind, d.disabled, " \
		"(SELECT COUNT(*) FROM users u WHERE u.dept_id = d.id AND u.disabled = 0) " \
		"FROM departments d ORDER BY d.parent_id IS NOT NULL, d.name") \
	X(Q_DEPT_GET, "SELECT id, parent_id, name, code, kind, disabled, version FROM departments WHERE id = ?") \
	X(Q_DEPT_INSERT, "INSERT INTO departments (parent_id, name, code, kind, disabled, created_at, version) " \
		"VALUES (?, ?, ?, ?, 0, ?, 1)") \
	X(Q_DEPT_UPDATE, "UPDATE departments SET parent_id = ?, name = ?, code = ?, kind = ?, disabled = ?, " \
		"version = version + 1 WHERE id = ? AND version = ?") \
	/* ---- audit ---- */ \
	X(Q_AUDIT_INSERT, "INSERT INTO audit_log (at, actor_id, actor_name, action, object_type, object_id, " \
		"detail, addr, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)") \
	X(Q_AUDIT_MY_LOGINS, "SELECT at, action, addr FROM audit_log WHERE actor_id = ? " \
		"AND action IN ('login.ok', 'password.changed') ORDER BY id DESC LIMIT 5") \
	X(Q_AUDIT_PAGE, "SELECT a.id, a.at, a.actor_name, a.action, a.object_type, a.object_id, a.detail, a.addr " \
		"FROM audit_log a WHERE a.id < ? AND (? = '' OR a.action LIKE ?) " \
		"AND (? = '' OR a.actor_name = ?) ORDER BY a.id DESC LIMIT ?")

enum query {
#define X(name, sql) name,
	QUERIES(X)
#undef X
	Q__COUNT
};

extern const char *const query_sql[Q__COUNT];
extern const char *const query_name[Q__COUNT];

#endif
