/* sql.h — the statements of the admin domain (see core/sql.h). */
#ifndef DOSSIER_ADMIN_SQL_H
#define DOSSIER_ADMIN_SQL_H
#include "core/sql.h"
#include "core/core_sql.h"

/* Result columns, beside their statements below (users: UC_*, core_sql.h). */
enum dept_col { DP_ID, DP_PARENT, DP_NAME, DP_CODE, DP_KIND, DP_DISABLED, DP_VERSION };  /* Q_DEPT_GET; Q_DEPT_ALL up to DP_DISABLED */

#define ADMIN_SQL(X) \
	X(Q_USER_LIST, "iisssisi", "SELECT " USER_COLS "FROM users u JOIN departments d ON d.id = u.dept_id " \
		"WHERE (? = 0 OR u.dept_id = ?) AND (? = '' OR u.username LIKE ? OR u.display_name LIKE ?) " \
		"AND (? = 1 OR u.disabled = 0) AND u.username > ? ORDER BY u.username LIMIT ?") \
	X(Q_USER_INSERT, "sssisss", "INSERT INTO users (username, display_name, email, dept_id, password_hash, " \
		"must_change_password, lang, disabled, created_at, updated_at, version) " \
		"VALUES (?, ?, ?, ?, ?, 1, NULL, 0, ?, ?, 1)") \
	X(Q_USER_UPDATE, "ssiisii", "UPDATE users SET display_name = ?, email = ?, dept_id = ?, disabled = ?, " \
		"updated_at = ?, version = version + 1 WHERE id = ? AND version = ?") \
	X(Q_USER_ROLES_CLEAR, "i", "DELETE FROM user_roles WHERE user_id = ?") \
	X(Q_USER_ROLE_ADD, "is", "INSERT INTO user_roles (user_id, role) VALUES (?, ?)") \
	X(Q_USER_COUNT_ACTIVE_ADMINS, "i", "SELECT COUNT(*) FROM user_roles r JOIN users u ON u.id = r.user_id " \
		"WHERE r.role = 'admin' AND u.disabled = 0 AND u.id <> ?") \
	X(Q_DEPT_ALL, "", "SELECT d.id, d.parent_id, d.name, d.code, d.kind, d.disabled, " \
		"(SELECT COUNT(*) FROM users u WHERE u.dept_id = d.id AND u.disabled = 0) " \
		"FROM departments d ORDER BY d.parent_id IS NOT NULL, d.name") \
	X(Q_DEPT_GET, "i", "SELECT id, parent_id, name, code, kind, disabled, version FROM departments WHERE id = ?") \
	X(Q_DEPT_INSERT, "sssss", "INSERT INTO departments (parent_id, name, code, kind, disabled, created_at, version) " \
		"VALUES (?, ?, ?, ?, 0, ?, 1)") \
	X(Q_DEPT_UPDATE, "ssssiii", "UPDATE departments SET parent_id = ?, name = ?, code = ?, kind = ?, disabled = ?, " \
		"version = version + 1 WHERE id = ? AND version = ?") \
	X(Q_AUDIT_PAGE, "issssi", "SELECT a.id, a.at, a.actor_name, a.action, a.object_type, a.object_id, a.detail, a.addr " \
		"FROM audit_log a WHERE a.id < ? AND (? = '' OR a.action LIKE ?) " \
		"AND (? = '' OR a.actor_name = ?) ORDER BY a.id DESC LIMIT ?") \
	/* the working-day calendar's exceptions (core/workdays.h) */ \
	X(Q_CALENDAR_YEAR, "ss", "SELECT day, kind, name FROM calendar_days WHERE day >= ? AND day < ? ORDER BY day") \
	X(Q_CALENDAR_SET, "ssss", "INSERT INTO calendar_days (day, kind, name, updated_at) VALUES (?, ?, ?, ?) " \
		"ON DUPLICATE KEY UPDATE kind = VALUES(kind), name = VALUES(name), updated_at = VALUES(updated_at)") \
	X(Q_CALENDAR_DELETE, "s", "DELETE FROM calendar_days WHERE day = ?")

SQL_DECLARE(ADMIN_SQL)
extern struct sql *const admin_sql[];

#endif
