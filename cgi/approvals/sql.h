/* sql.h — the statements of the approvals domain (see core/sql.h). */
#ifndef DOSSIER_APPROVALS_SQL_H
#define DOSSIER_APPROVALS_SQL_H
#include "core/domain.h"
#include "core/sql.h"


/* Result columns, beside their statements below. */
enum route_col { RT_STEP, RT_ROLE, RT_OVER_DEPT, RT_NEED_ALL, RT_SCOPE, RT_SECRECY };       /* Q_ROUTES_OF */
enum step_col { ST_NO, ST_ROLE, ST_DEPT_ID, ST_NEED_ALL, ST_STATE, ST_DEPT };              /* Q_STEPS_OF */
enum holder_col { HD_USER, HD_DEPT };                                                      /* Q_ROLE_HOLDERS */
enum delegation_col { DL_ID, DL_FROM, DL_FROM_NAME, DL_TO, DL_TO_NAME, DL_STARTS, DL_ENDS, DL_NOTE,
		      DL_REVOKED };                                       /* Q_DELEGATIONS_OF */
enum inbox_col { IB_ID, IB_TYPE, IB_CLIENT_ID, IB_CLIENT, IB_REQUESTER, IB_REASON, IB_FIELD, IB_OLD, IB_NEW,
		 IB_CREATED, IB_USER, IB_STEP };                                            /* Q_INBOX */
enum approver_col { AP_STEP, AP_USER, AP_NAME, AP_OPEN };               /* Q_APPROVERS_OF */
enum decision_col { DC_STEP, DC_DECISION, DC_COMMENT, DC_AT, DC_BY, DC_BEHALF, DC_DECIDER };  /* Q_DECISIONS_OF */
enum route_row_col { RO_ID, RO_TYPE, RO_SCOPE, RO_SECRECY, RO_STEP, RO_ROLE, RO_OVER, RO_NEED_ALL, RO_VERSION }; /* Q_ROUTE_GET */
/* Read with the user's state (struct session_field, joined; the ? is the
 * start of the day; the triggers of sql/073 bump the state with each change
 * of these rows): the delegations the signed-in user holds that have not
 * ended by then, oldest first, as "from/starts_at/ends_at" (standing()
 * keeps those active now), and the user's own open approvals (each request
 * once). Those the delegators' add are read only when there are delegators
 * (Q_DELEGATED_WAITING). */
#define SC_DELEGATORS "GROUP_CONCAT(DISTINCT CONCAT(sd.from_user, '/', sd.starts_at, '/', sd.ends_at) " \
	"ORDER BY sd.id SEPARATOR ',')", \
	"LEFT JOIN delegations sd ON sd.to_user = u.id AND sd.ends_at > ? AND sd.revoked_at IS NULL"
#define SC_WAITING "COUNT(DISTINCT sa.request_id)", \
	"LEFT JOIN request_approvers sa ON sa.user_id = u.id AND sa.open = 1"

/* The inbox (columns IB_*): the open approvals of the user and up to four
 * delegators (5 ids), then the keyset, the type filter and the limit. */
#define INBOX_COLS "SELECT r.id, r.req_type, r.client_id, c.name, u.display_name, r.reason, r.field, " \
	"r.old_value, r.new_value, r.created_at, a.user_id, r.cur_step FROM request_approvers a " \
	"JOIN requests r ON r.id = a.request_id AND r.cur_step = a.step_no AND r.status = 'pending' " \
	"JOIN users u ON u.id = r.requester_id LEFT JOIN clients c ON c.id = r.client_id " \
	"WHERE a.user_id IN (?, ?, ?, ?, ?) AND a.open = 1 "

/* My requests (columns MR_*, approvals.h); the last: until when the view grant an
 * approved view request gave runs (the first grant to end after the decision). */
#define MY_REQUEST_COLS "SELECT r.id, r.req_type, r.client_id, c.name, r.reason, r.field, r.old_value, " \
	"r.new_value, r.status, r.created_at, r.decided_at, " \
	"CASE WHEN r.req_type = 'view' AND r.status = 'approved' THEN (SELECT MIN(g.expires_at) " \
	"FROM client_grants g WHERE g.user_id = r.requester_id AND g.client_id = r.client_id " \
	"AND g.expires_at >= r.decided_at) END FROM requests r LEFT JOIN clients c ON c.id = r.client_id "

#define APPROVALS_SQL(X) \
	X(Q_ROUTES_OF, "sss", "SELECT step_no, role, over_subject_dept, need_all, scope, secrecy FROM approval_routes " \
		"WHERE req_type = ? AND (scope IS NULL OR scope = ?) AND (secrecy IS NULL OR secrecy = ?) " \
		"ORDER BY scope IS NULL, secrecy IS NULL, step_no") \
	X(Q_ROUTES_ALL, "", "SELECT id, req_type, scope, secrecy, step_no, role, over_subject_dept, need_all, version " \
		"FROM approval_routes ORDER BY req_type, scope, secrecy, step_no") \
	X(Q_ROUTE_GET, "i", "SELECT id, req_type, scope, secrecy, step_no, role, over_subject_dept, need_all, version " \
		"FROM approval_routes WHERE id = ?") \
	X(Q_ROUTE_INSERT, "sssisii", "INSERT INTO approval_routes (req_type, scope, secrecy, step_no, role, over_subject_dept, " \
		"need_all) VALUES (?, ?, ?, ?, ?, ?, ?)") \
	X(Q_ROUTE_UPDATE, "isiiii", "UPDATE approval_routes SET step_no = ?, role = ?, over_subject_dept = ?, need_all = ?, " \
		"version = version + 1 WHERE id = ? AND version = ?") \
	X(Q_ROUTE_DELETE, "ii", "DELETE FROM approval_routes WHERE id = ? AND version = ?") \
	X(Q_ROLE_HOLDERS, "s", "SELECT u.id, u.dept_id FROM user_roles ur JOIN users u ON u.id = ur.user_id " \
		"WHERE ur.role = ? AND u.disabled = 0 ORDER BY u.id") \
	X(Q_REQUEST_INSERT, "siisssssss", "INSERT INTO requests (req_type, client_id, requester_id, reason, field, old_value, " \
		"new_value, payload, status, cur_step, created_at, expires_at) " \
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 1, ?, ?)") \
	X(Q_STEP_INSERT, "iisiis", "INSERT INTO request_steps (request_id, step_no, role, dept_id, need_all, state) " \
		"VALUES (?, ?, ?, ?, ?, ?)") \
	X(Q_APPROVER_INSERT, "iii", "INSERT IGNORE INTO request_approvers (request_id, step_no, user_id, open) VALUES (?, ?, ?, 1)") \
	X(Q_REQUEST_LOCK, "i", "SELECT id, req_type, client_id, requester_id, reason, field, old_value, new_value, " \
		"payload, status, cur_step, created_at FROM requests WHERE id = ? FOR UPDATE") \
	X(Q_REQUEST_GET, "i", "SELECT r.id, r.req_type, r.client_id, r.requester_id, r.reason, r.field, r.old_value, " \
		"r.new_value, r.payload, r.status, r.cur_step, r.created_at, r.decided_at, r.expires_at, " \
		"u.display_name, (SELECT name FROM departments WHERE id = u.dept_id), c.name, c.deleted_at " \
		"FROM requests r JOIN users u ON u.id = r.requester_id LEFT JOIN clients c ON c.id = r.client_id " \
		"WHERE r.id = ?") \
	X(Q_STEPS_OF, "i", "SELECT step_no, role, dept_id, need_all, state, " \
		"(SELECT name FROM departments WHERE id = s.dept_id) FROM request_steps s " \
		"WHERE request_id = ? ORDER BY step_no") \
	X(Q_STEP_SET, "sii", "UPDATE request_steps SET state = ? WHERE request_id = ? AND step_no = ?") \
	X(Q_STEP_ESCALATE, "sii", "UPDATE request_steps SET role = ?, dept_id = 0 WHERE request_id = ? AND step_no = ?") \
	X(Q_STEP_CLOSE_OPEN, "i", "UPDATE request_steps SET state = 'closed' WHERE request_id = ? " \
		"AND state IN ('open', 'waiting')") \
	X(Q_APPROVERS_CLOSE_STEP, "ii", "UPDATE request_approvers SET open = 0 WHERE request_id = ? AND step_no = ? AND open = 1") \
	X(Q_APPROVER_OPEN, "iii", "SELECT user_id FROM request_approvers WHERE request_id = ? AND step_no = ? " \
		"AND user_id = ? AND open = 1") \
	X(Q_APPROVERS_OF, "i", "SELECT a.step_no, a.user_id, u.display_name, a.open FROM request_approvers a " \
		"JOIN users u ON u.id = a.user_id WHERE a.request_id = ? ORDER BY a.step_no, u.display_name") \
	X(Q_APPROVER_CLOSE, "iii", "UPDATE request_approvers SET open = 0 WHERE request_id = ? AND step_no = ? AND user_id = ?") \
	X(Q_APPROVERS_CLOSE_ALL, "i", "UPDATE request_approvers SET open = 0 WHERE request_id = ? AND open = 1") \
	/* the delegators' open approvals that are not also the user's own (user, now, now, user) */ \
	X(Q_DELEGATED_WAITING, "issi", "SELECT COUNT(DISTINCT a.request_id) FROM delegations d " \
		"JOIN request_approvers a ON a.user_id = d.from_user AND a.open = 1 WHERE d.to_user = ? " \
		"AND d.starts_at <= ? AND d.ends_at > ? AND d.revoked_at IS NULL AND NOT EXISTS (SELECT 1 " \
		"FROM request_approvers m WHERE m.user_id = ? AND m.open = 1 AND m.request_id = a.request_id)") \
	X(Q_APPROVERS_LEFT, "ii", "SELECT COUNT(*) FROM request_approvers WHERE request_id = ? AND step_no = ? AND open = 1") \
	X(Q_DECISION_INSERT, "iisssss", "INSERT INTO request_decisions (request_id, step_no, decider_id, on_behalf_of, " \
		"decision, comment, at) VALUES (?, ?, ?, ?, ?, ?, ?)") \
	X(Q_DECISIONS_OF, "i", "SELECT d.step_no, d.decision, d.comment, d.at, " \
		"(SELECT display_name FROM users WHERE id = d.decider_id), " \
		"(SELECT display_name FROM users WHERE id = d.on_behalf_of), d.decider_id " \
		"FROM request_decisions d WHERE d.request_id = ? ORDER BY d.id") \
	X(Q_REQUEST_FINISH, "ssi", "UPDATE requests SET status = ?, decided_at = ? WHERE id = ? AND status = 'pending'") \
	X(Q_REQUEST_NEXT_STEP, "ii", "UPDATE requests SET cur_step = ? WHERE id = ? AND status = 'pending'") \
	X(Q_REQUEST_PENDING_SAME, "iiss", "SELECT id FROM requests WHERE client_id = ? AND requester_id = ? " \
		"AND req_type = ? AND COALESCE(field, '') = ? AND status = 'pending' ORDER BY id DESC LIMIT 1") \
	X(Q_INBOX, "iiiiiissi", INBOX_COLS "AND a.request_id < ? " \
		"AND (? = '' OR r.req_type = ?) ORDER BY a.request_id DESC LIMIT ?") \
	/* the delegations a user holds now, and the open approvals of theirs and of \
	 * those delegators, in one statement (every signed-in page shows the count) */ \
	X(Q_INBOX_BACK, "iiiiiissi", INBOX_COLS "AND a.request_id > ? " \
		"AND (? = '' OR r.req_type = ?) ORDER BY a.request_id LIMIT ?") \
	/* the inbox counted, up to the cap (the argument) + 1 rows read */ \
	X(Q_INBOX_COUNT, "iiiiissi", "SELECT COUNT(DISTINCT request_id) FROM (SELECT a.request_id FROM request_approvers a " \
		"JOIN requests r ON r.id = a.request_id AND r.cur_step = a.step_no AND r.status = 'pending' " \
		"WHERE a.user_id IN (?, ?, ?, ?, ?) AND a.open = 1 AND (? = '' OR r.req_type = ?) LIMIT ?) x") \
	X(Q_MY_REQUESTS_BACK, "iii", MY_REQUEST_COLS "WHERE r.requester_id = ? AND r.id > ? ORDER BY r.id LIMIT ?") \
	X(Q_MY_REQUESTS_COUNT, "ii", "SELECT COUNT(*) FROM (SELECT 1 FROM requests WHERE requester_id = ? LIMIT ?) x") \
	X(Q_MY_REQUESTS, "iii", MY_REQUEST_COLS "WHERE r.requester_id = ? AND r.id < ? ORDER BY r.id DESC LIMIT ?") \
	X(Q_REQUESTS_DUE, "s", "SELECT id FROM requests WHERE status = 'pending' AND expires_at <= ? " \
		"ORDER BY expires_at LIMIT 500") \
	X(Q_DELEGATION_INSERT, "iissss", "INSERT INTO delegations (from_user, to_user, starts_at, ends_at, note, created_at) " \
		"VALUES (?, ?, ?, ?, ?, ?)") \
	X(Q_DELEGATIONS_OF, "ii", "SELECT d.id, d.from_user, f.display_name, d.to_user, t.display_name, d.starts_at, " \
		"d.ends_at, d.note, d.revoked_at FROM delegations d JOIN users f ON f.id = d.from_user " \
		"JOIN users t ON t.id = d.to_user WHERE (d.from_user = ? OR d.to_user = ?) " \
		"ORDER BY d.id DESC LIMIT 50") \
	X(Q_DELEGATION_REVOKE, "sii", "UPDATE delegations SET revoked_at = ? WHERE id = ? AND from_user = ? " \
		"AND revoked_at IS NULL") \
	X(Q_HANDOVER_REQUESTS, "ii", "UPDATE requests SET requester_id = ? WHERE requester_id = ? AND status = 'pending'") \
	X(Q_HANDOVER_APPROVALS_ADD, "iii", "INSERT IGNORE INTO request_approvers (request_id, step_no, user_id, open) " \
		"SELECT a.request_id, a.step_no, ?, 1 FROM request_approvers a JOIN requests r ON r.id = a.request_id " \
		"WHERE a.user_id = ? AND a.open = 1 AND r.requester_id <> ?") \
	X(Q_HANDOVER_APPROVALS_CLOSE, "i", "UPDATE request_approvers SET open = 0 WHERE user_id = ? AND open = 1") \
	/* the daily digest (mail): requests waiting for a person's decision, their own decided since */ \
	X(Q_DIGEST_WAITING, "isi", "SELECT r.id, COALESCE(c.name, ''), r.created_at FROM request_approvers a " \
		"JOIN requests r ON r.id = a.request_id AND r.cur_step = a.step_no LEFT JOIN clients c ON c.id = r.client_id " \
		"WHERE a.user_id = ? AND a.open = 1 AND r.status = 'pending' AND r.created_at <= ? ORDER BY r.id LIMIT ?") \
	X(Q_DIGEST_DECIDED, "isi", "SELECT r.id, COALESCE(c.name, ''), r.status, r.decided_at FROM requests r " \
		"LEFT JOIN clients c ON c.id = r.client_id WHERE r.requester_id = ? AND r.status IN ('approved', 'rejected') " \
		"AND r.decided_at > ? ORDER BY r.id LIMIT ?")

SQL_DECLARE(APPROVALS_SQL)
extern struct sql *const approvals_sql[];

/* The domain's session fields (core/domain.h), by these indexes. */
enum { SESSION_DELEGATORS, SESSION_WAITING };
extern const struct session_field approvals_session[3];

#endif
