/* sql.h — the statements of the reviews domain (see core/sql.h). */
#ifndef DOSSIER_REVIEWS_SQL_H
#define DOSSIER_REVIEWS_SQL_H
#include "core/sql.h"


/* Result columns, beside their statements below. */
enum line_col { LN_CLIENT, LN_OLD_GRADE, LN_NEW_GRADE, LN_CUR_GRADE, LN_DELETED, LN_NAME };   /* Q_REVIEW_LINES */
enum dept_grade_col { DG_GRADE, DG_COUNT };                                                /* Q_DEPT_GRADES */
enum lock_col { LK_ID, LK_DEPT, LK_STATUS };                                               /* Q_REVIEW_LOCK */
enum review_client_col { RC_ID, RC_GRADE };                                                /* Q_REVIEW_CLIENT */

#define REVIEWS_SQL(X) \
	X(Q_REVIEWS_OPEN_DUE, "ss", "INSERT IGNORE INTO review_cycles (dept_id, period, opened_at) " \
		"SELECT DISTINCT u.dept_id, ?, ? FROM user_roles ur JOIN users u ON u.id = ur.user_id " \
		"WHERE ur.role = 'dept_manager' AND u.disabled = 0") \
	X(Q_REVIEWS_ALL, "", "SELECT c.id, c.dept_id, d.name, c.period, c.opened_at, c.status, c.request_id, r.status " \
		"FROM review_cycles c JOIN departments d ON d.id = c.dept_id LEFT JOIN requests r ON r.id = c.request_id " \
		"ORDER BY c.id DESC LIMIT 200") \
	X(Q_REVIEW_GET, "i", "SELECT c.id, c.dept_id, d.name, c.period, c.opened_at, c.status, c.request_id, r.status " \
		"FROM review_cycles c JOIN departments d ON d.id = c.dept_id LEFT JOIN requests r ON r.id = c.request_id " \
		"WHERE c.id = ?") \
	X(Q_REVIEW_LOCK, "i", "SELECT id, dept_id, status FROM review_cycles WHERE id = ? FOR UPDATE") \
	X(Q_REVIEW_CLIENTS, "iiii", "SELECT c.id, c.name, c.grade_id, l.new_grade_id, c.lifecycle FROM clients c " \
		"LEFT JOIN review_lines l ON l.cycle_id = ? AND l.client_id = c.id " \
		"WHERE c.dept_id = ? AND c.deleted_at IS NULL AND c.id > ? ORDER BY c.id LIMIT ?") \
	X(Q_REVIEW_CLIENT, "ii", "SELECT id, grade_id FROM clients WHERE id = ? AND dept_id = ? AND deleted_at IS NULL") \
	X(Q_REVIEW_LINE_SET, "iiss", "INSERT INTO review_lines (cycle_id, client_id, old_grade_id, new_grade_id) " \
		"VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE old_grade_id = VALUES(old_grade_id), " \
		"new_grade_id = VALUES(new_grade_id)") \
	X(Q_REVIEW_LINE_DELETE, "ii", "DELETE FROM review_lines WHERE cycle_id = ? AND client_id = ?") \
	X(Q_REVIEW_LINES, "i", "SELECT l.client_id, l.old_grade_id, l.new_grade_id, c.grade_id, c.deleted_at, c.name " \
		"FROM review_lines l LEFT JOIN clients c ON c.id = l.client_id WHERE l.cycle_id = ? ORDER BY l.client_id") \
	X(Q_DEPT_GRADES, "i", "SELECT grade_id, COUNT(*) FROM clients WHERE dept_id = ? AND deleted_at IS NULL " \
		"GROUP BY grade_id") \
	X(Q_REVIEW_SUBMITTED, "ii", "UPDATE review_cycles SET request_id = ? WHERE id = ?") \
	X(Q_REVIEW_APPROVED, "i", "UPDATE review_cycles SET status = 'approved' WHERE id = ? AND status = 'open'")

SQL_DECLARE(REVIEWS_SQL)
extern struct sql *const reviews_sql[];

#endif
