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

/* The rows of a period in a day-and-month summary table t: its whole months
 * (the first days of the first and last, 's' twice) and the days of its
 * edges ([a, b) and (c, d], 's' four times): six parameters (period_days). */
#define IN_PERIOD(t) "((" t ".grain = 'm' AND " t ".day >= ? AND " t ".day <= ?) OR (" t ".grain = 'd' AND ((" t ".day >= ? " \
	"AND " t ".day < ?) OR (" t ".day > ? AND " t ".day <= ?))))"
/* per person of a summary table t with n and late (a person's id in column col), in the period and departments:
 * the person, all, in time, late, late share; the latest first */
#define LATE_PER_PERSON(t, col) "SELECT r." col ", u.display_name, SUM(r.n), SUM(r.n) - SUM(r.late), SUM(r.late), " \
	"SUM(r.late) / SUM(r.n) FROM " t " r JOIN users u ON u.id = r." col " WHERE " IN_PERIOD("r") " AND " \
	IN_TREE("r.dept_id") " GROUP BY r." col ", u.display_name ORDER BY SUM(r.late) DESC, u.display_name LIMIT ?"

/* the decisions of requests t in the period (from, to) not summed in rpt_decisions yet: since its state's seen_at */
#define DECIDED_SINCE(t) t ".decided_at >= GREATEST(?, COALESCE((SELECT seen_at FROM rpt_rollups " \
	"WHERE name = 'decisions'), '1000-01-01')) AND " t ".decided_at < ?"

/* both grains of a chunk: a summed day's row and its month's */
#define GRAINS "(SELECT 'd' AS g UNION ALL SELECT 'm') k"
#define GRAIN_DAY(col) "IF(k.g = 'd', " col ", DATE_FORMAT(" col ", '%Y-%m-01'))"
/* The rows of src (FROM … WHERE …) counted into the day-and-month summary t (grain, day, keys…, n): by their
 * day (an expression) and cols, whose names are keys ("v.user_id, u.dept_id" for "user_id, dept_id"), each
 * count added to the row of its day and of its month. */
#define COUNT_BY_DAY(t, keys, day, cols, src) "INSERT INTO " t " (grain, day, " keys ", n) SELECT k.g, " \
	GRAIN_DAY("x.day") ", " keys ", SUM(x.n) FROM (SELECT " day " AS day, " cols ", COUNT(*) AS n " src " GROUP BY " \
	day ", " cols ") x JOIN " GRAINS " GROUP BY k.g, " GRAIN_DAY("x.day") ", " keys " " \
	"ON DUPLICATE KEY UPDATE n = n + VALUES(n)"

/* how many of the period's latest views the cards viewed most are counted from */
#define CARD_VIEWS "5000"

/* the rows of a day-and-month summary t up to a day: its months before the day's, and its days of that month
 * up to the day (the month's first day twice, then the day) */
#define ENDED_BY(t) "((" t ".grain = 'm' AND " t ".day < ?) OR (" t ".grain = 'd' AND " t ".day >= ? AND " t ".day <= ?))"
/* the last day of an item's retention term */
#define RETENTION_END_OF(t) "DATE_ADD(" t ".doc_date, INTERVAL CAST(CAST(" t ".retention AS CHAR) AS UNSIGNED) YEAR)"

/* the previous visit of the card before visit v (its day, its follow-up date) */
#define PREV_VISIT(col) "(SELECT p." col " FROM visits p WHERE p.client_id = v.client_id AND (p.visited_on < v.visited_on " \
	"OR (p.visited_on = v.visited_on AND p.id < v.id)) ORDER BY p.visited_on DESC, p.id DESC LIMIT 1)"

enum rollup_col { RU_BUILT, RU_LAST, RU_SEEN, RU_SEEN_AT };

#define REPORTS_SQL(X) \
	/* ---- the filter ---- */ \
	X(Q_RPT_DEPTS, "", "SELECT id, name FROM departments WHERE disabled = 0 ORDER BY parent_id IS NOT NULL, name, id") \
	X(Q_RPT_DEPT_NAME, "i", "SELECT name FROM departments WHERE id = ?") \
	/* ---- the scheduled report mails (mail.c) ---- */ \
	X(Q_RPTMAIL_DONE, "ss", "SELECT 1 FROM rpt_mail_runs WHERE kind = ? AND period = ?") \
	X(Q_RPTMAIL_MARK, "sssi", "INSERT INTO rpt_mail_runs (kind, period, done_at, queued) VALUES (?, ?, ?, ?) " \
		"ON DUPLICATE KEY UPDATE queued = queued + VALUES(queued)") \
	/* the people holding one of two roles, in pages by id */ \
	X(Q_RPTMAIL_PEOPLE, "ssii", "SELECT DISTINCT u.id, u.dept_id, COALESCE(u.lang, ''), u.display_name FROM users u " \
		"JOIN user_roles ur ON ur.user_id = u.id WHERE ur.role IN (?, ?) AND u.disabled = 0 AND u.id > ? " \
		"ORDER BY u.id LIMIT ?") \
	/* ---- 1. client structure (rpt_clients) ---- */ \
	X(Q_RPT_BY_GRADE, "iii", RPT_CLIENTS_BY("grade_id", LANG_NAME("g"), "LEFT JOIN grades g ON g.id = r.grade_id")) \
	X(Q_RPT_BY_NATURE, "iii", RPT_CLIENTS_BY("nature_id", LANG_NAME("k"), "LEFT JOIN class_items k ON k.id = r.nature_id")) \
	X(Q_RPT_BY_REGION, "iii", RPT_CLIENTS_BY("region_id", LANG_NAME("k"), "LEFT JOIN class_items k ON k.id = r.region_id")) \
	X(Q_RPT_BY_LIFECYCLE, "ii", "SELECT r.lifecycle, r.lifecycle, SUM(r.n) FROM rpt_clients r WHERE " IN_TREE("r.dept_id") \
		" GROUP BY r.lifecycle ORDER BY FIELD(r.lifecycle, 'prospect', 'new', 'established', 'problem', 'former')") \
	X(Q_RPT_BY_OWNER, "iii", "SELECT r.owner_id, u.display_name, SUM(r.n), SUM(r.pool) FROM rpt_clients r " \
		"JOIN users u ON u.id = r.owner_id WHERE " IN_TREE("r.dept_id") " GROUP BY r.owner_id, u.display_name " \
		"ORDER BY SUM(r.n) DESC, u.display_name LIMIT ?") \
	/* quota use per department: cards, VIP, VIP share, preferred, preferred share */ \
	X(Q_RPT_QUOTA, "ii", "SELECT r.dept_id, d.name, SUM(r.n), SUM(IF(g.code = 'vip', r.n, 0)), " \
		"SUM(IF(g.code = 'vip', r.n, 0)) / SUM(r.n), SUM(IF(g.code = 'preferred', r.n, 0)), " \
		"SUM(IF(g.code = 'preferred', r.n, 0)) / SUM(r.n) FROM rpt_clients r JOIN departments d ON d.id = r.dept_id " \
		"LEFT JOIN grades g ON g.id = r.grade_id WHERE " IN_TREE("r.dept_id") " GROUP BY r.dept_id, d.name " \
		"HAVING SUM(r.n) > 0 ORDER BY d.name LIMIT 200") \
	/* ---- 3. follow-up compliance ---- */ \
	/* visits in the period per owner of the card (rpt_visits): all, on time, late, on-time share */ \
	X(Q_RPT_FOLLOW_VISITS, "ssssssiii", "SELECT r.owner_id, u.display_name, SUM(r.visits), SUM(r.on_time), " \
		"SUM(r.visits) - SUM(r.on_time), SUM(r.on_time) / SUM(r.visits) FROM rpt_visits r " \
		"JOIN users u ON u.id = r.owner_id WHERE " IN_PERIOD("r") " AND " IN_TREE("r.dept_id") \
		" GROUP BY r.owner_id, u.display_name ORDER BY u.display_name, r.owner_id LIMIT ?") \
	/* cards overdue for a visit per owner (rollup): cards out of the pool, overdue, share */ \
	X(Q_RPT_FOLLOW_OVERDUE, "iii", "SELECT r.owner_id, u.display_name, SUM(r.n - r.pool), SUM(r.overdue), " \
		"SUM(r.overdue) / SUM(r.n - r.pool) FROM rpt_clients r JOIN users u ON u.id = r.owner_id WHERE " \
		IN_TREE("r.dept_id") " GROUP BY r.owner_id, u.display_name HAVING SUM(r.n - r.pool) > 0 " \
		"ORDER BY SUM(r.overdue) DESC, u.display_name LIMIT ?") \
	/* ---- 5. circulation ---- */ \
	/* by secrecy: out now, of them in time and overdue (rpt_loans_open, as of its build), lent in the period \
	 * (rpt_loans) */ \
	X(Q_RPT_LOANS_SECRECY, "iissssssii", "SELECT x.secrecy, x.secrecy, SUM(x.out_now), SUM(x.out_now - x.late), " \
		"SUM(x.late), SUM(x.lent) FROM (SELECT o.secrecy, o.n AS out_now, o.overdue AS late, 0 AS lent " \
		"FROM rpt_loans_open o WHERE " IN_TREE("o.dept_id") " UNION ALL SELECT r.secrecy, 0, 0, r.n FROM rpt_loans r " \
		"WHERE " IN_PERIOD("r") " AND " IN_TREE("r.dept_id") ") x GROUP BY x.secrecy " \
		"ORDER BY FIELD(x.secrecy, 'ordinary', 'secret', 'confidential', 'top_secret')") \
	/* per borrower: out now, overdue (rpt_loans_open) */ \
	X(Q_RPT_LOANS_BORROWER, "iii", "SELECT o.borrower_id, u.display_name, SUM(o.n), SUM(o.overdue) " \
		"FROM rpt_loans_open o JOIN users u ON u.id = o.borrower_id WHERE " IN_TREE("o.dept_id") \
		" GROUP BY o.borrower_id, u.display_name ORDER BY SUM(o.overdue) DESC, SUM(o.n) DESC, u.display_name LIMIT ?") \
	/* items lost in the period */ \
	X(Q_RPT_LOST, "ssiii", "SELECT i.id, i.archive_no, i.title, DATE(n.noted_at), u.display_name " \
		"FROM archive_incidents n JOIN archive_items i ON i.id = n.item_id JOIN archive_loans l ON l.id = n.loan_id " \
		"JOIN users u ON u.id = l.borrower_id WHERE n.kind = 'lost' AND n.noted_at >= ? AND n.noted_at < ? AND " \
		IN_TREE("i.dept_id") " ORDER BY n.noted_at, n.id LIMIT ?") \
	/* ---- 6. access audit ---- */ \
	/* views per viewer in the period (rpt_views): views allowed, denied attempts, by grant */ \
	X(Q_RPT_VIEWS_USER, "ssssssiii", "SELECT r.user_id, u.display_name, SUM(IF(r.via = 'denied', 0, r.n)), " \
		"SUM(IF(r.via = 'denied', r.n, 0)), SUM(IF(r.via = 'grant', r.n, 0)) FROM rpt_views r " \
		"JOIN users u ON u.id = r.user_id WHERE " IN_PERIOD("r") " AND " IN_TREE("r.dept_id") \
		" GROUP BY r.user_id, u.display_name ORDER BY SUM(r.n) DESC, u.display_name LIMIT ?") \
	/* the 20 cards viewed most among the latest CARD_VIEWS views of the period by viewers of the departments \
	 * (a bounded backward range of the covering period index, whatever the size of the log), ties by card \
	 * number; their names are read for those 20 only (for 5,000 cards of a past year, 0.3 s of reads) */ \
	X(Q_RPT_VIEWS_CARD, "ssii", "SELECT y.client_id, c.name, y.ok, y.denied FROM (SELECT x.client_id, " \
		"SUM(x.via <> 'denied') AS ok, SUM(x.via = 'denied') AS denied, COUNT(*) AS n FROM " \
		"(SELECT v.client_id, v.via FROM client_views v FORCE INDEX (ix_client_views_at) JOIN users u ON u.id = v.user_id " \
		"WHERE v.at >= ? AND v.at < ? AND " IN_TREE("u.dept_id") " ORDER BY v.at DESC LIMIT " CARD_VIEWS ") x " \
		"GROUP BY x.client_id ORDER BY n DESC, x.client_id LIMIT 20) y JOIN clients c ON c.id = y.client_id " \
		"ORDER BY y.n DESC, y.client_id") \
	/* access to cards granted by approval in the period, per requester */ \
	X(Q_RPT_GRANTS, "ssssssiissiii", "SELECT x.requester_id, u.display_name, SUM(x.n) FROM (" \
		"SELECT r.requester_id, r.n FROM rpt_decisions r WHERE r.req_type = 'view' AND r.status = 'approved' AND " \
		IN_PERIOD("r") " AND " IN_TREE("r.dept_id") " UNION ALL " \
		"SELECT q.requester_id, 1 FROM requests q JOIN users w ON w.id = q.requester_id WHERE " DECIDED_SINCE("q") \
		" AND q.req_type = 'view' AND q.status = 'approved' AND " IN_TREE("w.dept_id") ") x " \
		"JOIN users u ON u.id = x.requester_id GROUP BY x.requester_id, u.display_name " \
		"ORDER BY SUM(x.n) DESC, u.display_name LIMIT ?") \
	/* electronic copies in the period, per reader: downloads, views in the browser, refusals */ \
	X(Q_RPT_DOWNLOADS, "ssssssiii", "SELECT r.user_id, u.display_name, SUM(IF(r.outcome = 'download', r.n, 0)), " \
		"SUM(IF(r.outcome = 'inline', r.n, 0)), SUM(IF(r.outcome = 'refused', r.n, 0)) FROM rpt_files r " \
		"JOIN users u ON u.id = r.user_id WHERE " IN_PERIOD("r") " AND " IN_TREE("r.dept_id") \
		" GROUP BY r.user_id, u.display_name ORDER BY SUM(r.n) DESC, u.display_name LIMIT ?") \
	/* ---- 2. new clients and filing timeliness ---- */ \
	/* cards registered in the period (rpt_new) per week (its Monday) or month: new, filed late, late share */ \
	X(Q_RPT_NEW_WEEKLY, "ssii", "SELECT w, w, SUM(n), SUM(late), SUM(late) / SUM(n) FROM (SELECT " \
		"DATE_SUB(r.day, INTERVAL WEEKDAY(r.day) DAY) AS w, r.n, r.late FROM rpt_new r " \
		"WHERE r.grain = 'd' AND r.day >= ? AND r.day <= ? AND " IN_TREE("r.dept_id") ") x GROUP BY w ORDER BY w") \
	X(Q_RPT_NEW_MONTHLY, "ssssssii", "SELECT m, m, SUM(n), SUM(late), SUM(late) / SUM(n) FROM (SELECT " \
		"DATE_FORMAT(r.day, '%Y-%m') AS m, r.n, r.late FROM rpt_new r " \
		"WHERE " IN_PERIOD("r") " AND " IN_TREE("r.dept_id") ") x GROUP BY m ORDER BY m") \
	/* per person who registered them: new, in time, late, late share */ \
	X(Q_RPT_FILING_PERSON, "ssssssiii", LATE_PER_PERSON("rpt_new", "registered_by")) \
	/* changes reported per person (rpt_changes): reported, in time, late, late share */ \
	X(Q_RPT_CHANGES_PERSON, "ssssssiii", LATE_PER_PERSON("rpt_changes", "actor_id")) \
	/* ---- 4. pool ---- */ \
	/* protected prospects per owner: protected today, protection ending within 14 days (that day, today) */ \
	X(Q_RPT_POOL_OWNER, "ssiii", "SELECT c.owner_id, u.display_name, COUNT(*), SUM(c.protected_until <= ?) " \
		"FROM clients c JOIN users u ON u.id = c.owner_id WHERE c.in_pool = 0 AND c.lifecycle = 'prospect' " \
		"AND c.protected_until >= ? AND c.deleted_at IS NULL AND " \
		IN_TREE("c.dept_id") " GROUP BY c.owner_id, u.display_name ORDER BY COUNT(*) DESC, u.display_name LIMIT ?") \
	/* per department: in the pool now, returned to it in the period */ \
	/* (counted from ix_clients_in_pool alone, sql/078, then named: joined first, the departments led) */ \
	X(Q_RPT_POOL_DEPT, "ssii", "SELECT x.dept_id, d.name, x.n, x.back FROM (SELECT c.dept_id, COUNT(*) AS n, " \
		"SUM(c.pool_since >= ? AND c.pool_since < ?) AS back FROM clients c FORCE INDEX (ix_clients_in_pool) " \
		"WHERE c.in_pool = 1 AND c.deleted_at IS NULL AND " IN_TREE("c.dept_id") " GROUP BY c.dept_id) x " \
		"JOIN departments d ON d.id = x.dept_id ORDER BY d.name LIMIT 200") \
	/* ---- 7. approvals ---- */ \
	/* open approvals per approver of the current step: pending, of them waiting up to and over 3 days (the \
	 * time 3 days ago, twice), the oldest's day */ \
	X(Q_RPT_PENDING, "ssiii", "SELECT a.user_id, u.display_name, COUNT(*), SUM(q.created_at >= ?), SUM(q.created_at < ?), " \
		"DATE(MIN(q.created_at)) FROM request_approvers a JOIN requests q ON q.id = a.request_id " \
		"AND q.status = 'pending' AND q.cur_step = a.step_no JOIN users u ON u.id = a.user_id WHERE a.open = 1 AND " \
		IN_TREE("u.dept_id") " GROUP BY a.user_id, u.display_name ORDER BY COUNT(*) DESC, u.display_name LIMIT ?") \
	/* decided in the period per kind (requester's department): decided, approved, rejected, hours to decide */ \
	X(Q_RPT_DECISIONS, "ssssssiissii", "SELECT x.req_type, x.req_type, SUM(x.n), SUM(IF(x.status = 'approved', x.n, 0)), " \
		"SUM(IF(x.status = 'rejected', x.n, 0)), ROUND(SUM(x.minutes) / SUM(x.n) / 60, 1) FROM (" \
		"SELECT r.req_type, r.status, r.n, r.minutes FROM rpt_decisions r WHERE " IN_PERIOD("r") " AND " \
		IN_TREE("r.dept_id") " UNION ALL SELECT q.req_type, q.status, 1, TIMESTAMPDIFF(MINUTE, q.created_at, " \
		"q.decided_at) FROM requests q JOIN users u ON u.id = q.requester_id WHERE " DECIDED_SINCE("q") " AND " \
		"q.status IN ('approved', 'rejected') AND " IN_TREE("u.dept_id") ") x GROUP BY x.req_type " \
		"ORDER BY SUM(x.n) DESC") \
	/* ---- 8. complaints and satisfaction ---- */ \
	/* received in the period per department of the card: received, urgent, answered in time, unanswered \
	 * past the deadline (today), reopened */ \
	X(Q_RPT_COMPLAINTS, "sssii", "SELECT c.dept_id, d.name, COUNT(*), SUM(k.urgent), " \
		"SUM(k.answered_at IS NOT NULL AND DATE(k.answered_at) <= k.due_on), SUM(k.answered_at IS NULL AND k.due_on < ?), " \
		"SUM(k.reopened > 0) FROM complaints k JOIN clients c ON c.id = k.client_id JOIN departments d ON d.id = c.dept_id " \
		"WHERE k.received_at >= ? AND k.received_at < ? AND " IN_TREE("c.dept_id") " GROUP BY c.dept_id, d.name " \
		"ORDER BY d.name LIMIT 200") \
	/* satisfaction surveys of the years of the period (survey_stats): count and the three averages */ \
	X(Q_RPT_SURVEYS_DEPT, "ssii", "SELECT s.dept_id, d.name, SUM(s.n), ROUND(SUM(s.service) / SUM(s.n), 2), " \
		"ROUND(SUM(s.price) / SUM(s.n), 2), ROUND(SUM(s.overall) / SUM(s.n), 2) FROM survey_stats s " \
		"JOIN departments d ON d.id = s.dept_id WHERE s.year BETWEEN YEAR(?) AND YEAR(?) AND " IN_TREE("s.dept_id") \
		" GROUP BY s.dept_id, d.name HAVING SUM(s.n) > 0 ORDER BY d.name LIMIT 200") \
	X(Q_RPT_SURVEYS_GRADE, "issii", "SELECT s.grade_id, COALESCE(" LANG_NAME("g") ", ''), SUM(s.n), " \
		"ROUND(SUM(s.service) / SUM(s.n), 2), ROUND(SUM(s.price) / SUM(s.n), 2), ROUND(SUM(s.overall) / SUM(s.n), 2) " \
		"FROM survey_stats s LEFT JOIN grades g ON g.id = s.grade_id WHERE s.year BETWEEN YEAR(?) AND YEAR(?) AND " \
		IN_TREE("s.dept_id") " GROUP BY s.grade_id HAVING SUM(s.n) > 0 ORDER BY s.grade_id LIMIT 50") \
	/* ---- 9. retention and destruction ---- */ \
	/* items on the shelf by retention (rpt_retention): their term ends by the end of the period, has ended by \
	 * today (ENDED_BY twice: the first day of the day's month, and the day) */ \
	X(Q_RPT_RETENTION, "ssssssssssii", "SELECT r.retention, r.retention, SUM(IF(" ENDED_BY("r") ", r.n, 0)), " \
		"SUM(IF(" ENDED_BY("r") ", r.n, 0)) FROM rpt_retention r WHERE (r.grain = 'm' OR (r.grain = 'd' AND " \
		"r.day >= ? AND r.day <= ?) OR (r.grain = 'd' AND r.day >= ? AND r.day <= ?)) AND " IN_TREE("r.dept_id") \
		" GROUP BY r.retention ORDER BY r.retention + 0") \
	/* the destruction register in the period */ \
	X(Q_RPT_DESTROYED, "ssiii", "SELECT g.item_id, g.archive_no, g.title, g.client_name, g.doc_date, g.destroyed_on " \
		"FROM destruction_register g WHERE g.destroyed_on >= ? AND g.destroyed_on <= ? AND " IN_TREE("g.dept_id") \
		" ORDER BY g.destroyed_on, g.id LIMIT ?") \
	/* ---- the rollups (rollup.c) ---- */ \
	X(Q_RPT_CLIENTS_CLEAR, "", "DELETE FROM rpt_clients") \
	X(Q_RPT_CLIENTS_FILL, "s", "INSERT INTO rpt_clients (dept_id, owner_id, grade_id, nature_id, region_id, lifecycle, " \
		"n, overdue, pool) SELECT dept_id, owner_id, COALESCE(grade_id, 0), COALESCE(nature_id, 0), " \
		"COALESCE(region_id, 0), lifecycle, COUNT(*), SUM(in_pool = 0 AND next_visit_due IS NOT NULL AND next_visit_due < ?), " \
		"SUM(in_pool) FROM clients WHERE deleted_at IS NULL GROUP BY dept_id, owner_id, COALESCE(grade_id, 0), " \
		"COALESCE(nature_id, 0), COALESCE(region_id, 0), lifecycle") \
	/* the sources summed up by id range (after, up to) */ \
	X(Q_RPT_VIEWS_MAX, "", "SELECT COALESCE(MAX(id), 0) FROM client_views") \
	X(Q_RPT_VIEWS_ADD, "ii", COUNT_BY_DAY("rpt_views", "user_id, dept_id, via", "DATE(v.at)", "v.user_id, u.dept_id, v.via", \
		"FROM client_views v JOIN users u ON u.id = v.user_id WHERE v.id > ? AND v.id <= ?")) \
	X(Q_RPT_FILES_MAX, "", "SELECT COALESCE(MAX(id), 0) FROM archive_file_log") \
	X(Q_RPT_FILES_ADD, "ii", COUNT_BY_DAY("rpt_files", "user_id, dept_id, outcome", "DATE(f.at)", \
		"f.user_id, u.dept_id, f.outcome", \
		"FROM archive_file_log f JOIN users u ON u.id = f.user_id WHERE f.id > ? AND f.id <= ?")) \
	X(Q_RPT_VISITS_MAX, "", "SELECT COALESCE(MAX(id), 0) FROM visits") \
	/* on time: no earlier visit of the card, or on or before the day the earlier one made due (the \
	 * grade's cadence, at most a year, or its follow-up day if sooner: Q_VISIT_MOVE_CARD's rule) */ \
	X(Q_RPT_VISITS_ADD, "ii", "INSERT INTO rpt_visits (grain, day, owner_id, dept_id, visits, on_time) " \
		"SELECT k.g, " GRAIN_DAY("y.day") ", y.owner_id, y.dept_id, SUM(y.visits), SUM(y.on_time) FROM (" \
		"SELECT x.visited_on AS day, x.owner_id, x.dept_id, COUNT(*) AS visits, SUM(x.prev IS NULL OR x.visited_on <= " \
		"LEAST(DATE_ADD(x.prev, INTERVAL LEAST(COALESCE(x.cadence, 365), 365) DAY), " \
		"COALESCE(x.prev_follow, '9999-12-31'))) AS on_time FROM (SELECT v.visited_on, c.owner_id, c.dept_id, " \
		"g.visit_days AS cadence, " PREV_VISIT("visited_on") " AS prev, " PREV_VISIT("next_follow_up") " AS prev_follow " \
		"FROM visits v JOIN clients c ON c.id = v.client_id LEFT JOIN grades g ON g.id = c.grade_id " \
		"WHERE v.id > ? AND v.id <= ?) x GROUP BY x.visited_on, x.owner_id, x.dept_id) y JOIN " GRAINS " " \
		"GROUP BY k.g, " GRAIN_DAY("y.day") ", y.owner_id, y.dept_id " \
		"ON DUPLICATE KEY UPDATE visits = visits + VALUES(visits), on_time = on_time + VALUES(on_time)") \
	X(Q_RPT_NEW_MAX, "", "SELECT COALESCE(MAX(id), 0) FROM clients") \
	X(Q_RPT_NEW_ADD, "ii", "INSERT INTO rpt_new (grain, day, dept_id, registered_by, n, late) " \
		"SELECT k.g, " GRAIN_DAY("x.day") ", x.dept_id, x.registered_by, SUM(x.n), SUM(x.late) FROM (" \
		"SELECT DATE(registered_at) AS day, dept_id, registered_by, COUNT(*) AS n, SUM(filed_late) AS late " \
		"FROM clients WHERE id > ? AND id <= ? GROUP BY DATE(registered_at), dept_id, registered_by) x JOIN " GRAINS " " \
		"GROUP BY k.g, " GRAIN_DAY("x.day") ", x.dept_id, x.registered_by " \
		"ON DUPLICATE KEY UPDATE n = n + VALUES(n), late = late + VALUES(late)") \
	X(Q_RPT_CHANGES_MAX, "", "SELECT COALESCE(MAX(id), 0) FROM client_history") \
	/* a change: the history rows of one card at one time with the day of its event */ \
	X(Q_RPT_CHANGES_ADD, "ii", "INSERT INTO rpt_changes (grain, day, dept_id, actor_id, n, late) " \
		"SELECT k.g, " GRAIN_DAY("x.day") ", x.dept_id, x.actor_id, SUM(x.n), SUM(x.late) FROM (" \
		"SELECT DATE(y.at) AS day, y.dept_id, y.actor_id, COUNT(*) AS n, SUM(y.late) AS late FROM (" \
		"SELECT h.client_id, h.at, c.dept_id, h.actor_id, MAX(h.late) AS late FROM client_history h " \
		"JOIN clients c ON c.id = h.client_id WHERE h.id > ? AND h.id <= ? AND h.event_on IS NOT NULL " \
		"GROUP BY h.client_id, h.at, c.dept_id, h.actor_id) y GROUP BY DATE(y.at), y.dept_id, y.actor_id) x " \
		"JOIN " GRAINS " GROUP BY k.g, " GRAIN_DAY("x.day") ", x.dept_id, x.actor_id " \
		"ON DUPLICATE KEY UPDATE n = n + VALUES(n), late = late + VALUES(late)") \
	X(Q_RPT_LOANS_MAX, "", "SELECT COALESCE(MAX(id), 0) FROM archive_loans") \
	X(Q_RPT_LOANS_ADD, "ii", COUNT_BY_DAY("rpt_loans", "dept_id, secrecy", "DATE(l.out_at)", "i.dept_id, i.secrecy", \
		"FROM archive_loans l JOIN archive_items i ON i.id = l.item_id WHERE l.id > ? AND l.id <= ?")) \
	/* rebuilt whole: the loans out (overdue: due before the build's time) */ \
	X(Q_RPT_LOANS_OPEN_CLEAR, "", "DELETE FROM rpt_loans_open") \
	X(Q_RPT_LOANS_OPEN_FILL, "s", "INSERT INTO rpt_loans_open (dept_id, secrecy, borrower_id, n, overdue) " \
		"SELECT i.dept_id, i.secrecy, l.borrower_id, COUNT(*), SUM(l.due_at < ?) FROM archive_loans l " \
		"JOIN archive_items i ON i.id = l.item_id WHERE l.open_item IS NOT NULL " \
		"GROUP BY i.dept_id, i.secrecy, l.borrower_id") \
	/* rebuilt whole once a day: the items on the shelf with a limited retention */ \
	X(Q_RPT_RETENTION_CLEAR, "", "DELETE FROM rpt_retention") \
	X(Q_RPT_RETENTION_FILL, "", COUNT_BY_DAY("rpt_retention", "dept_id, retention", RETENTION_END_OF("i"), \
		"i.dept_id, i.retention", "FROM archive_items i WHERE i.status = 'on_shelf' AND i.retention <> 'permanent'")) \
	/* the decisions of [from, to) (rpt_decisions, sql/071) */ \
	X(Q_RPT_DECISIONS_FIRST, "", "SELECT COALESCE(DATE_FORMAT(MIN(decided_at), '%Y-%m-%d 00:00:00'), '') FROM requests") \
	X(Q_RPT_DECISIONS_ADD, "ss", "INSERT INTO rpt_decisions (grain, day, requester_id, dept_id, req_type, status, n, " \
		"minutes) SELECT k.g, " GRAIN_DAY("x.day") ", x.requester_id, x.dept_id, x.req_type, x.status, SUM(x.n), " \
		"SUM(x.minutes) FROM (SELECT DATE(q.decided_at) AS day, q.requester_id, u.dept_id, q.req_type, q.status, " \
		"COUNT(*) AS n, SUM(TIMESTAMPDIFF(MINUTE, q.created_at, q.decided_at)) AS minutes FROM requests q " \
		"JOIN users u ON u.id = q.requester_id WHERE q.decided_at >= ? AND q.decided_at < ? " \
		"AND q.status IN ('approved', 'rejected') GROUP BY 1, 2, 3, 4, 5) x JOIN " GRAINS " " \
		"GROUP BY k.g, " GRAIN_DAY("x.day") ", x.requester_id, x.dept_id, x.req_type, x.status " \
		"ON DUPLICATE KEY UPDATE n = n + VALUES(n), minutes = minutes + VALUES(minutes)") \
	/* the rollups read without locking their sources (an INSERT … SELECT of a transaction in REPEATABLE \
	 * READ locks every row it reads: card saves would wait for the rebuild of rpt_clients) */ \
	X(Q_RPT_READ_COMMITTED, "", "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED") \
	X(Q_RPT_REPEATABLE_READ, "", "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ") \
	/* a rollup's state (rollup_col) */ \
	X(Q_RPT_ROLLUP_GET, "s", "SELECT built_at, last_id, seen_id, seen_at FROM rpt_rollups WHERE name = ?") \
	/* summed up to an id (a chunk; built_at once caught up with the id seen) */ \
	X(Q_RPT_ROLLUP_SUMMED, "sis", "INSERT INTO rpt_rollups (name, built_at, last_id) VALUES (?, '2000-01-01', ?) " \
		"ON DUPLICATE KEY UPDATE built_at = COALESCE(?, built_at), last_id = VALUES(last_id)") \
	/* caught up: the highest id now, to sum at the next run */ \
	X(Q_RPT_ROLLUP_SEEN, "sis", "INSERT INTO rpt_rollups (name, built_at, seen_id, seen_at) VALUES (?, '2000-01-01', ?, ?) " \
		"ON DUPLICATE KEY UPDATE seen_id = VALUES(seen_id), seen_at = VALUES(seen_at)") \
	/* a rollup rebuilt whole (rpt_clients) */ \
	X(Q_RPT_ROLLUP_DONE, "ss", "INSERT INTO rpt_rollups (name, built_at) VALUES (?, ?) " \
		"ON DUPLICATE KEY UPDATE built_at = VALUES(built_at)")

SQL_DECLARE(REPORTS_SQL)
extern struct sql *const reports_sql[];

#endif
