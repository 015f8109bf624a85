/* sql.h — the statements of the complaints domain (see core/sql.h). */
#ifndef DOSSIER_COMPLAINTS_SQL_H
#define DOSSIER_COMPLAINTS_SQL_H
#include "core/sql.h"

/* A complaint with its client, the people on it (Q_COMPLAINT_GET and the lists). */
#define COMPLAINT_COLS "SELECT k.id, k.client_id, c.name, k.received_at, k.channel, k.urgent, k.content, k.status, " \
	"k.due_on, k.assignee_id, (SELECT display_name FROM users WHERE id = k.assignee_id), k.investigation, " \
	"k.measures, k.result, k.answer, k.answered_at, k.feedback, k.feedback_note, k.reopened, " \
	"(SELECT display_name FROM users WHERE id = k.registered_by), k.registered_at, k.version, c.dept_id " \
	"FROM complaints k JOIN clients c ON c.id = k.client_id "
enum complaint_col { KC_ID, KC_CLIENT, KC_CLIENT_NAME, KC_RECEIVED, KC_CHANNEL, KC_URGENT, KC_CONTENT, KC_STATUS,
		     KC_DUE, KC_ASSIGNEE, KC_ASSIGNEE_NAME, KC_INVESTIGATION, KC_MEASURES, KC_RESULT, KC_ANSWER,
		     KC_ANSWERED, KC_FEEDBACK, KC_FEEDBACK_NOTE, KC_REOPENED, KC_REGISTRANT, KC_REGISTERED, KC_VERSION,
		     KC_DEPT, KC__COUNT };
/* The card's service record, complaints and surveys in one statement (the card's panel). */
/* the card's panel (core/domain.h struct panel_rows): its latest complaints, then its latest surveys */
#define PANEL_SERVICE \
	{ "SELECT 'complaint', id, DATE(received_at), status, due_on, urgent, feedback, content " \
	  "FROM complaints WHERE client_id = ?", 8, "id DESC", 5 }, \
	{ "SELECT 'survey', id, surveyed_on, service_quality, price, overall, NULL, comments " \
	  "FROM surveys WHERE client_id = ?", 8, "surveyed_on DESC, id DESC", 3 }
enum service_col { SV_KIND, SV_ID, SV_DAY, SV_A, SV_B, SV_C, SV_D, SV_TEXT };
/* A stats row (Q_SURVEY_STATS_BY_*): the group's id and name, count, the three sums. */
/* An open complaint to remind of (Q_COMPLAINTS_OVERDUE, Q_COMPLAINTS_DUE_FOR). */
enum due_col { KD_ID, KD_CLIENT_NAME, KD_DUE, KD_CONTENT, KD_URGENT, KD_HANDLER, KD_HANDLER_NAME, KD_DEPT };
enum stats_col { ST_ID, ST_NAME, ST_N, ST_SERVICE, ST_PRICE, ST_OVERALL };
#define OPEN_ORDER " ORDER BY k.due_on, k.id LIMIT ?"
/* the open ones; then (near, the last day: '' for all) only those still to answer by that day (the
 * dashboard's figure), then the keyset */
#define OPEN_KEY "k.status <> 'closed' AND (? = '' OR (k.status = 'open' AND k.due_on <= ?)) " \
	"AND (k.due_on > ? OR (k.due_on = ? AND k.id > ?))"

#define COMPLAINTS_SQL(X) \
	X(Q_COMPLAINT_INSERT, "ississiiss", "INSERT INTO complaints (client_id, received_at, channel, urgent, content, " \
		"due_on, assignee_id, registered_by, registered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") \
	X(Q_COMPLAINT_GET, "i", COMPLAINT_COLS "WHERE k.id = ?") \
	X(Q_COMPLAINT_HANDLE, "isssssssii", "UPDATE complaints SET assignee_id = ?, investigation = ?, measures = ?, " \
		"result = ?, answer = ?, status = IF(? = '1', 'answered', status), " \
		"answered_at = IF(status = 'answered', COALESCE(answered_at, ?), answered_at), updated_at = ?, " \
		"version = version + 1 WHERE id = ? AND version = ? AND status <> 'closed'") \
	X(Q_COMPLAINT_FEEDBACK, "ssssssii", "UPDATE complaints SET feedback = ?, feedback_note = ?, " \
		"reopened = reopened + IF(? = 'satisfied', 0, 1), status = IF(? = 'satisfied', 'closed', 'open'), " \
		"answered_at = IF(status = 'open', NULL, answered_at), due_on = COALESCE(?, due_on), updated_at = ?, " \
		"version = version + 1 WHERE id = ? AND version = ? AND status = 'answered'") \
	/* the open ones, the soonest due first, by key: everyone's, a subtree's, or one's own */ \
	X(Q_COMPLAINTS_OPEN_ALL, "ssssii", COMPLAINT_COLS "WHERE " OPEN_KEY OPEN_ORDER) \
	X(Q_COMPLAINTS_OPEN_TREE, "issssii", COMPLAINT_COLS "WHERE c.dept_id IN " SQL_DEPT_SUBTREE \
		" AND " OPEN_KEY OPEN_ORDER) \
	X(Q_COMPLAINTS_OPEN_MINE, "iissssii", COMPLAINT_COLS "WHERE (k.assignee_id = ? OR k.registered_by = ?) AND " \
		OPEN_KEY OPEN_ORDER) \
	/* the dashboard: complaints still to answer by a day (overdue ones too) in a subtree, counted up to a \
	 * limit, and how many of them are overdue. Parameters: today, the day, the subtree's root, the limit */ \
	X(Q_DASH_COMPLAINTS, "ssii", "SELECT COUNT(*), COALESCE(SUM(x.due_on < ?), 0) FROM (SELECT k.due_on " \
		"FROM complaints k JOIN clients c ON c.id = k.client_id WHERE k.status = 'open' AND k.due_on <= ? " \
		"AND c.dept_id IN " SQL_DEPT_SUBTREE " LIMIT ?) x") \
	/* … the company's: from ix_complaints_open alone (no cards, no department tree: 0.9 -> 0.6 ms) */ \
	X(Q_DASH_COMPLAINTS_ALL, "ssi", "SELECT COUNT(*), COALESCE(SUM(x.due_on < ?), 0) FROM (SELECT k.due_on " \
		"FROM complaints k WHERE k.status = 'open' AND k.due_on <= ? LIMIT ?) x") \
	/* the card's panel: its latest complaints and surveys together */ \
	/* surveys */ \
	X(Q_SURVEY_INSERT, "isiiisis", "INSERT INTO surveys (client_id, surveyed_on, service_quality, price, overall, " \
		"comments, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)") \
	X(Q_SURVEY_MOVE_CARD, "ssi", "UPDATE clients SET last_survey_on = GREATEST(COALESCE(last_survey_on, ?), ?) " \
		"WHERE id = ?") \
	X(Q_SURVEY_STAT_ADD, "iiiiiii", "INSERT INTO survey_stats (year, dept_id, grade_id, owner_id, n, service, price, " \
		"overall) VALUES (?, ?, ?, ?, 1, ?, ?, ?) ON DUPLICATE KEY UPDATE n = n + 1, service = service + " \
		"VALUES(service), price = price + VALUES(price), overall = overall + VALUES(overall)") \
	X(Q_SURVEY_STATS_BY_DEPT, "i", "SELECT s.dept_id, d.name, SUM(s.n), SUM(s.service), SUM(s.price), " \
		"SUM(s.overall) FROM survey_stats s JOIN departments d ON d.id = s.dept_id WHERE s.year = ? " \
		"GROUP BY s.dept_id, d.name ORDER BY d.name") \
	X(Q_SURVEY_STATS_BY_GRADE, "i", "SELECT s.grade_id, COALESCE(g.name_zh, ''), SUM(s.n), SUM(s.service), " \
		"SUM(s.price), SUM(s.overall) FROM survey_stats s LEFT JOIN grades g ON g.id = s.grade_id WHERE s.year = ? " \
		"GROUP BY s.grade_id, g.name_zh ORDER BY s.grade_id") \
	X(Q_SURVEY_STATS_BY_OWNER, "i", "SELECT s.owner_id, u.display_name, SUM(s.n), SUM(s.service), SUM(s.price), " \
		"SUM(s.overall) FROM survey_stats s JOIN users u ON u.id = s.owner_id WHERE s.year = ? " \
		"GROUP BY s.owner_id, u.display_name ORDER BY SUM(s.overall) / SUM(s.n) DESC, u.display_name LIMIT 200") \
	/* ---- reminders (remind.c) ---- */ \
	/* open complaints past their deadline: id, client, deadline, content, urgent, who handles it (the \
	 * registrant while nobody is assigned) and their name, the client's department */ \
	X(Q_COMPLAINTS_OVERDUE, "si", "SELECT k.id, c.name, k.due_on, k.content, k.urgent, " \
		"IF(k.assignee_id > 0, k.assignee_id, k.registered_by), (SELECT display_name FROM users " \
		"WHERE id = IF(k.assignee_id > 0, k.assignee_id, k.registered_by)), c.dept_id FROM complaints k " \
		"JOIN clients c ON c.id = k.client_id WHERE k.status = 'open' AND k.due_on < ? ORDER BY k.due_on, k.id LIMIT ?") \
	X(Q_COMPLAINTS_DUE_FOR, "iisi", "SELECT k.id, c.name, k.due_on, k.content, k.urgent, 0, '', c.dept_id " \
		"FROM complaints k JOIN clients c ON c.id = k.client_id WHERE k.status = 'open' AND (k.assignee_id = ? " \
		"OR (k.assignee_id = 0 AND k.registered_by = ?)) AND k.due_on <= ? ORDER BY k.due_on, k.id LIMIT ?") \
	X(Q_COMPLAINT_STILL_OVERDUE, "is", "SELECT COUNT(*) FROM complaints WHERE id = ? AND status = 'open' " \
		"AND due_on < ?") \
	/* the agenda's panel: a person's active clients not surveyed for a year, the longest first */ \
	X(Q_SURVEYS_DUE, "isi", "SELECT c.id, c.name, c.last_survey_on FROM clients c WHERE c.owner_id = ? " \
		"AND (c.last_survey_on IS NULL OR c.last_survey_on < ?) AND c.deleted_at IS NULL " \
		"AND c.lifecycle IN ('new', 'established', 'problem') ORDER BY c.last_survey_on, c.id LIMIT ?")

SQL_DECLARE(COMPLAINTS_SQL)
extern struct sql *const complaints_sql[];

#endif
