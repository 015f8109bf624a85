/* sql.h — the statements of the reports domain (see core/sql.h).
 *
 * Every report statement returns the row's key first (an id or code, for the
 * drill-down link), then the section's columns in order. The department
 * filter is IN_TREE(column): two 'i' parameters, the subtree's root twice
 * (0: every department). */
#ifndef DOSSIER_REPORTS_SQL_H
#define DOSSIER_REPORTS_SQL_H
#include "core/sql.h"

#define IN_TREE(col) "(? = 0 OR " col " IN (WITH RECURSIVE sub AS (SELECT id FROM departments WHERE id = ? " \
	"UNION ALL SELECT d.id FROM departments d JOIN sub ON d.parent_id = sub.id) SELECT id FROM sub))"
/* a person's or an item's name in the reader's language (the first parameter: 1 for English) */
#define LANG_NAME(t) "IF(? = 1, " t ".name_en, " t ".name_zh)"

/* a client count breakdown from the rollup: key, label, cards */
#define RPT_CLIENTS_BY(key, label, join) "SELECT r." key ", COALESCE(" label ", ''), SUM(r.n) FROM rpt_clients r " \
	join " WHERE " IN_TREE("r.dept_id") " GROUP BY r." key " ORDER BY SUM(r.n) DESC, r." key " LIMIT 200"

/* the previous visit of the card before visit v (its day, its follow-up date) */
#define PREV_VISIT(col) "(SELECT p." col " FROM visits p WHERE p.client_id = v.client_id AND (p.visited_on < v.visited_on " \
	"OR (p.visited_on = v.visited_on AND p.id < v.id)) ORDER BY p.visited_on DESC, p.id DESC LIMIT 1)"

#define REPORTS_SQL(X) \
	/* ---- the filter ---- */ \
	X(Q_RPT_DEPTS, "", "SELECT id, name FROM departments WHERE disabled = 0 ORDER BY parent_id IS NOT NULL, name, id") \
	X(Q_RPT_DEPT_NAME, "i", "SELECT name FROM departments WHERE id = ?") \
	X(Q_RPT_ROLLUP_AT, "s", "SELECT built_at FROM rpt_rollups WHERE name = ?") \
	/* ---- 1. client structure (rpt_clients) ---- */ \
	X(Q_RPT_BY_GRADE, "iii", RPT_CLIENTS_BY("grade_id", LANG_NAME("g"), "LEFT JOIN grades g ON g.id = r.grade_id")) \
	X(Q_RPT_BY_NATURE, "iii", RPT_CLIENTS_BY("nature_id", LANG_NAME("k"), "LEFT JOIN class_items k ON k.id = r.nature_id")) \
	X(Q_RPT_BY_REGION, "iii", RPT_CLIENTS_BY("region_id", LANG_NAME("k"), "LEFT JOIN class_items k ON k.id = r.region_id")) \
	X(Q_RPT_BY_LIFECYCLE, "ii", "SELECT r.lifecycle, r.lifecycle, SUM(r.n) FROM rpt_clients r WHERE " IN_TREE("r.dept_id") \
		" GROUP BY r.lifecycle ORDER BY FIELD(r.lifecycle, 'prospect', 'new', 'established', 'problem', 'former')") \
	X(Q_RPT_BY_OWNER, "ii", "SELECT r.owner_id, u.display_name, SUM(r.n), SUM(r.pool) FROM rpt_clients r " \
		"JOIN users u ON u.id = r.owner_id WHERE " IN_TREE("r.dept_id") " GROUP BY r.owner_id, u.display_name " \
		"ORDER BY SUM(r.n) DESC, u.display_name LIMIT 200") \
	/* quota use per department: cards, VIP, VIP share, preferred, preferred share */ \
	X(Q_RPT_QUOTA, "ii", "SELECT r.dept_id, d.name, SUM(r.n), SUM(IF(g.code = 'vip', r.n, 0)), " \
		"SUM(IF(g.code = 'vip', r.n, 0)) / SUM(r.n), SUM(IF(g.code = 'preferred', r.n, 0)), " \
		"SUM(IF(g.code = 'preferred', r.n, 0)) / SUM(r.n) FROM rpt_clients r JOIN departments d ON d.id = r.dept_id " \
		"LEFT JOIN grades g ON g.id = r.grade_id WHERE " IN_TREE("r.dept_id") " GROUP BY r.dept_id, d.name " \
		"HAVING SUM(r.n) > 0 ORDER BY d.name LIMIT 200") \
	/* ---- 3. follow-up compliance ---- */ \
	/* visits in the period per owner of the card: all, on time (no earlier visit, or on or before the \
	 * day the earlier one made due: the grade's cadence, at most a year, or its follow-up day if sooner) */ \
	X(Q_RPT_FOLLOW_VISITS, "ssii", "SELECT c.owner_id, u.display_name, COUNT(*), SUM(x.on_time), " \
		"COUNT(*) - SUM(x.on_time), SUM(x.on_time) / COUNT(*) FROM (SELECT v.client_id, " \
		"(v.prev IS NULL OR v.visited_on <= LEAST(DATE_ADD(v.prev, INTERVAL LEAST(COALESCE(g.visit_days, 365), 365) DAY), " \
		"COALESCE(v.prev_follow, '9999-12-31'))) AS on_time FROM (SELECT v.client_id, v.visited_on, " \
		PREV_VISIT("visited_on") " AS prev, " PREV_VISIT("next_follow_up") " AS prev_follow " \
		"FROM visits v WHERE v.visited_on >= ? AND v.visited_on <= ?) v JOIN clients c2 ON c2.id = v.client_id " \
		"LEFT JOIN grades g ON g.id = c2.grade_id) x JOIN clients c ON c.id = x.client_id " \
		"JOIN users u ON u.id = c.owner_id WHERE c.deleted_at IS NULL AND " IN_TREE("c.dept_id") \
		" GROUP BY c.owner_id, u.display_name ORDER BY u.display_name, c.owner_id LIMIT 500") \
	/* cards overdue for a visit per owner (rollup) */ \
	X(Q_RPT_FOLLOW_OVERDUE, "ii", "SELECT r.owner_id, u.display_name, SUM(r.n), SUM(r.overdue), " \
		"SUM(r.overdue) / SUM(r.n) FROM rpt_clients r JOIN users u ON u.id = r.owner_id WHERE r.pool = 0 AND " \
		IN_TREE("r.dept_id") " GROUP BY r.owner_id, u.display_name HAVING SUM(r.n) > 0 " \
		"ORDER BY SUM(r.overdue) DESC, u.display_name LIMIT 500") \
	/* ---- 5. circulation ---- */ \
	/* by secrecy: out now, of them in time and overdue, lent in the period (now, from, to) */ \
	X(Q_RPT_LOANS_SECRECY, "ssssssii", "SELECT i.secrecy, i.secrecy, SUM(l.open_item IS NOT NULL), " \
		"SUM(l.open_item IS NOT NULL AND l.due_at >= ?), SUM(l.open_item IS NOT NULL AND l.due_at < ?), " \
		"SUM(l.out_at >= ? AND l.out_at < ?) FROM archive_loans l JOIN archive_items i ON i.id = l.item_id " \
		"WHERE (l.open_item IS NOT NULL OR (l.out_at >= ? AND l.out_at < ?)) AND " IN_TREE("i.dept_id") \
		" GROUP BY i.secrecy ORDER BY FIELD(i.secrecy, 'ordinary', 'secret', 'confidential', 'top_secret')") \
	/* per borrower: out now, overdue now */ \
	X(Q_RPT_LOANS_BORROWER, "siis", "SELECT l.borrower_id, u.display_name, COUNT(*), SUM(l.due_at < ?) " \
		"FROM archive_loans l JOIN archive_items i ON i.id = l.item_id JOIN users u ON u.id = l.borrower_id " \
		"WHERE l.open_item IS NOT NULL AND " IN_TREE("i.dept_id") " GROUP BY l.borrower_id, u.display_name " \
		"ORDER BY SUM(l.due_at < ?) DESC, COUNT(*) DESC, u.display_name LIMIT 200") \
	/* items lost in the period */ \
	X(Q_RPT_LOST, "ssii", "SELECT i.id, i.archive_no, i.title, DATE(n.noted_at), u.display_name " \
		"FROM archive_incidents n JOIN archive_items i ON i.id = n.item_id JOIN archive_loans l ON l.id = n.loan_id " \
		"JOIN users u ON u.id = l.borrower_id WHERE n.kind = 'lost' AND n.noted_at >= ? AND n.noted_at < ? AND " \
		IN_TREE("i.dept_id") " ORDER BY n.noted_at, n.id LIMIT 500") \
	/* ---- 6. access audit ---- */ \
	/* views per viewer in the period (rollup): views allowed, denied attempts */ \
	X(Q_RPT_VIEWS_USER, "ssii", "SELECT r.user_id, u.display_name, SUM(IF(r.via = 'denied', 0, r.n)), " \
		"SUM(IF(r.via = 'denied', r.n, 0)), SUM(IF(r.via = 'grant', r.n, 0)) FROM rpt_views_days r " \
		"JOIN users u ON u.id = r.user_id WHERE r.day >= ? AND r.day <= ? AND " IN_TREE("r.dept_id") \
		" GROUP BY r.user_id, u.display_name ORDER BY SUM(r.n) DESC, u.display_name LIMIT 500") \
	/* the cards viewed most in the period, by viewers of the departments (an index range of the period) */ \
	X(Q_RPT_VIEWS_CARD, "ssii", "SELECT v.client_id, c.name, SUM(v.via <> 'denied'), SUM(v.via = 'denied') " \
		"FROM client_views v JOIN clients c ON c.id = v.client_id JOIN users u ON u.id = v.user_id " \
		"WHERE v.at >= ? AND v.at < ? AND " IN_TREE("u.dept_id") " GROUP BY v.client_id, c.name " \
		"ORDER BY COUNT(*) DESC, c.name LIMIT 20") \
	/* access to cards granted by approval in the period, per requester */ \
	X(Q_RPT_GRANTS, "ssii", "SELECT q.requester_id, u.display_name, COUNT(*) FROM requests q " \
		"JOIN users u ON u.id = q.requester_id WHERE q.decided_at >= ? AND q.decided_at < ? AND q.req_type = 'view' " \
		"AND q.status = 'approved' AND " IN_TREE("u.dept_id") " GROUP BY q.requester_id, u.display_name " \
		"ORDER BY COUNT(*) DESC, u.display_name LIMIT 500") \
	/* electronic copies in the period, per reader: downloads, views in the browser, refusals */ \
	X(Q_RPT_DOWNLOADS, "ssii", "SELECT f.user_id, u.display_name, SUM(f.outcome = 'download'), " \
		"SUM(f.outcome = 'inline'), SUM(f.outcome = 'refused') FROM archive_file_log f " \
		"JOIN users u ON u.id = f.user_id WHERE f.at >= ? AND f.at < ? AND " IN_TREE("u.dept_id") \
		" GROUP BY f.user_id, u.display_name ORDER BY COUNT(*) DESC, u.display_name LIMIT 500") \
	/* ---- the rollups (rollup.c) ---- */ \
	X(Q_RPT_CLIENTS_CLEAR, "", "DELETE FROM rpt_clients") \
	X(Q_RPT_CLIENTS_FILL, "s", "INSERT INTO rpt_clients (dept_id, owner_id, grade_id, nature_id, region_id, lifecycle, " \
		"n, overdue, pool) SELECT dept_id, owner_id, COALESCE(grade_id, 0), COALESCE(nature_id, 0), " \
		"COALESCE(region_id, 0), lifecycle, COUNT(*), SUM(next_visit_due IS NOT NULL AND next_visit_due < ?), " \
		"SUM(in_pool) FROM clients WHERE deleted_at IS NULL GROUP BY dept_id, owner_id, COALESCE(grade_id, 0), " \
		"COALESCE(nature_id, 0), COALESCE(region_id, 0), lifecycle") \
	X(Q_RPT_VIEWS_CLEAR, "s", "DELETE FROM rpt_views_days WHERE day >= ?") \
	X(Q_RPT_VIEWS_FILL, "s", "INSERT INTO rpt_views_days (day, user_id, dept_id, via, n) " \
		"SELECT DATE(v.at), v.user_id, u.dept_id, v.via, COUNT(*) FROM client_views v JOIN users u ON u.id = v.user_id " \
		"WHERE v.at >= ? GROUP BY DATE(v.at), v.user_id, u.dept_id, v.via") \
	X(Q_RPT_ROLLUP_DONE, "ss", "INSERT INTO rpt_rollups (name, built_at) VALUES (?, ?) " \
		"ON DUPLICATE KEY UPDATE built_at = VALUES(built_at)")

SQL_DECLARE(REPORTS_SQL)
extern struct sql *const reports_sql[];

#endif
