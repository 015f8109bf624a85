/* sql.h — the statements of the visits domain (see core/sql.h). */
#ifndef DOSSIER_VISITS_SQL_H
#define DOSSIER_VISITS_SQL_H
#include "core/sql.h"

/* A visit with its client's name and its recorder's (Q_VISITS_OF_CLIENT, Q_VISITS_BY). */
#define VISIT_COLS "SELECT v.id, v.client_id, c.name, v.visited_on, v.kind, v.attendees, v.contact, v.summary, " \
	"v.feedback, v.satisfaction, v.problems, v.next_follow_up, (SELECT display_name FROM users WHERE id = " \
	"v.recorded_by), v.recorded_at FROM visits v JOIN clients c ON c.id = v.client_id "
/* the card's panel (core/domain.h struct panel_rows): the latest visits, one more than shown */
#define VISITS_ON_CARD 5
#define PANEL_VISITS { VISIT_COLS "WHERE v.client_id = ?", VC__COUNT, "v.visited_on DESC, v.id DESC", VISITS_ON_CARD + 1 }
enum visit_col { VC_ID, VC_CLIENT, VC_CLIENT_NAME, VC_ON, VC_KIND, VC_ATTENDEES, VC_CONTACT, VC_SUMMARY, VC_FEEDBACK,
		 VC_SATISFACTION, VC_PROBLEMS, VC_NEXT, VC_BY, VC_AT, VC__COUNT };
/* A card on an agenda (Q_AGENDA). */
enum agenda_col { AG_ID, AG_NAME, AG_DUE, AG_LAST, AG_GRADE, AG_LIFECYCLE };
/* The cards of a department to escalate (cgi/visits/remind.c): its live cards
 * whose follow-up is overdue by the set days (a VIP's at once) and not yet
 * escalated for that due day; due days older than the window were escalated
 * before or never will be. A range of ix_clients_escalation
 * (sql/067_escalation_open.sql), checked in the index: only the cards still to
 * escalate are read. Parameters: department, today, the window's start, the
 * last due day not a VIP's, the VIP grade's id. */
#define ESCALATE_WHERE "c.dept_id = ? AND c.escalation_open = 1 AND c.next_visit_due < ? AND c.next_visit_due > ? " \
	"AND (c.next_visit_due <= ? OR c.grade_id = ?)"
/* A card to escalate (Q_ESCALATE_DUE). */
enum escalate_col { EC_ID, EC_NAME, EC_OWNER, EC_OWNER_NAME, EC_DEPT, EC_DUE, EC_LAST, EC_VIP };

/* The managers' dashboard: the cards of one department whose next visit is
 * overdue (what the client list's dept=…&due=overdue shows), counted up to a
 * limit (DASHBOARD_DEPT_CAP + 1), through ix_clients_dept_live_due (sql/045_dashboard.sql): a range
 * of the index, never the department's other cards. Parameters: department,
 * today, a scope not counted ('company' for a department manager, who does
 * not see the company's own cards; '' for the company's heads), the limit.
 * 1, 4, 8 or 24 of them in one row, one column each: MariaDB plans every
 * derived table at each execution (~0.3 ms each), so a manager of one
 * department runs the one-slot statement and only the GM the 24-slot one
 * (DASHBOARD_SLOTS). The index is named: choosing among the ten that start
 * with dept_id or next_visit_due, MariaDB estimated each for every slot,
 * 7.5 ms of the GM's 24 slots against 4.5 ms named. */
#define OVERDUE_SLOT "(SELECT COUNT(*) FROM (SELECT 1 FROM clients c FORCE INDEX (ix_clients_dept_live_due) " \
	"WHERE c.dept_id = ? AND c.deleted_at IS NULL " \
	"AND c.next_visit_due < ? AND c.scope <> ? LIMIT ?) x)"
#define OVERDUE_4 OVERDUE_SLOT ", " OVERDUE_SLOT ", " OVERDUE_SLOT ", " OVERDUE_SLOT
#define OVERDUE_8 OVERDUE_4 ", " OVERDUE_4
#define OVERDUE_24 OVERDUE_8 ", " OVERDUE_8 ", " OVERDUE_8
#define T_OVERDUE_1 "issi"
#define T_OVERDUE_4 T_OVERDUE_1 T_OVERDUE_1 T_OVERDUE_1 T_OVERDUE_1
#define T_OVERDUE_8 T_OVERDUE_4 T_OVERDUE_4
#define T_OVERDUE_24 T_OVERDUE_8 T_OVERDUE_8 T_OVERDUE_8
enum overdue_saved_col { OS_DEPT, OS_N, OS_DAY, OS_AT };       /* Q_DASH_OVERDUE_SAVED */

#define VISITS_SQL(X) \
	X(Q_VISIT_INSERT, "isssssssssis", "INSERT INTO visits (client_id, visited_on, kind, attendees, contact, summary, " \
		"feedback, satisfaction, problems, next_follow_up, recorded_by, recorded_at) " \
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") \
	/* the card after a visit: its last visit, last progress, and — when it is the latest visit — the next \
	 * visit due: the grade's cadence (never more than a year) from it, or its follow-up day when sooner. \
	 * One table, so the assignments run left to right: next_visit_due still sees the old last visit */ \
	X(Q_VISIT_MOVE_CARD, "sssssssi", "UPDATE clients c " \
		"SET c.next_visit_due = IF(? >= COALESCE(c.last_visit_on, '1000-01-01'), LEAST(DATE_ADD(?, INTERVAL " \
		"LEAST(COALESCE((SELECT g.visit_days FROM grades g WHERE g.id = c.grade_id), 365), 365) DAY), " \
		"COALESCE(?, '9999-12-31')), c.next_visit_due), " \
		"c.last_visit_on = GREATEST(COALESCE(c.last_visit_on, ?), ?), " \
		"c.last_progress_on = GREATEST(COALESCE(c.last_progress_on, ?), ?) " \
		"WHERE c.id = ? AND c.deleted_at IS NULL") \
	X(Q_VISITS_OF_CLIENT, "issii", VISIT_COLS "WHERE v.client_id = ? AND (v.visited_on < ? OR " \
		"(v.visited_on = ? AND v.id < ?)) ORDER BY v.visited_on DESC, v.id DESC LIMIT ?") \
	X(Q_VISITS_BY, "iii", VISIT_COLS "WHERE v.recorded_by = ? AND v.id < ? ORDER BY v.id DESC LIMIT ?") \
	/* a person's cards due for a visit from a day to a day, the most overdue first (their overdue ones: \
	 * from the beginning, before today; the others: from today) */ \
	X(Q_AGENDA, "issi", "SELECT c.id, c.name, c.next_visit_due, c.last_visit_on, c.grade_id, c.lifecycle " \
		"FROM clients c WHERE c.owner_id = ? AND c.next_visit_due >= ? AND c.next_visit_due <= ? " \
		"AND c.deleted_at IS NULL AND c.in_pool = 0 ORDER BY c.next_visit_due, c.id LIMIT ?") \
	/* ---- reminders (remind.c) ---- */ \
	X(Q_VIP_GRADE, "", "SELECT COALESCE(MAX(id), 0) FROM grades WHERE code = 'vip'") \
	/* the departments with an enabled manager, whom escalations go to */ \
	X(Q_ESCALATE_DEPTS, "", "SELECT DISTINCT u.dept_id, d.name FROM users u JOIN user_roles ur ON ur.user_id = u.id " \
		"AND ur.role = 'dept_manager' JOIN departments d ON d.id = u.dept_id WHERE u.disabled = 0 ORDER BY 1") \
	/* the first cards of a department to escalate, in due order, locked for the batch */ \
	X(Q_ESCALATE_DUE, "isssii", "SELECT c.id, c.name, c.owner_id, (SELECT display_name FROM users WHERE id = c.owner_id), " \
		"c.dept_id, c.next_visit_due, c.last_visit_on, " \
		"COALESCE((SELECT g.code = 'vip' FROM grades g WHERE g.id = c.grade_id), 0) FROM clients c " \
		"WHERE " ESCALATE_WHERE " ORDER BY c.next_visit_due, c.id LIMIT ? FOR UPDATE") \
	/* every card of the department to escalate joins the batch (the first card's id) */ \
	X(Q_ESCALATED, "iisssi", "UPDATE clients c SET c.escalated_due = c.next_visit_due, c.escalated_in = ? " \
		"WHERE " ESCALATE_WHERE) \
	/* a card of a batch still overdue (the batch's message is needed) */ \
	X(Q_ESCALATION_OPEN, "iis", "SELECT c.id FROM clients c WHERE c.dept_id = ? AND c.escalated_in = ? " \
		"AND c.deleted_at IS NULL AND c.next_visit_due < ? AND c.escalated_due = c.next_visit_due LIMIT 1") \
	X(Q_AGENDA_USER, "i", "SELECT u.id, u.display_name, u.dept_id, d.name FROM users u " \
		"JOIN departments d ON d.id = u.dept_id WHERE u.id = ?") \
	X(Q_DASH_OVERDUE_1, T_OVERDUE_1, "SELECT " OVERDUE_SLOT) \
	X(Q_DASH_OVERDUE_4, T_OVERDUE_4, "SELECT " OVERDUE_4) \
	X(Q_DASH_OVERDUE_8, T_OVERDUE_8, "SELECT " OVERDUE_8) \
	X(Q_DASH_OVERDUE_24, T_OVERDUE_24, "SELECT " OVERDUE_24) \
	/* the company's figures as `dossier cron` counted them (sql/077), and their saving */ \
	X(Q_DASH_OVERDUE_SAVED, "", "SELECT dept_id, n, day, counted_at FROM dept_overdue_counts") \
	X(Q_OVERDUE_SAVE, "iiss", "INSERT INTO dept_overdue_counts (dept_id, n, day, counted_at) VALUES (?, ?, ?, ?) " \
		"ON DUPLICATE KEY UPDATE n = VALUES(n), day = VALUES(day), counted_at = VALUES(counted_at)")

SQL_DECLARE(VISITS_SQL)
extern struct sql *const visits_sql[];

#endif
