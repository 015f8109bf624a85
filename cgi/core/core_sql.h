/* core_sql.h — the statements of the core: health, sessions, the signed-in
 * user, the department tree, the audit log and the scheduler's leases. */
#ifndef DOSSIER_CORE_SQL_H
#define DOSSIER_CORE_SQL_H
#include "sql.h"

/* A user with their department's name and roles (Q_USER_GET, Q_SESSION_GET
 * after its own four columns, and the admin's list). */
#define USER_COLS_ROLES(roles) \
	"u.id, u.username, u.display_name, u.email, u.dept_id, d.name, u.lang, " \
	"u.disabled, u.must_change_password, " roles ", u.version "
#define USER_COLS USER_COLS_ROLES("(SELECT GROUP_CONCAT(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id)")
#define SESSION_VERSIONS (SS_USER_COLS + UC__COUNT)     /* the column of Q_SESSION_GET with the data version */
#define SESSION_STATE (SESSION_VERSIONS + 1)            /* … with the user's state version (user_state) */
enum user_col { UC_ID, UC_USERNAME, UC_NAME, UC_EMAIL, UC_DEPT_ID, UC_DEPT_NAME, UC_LANG, UC_DISABLED,
		UC_MUST_CHANGE, UC_ROLES, UC_VERSION, UC__COUNT };

/* Q_SESSION_GET is one SELECT block of joins on primary keys, with no
 * subquery and no grouping: MariaDB plans every statement again at each
 * execution, and each subquery, each joined table and each aggregate adds
 * to it. What needs a join and an aggregate (the roles, the domains' joined
 * session fields) is read by Q_USER_STATE instead, only when the user's
 * state version (user_state, bumped by triggers: sql/073) differs from the
 * one the worker keeps (session.c). Its roles column is NULL; the data
 * version is the row '*' that every bump also bumps; then the domains'
 * plain session fields (columns of the user's row `u`). */
#define SESSION_SELECT "SELECT s.user_id, s.csrf, s.created_at, s.last_seen_at, " \
	USER_COLS_ROLES("NULL") ", sv.version, us.version"
#define SESSION_FROM " FROM sessions s JOIN users u ON u.id = s.user_id " \
	"JOIN departments d ON d.id = u.dept_id LEFT JOIN data_versions sv ON sv.name = '*' " \
	"LEFT JOIN user_state us ON us.user_id = s.user_id"
#define SESSION_WHERE " WHERE s.id = ?"
/* Q_USER_STATE: the user's state version, roles, then the domains' joined
 * session fields (aggregates over their joins on `u.id`), one group. */
#define USER_STATE_SELECT "SELECT MAX(us.version), GROUP_CONCAT(DISTINCT sr.role ORDER BY sr.role)"
#define USER_STATE_FROM " FROM users u LEFT JOIN user_state us ON us.user_id = u.id " \
	"LEFT JOIN user_roles sr ON sr.user_id = u.id"
#define USER_STATE_WHERE " WHERE u.id = ? GROUP BY u.id"
enum user_state_col { US_VERSION, US_ROLES, US__COLS };   /* Q_USER_STATE, then the joined fields */
enum session_col { SS_USER, SS_CSRF, SS_CREATED, SS_SEEN, SS_USER_COLS };   /* Q_SESSION_GET, then USER_COLS */
enum people_col { PC_ID, PC_NAME, PC_DEPT, PC_EXACT, PC_USERNAME = PC_EXACT }; /* Q_PEOPLE_FIND, Q_PEOPLE_GET */

#define CORE_SQL(X) \
	/* /healthz: may the app write (the app's account has no right to write past read_only), and is the \
	 * newest migration (the parameter; '' for none) applied */ \
	X(Q_HEALTH, "s", "SELECT @@global.read_only OR @@global.innodb_read_only, " \
		"EXISTS (SELECT 1 FROM schema_migrations WHERE version = ?)") \
	/* the session, its user, and the versions of the data workers cache (SESSION_VERSIONS); \
	 * domains_register() adds every domain's session fields (struct session_col) after these */ \
	X(Q_SESSION_GET, "s", SESSION_SELECT SESSION_FROM) \
	/* the user's state read through joins, when the worker's copy is not current (session.c) */ \
	X(Q_USER_STATE, "i", USER_STATE_SELECT USER_STATE_FROM USER_STATE_WHERE) \
	X(Q_SESSION_INSERT, "sissss", "INSERT INTO sessions (id, user_id, csrf, created_at, last_seen_at, addr) " \
		"VALUES (?, ?, ?, ?, ?, ?)") \
	X(Q_SESSION_TOUCH, "ss", "UPDATE sessions SET last_seen_at = ? WHERE id = ?") \
	X(Q_SESSION_DELETE, "s", "DELETE FROM sessions WHERE id = ?") \
	X(Q_SESSION_DELETE_USER, "i", "DELETE FROM sessions WHERE user_id = ?") \
	X(Q_SESSION_DELETE_OTHERS, "is", "DELETE FROM sessions WHERE user_id = ? AND id <> ?") \
	X(Q_SESSION_PURGE, "ss", "DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ? LIMIT 1000") \
	X(Q_USER_GET, "i", "SELECT " USER_COLS "FROM users u JOIN departments d ON d.id = u.dept_id WHERE u.id = ?") \
	X(Q_AUDIT_INSERT, "sssssssss", "INSERT INTO audit_log (at, actor_id, actor_name, action, object_type, object_id, " \
		"detail, addr, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)") \
	X(Q_DEPT_PARENTS, "", "SELECT id, parent_id, name FROM departments ORDER BY name, id") \
	/* the enabled managers of a department but one person (whom a reminder goes to instead) */ \
	X(Q_DEPT_MANAGERS, "ii", "SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id " \
		"AND ur.role = 'dept_manager' WHERE u.dept_id = ? AND u.disabled = 0 AND u.id <> ?") \
	/* the person chooser (people.c): enabled people by name, login or department; exact first */ \
	X(Q_PEOPLE_FIND, "sssss", "SELECT u.id, u.display_name, d.name, " \
		"(u.display_name = ? OR u.username = ?) AS exact FROM users u JOIN departments d ON d.id = u.dept_id " \
		"WHERE u.disabled = 0 AND (u.display_name LIKE ? OR u.username = ? OR d.name LIKE ?) " \
		"ORDER BY exact DESC, u.display_name, u.id LIMIT 21") \
	X(Q_PEOPLE_GET, "i", "SELECT u.id, u.display_name, d.name, u.username FROM users u " \
		"JOIN departments d ON d.id = u.dept_id WHERE u.id = ? AND u.disabled = 0") \
	/* a password set by its user or reset by the admin */ \
	X(Q_USER_SET_PASSWORD, "sisi", "UPDATE users SET password_hash = ?, must_change_password = ?, " \
		"updated_at = ?, version = version + 1 WHERE id = ?") \
	/* an edit of data that workers cache (data_version): in the edit's transaction; the row '*' \
	 * counts every edit, and is what the session reads */ \
	X(Q_VERSION_BUMP, "s", "INSERT INTO data_versions (name, version) VALUES (?, 1), ('*', 1) " \
		"ON DUPLICATE KEY UPDATE version = version + 1") \
	/* the working-day calendar's exceptions in a range of days (workdays.c) */ \
	X(Q_CALENDAR_RANGE, "ss", "SELECT day, kind FROM calendar_days WHERE day > ? AND day <= ?") \
	/* ---- leases of the scheduled tasks (cron.c): rows, as a named lock is not shared by a cluster ---- */ \
	X(Q_LEASE_ENSURE, "s", "INSERT IGNORE INTO cron_leases (name, holder, until) VALUES (?, '', '2000-01-01 00:00:00')") \
	X(Q_LEASE_TAKE, "sssss", "UPDATE cron_leases SET holder = ?, until = ? WHERE name = ? AND (until < ? OR holder = ?)") \
	/* released: any scheduler may take it at once (even within the same second of a test clock) */ \
	X(Q_LEASE_RELEASE, "ss", "UPDATE cron_leases SET until = '2000-01-01 00:00:00' WHERE name = ? AND holder = ?")

SQL_DECLARE(CORE_SQL)
extern struct sql *const core_sql[];

#endif
