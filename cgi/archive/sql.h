/* sql.h — the statements of the archive domain (see core/sql.h). */
#ifndef DOSSIER_ARCHIVE_SQL_H
#define DOSSIER_ARCHIVE_SQL_H
#include "core/sql.h"

/* An item with its client, type, place and people (Q_ITEM_GET, Q_ITEM_BY_NO, the lists). */
#define ITEM_COLS "SELECT i.id, i.archive_no, i.client_id, c.name, i.volume_id, i.type_id, t.code, t.name_zh, " \
	"t.name_en, i.title, i.author, i.doc_date, i.pages, i.copies, i.secrecy, i.retention, i.medium, i.other_no, " \
	"i.other_location, i.remarks, i.location_id, " \
	"(SELECT CONCAT_WS(' / ', l4.name, l3.name, l2.name, l1.name) FROM archive_locations l1 " \
	"LEFT JOIN archive_locations l2 ON l2.id = l1.parent_id LEFT JOIN archive_locations l3 ON l3.id = l2.parent_id " \
	"LEFT JOIN archive_locations l4 ON l4.id = l3.parent_id WHERE l1.id = i.location_id), " \
	"i.status, i.dept_id, d.name, i.request_id, (SELECT display_name FROM users WHERE id = i.filed_by), i.filed_at, " \
	"(SELECT display_name FROM users WHERE id = i.approved_by), i.approved_at, " \
	"(SELECT display_name FROM users WHERE id = i.placed_by), i.placed_at, c.dept_id, v.year " \
	"FROM archive_items i JOIN clients c ON c.id = i.client_id JOIN archive_types t ON t.id = i.type_id " \
	"JOIN departments d ON d.id = i.dept_id JOIN archive_volumes v ON v.id = i.volume_id "
enum item_col { IT_ID, IT_NO, IT_CLIENT, IT_CLIENT_NAME, IT_VOLUME, IT_TYPE, IT_TYPE_CODE, IT_TYPE_ZH, IT_TYPE_EN,
		IT_TITLE, IT_AUTHOR, IT_DATE, IT_PAGES, IT_COPIES, IT_SECRECY, IT_RETENTION, IT_MEDIUM, IT_OTHER_NO,
		IT_OTHER_LOCATION, IT_REMARKS, IT_LOCATION, IT_PLACE, IT_STATUS, IT_DEPT, IT_DEPT_NAME, IT_REQUEST,
		IT_FILED_BY, IT_FILED_AT, IT_APPROVED_BY, IT_APPROVED_AT, IT_PLACED_BY, IT_PLACED_AT, IT_CLIENT_DEPT,
		IT_YEAR, IT__COUNT };

/* A register line with its item and people (the desk, the lists, the register). */
#define LOAN_COLS "SELECT l.id, l.item_id, i.archive_no, i.title, i.secrecy, l.kind, l.borrower_id, " \
	"lb.display_name, l.copies, l.reason, l.out_at, l.due_at, lo.display_name, l.returned_at, l.cond, " \
	"l.overdue, l.closed_by_job, l.open_item IS NOT NULL FROM archive_loans l " \
	"JOIN archive_items i ON i.id = l.item_id LEFT JOIN users lb ON lb.id = l.borrower_id " \
	"LEFT JOIN users lo ON lo.id = l.out_by "
/* after a page's last line, in the order of ix_archive_loans_open_due (open_due, and the id it holds) */
#define KEYSET_OPEN_DUE "(l.open_due > ? OR (l.open_due = ? AND l.id > ?))"
enum loan_col { LN_ID, LN_ITEM, LN_NO, LN_TITLE, LN_SECRECY, LN_KIND, LN_BORROWER, LN_BORROWER_NAME, LN_COPIES,
		LN_REASON, LN_OUT, LN_DUE, LN_OUT_BY, LN_RETURNED, LN_COND, LN_OVERDUE, LN_BY_JOB, LN_OPEN, LN__COUNT };

/* An authorisation to hand an item out (Q_AUTHS_OF_ITEM, Q_AUTH_LOCK). */
#define AUTH_COLS "SELECT a.id, a.item_id, a.user_id, (SELECT display_name FROM users WHERE id = a.user_id), a.via, " \
	"a.request_id, a.mode, a.loan_secs, a.reason, a.expires_at, a.used_at FROM archive_auths a "
enum auth_col { AU_ID, AU_ITEM, AU_USER, AU_USER_NAME, AU_VIA, AU_REQUEST, AU_MODE, AU_SECS, AU_REASON, AU_EXPIRES,
		AU_USED };

/* the card's panel (core/domain.h struct panel_rows): the client's items, by
 * number, with their volume's year and where the paper is kept */
#define PANEL_ITEMS { "SELECT i.id, i.archive_no, i.title, i.secrecy, i.status, i.volume_id, i.approved_at, v.year, " \
	"i.medium, CONCAT_WS(' / ', l4.name, l3.name, l2.name, l1.name) FROM archive_items i " \
	"JOIN archive_volumes v ON v.id = i.volume_id LEFT JOIN archive_locations l1 ON l1.id = i.location_id " \
	"LEFT JOIN archive_locations l2 ON l2.id = l1.parent_id LEFT JOIN archive_locations l3 ON l3.id = l2.parent_id " \
	"LEFT JOIN archive_locations l4 ON l4.id = l3.parent_id WHERE i.client_id = ?", PI__COUNT, "i.archive_no", 100 }
enum panel_item_col { PI_ID, PI_NO, PI_TITLE, PI_SECRECY, PI_STATUS, PI_VOLUME, PI_APPROVED, PI_YEAR, PI_MEDIUM,
		      PI_PLACE, PI__COUNT };
enum type_col { TY_ID, TY_CODE, TY_ZH, TY_EN, TY_SORT };
/* A loan to remind of (Q_LOANS_TO_REMIND). */
enum remind_col { RM_ID, RM_NO, RM_TITLE, RM_SECRECY, RM_BORROWER, RM_BORROWER_NAME, RM_DEPT, RM_OUT, RM_DUE,
		  RM_DUE_DAY, RM_ITEM };
enum location_col { LC_ID, LC_KIND, LC_PARENT, LC_NAME, LC_PATH };

/* An electronic copy (Q_FILE_GET, Q_FILES_OF_ITEM). */
#define FILE_COLS "SELECT f.id, f.item_id, f.sha256, f.size, f.mime, f.name, " \
	"(SELECT display_name FROM users WHERE id = f.uploaded_by), f.uploaded_at FROM archive_files f "
enum file_col { FI_ID, FI_ITEM, FI_SHA, FI_SIZE, FI_MIME, FI_NAME, FI_BY, FI_AT, FI__COUNT };
/* Retention and destruction (destroy.c). */
#define RETENTION_END "DATE_ADD(i.doc_date, INTERVAL CAST(CAST(i.retention AS CHAR) AS UNSIGNED) YEAR)"
/* an item in a batch still being decided (pending request) */
#define IN_PENDING_BATCH "EXISTS (SELECT 1 FROM destruction_batch_items bi JOIN destruction_batches b ON b.id = bi.batch_id " \
	"JOIN requests rq ON rq.id = b.request_id WHERE bi.item_id = i.id AND rq.status = 'pending')"
#define DUE_WHERE "i.status = 'on_shelf' AND i.retention <> 'permanent' AND " RETENTION_END " <= ? AND NOT " IN_PENDING_BATCH
/* a batch still in appraisal whose request was rejected (withdrawn, expired) shows as rejected */
#define BATCH_STATUS "IF(b.status = 'appraisal' AND (SELECT status FROM requests WHERE id = b.request_id) <> 'pending', " \
	"'rejected', b.status)"
enum due_lock_col { DI_ID, DI_DEPT, DI_SECRECY, DI_HOLD };
enum batch_item_col { BI_ID, BI_NO, BI_TITLE, BI_CLIENT, BI_DATE, BI_RETENTION, BI_SECRECY, BI_STATUS, BI_HOLD };
enum batch_col { BT_ID, BT_STATUS, BT_REQUEST, BT_DEPT, BT_DEPT_NAME, BT_CREATOR, BT_CREATED, BT_HOLD_UNTIL, BT_PLACE,
		 BT_ON, BT_EXECUTOR, BT_SUPERVISOR, BT_SUPERVISOR_NAME, BT_CONFIRMED, BT_HELD, BT_REQUEST_STATUS };

/* The open loans of the people of department ? and below it (0: everyone), cond on the loan. */
#define DASH_LOANS_OF(cond) "SELECT STRAIGHT_JOIN 1 FROM users b JOIN archive_loans l " \
	"FORCE INDEX (ix_archive_loans_open_borrower) ON l.open_borrower = b.id " cond \
	"WHERE (? = 0 OR b.dept_id IN " SQL_DEPT_SUBTREE ")"

/* A page of the open lines of a department's borrowers and below it (cond: more on the line), after a key,
 * soonest due first: the root twice, the key (due twice, id), the limit. */
#define OPEN_LOAN_KEYS(cond) "SELECT STRAIGHT_JOIN l.id FROM users b JOIN archive_loans l " \
	"FORCE INDEX (ix_archive_loans_open_borrower) ON l.open_borrower = b.id " cond \
	"WHERE (? = 0 OR b.dept_id IN " SQL_DEPT_SUBTREE ") AND " KEYSET_OPEN_DUE " ORDER BY l.open_due, l.id LIMIT ?"

#define ARCHIVE_SQL(X) \
	/* electronic copies (files.c) */ \
	X(Q_ITEM_FILER, "i", "SELECT filed_by, status, secrecy FROM archive_items WHERE id = ?") \
	X(Q_FILE_INSERT, "isissis", "INSERT INTO archive_files (item_id, sha256, size, mime, name, uploaded_by, " \
		"uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)") \
	X(Q_FILE_GET, "i", FILE_COLS "WHERE f.id = ?") \
	X(Q_FILES_OF_ITEM, "i", FILE_COLS "WHERE f.item_id = ? ORDER BY f.id LIMIT 100") \
	X(Q_FILE_SHA_USED, "s", "SELECT COUNT(*) FROM archive_files WHERE sha256 = ?") \
	X(Q_FILE_LOG, "iiisss", "INSERT INTO archive_file_log (file_id, item_id, user_id, at, outcome, reason) " \
		"VALUES (?, ?, ?, ?, ?, ?)") \
	X(Q_FILE_READER, "iiiis", "SELECT (SELECT COUNT(*) FROM archive_loans WHERE open_item = ? AND kind = 'reading' " \
		"AND borrower_id = ?) + (SELECT COUNT(*) FROM archive_auths WHERE item_id = ? AND user_id = ? " \
		"AND mode = 'reading' AND used_at IS NULL AND expires_at > ?)") \
	/* filing: the counter row (raised under its lock), the volume, the item */ \
	X(Q_COUNTER_NEXT, "iii", "INSERT INTO archive_counters (client_id, year, type_id, last_seq) VALUES (?, ?, ?, 1) " \
		"ON DUPLICATE KEY UPDATE last_seq = last_seq + 1") \
	X(Q_COUNTER_GET, "iii", "SELECT last_seq FROM archive_counters WHERE client_id = ? AND year = ? AND type_id = ?") \
	/* the volume's id is read after it (Q_VOLUME_OF): an insert id set by LAST_INSERT_ID(id) \
	 * does not come back past a trigger of the table (sql/079's) */ \
	X(Q_VOLUME_ENSURE, "iis", "INSERT INTO archive_volumes (client_id, year, created_at) VALUES (?, ?, ?) " \
		"ON DUPLICATE KEY UPDATE id = id") \
	X(Q_VOLUME_OF, "ii", "SELECT id FROM archive_volumes WHERE client_id = ? AND year = ?") \
	X(Q_ITEM_INSERT, "siiiisssiisssssiiss", "INSERT INTO archive_items (archive_no, client_id, volume_id, type_id, seq, " \
		"title, author, doc_date, pages, copies, secrecy, retention, medium, other_no, other_location, dept_id, " \
		"filed_by, request_id, filed_at, remarks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)") \
	X(Q_ITEM_SET_REQUEST, "ii", "UPDATE archive_items SET request_id = ? WHERE id = ?") \
	X(Q_ITEM_SET_REMARKS, "si", "UPDATE archive_items SET remarks = ? WHERE id = ?") \
	X(Q_ITEM_APPROVE, "isi", "UPDATE archive_items SET approved_by = ?, approved_at = ? WHERE id = ? " \
		"AND status = 'submitted' AND approved_at IS NULL") \
	X(Q_ITEM_PLACE, "iisi", "UPDATE archive_items SET location_id = ?, placed_by = ?, placed_at = ?, " \
		"status = 'on_shelf' WHERE id = ? AND status = 'submitted' AND approved_at IS NOT NULL") \
	X(Q_ITEM_GET, "i", ITEM_COLS "WHERE i.id = ?") \
	X(Q_ITEM_BY_NO, "s", ITEM_COLS "WHERE i.archive_no = ?") \
	X(Q_ITEMS_WAITING, "", ITEM_COLS "WHERE i.status = 'submitted' AND i.approved_at IS NOT NULL " \
		"ORDER BY d.name, i.approved_at, i.id LIMIT 500") \
	X(Q_ITEMS_OF_VOLUME, "i", ITEM_COLS "WHERE i.volume_id = ? AND i.status <> 'submitted' ORDER BY i.doc_date, i.id") \
	X(Q_VOLUME_GET, "i", "SELECT v.id, v.client_id, c.name, v.year, v.created_at, c.dept_id FROM archive_volumes v " \
		"JOIN clients c ON c.id = v.client_id WHERE v.id = ?") \
	/* the card's panel: the client's items (one statement) */ \
	/* the item locked for a change of its status */ \
	X(Q_ITEM_SET_STATUS, "sis", "UPDATE archive_items SET status = ? WHERE id = ? AND status = ?") \
	/* authorisations */ \
	X(Q_AUTH_INSERT, "iisisisss", "INSERT INTO archive_auths (item_id, user_id, via, request_id, mode, loan_secs, reason, " \
		"created_at, expires_at) VALUES (?, ?, ?, NULLIF(?, 0), ?, ?, ?, ?, DATE_ADD(?, INTERVAL 3 DAY))") \
	X(Q_AUTHS_OF_ITEM, "is", AUTH_COLS "WHERE a.item_id = ? AND a.used_at IS NULL AND a.expires_at > ? ORDER BY a.id") \
	X(Q_AUTH_LOCK, "i", AUTH_COLS "WHERE a.id = ? FOR UPDATE") \
	X(Q_AUTH_USE, "si", "UPDATE archive_auths SET used_at = ? WHERE id = ? AND used_at IS NULL") \
	X(Q_BORROW_PENDING, "is", "SELECT id FROM requests WHERE requester_id = ? AND req_type = 'archive_borrow' " \
		"AND status = 'pending' AND new_value = ? LIMIT 1") \
	/* the register */ \
	/* remind_at: the due time of a loan (sql/066), NULL for a reading-room session */ \
	X(Q_LOAN_INSERT, "iisiisssiis", "INSERT INTO archive_loans (item_id, auth_id, kind, borrower_id, copies, reason, " \
		"out_at, due_at, out_by, open_item, remind_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") \
	X(Q_LOAN_GET, "i", LOAN_COLS "WHERE l.id = ?") \
	X(Q_LOAN_OPEN_OF_ITEM, "i", LOAN_COLS "WHERE l.open_item = ?") \
	X(Q_LOAN_CLOSE, "sisi", "UPDATE archive_loans SET returned_at = ?, returned_to = ?, cond = ?, open_item = NULL, " \
		"remind_at = NULL " \
		"WHERE id = ? AND open_item IS NOT NULL") \
	X(Q_INCIDENT_INSERT, "iisis", "INSERT INTO archive_incidents (item_id, loan_id, kind, noted_by, noted_at) " \
		"VALUES (?, ?, ?, ?, ?)") \
	/* the open lines by due time, a page after a key (open_due, id): open_due is due_at while a line is \
	 * out (sql/060_open_loans_by_due.sql); the key's parameters: the due time twice, the id; then the limit */ \
	X(Q_LOANS_OUT, "ssii", LOAN_COLS "WHERE l.open_due IS NOT NULL AND " KEYSET_OPEN_DUE \
		" ORDER BY l.open_due, l.id LIMIT ?") \
	X(Q_LOANS_OVERDUE, "sssii", LOAN_COLS "WHERE l.open_due < ? AND " KEYSET_OPEN_DUE " ORDER BY l.open_due, l.id LIMIT ?") \
	/* the same for a manager: loans of borrowers in a department and below it (not 0: everyone's is the \
	 * above). The page's lines are found among the department's open lines alone, read from \
	 * ix_archive_loans_open_borrower (each borrower's, with their due time) and sorted: through \
	 * ix_archive_loans_open_due MariaDB read every line out with its item until it had a page of the \
	 * department's, 3,000 rows and 14.5 ms for one of 29 departments. */ \
	X(Q_LOANS_OUT_TREE, "iissii", LOAN_COLS "JOIN (" OPEN_LOAN_KEYS("") ") k ON k.id = l.id " \
		"ORDER BY l.open_due, l.id") \
	X(Q_LOANS_OVERDUE_TREE, "siissii", LOAN_COLS "JOIN (" OPEN_LOAN_KEYS("AND l.open_due < ? ") ") k ON k.id = l.id " \
		"ORDER BY l.open_due, l.id") \
	/* the lists' counts, up to a limit: the company's (the overdue: now first), and a department's and \
	 * below it as the dashboard counts them (the root twice; the overdue: now first) */ \
	X(Q_LOANS_OUT_COUNT, "i", "SELECT COUNT(*) FROM (SELECT 1 FROM archive_loans WHERE open_due IS NOT NULL LIMIT ?) x") \
	X(Q_LOANS_OVERDUE_COUNT, "si", "SELECT COUNT(*) FROM (SELECT 1 FROM archive_loans WHERE open_due < ? LIMIT ?) x") \
	X(Q_LOANS_OUT_TREE_COUNT, "iii", "SELECT COUNT(*) FROM (" DASH_LOANS_OF("") " LIMIT ?) x") \
	X(Q_LOANS_OVERDUE_TREE_COUNT, "siii", "SELECT COUNT(*) FROM (" DASH_LOANS_OF("AND l.open_due < ? ") " LIMIT ?) x") \
	/* the dashboard: those loans and, of them, the overdue ones, each counted up to a limit of its own. \
	 * The company's: both ranges of ix_archive_loans_open_due (parameters: the limit, now, the limit). \
	 * A department's and below it: its people first, then their open loans alone through \
	 * ix_archive_loans_open_borrower (sql/074; forced: a join reads ix_archive_loans_borrower_open by the \
	 * borrower alone, every line they ever had); parameters: the root twice and the limit, then now, \
	 * the root twice and the limit. */ \
	X(Q_DASH_LOANS_ALL, "isi", "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM archive_loans " \
		"WHERE open_due IS NOT NULL LIMIT ?) x), (SELECT COUNT(*) FROM (SELECT 1 FROM archive_loans " \
		"WHERE open_due < ? LIMIT ?) y)") \
	X(Q_DASH_LOANS, "iiisiii", "SELECT (SELECT COUNT(*) FROM (" DASH_LOANS_OF("") " LIMIT ?) x), " \
		"(SELECT COUNT(*) FROM (" DASH_LOANS_OF("AND l.open_due < ? ") " LIMIT ?) y)") \
	X(Q_LOANS_OF_ITEM, "i", LOAN_COLS "WHERE l.item_id = ? ORDER BY l.id DESC LIMIT 20") \
	X(Q_REGISTER, "ssiissi", LOAN_COLS "WHERE l.out_at >= ? AND l.out_at <= ? AND (? = 0 OR l.borrower_id = ?) " \
		"AND (? = '' OR i.archive_no = ?) AND l.id < ? ORDER BY l.id DESC LIMIT 51") \
	/* the job */ \
	X(Q_LOANS_MARK_OVERDUE, "s", "UPDATE archive_loans SET overdue = 1 WHERE open_item IS NOT NULL AND kind = 'loan' " \
		"AND due_at < ? AND overdue = 0") \
	X(Q_READING_ITEMS_FREE, "s", "UPDATE archive_items i JOIN archive_loans l ON l.open_item = i.id " \
		"SET i.status = 'on_shelf' WHERE l.kind = 'reading' AND l.out_at < ? AND i.status = 'reading_room'") \
	X(Q_READING_CLOSE_LEFT, "s", "UPDATE archive_loans SET returned_at = CONCAT(DATE(out_at), ' 23:59:59'), " \
		"closed_by_job = 1, open_item = NULL, remind_at = NULL WHERE open_item IS NOT NULL AND kind = 'reading' " \
		"AND out_at < ?") \
	/* the admin's lists */ \
	X(Q_TYPES, "", "SELECT id, code, name_zh, name_en, sort FROM archive_types ORDER BY sort, id") \
	X(Q_TYPE_INSERT, "sssi", "INSERT INTO archive_types (code, name_zh, name_en, sort) VALUES (?, ?, ?, ?)") \
	X(Q_LOCATIONS, "", "SELECT l1.id, l1.kind, l1.parent_id, l1.name, CONCAT_WS(' / ', l4.name, l3.name, l2.name, l1.name) " \
		"FROM archive_locations l1 LEFT JOIN archive_locations l2 ON l2.id = l1.parent_id " \
		"LEFT JOIN archive_locations l3 ON l3.id = l2.parent_id LEFT JOIN archive_locations l4 ON l4.id = l3.parent_id " \
		"ORDER BY 5 LIMIT 2000") \
	X(Q_LOCATION_INSERT, "sis", "INSERT INTO archive_locations (kind, parent_id, name) VALUES (?, NULLIF(?, 0), ?)") \
	X(Q_LOCATION_GET, "i", "SELECT l1.id, l1.kind, l1.parent_id, l1.name, CONCAT_WS(' / ', l4.name, l3.name, l2.name, l1.name) " \
		"FROM archive_locations l1 LEFT JOIN archive_locations l2 ON l2.id = l1.parent_id " \
		"LEFT JOIN archive_locations l3 ON l3.id = l2.parent_id LEFT JOIN archive_locations l4 ON l4.id = l3.parent_id " \
		"WHERE l1.id = ?") \
	X(Q_LOCATION_KIND, "i", "SELECT kind FROM archive_locations WHERE id = ?") \
	X(Q_DEPT_CODE, "i", "SELECT code FROM departments WHERE id = ?") \
	/* ---- overdue reminders (remind.c) ---- */ \
	X(Q_LOAN_STILL_OUT, "is", "SELECT COUNT(*) FROM archive_loans WHERE id = ? AND open_item IS NOT NULL AND due_at < ?") \
	/* open loans whose reminder time has come (sql/066: their due time, then their escalation's), the most \
	 * urgent first */ \
	X(Q_LOANS_TO_REMIND, "si", "SELECT l.id, i.archive_no, i.title, i.secrecy, l.borrower_id, " \
		"(SELECT display_name FROM users WHERE id = l.borrower_id), " \
		"(SELECT dept_id FROM users WHERE id = l.borrower_id), l.out_at, l.due_at, DATE(l.due_at), l.item_id " \
		"FROM archive_loans l JOIN archive_items i ON i.id = l.item_id " \
		"WHERE l.remind_at <= ? AND l.open_item IS NOT NULL AND l.kind = 'loan' ORDER BY l.remind_at, l.id LIMIT ?") \
	/* dealt with: the escalation's time next, or nothing more (escalated, or returned meanwhile) */ \
	X(Q_LOAN_REMIND_NEXT, "iii", "UPDATE archive_loans SET remind_at = IF(? OR open_item IS NULL, NULL, " \
		"DATE_ADD(due_at, INTERVAL ? DAY)) WHERE id = ?") \
	/* the digest's destruction batches: for an archivist those whose hold has ended (to be destroyed and \
	 * recorded), for a supervisor those recorded and awaiting their confirmation; part 1 or 2, id, day, items */ \
	X(Q_DIGEST_BATCHES, "siii", "(SELECT 1, b.id, DATE(b.hold_until), (SELECT COUNT(*) FROM destruction_batch_items bi " \
		"WHERE bi.batch_id = b.id) FROM destruction_batches b WHERE b.status = 'approved' AND b.hold_until <= ? " \
		"AND EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = ? AND ur.role = 'archivist') " \
		"ORDER BY b.hold_until, b.id LIMIT 21) UNION ALL (SELECT 2, b.id, b.destroyed_on, (SELECT COUNT(*) " \
		"FROM destruction_batch_items bi WHERE bi.batch_id = b.id) FROM destruction_batches b " \
		"WHERE b.status = 'recorded' AND b.supervisor_id = ? ORDER BY b.id LIMIT ?)") \
	/* ---- retention and destruction (destroy.c) ---- */ \
	X(Q_RETENTION_DUE, "si", "SELECT i.id, i.archive_no, i.title, c.id, c.name, i.doc_date, i.retention, i.secrecy, " \
		"d.name, i.dept_id, c.legal_hold, " RETENTION_END " FROM archive_items i JOIN clients c ON c.id = i.client_id " \
		"JOIN departments d ON d.id = i.dept_id WHERE " DUE_WHERE " ORDER BY d.name, 12, i.id LIMIT ?") \
	X(Q_RETENTION_COUNT, "s", "SELECT COUNT(*) FROM archive_items i WHERE " DUE_WHERE) \
	X(Q_DUE_ITEM_LOCK, "is", "SELECT i.id, i.dept_id, i.secrecy, c.legal_hold FROM archive_items i " \
		"JOIN clients c ON c.id = i.client_id WHERE i.id = ? AND " DUE_WHERE " FOR UPDATE") \
	X(Q_DEPT_BY_CODE, "s", "SELECT id FROM departments WHERE code = ?") \
	X(Q_BATCH_INSERT, "iis", "INSERT INTO destruction_batches (dept_id, created_by, created_at) VALUES (?, ?, ?)") \
	X(Q_BATCH_ITEM_INSERT, "ii", "INSERT INTO destruction_batch_items (batch_id, item_id) VALUES (?, ?)") \
	X(Q_BATCH_SET_REQUEST, "ii", "UPDATE destruction_batches SET request_id = ? WHERE id = ?") \
	X(Q_BATCHES, "", "SELECT b.id, " BATCH_STATUS ", d.name, b.created_at, b.hold_until, " \
		"(SELECT COUNT(*) FROM destruction_batch_items bi WHERE bi.batch_id = b.id), b.request_id, " \
		"(SELECT display_name FROM users WHERE id = b.created_by) FROM destruction_batches b " \
		"LEFT JOIN departments d ON d.id = b.dept_id ORDER BY b.id DESC LIMIT 50") \
	X(Q_BATCH_GET, "i", "SELECT b.id, " BATCH_STATUS ", b.request_id, b.dept_id, d.name, " \
		"(SELECT display_name FROM users WHERE id = b.created_by), b.created_at, b.hold_until, b.place, " \
		"b.destroyed_on, b.executor, b.supervisor_id, (SELECT display_name FROM users WHERE id = b.supervisor_id), " \
		"b.confirmed_at, (SELECT COUNT(*) FROM destruction_batch_items bi JOIN archive_items i ON i.id = bi.item_id " \
		"JOIN clients c ON c.id = i.client_id WHERE bi.batch_id = b.id AND c.legal_hold = 1), " \
		"(SELECT status FROM requests WHERE id = b.request_id) " \
		"FROM destruction_batches b LEFT JOIN departments d ON d.id = b.dept_id WHERE b.id = ?") \
	X(Q_BATCH_ITEMS, "i", "SELECT i.id, i.archive_no, i.title, c.name, i.doc_date, i.retention, i.secrecy, i.status, " \
		"c.legal_hold FROM destruction_batch_items bi JOIN archive_items i ON i.id = bi.item_id " \
		"JOIN clients c ON c.id = i.client_id WHERE bi.batch_id = ? ORDER BY i.archive_no") \
	/* the batch's clients' legal holds, their rows locked: a hold set at the same time waits, or is seen */ \
	X(Q_BATCH_HELD_ITEMS, "i", "SELECT c.legal_hold FROM destruction_batch_items bi JOIN archive_items i ON i.id = bi.item_id " \
		"JOIN clients c ON c.id = i.client_id WHERE bi.batch_id = ? ORDER BY c.id FOR UPDATE") \
	X(Q_BATCH_APPROVE, "si", "UPDATE destruction_batches SET status = 'approved', hold_until = " \
		"DATE_ADD(?, INTERVAL 6 MONTH) WHERE id = ? AND status = 'appraisal'") \
	X(Q_BATCH_ITEMS_HOLD, "si", "UPDATE archive_items i JOIN destruction_batch_items bi ON bi.item_id = i.id " \
		"SET i.status = 'destruction_hold', i.hold_until = DATE_ADD(?, INTERVAL 6 MONTH), i.batch_id = bi.batch_id " \
		"WHERE bi.batch_id = ? AND i.status = 'on_shelf'") \
	X(Q_BATCH_RECORD, "sssisi", "UPDATE destruction_batches SET place = ?, destroyed_on = ?, executor = ?, " \
		"supervisor_id = ?, status = 'recorded' WHERE hold_until <= ? AND id = ? AND status = 'approved'") \
	X(Q_BATCH_CONFIRM, "sii", "UPDATE destruction_batches SET status = 'destroyed', confirmed_at = ? " \
		"WHERE id = ? AND supervisor_id = ? AND status = 'recorded'") \
	X(Q_REGISTER_INSERT, "i", "INSERT INTO destruction_register (batch_id, item_id, dept_id, archive_no, title, client_name, " \
		"doc_date, retention, secrecy, place, destroyed_on, executor, supervisor_id, confirmed_at, recorded_by) " \
		"SELECT b.id, i.id, i.dept_id, i.archive_no, i.title, c.name, i.doc_date, i.retention, i.secrecy, b.place, b.destroyed_on, " \
		"b.executor, b.supervisor_id, b.confirmed_at, b.created_by FROM destruction_batches b " \
		"JOIN archive_items i ON i.batch_id = b.id AND i.status = 'destruction_hold' " \
		"JOIN clients c ON c.id = i.client_id WHERE b.id = ?") \
	X(Q_BATCH_ITEMS_DESTROYED, "i", "UPDATE archive_items SET status = 'destroyed' WHERE batch_id = ? " \
		"AND status = 'destruction_hold'") \
	X(Q_REGISTER_LINES, "", "SELECT r.id, r.batch_id, r.item_id, r.archive_no, r.title, r.client_name, r.doc_date, " \
		"r.retention, r.secrecy, r.place, r.destroyed_on, r.executor, " \
		"(SELECT display_name FROM users WHERE id = r.supervisor_id), r.confirmed_at FROM destruction_register r " \
		"ORDER BY r.id DESC LIMIT 2000") \
	X(Q_CLIENT_HOLD, "i", "SELECT id, name, legal_hold, legal_hold_reason FROM clients WHERE id = ? AND deleted_at IS NULL") \
	X(Q_CLIENT_SET_HOLD, "isii", "UPDATE clients SET legal_hold = ?, legal_hold_reason = ? WHERE id = ? " \
		"AND legal_hold = ?") \
	X(Q_LOANS_OVERDUE_OF, "isi", "SELECT l.item_id, i.archive_no, i.title, l.due_at FROM archive_loans l " \
		"JOIN archive_items i ON i.id = l.item_id WHERE l.borrower_id = ? AND l.open_item IS NOT NULL " \
		"AND l.due_at < ? ORDER BY l.due_at, l.id LIMIT ?") \
	/* filing periods: the reminders (a row per period once queued) and the archivist's page */ \
	X(Q_PERIOD_RUN_GET, "s", "SELECT COUNT(*) FROM archive_period_runs WHERE period_start = ?") \
	X(Q_PERIOD_RUN_PUT, "sis", "INSERT IGNORE INTO archive_period_runs (period_start, queued, done_at) VALUES (?, ?, ?)") \
	X(Q_PERIOD_MANAGERS, "", "SELECT u.id, u.dept_id, d.name FROM users u JOIN user_roles ur ON ur.user_id = u.id " \
		"AND ur.role = 'dept_manager' JOIN departments d ON d.id = u.dept_id WHERE u.disabled = 0 ORDER BY u.id") \
	X(Q_PERIOD_WAITING, "ii", ITEM_COLS "WHERE i.dept_id = ? AND i.status = 'submitted' ORDER BY i.filed_at, i.id LIMIT ?") \
	X(Q_PERIOD_WAITING_COUNT, "i", "SELECT COUNT(*) FROM archive_items WHERE dept_id = ? AND status = 'submitted'") \
	X(Q_PERIOD_FILED, "ssi", ITEM_COLS "WHERE i.filed_at >= ? AND i.filed_at < ? AND i.dept_id = ? " \
		"ORDER BY i.filed_at, i.id LIMIT 500") \
	X(Q_PERIOD_PLACED, "ssi", ITEM_COLS "WHERE i.placed_at >= ? AND i.placed_at < ? AND i.dept_id = ? " \
		"ORDER BY i.placed_at, i.id LIMIT 500") \
	X(Q_PERIOD_MISSING, "issi", "SELECT c.id, c.name FROM clients c WHERE c.dept_id = ? AND c.deleted_at IS NULL " \
		"AND NOT EXISTS (SELECT 1 FROM archive_items i WHERE i.client_id = c.id AND i.doc_date >= ? AND i.doc_date < ?) " \
		"ORDER BY c.name, c.id LIMIT ?") \
	X(Q_PERIOD_MISSING_COUNT, "iss", "SELECT COUNT(*) FROM clients c WHERE c.dept_id = ? AND c.deleted_at IS NULL " \
		"AND NOT EXISTS (SELECT 1 FROM archive_items i WHERE i.client_id = c.id AND i.doc_date >= ? AND i.doc_date < ?)") \
	X(Q_PERIOD_SUMMARY, "ssssss", "SELECT d.id, d.name, " \
		"(SELECT COUNT(*) FROM archive_items i WHERE i.dept_id = d.id AND i.filed_at >= ? AND i.filed_at < ?), " \
		"(SELECT COUNT(*) FROM archive_items i WHERE i.dept_id = d.id AND i.placed_at >= ? AND i.placed_at < ?), " \
		"(SELECT COUNT(*) FROM archive_items i WHERE i.dept_id = d.id AND i.status = 'submitted'), " \
		"(SELECT COUNT(*) FROM clients c WHERE c.dept_id = d.id AND c.deleted_at IS NULL AND NOT EXISTS " \
		"(SELECT 1 FROM archive_items i WHERE i.client_id = c.id AND i.doc_date >= ? AND i.doc_date < ?)) " \
		"FROM departments d WHERE d.disabled = 0 AND d.kind <> 'company' ORDER BY d.code, d.id") \
	X(Q_DEPT_NAME, "i", "SELECT name FROM departments WHERE id = ?")

SQL_DECLARE(ARCHIVE_SQL)
extern struct sql *const archive_sql[];

#endif
