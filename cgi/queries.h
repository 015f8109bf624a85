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
	"(SELECT name FROM departments WHERE id = c.dept_id), in_pool, protected_until, last_progress_on " \
	"FROM clients c "

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
	"(SELECT name FROM departments WHERE id = c.dept_id), c.phone, c.name_norm, c.in_pool FROM clients c "

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
	X(Q_LOGIN_ATTEMPT, "INSERT INTO login_attempts (username, addr, at, outcome) VALUES (?, ?, ?, ?)") \
	X(Q_LOGIN_FAILURES_ADDR_USER, "SELECT at FROM login_attempts WHERE addr = ? AND username = ? " \
		"AND outcome = 'fail' AND at >= ? ORDER BY at DESC LIMIT 1000") \
	X(Q_LOGIN_FAILURES_ADDR_COUNT, "SELECT COUNT(*) FROM (SELECT 1 FROM login_attempts WHERE addr = ? " \
		"AND outcome = 'fail' AND at >= ? LIMIT ?) f") \
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
		"AND (? = '' OR a.actor_name = ?) ORDER BY a.id DESC LIMIT ?") \
	/* ---- approvals (approvals.c, approvals_clients.c, requests.c) ---- */ \
	X(Q_ROUTES_OF, "SELECT step_no, role, over_subject_dept, need_all, scope, secrecy FROM approval_routes " \
		"WHERE req_type = ? AND (scope IS NULL OR scope = ?) AND (secrecy IS NULL OR secrecy = ?) " \
		"ORDER BY scope IS NULL, secrecy IS NULL, step_no") \
	X(Q_ROUTES_ALL, "SELECT id, req_type, scope, secrecy, step_no, role, over_subject_dept, need_all, version " \
		"FROM approval_routes ORDER BY req_type, scope, secrecy, step_no") \
	X(Q_ROUTE_GET, "SELECT id, req_type, scope, secrecy, step_no, role, over_subject_dept, need_all, version " \
		"FROM approval_routes WHERE id = ?") \
	X(Q_ROUTE_INSERT, "INSERT INTO approval_routes (req_type, scope, secrecy, step_no, role, over_subject_dept, " \
		"need_all) VALUES (?, ?, ?, ?, ?, ?, ?)") \
	X(Q_ROUTE_UPDATE, "UPDATE approval_routes SET step_no = ?, role = ?, over_subject_dept = ?, need_all = ?, " \
		"version = version + 1 WHERE id = ? AND version = ?") \
	X(Q_ROUTE_DELETE, "DELETE FROM approval_routes WHERE id = ? AND version = ?") \
	X(Q_ROLE_HOLDERS, "SELECT u.id, u.dept_id FROM user_roles ur JOIN users u ON u.id = ur.user_id " \
		"WHERE ur.role = ? AND u.disabled = 0 ORDER BY u.id") \
	X(Q_REQUEST_INSERT, "INSERT INTO requests (req_type, client_id, requester_id, reason, field, old_value, " \
		"new_value, payload, status, cur_step, created_at, expires_at) " \
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 1, ?, ?)") \
	X(Q_STEP_INSERT, "INSERT INTO request_steps (request_id, step_no, role, dept_id, need_all, state) " \
		"VALUES (?, ?, ?, ?, ?, ?)") \
	X(Q_APPROVER_INSERT, "INSERT IGNORE INTO request_approvers (request_id, step_no, user_id, open) VALUES (?, ?, ?, 1)") \
	X(Q_REQUEST_LOCK, "SELECT id, req_type, client_id, requester_id, reason, field, old_value, new_value, " \
		"payload, status, cur_step, created_at FROM requests WHERE id = ? FOR UPDATE") \
	X(Q_REQUEST_GET, "SELECT r.id, r.req_type, r.client_id, r.requester_id, r.reason, r.field, r.old_value, " \
		"r.new_value, r.payload, r.status, r.cur_step, r.created_at, r.decided_at, r.expires_at, " \
		"u.display_name, (SELECT name FROM departments WHERE id = u.dept_id), c.name, c.deleted_at " \
		"FROM requests r JOIN users u ON u.id = r.requester_id LEFT JOIN clients c ON c.id = r.client_id " \
		"WHERE r.id = ?") \
	X(Q_STEPS_OF, "SELECT step_no, role, dept_id, need_all, state, " \
		"(SELECT name FROM departments WHERE id = s.dept_id) FROM request_steps s " \
		"WHERE request_id = ? ORDER BY step_no") \
	X(Q_STEP_SET, "UPDATE request_steps SET state = ? WHERE request_id = ? AND step_no = ?") \
	X(Q_STEP_ESCALATE, "UPDATE request_steps SET role = ?, dept_id = 0 WHERE request_id = ? AND step_no = ?") \
	X(Q_STEP_CLOSE_OPEN, "UPDATE request_steps SET state = 'closed' WHERE request_id = ? " \
		"AND state IN ('open', 'waiting')") \
	X(Q_APPROVERS_CLOSE_STEP, "UPDATE request_approvers SET open = 0 WHERE request_id = ? AND step_no = ? AND open = 1") \
	X(Q_APPROVER_OPEN, "SELECT user_id FROM request_approvers WHERE request_id = ? AND step_no = ? " \
		"AND user_id = ? AND open = 1") \
	X(Q_APPROVERS_OF, "SELECT a.step_no, a.user_id, u.display_name, a.open FROM request_approvers a " \
		"JOIN users u ON u.id = a.user_id WHERE a.request_id = ? ORDER BY a.step_no, u.display_name") \
	X(Q_APPROVER_CLOSE, "UPDATE request_approvers SET open = 0 WHERE request_id = ? AND step_no = ? AND user_id = ?") \
	X(Q_APPROVERS_CLOSE_ALL, "UPDATE request_approvers SET open = 0 WHERE request_id = ? AND open = 1") \
	X(Q_APPROVERS_LEFT, "SELECT COUNT(*) FROM request_approvers WHERE request_id = ? AND step_no = ? AND open = 1") \
	X(Q_DECISION_INSERT, "INSERT INTO request_decisions (request_id, step_no, decider_id, on_behalf_of, " \
		"decision, comment, at) VALUES (?, ?, ?, ?, ?, ?, ?)") \
	X(Q_DECISIONS_OF, "SELECT d.step_no, d.decision, d.comment, d.at, " \
		"(SELECT display_name FROM users WHERE id = d.decider_id), " \
		"(SELECT display_name FROM users WHERE id = d.on_behalf_of), d.decider_id " \
		"FROM request_decisions d WHERE d.request_id = ? ORDER BY d.id") \
	X(Q_REQUEST_FINISH, "UPDATE requests SET status = ?, decided_at = ? WHERE id = ? AND status = 'pending'") \
	X(Q_REQUEST_NEXT_STEP, "UPDATE requests SET cur_step = ? WHERE id = ? AND status = 'pending'") \
	X(Q_REQUEST_PENDING_SAME, "SELECT id FROM requests WHERE client_id = ? AND requester_id = ? " \
		"AND req_type = ? AND COALESCE(field, '') = ? AND status = 'pending' ORDER BY id DESC LIMIT 1") \
	X(Q_INBOX, "SELECT r.id, r.req_type, r.client_id, c.name, u.display_name, r.reason, r.field, " \
		"r.old_value, r.new_value, r.created_at, a.user_id FROM request_approvers a " \
		"JOIN requests r ON r.id = a.request_id AND r.cur_step = a.step_no AND r.status = 'pending' " \
		"JOIN users u ON u.id = r.requester_id LEFT JOIN clients c ON c.id = r.client_id " \
		"WHERE a.user_id IN (?, ?, ?, ?, ?) AND a.open = 1 AND a.request_id < ? " \
		"AND (? = '' OR r.req_type = ?) ORDER BY a.request_id DESC LIMIT ?") \
	X(Q_INBOX_COUNT, "SELECT COUNT(DISTINCT request_id) FROM (SELECT request_id FROM request_approvers " \
		"WHERE user_id IN (?, ?, ?, ?, ?) AND open = 1 LIMIT 200) a") \
	X(Q_MY_REQUESTS, "SELECT r.id, r.req_type, r.client_id, c.name, r.reason, r.field, r.old_value, " \
		"r.new_value, r.status, r.created_at, r.decided_at FROM requests r " \
		"LEFT JOIN clients c ON c.id = r.client_id WHERE r.requester_id = ? AND r.id < ? " \
		"ORDER BY r.id DESC LIMIT ?") \
	X(Q_REQUESTS_DUE, "SELECT id FROM requests WHERE status = 'pending' AND expires_at <= ? " \
		"ORDER BY expires_at LIMIT 500") \
	X(Q_DELEGATORS_NOW, "SELECT from_user FROM delegations WHERE to_user = ? AND starts_at <= ? " \
		"AND ends_at > ? AND revoked_at IS NULL ORDER BY id LIMIT 4") \
	X(Q_DELEGATION_INSERT, "INSERT INTO delegations (from_user, to_user, starts_at, ends_at, note, created_at) " \
		"VALUES (?, ?, ?, ?, ?, ?)") \
	X(Q_DELEGATIONS_OF, "SELECT d.id, d.from_user, f.display_name, d.to_user, t.display_name, d.starts_at, " \
		"d.ends_at, d.note, d.revoked_at FROM delegations d JOIN users f ON f.id = d.from_user " \
		"JOIN users t ON t.id = d.to_user WHERE (d.from_user = ? OR d.to_user = ?) " \
		"ORDER BY d.id DESC LIMIT 50") \
	X(Q_DELEGATION_REVOKE, "UPDATE delegations SET revoked_at = ? WHERE id = ? AND from_user = ? " \
		"AND revoked_at IS NULL") \
	X(Q_USER_BY_USERNAME, "SELECT id, display_name, disabled FROM users WHERE username = ?") \
	X(Q_HANDOVER_HISTORY, "INSERT INTO client_history (client_id, person_id, field, old_value, new_value, " \
		"actor_id, at, reason) SELECT id, NULL, 'owner_id', ?, ?, ?, ?, ? FROM clients " \
		"WHERE owner_id = ? AND deleted_at IS NULL") \
	X(Q_HANDOVER_CLIENTS, "UPDATE clients SET owner_id = ?, dept_id = ?, updated_at = ?, version = version + 1 " \
		"WHERE owner_id = ? AND deleted_at IS NULL") \
	X(Q_HANDOVER_REQUESTS, "UPDATE requests SET requester_id = ? WHERE requester_id = ? AND status = 'pending'") \
	X(Q_HANDOVER_APPROVALS_ADD, "INSERT IGNORE INTO request_approvers (request_id, step_no, user_id, open) " \
		"SELECT a.request_id, a.step_no, ?, 1 FROM request_approvers a JOIN requests r ON r.id = a.request_id " \
		"WHERE a.user_id = ? AND a.open = 1 AND r.requester_id <> ?") \
	X(Q_HANDOVER_APPROVALS_CLOSE, "UPDATE request_approvers SET open = 0 WHERE user_id = ? AND open = 1") \
	/* ---- effects of approved requests on clients ---- */ \
	X(Q_GRANT_INSERT, "INSERT INTO client_grants (client_id, user_id, expires_at, granted_by) VALUES (?, ?, ?, ?)") \
	X(Q_CLIENT_LOCK, "SELECT id, grade_id, scope, owner_id, lifecycle, blacklist, dept_id, deleted_at, name, " \
		"in_pool FROM clients WHERE id = ? FOR UPDATE") \
	X(Q_CLIENT_SET_GRADE, "UPDATE clients SET grade_id = ?, updated_at = ?, version = version + 1 WHERE id = ?") \
	X(Q_CLIENT_SET_SCOPE, "UPDATE clients SET scope = ?, updated_at = ?, version = version + 1 WHERE id = ?") \
	X(Q_CLIENT_SET_OWNER, "UPDATE clients SET owner_id = ?, dept_id = ?, updated_at = ?, version = version + 1 " \
		"WHERE id = ?") \
	X(Q_CLIENT_SET_LIFECYCLE, "UPDATE clients SET lifecycle = ?, updated_at = ?, version = version + 1 WHERE id = ?") \
	X(Q_CLIENT_SET_BLACKLIST, "UPDATE clients SET blacklist = ?, blacklist_reason = ?, updated_at = ?, " \
		"version = version + 1 WHERE id = ?") \
	X(Q_CLIENT_RESTORE, "UPDATE clients SET deleted_at = NULL, updated_at = ?, version = version + 1 " \
		"WHERE id = ? AND deleted_at IS NOT NULL AND deleted_at > ?") \
	X(Q_CLIENT_GET_DELETED, CARD_SELECT "WHERE id = ? AND deleted_at IS NOT NULL") \
	X(Q_CLIENTS_DELETED, "SELECT c.id, c.name, c.deleted_at, c.dept_id, (SELECT name FROM departments " \
		"WHERE id = c.dept_id), (SELECT display_name FROM users WHERE id = c.owner_id) FROM clients c " \
		"WHERE c.deleted_at > ? AND c.import_id IS NULL ORDER BY c.deleted_at DESC LIMIT 500") \
	/* ---- the scheduled job (cron.c) ---- */ \
	X(Q_LOCK_GET, "SELECT GET_LOCK(?, 0)") \
	X(Q_LOCK_RELEASE, "SELECT RELEASE_LOCK(?)") \
	X(Q_CLIENTS_PURGE_DUE, "SELECT id FROM clients WHERE deleted_at IS NOT NULL AND deleted_at <= ? " \
		"ORDER BY deleted_at LIMIT 500") \
	X(Q_CLIENT_PURGE_LOCK, "SELECT id, name, deleted_at FROM clients WHERE id = ? AND deleted_at IS NOT NULL " \
		"AND deleted_at <= ? FOR UPDATE") \
	X(Q_CLIENT_DELETE_REQUEST, "SELECT r.id, (SELECT display_name FROM users WHERE id = r.requester_id), " \
		"(SELECT GROUP_CONCAT(u.display_name) FROM request_decisions d JOIN users u ON u.id = d.decider_id " \
		"WHERE d.request_id = r.id AND d.decision = 'approved'), r.decided_at FROM requests r " \
		"WHERE r.client_id = ? AND r.req_type = 'delete' AND r.status = 'approved' ORDER BY r.id DESC LIMIT 1") \
	X(Q_PURGE_GRAMS, "DELETE FROM client_grams WHERE client_id = ?") \
	X(Q_PURGE_LINES, "DELETE FROM client_product_lines WHERE client_id = ?") \
	X(Q_PURGE_PERSONS, "DELETE FROM client_persons WHERE client_id = ?") \
	X(Q_PURGE_GRANTS, "DELETE FROM client_grants WHERE client_id = ?") \
	X(Q_PURGE_CLIENT, "DELETE FROM clients WHERE id = ?") \
	/* ---- prospects (prospects.c) ---- */ \
	X(Q_CLIENT_PROTECT, "UPDATE clients SET protected_until = ?, last_progress_on = ? WHERE id = ?") \
	X(Q_PROSPECTS_HELD, "SELECT COUNT(*) FROM clients WHERE owner_id = ? AND lifecycle = 'prospect' " \
		"AND in_pool = 0 AND protected_until >= ? AND deleted_at IS NULL") \
	X(Q_CLIENT_PROGRESS, "UPDATE clients SET last_progress_on = ?, updated_at = ?, version = version + 1 " \
		"WHERE id = ? AND deleted_at IS NULL") \
	X(Q_CLIENT_TAKE_OVER, "UPDATE clients SET owner_id = ?, dept_id = ?, in_pool = 0, pool_since = NULL, " \
		"protected_until = ?, last_progress_on = ?, updated_at = ?, version = version + 1 WHERE id = ?") \
	X(Q_PROSPECTS_DROPPING, "SELECT id FROM clients WHERE in_pool = 0 AND lifecycle = 'prospect' " \
		"AND deleted_at IS NULL AND (protected_until < ? OR last_progress_on < ?) LIMIT 500") \
	X(Q_CLIENT_TO_POOL, "UPDATE clients SET in_pool = 1, pool_since = ?, version = version + 1 WHERE id = ? " \
		"AND in_pool = 0 AND lifecycle = 'prospect' AND (protected_until < ? OR last_progress_on < ?)") \
	X(Q_POOL_OF_DEPT, "SELECT c.id, c.name, c.pool_since, (SELECT display_name FROM users WHERE id = c.owner_id), " \
		"c.registered_at FROM clients c WHERE c.dept_id = ? AND c.in_pool = 1 AND c.deleted_at IS NULL " \
		"AND c.id < ? ORDER BY c.id DESC LIMIT ?") \
	X(Q_PROSPECTS_WARN, "SELECT c.id, c.name, c.protected_until, c.last_progress_on FROM clients c " \
		"WHERE c.owner_id = ? AND c.lifecycle = 'prospect' AND c.in_pool = 0 AND c.deleted_at IS NULL " \
		"AND (c.protected_until <= ? OR c.last_progress_on <= ?) ORDER BY c.protected_until LIMIT 20") \
	/* ---- grade reviews (reviews.c) ---- */ \
	X(Q_REVIEWS_OPEN_DUE, "INSERT IGNORE INTO review_cycles (dept_id, period, opened_at) " \
		"SELECT DISTINCT u.dept_id, ?, ? FROM user_roles ur JOIN users u ON u.id = ur.user_id " \
		"WHERE ur.role = 'dept_manager' AND u.disabled = 0") \
	X(Q_REVIEWS_ALL, "SELECT c.id, c.dept_id, d.name, c.period, c.opened_at, c.status, c.request_id, r.status " \
		"FROM review_cycles c JOIN departments d ON d.id = c.dept_id LEFT JOIN requests r ON r.id = c.request_id " \
		"ORDER BY c.id DESC LIMIT 200") \
	X(Q_REVIEW_GET, "SELECT c.id, c.dept_id, d.name, c.period, c.opened_at, c.status, c.request_id, r.status " \
		"FROM review_cycles c JOIN departments d ON d.id = c.dept_id LEFT JOIN requests r ON r.id = c.request_id " \
		"WHERE c.id = ?") \
	X(Q_REVIEW_LOCK, "SELECT id, dept_id, status FROM review_cycles WHERE id = ? FOR UPDATE") \
	X(Q_REVIEW_CLIENTS, "SELECT c.id, c.name, c.grade_id, l.new_grade_id, c.lifecycle FROM clients c " \
		"LEFT JOIN review_lines l ON l.cycle_id = ? AND l.client_id = c.id " \
		"WHERE c.dept_id = ? AND c.deleted_at IS NULL AND c.id > ? ORDER BY c.id LIMIT ?") \
	X(Q_REVIEW_CLIENT, "SELECT id, grade_id FROM clients WHERE id = ? AND dept_id = ? AND deleted_at IS NULL") \
	X(Q_REVIEW_LINE_SET, "INSERT INTO review_lines (cycle_id, client_id, old_grade_id, new_grade_id) " \
		"VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE old_grade_id = VALUES(old_grade_id), " \
		"new_grade_id = VALUES(new_grade_id)") \
	X(Q_REVIEW_LINE_DELETE, "DELETE FROM review_lines WHERE cycle_id = ? AND client_id = ?") \
	X(Q_REVIEW_LINES, "SELECT l.client_id, l.old_grade_id, l.new_grade_id, c.grade_id, c.deleted_at " \
		"FROM review_lines l LEFT JOIN clients c ON c.id = l.client_id WHERE l.cycle_id = ? ORDER BY l.client_id") \
	X(Q_DEPT_GRADES, "SELECT grade_id, COUNT(*) FROM clients WHERE dept_id = ? AND deleted_at IS NULL " \
		"GROUP BY grade_id") \
	X(Q_REVIEW_SUBMITTED, "UPDATE review_cycles SET request_id = ? WHERE id = ?") \
	X(Q_REVIEW_APPROVED, "UPDATE review_cycles SET status = 'approved' WHERE id = ? AND status = 'open'") \
	X(Q_DEPT_GRADE_COUNT, "SELECT COUNT(*), COALESCE(SUM(grade_id = ?), 0) FROM clients " \
		"WHERE dept_id = ? AND deleted_at IS NULL")

enum query {
#define X(name, sql) name,
	QUERIES(X)
#undef X
	Q__COUNT
};

extern const char *const query_sql[Q__COUNT];
extern const char *const query_name[Q__COUNT];

#endif
