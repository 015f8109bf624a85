/* queries.h — every SQL statement of the application, in one place.
 * Each is prepared when a connection is made (a mismatch shows at start-up)
 * and again after every reconnect. Parameters are always `?`. Times are
 * passed in from clock_now(): no statement reads the server's NOW(). */
#ifndef DOSSIER_QUERIES_H
#define DOSSIER_QUERIES_H
#include "client_fields.h"

#define USER_COLS \
	"u.id, u.username, u.display_name, u.email, u.dept_id, d.name, u.lang, " \
	"u.disabled, u.must_change_password, " \
	"(SELECT GROUP_CONCAT(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), u.version "

/* A card: id, the fields of client_fields.h in order, then the bookkeeping
 * columns below (CARD_* indexes in clients.h follow this order). */
#define CARD_SELECT "SELECT id, " CLIENT_COLS \
	"blacklist, blacklist_reason, owner_id, dept_id, scope, registered_at, updated_at, " \
	"last_visit_on, next_visit_due, version, deleted_at, " \
	"(SELECT display_name FROM users WHERE id = c.owner_id), " \
	"(SELECT name FROM departments WHERE id = c.dept_id) FROM clients c "

/* List filters, parameters: owner, dept, grade, nature, lifecycle, region,
 * blacklist, tag (each '' or 0 = any), overdue flag, today. */
#define CARD_FILTERS \
	"AND (? = 0 OR c.owner_id = ?) AND (? = 0 OR c.dept_id = ?) AND (? = 0 OR c.grade_id = ?) " \
	"AND (? = 0 OR c.nature_id = ?) AND (? = '' OR c.lifecycle = ?) AND (? = 0 OR c.region_id = ?) " \
	"AND (? = '' OR c.blacklist = ?) AND (? = '' OR FIND_IN_SET(?, c.tags) > 0) " \
	"AND (? = 0 OR c.next_visit_due < ?) "

#define LIST_COLS "SELECT c.id, c.name, c.short_name, c.card_type, c.grade_id, c.nature_id, c.lifecycle, " \
	"c.region_id, c.blacklist, c.scope, c.next_visit_due, c.registered_at, c.owner_id, " \
	"(SELECT display_name FROM users WHERE id = c.owner_id), c.dept_id, " \
	"(SELECT name FROM departments WHERE id = c.dept_id), c.phone, c.name_norm FROM clients c "

/* The client list. Users who see everything read the table in the list's
 * order; everyone else gets the union of the branches of DESIGN.md §5, each
 * read through its own index in the list's order and cut at the page size:
 *   1 own cards            owner_id = ?
 *   2 department cards     dept_id = ? AND scope = 'department'
 *   3/4 managed subtree    scope personal/department AND dept_id IN (the subtree)
 *   5 view grants          user_id = ? AND expires_at > ?
 * Each branch takes its own parameters, then the filters (CARD_FILTERS), then
 * the keyset parameters and the limit; the outer query takes the limit. */
#define SUBTREE "(WITH RECURSIVE sub AS (SELECT id FROM departments WHERE id = ? UNION ALL " \
	"SELECT d.id FROM departments d JOIN sub ON d.parent_id = sub.id) SELECT id FROM sub)"
#define BRANCH(cond, key, keyset, order) "(SELECT c.id" key " FROM clients c WHERE c.deleted_at IS NULL AND " \
	cond " " CARD_FILTERS "AND " keyset " ORDER BY " order " LIMIT ?)"
/* A manager's departments as 24 parameters (padded by repeating one), so the
 * optimiser reads one department's rows in index order; larger subtrees use
 * the recursive form (SUBTREE, one parameter: the root). */
#define DEPT_SLOTS 24
#define DEPTS24 "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define BRANCHES_WITH(depts, key, keyset, order) \
	BRANCH("c.owner_id = ?", key, keyset, order) " UNION " \
	BRANCH("c.dept_id = ? AND c.scope = 'department'", key, keyset, order) " UNION " \
	BRANCH("c.scope = 'personal' AND c.dept_id IN " depts, key, keyset, order) " UNION " \
	BRANCH("c.scope = 'department' AND c.dept_id IN " depts, key, keyset, order) " UNION " \
	BRANCH("c.id IN (SELECT g.client_id FROM client_grants g WHERE g.user_id = ? AND g.expires_at > ?)", \
	       key, keyset, order)
#define KEYSET_NEW "c.id < ?"
#define KEYSET_NAME "(c.name_norm > ? OR (c.name_norm = ? AND c.id > ?))"
#define KEYSET_DUE "c.next_visit_due IS NOT NULL AND (c.next_visit_due > ? OR (c.next_visit_due = ? AND c.id > ?))"
#define ORDER_NEW "c.id DESC"
#define ORDER_NAME "c.name_norm, c.id"
#define ORDER_DUE "c.next_visit_due, c.id"

#define IDS10 "?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
#define IDS100 IDS10 ", " IDS10 ", " IDS10 ", " IDS10 ", " IDS10 ", " IDS10 ", " IDS10 ", " IDS10 ", " IDS10 ", " IDS10

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
	/* ---- classification ---- */ \
	X(Q_CLASS_ALL, "SELECT id, kind, parent_id, code, name_zh, name_en, disabled FROM class_items " \
		"ORDER BY kind, sort, id") \
	X(Q_GRADES_ALL, "SELECT id, code, name_zh, name_en, quota_pct, visit_days FROM grades ORDER BY sort, id") \
	X(Q_DEPT_PARENTS, "SELECT id, parent_id FROM departments") \
	X(Q_CLASS_OF_KIND, "SELECT c.id, c.parent_id, c.code, c.name_zh, c.name_en, c.sort, c.disabled, " \
		"(SELECT p.name_zh FROM class_items p WHERE p.id = c.parent_id), c.version FROM class_items c " \
		"WHERE c.kind = ? ORDER BY COALESCE(c.parent_id, c.id), c.parent_id IS NOT NULL, c.sort, c.id") \
	X(Q_CLASS_GET, "SELECT id, kind, parent_id, code, name_zh, name_en, sort, disabled, version FROM class_items WHERE id = ?") \
	X(Q_CLASS_INSERT, "INSERT INTO class_items (kind, parent_id, code, name_zh, name_en, sort, disabled) " \
		"VALUES (?, ?, ?, ?, ?, ?, 0)") \
	X(Q_CLASS_UPDATE, "UPDATE class_items SET parent_id = ?, code = ?, name_zh = ?, name_en = ?, sort = ?, " \
		"disabled = ?, version = version + 1 WHERE id = ? AND version = ?") \
	X(Q_GRADE_GET, "SELECT id, code, name_zh, name_en, quota_pct, visit_days, version FROM grades WHERE id = ?") \
	X(Q_GRADE_UPDATE, "UPDATE grades SET name_zh = ?, name_en = ?, quota_pct = ?, visit_days = ?, " \
		"version = version + 1 WHERE id = ? AND version = ?") \
	X(Q_GRADES_LIST, "SELECT id, code, name_zh, name_en, quota_pct, visit_days, version FROM grades ORDER BY sort, id") \
	/* ---- clients ---- */ \
	X(Q_CLIENT_GET, CARD_SELECT "WHERE id = ?") \
	X(Q_CLIENT_EXPORT, CARD_SELECT "WHERE id IN (" IDS100 ") ORDER BY FIELD(id, " IDS100 ")") \
	X(Q_CLIENT_INSERT, "INSERT INTO clients (" CLIENT_COLS "name_norm, phone_digits, owner_id, dept_id, " \
		"scope, registered_at, registered_by, updated_at, version) VALUES (" CLIENT_FIELDS(X_Q) \
		"?, ?, ?, ?, ?, ?, ?, ?, 1)") \
	X(Q_CLIENT_UPDATE, "UPDATE clients SET " CLIENT_FIELDS(X_SET) "name_norm = ?, phone_digits = ?, " \
		"updated_at = ?, version = version + 1 WHERE id = ? AND version = ? AND deleted_at IS NULL") \
	X(Q_CLIENT_DUPES, "SELECT c.id, c.name, (SELECT display_name FROM users WHERE id = c.owner_id), " \
		"c.registered_at, c.blacklist, c.credit_code, c.phone_digits, c.name_norm FROM clients c " \
		"WHERE c.deleted_at IS NULL AND c.id <> ? AND (c.name_norm = ? OR (? <> '' AND c.phone_digits = ?) " \
		"OR c.credit_code = ?) ORDER BY c.registered_at, c.id LIMIT 10") \
	X(Q_CLIENT_EXISTS, "SELECT id, name FROM clients WHERE id = ? AND deleted_at IS NULL") \
	X(Q_CLIENT_ALL_NEW, LIST_COLS "WHERE c.deleted_at IS NULL " CARD_FILTERS "AND " KEYSET_NEW \
		" ORDER BY " ORDER_NEW " LIMIT ?") \
	X(Q_CLIENT_ALL_NAME, LIST_COLS "WHERE c.deleted_at IS NULL " CARD_FILTERS "AND " KEYSET_NAME \
		" ORDER BY " ORDER_NAME " LIMIT ?") \
	X(Q_CLIENT_ALL_DUE, LIST_COLS "WHERE c.deleted_at IS NULL " CARD_FILTERS "AND " KEYSET_DUE \
		" ORDER BY " ORDER_DUE " LIMIT ?") \
	X(Q_CLIENT_MINE_NEW, LIST_COLS "JOIN (" BRANCHES_WITH(DEPTS24, "", KEYSET_NEW, ORDER_NEW) ") v " \
		"ON v.id = c.id ORDER BY " ORDER_NEW " LIMIT ?") \
	X(Q_CLIENT_MINE_NAME, LIST_COLS "JOIN (" BRANCHES_WITH(DEPTS24, ", c.name_norm", KEYSET_NAME, ORDER_NAME) \
		") v ON v.id = c.id ORDER BY " ORDER_NAME " LIMIT ?") \
	X(Q_CLIENT_MINE_DUE, LIST_COLS "JOIN (" BRANCHES_WITH(DEPTS24, ", c.next_visit_due", KEYSET_DUE, ORDER_DUE) \
		") v ON v.id = c.id ORDER BY " ORDER_DUE " LIMIT ?") \
	X(Q_CLIENT_TREE_NEW, LIST_COLS "JOIN (" BRANCHES_WITH(SUBTREE, "", KEYSET_NEW, ORDER_NEW) ") v " \
		"ON v.id = c.id ORDER BY " ORDER_NEW " LIMIT ?") \
	X(Q_CLIENT_TREE_NAME, LIST_COLS "JOIN (" BRANCHES_WITH(SUBTREE, ", c.name_norm", KEYSET_NAME, ORDER_NAME) \
		") v ON v.id = c.id ORDER BY " ORDER_NAME " LIMIT ?") \
	X(Q_CLIENT_TREE_DUE, LIST_COLS "JOIN (" BRANCHES_WITH(SUBTREE, ", c.next_visit_due", KEYSET_DUE, ORDER_DUE) \
		") v ON v.id = c.id ORDER BY " ORDER_DUE " LIMIT ?") \
	X(Q_CLIENT_GRAM_COUNT, "SELECT COUNT(*) FROM (SELECT 1 FROM client_grams WHERE gram = ? LIMIT 20000) x") \
	X(Q_CLIENT_SEARCH_GRAM, LIST_COLS "JOIN client_grams g ON g.client_id = c.id " \
		"WHERE g.gram = ? AND g.client_id < ? AND c.deleted_at IS NULL AND (c.name_norm LIKE ? " \
		"OR c.short_name LIKE ? OR EXISTS (SELECT 1 FROM client_persons p WHERE p.client_id = c.id " \
		"AND p.removed = 0 AND p.name LIKE ?)) ORDER BY g.client_id DESC LIMIT ?") \
	X(Q_CLIENT_SEARCH_CODE, LIST_COLS "WHERE c.credit_code = ? AND c.deleted_at IS NULL") \
	X(Q_CLIENT_SEARCH_PHONE, LIST_COLS "WHERE c.phone_digits = ? AND c.deleted_at IS NULL " \
		"AND c.id < ? ORDER BY c.id DESC LIMIT ?") \
	X(Q_CLIENT_BLACKLIST, "SELECT c.id, c.name, c.blacklist, c.blacklist_reason, c.dept_id, " \
		"(SELECT name FROM departments WHERE id = c.dept_id), c.updated_at FROM clients c " \
		"WHERE c.blacklist = ? AND c.deleted_at IS NULL AND (? = 0 OR c.dept_id = ?) AND c.id < ? " \
		"ORDER BY c.id DESC LIMIT ?") \
	/* ---- imports ---- */ \
	X(Q_IMPORT_INSERT, "INSERT INTO imports (user_id, at, status, filename, encoding, rows_total, rows_added, " \
		"rows_rejected, content) VALUES (?, ?, 'preview', ?, ?, ?, 0, 0, ?)") \
	X(Q_IMPORT_GET, "SELECT id, user_id, at, status, filename, encoding, rows_total, rows_added, rows_rejected, " \
		"content, committed_at, undone_at FROM imports WHERE id = ?") \
	X(Q_IMPORT_MINE, "SELECT id, at, status, filename, encoding, rows_total, rows_added, rows_rejected, " \
		"committed_at, undone_at FROM imports WHERE user_id = ? ORDER BY id DESC LIMIT 20") \
	X(Q_IMPORT_CLAIM, "UPDATE imports SET status = 'done', committed_at = ? WHERE id = ? AND status = 'preview'") \
	X(Q_IMPORT_FINISH, "UPDATE imports SET rows_added = ?, rows_rejected = ?, rejected_csv = ?, content = NULL " \
		"WHERE id = ?") \
	X(Q_IMPORT_UNDO, "UPDATE imports SET status = 'undone', undone_at = ?, undone_by = ? WHERE id = ? AND status = 'done'") \
	X(Q_IMPORT_CLIENTS, "SELECT id, name FROM clients WHERE import_id = ? AND deleted_at IS NULL") \
	X(Q_CLIENT_HIDE, "UPDATE clients SET deleted_at = ?, version = version + 1 WHERE id = ? AND deleted_at IS NULL") \
	X(Q_CLIENT_SET_IMPORT, "UPDATE clients SET import_id = ? WHERE id = ?") \
	X(Q_IMPORT_REJECTED, "SELECT rejected_csv, filename FROM imports WHERE id = ? AND user_id = ?") \
	X(Q_GRANT_ACTIVE, "SELECT 1 FROM client_grants WHERE user_id = ? AND client_id = ? AND expires_at > ? LIMIT 1") \
	X(Q_VIEW_INSERT, "INSERT INTO client_views (client_id, user_id, at, via, page) VALUES (?, ?, ?, ?, ?)") \
	X(Q_GRAMS_DELETE, "DELETE FROM client_grams WHERE client_id = ?") \
	X(Q_GRAM_INSERT, "INSERT IGNORE INTO client_grams (gram, client_id) VALUES (?, ?)") \
	X(Q_PRODUCT_LINES_OF, "SELECT item_id FROM client_product_lines WHERE client_id = ? ORDER BY item_id") \
	X(Q_PRODUCT_LINE_DELETE, "DELETE FROM client_product_lines WHERE client_id = ? AND item_id = ?") \
	X(Q_PRODUCT_LINE_ADD, "INSERT IGNORE INTO client_product_lines (client_id, item_id) VALUES (?, ?)") \
	X(Q_HISTORY_INSERT, "INSERT INTO client_history (client_id, person_id, field, old_value, new_value, " \
		"actor_id, at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)") \
	X(Q_HISTORY_OF, "SELECT h.id, h.at, h.field, h.old_value, h.new_value, h.reason, " \
		"(SELECT display_name FROM users WHERE id = h.actor_id), h.person_id FROM client_history h " \
		"WHERE h.client_id = ? AND h.id < ? ORDER BY h.id DESC LIMIT ?") \
	/* ---- key persons ---- */ \
	X(Q_PERSONS_OF, "SELECT id, name, title, phone, mobile, email, purchase_role, personal_notes " \
		"FROM client_persons WHERE client_id = ? AND removed = 0 ORDER BY id") \
	X(Q_PERSON_GET, "SELECT id, name, title, phone, mobile, email, purchase_role, personal_notes, client_id " \
		"FROM client_persons WHERE id = ? AND client_id = ? AND removed = 0") \
	X(Q_PERSON_INSERT, "INSERT INTO client_persons (client_id, name, title, phone, mobile, email, " \
		"purchase_role, personal_notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)") \
	X(Q_PERSON_UPDATE, "UPDATE client_persons SET name = ?, title = ?, phone = ?, mobile = ?, email = ?, " \
		"purchase_role = ?, personal_notes = ? WHERE id = ? AND client_id = ?") \
	X(Q_PERSON_REMOVE, "UPDATE client_persons SET removed = 1 WHERE id = ? AND client_id = ?") \
	X(Q_CLIENT_TOUCH, "UPDATE clients SET updated_at = ?, version = version + 1 WHERE id = ? AND version = ?") \
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
