/* sql.h — every statement of the mail domain. */
#ifndef DOSSIER_MAIL_SQL_H
#define DOSSIER_MAIL_SQL_H
#include "core/sql.h"

enum recipient_col { RC_EMAIL, RC_LANG, RC_DISABLED, RC_DEPT, RC_BY_MAIL, RC_BY_CHAT, RC_DIGEST, RC_OWN_ROBOT,
		     RC_DEPT_ROBOT };                                              /* Q_MAIL_RECIPIENT */
enum outbox_col { OB_ID, OB_KIND, OB_SUBJECT, OB_RECIPIENT, OB_CHANNEL, OB_ATTEMPTS, OB_LANG, OB_ADDRESS,
		  OB_TITLE, OB_TEXT, OB_HTML, OB_DAY, OB_STATE, OB_ATTACH_NAME,
		  OB_ATTACH_TYPE, OB_ATTACH };                   /* Q_OUTBOX_CLAIMED */
enum outbox_list_col { OL_ID, OL_KIND, OL_SUBJECT, OL_RECIPIENT, OL_CHANNEL, OL_STATE, OL_ATTEMPTS, OL_NEXT,
		       OL_ERROR, OL_CREATED, OL_SENT, OL_TITLE, OL_ADDRESS };       /* Q_OUTBOX_LIST */
enum robot_col { RB_KIND, RB_KEY, RB_SECRET };                                     /* Q_ROBOT_USER, Q_ROBOT_DEPT */
enum prefs_col { PF_BY_MAIL, PF_BY_CHAT, PF_DIGEST, PF_KIND, PF_HAS_KEY, PF_HAS_SECRET };   /* Q_PREFS_GET */
enum dept_robot_col { DR_ID, DR_NAME, DR_CODE, DR_KIND, DR_HAS_KEY, DR_HAS_SECRET };       /* Q_DEPT_ROBOTS */
enum digest_user_col { DU_ID, DU_LANG, DU_LAST, DU_NAME };                                  /* Q_DIGEST_USERS */

#define OUTBOX_LIST_COLS "SELECT o.id, o.kind, o.subject_ref, COALESCE(u.display_name, ''), o.channel, o.state, " \
	"o.attempts, o.next_attempt_at, o.last_error, o.created_at, o.sent_at, o.title, o.address " \
	"FROM mail_outbox o LEFT JOIN users u ON u.id = o.recipient_id "

#define MAIL_SQL(X) \
	/* ---- queuing (outbox.c) ---- */ \
	X(Q_MAIL_RECIPIENT, "i", "SELECT u.email, COALESCE(u.lang, ''), u.disabled, u.dept_id, " \
		"COALESCE(p.by_mail, 1), COALESCE(p.by_chat, 0), COALESCE(p.digest, 1), COALESCE(p.robot_kind, ''), " \
		"COALESCE((SELECT robot_kind FROM mail_dept_robots WHERE dept_id = u.dept_id), '') " \
		"FROM users u LEFT JOIN mail_prefs p ON p.user_id = u.id WHERE u.id = ?") \
	/* a key already queued stays as it is (a no-op update, not INSERT IGNORE, which would hide other errors) */ \
	X(Q_OUTBOX_PUT, "ssissssssssssss", "INSERT INTO mail_outbox (kind, subject_ref, recipient_id, day, channel, " \
		"next_attempt_at, created_at, language, address, title, body_text, body_html, attach_name, attach_type, " \
		"attach_b64) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULLIF(?, '')) ON DUPLICATE KEY UPDATE id = id") \
	X(Q_MAIL_OPTED_OUT, "is", "SELECT 1 FROM mail_optouts WHERE user_id = ? AND kind = ?") \
	X(Q_OPTOUTS_GET, "i", "SELECT kind FROM mail_optouts WHERE user_id = ? LIMIT 100") \
	X(Q_OPTOUT_SET, "iss", "INSERT INTO mail_optouts (user_id, kind, updated_at) VALUES (?, ?, ?) " \
		"ON DUPLICATE KEY UPDATE updated_at = updated_at") \
	X(Q_OPTOUT_CLEAR, "is", "DELETE FROM mail_optouts WHERE user_id = ? AND kind = ?") \
	/* ---- sending (send.c) ---- */ \
	/* the claim of a batch: committed on its own before any transfer (mail rows skipped while the server is down) */ \
	X(Q_OUTBOX_CLAIM, "sssii", "UPDATE mail_outbox SET state = 'sending', claimed_by = ?, claimed_until = ?, " \
		"attempts = attempts + 1 WHERE state = 'queued' AND next_attempt_at <= ? AND (? = 0 OR channel <> 'mail') " \
		"ORDER BY next_attempt_at, id LIMIT ?") \
	X(Q_OUTBOX_CLAIMED, "s", "SELECT id, kind, subject_ref, recipient_id, channel, attempts, language, address, title, " \
		"body_text, body_html, day, state, attach_name, attach_type, COALESCE(attach_b64, '') FROM mail_outbox WHERE claimed_by = ? AND state = 'sending' " \
		"ORDER BY next_attempt_at, id") \
	/* what is left of a batch once every failure was put back: the messages transferred */ \
	X(Q_OUTBOX_SENT_BATCH, "ss", "UPDATE mail_outbox SET state = 'sent', sent_at = ?, claimed_by = '', last_error = '' " \
		"WHERE claimed_by = ? AND state = 'sending'") \
	/* not tried (the server went down during the batch): back without counting an attempt */ \
	X(Q_OUTBOX_UNCLAIM, "is", "UPDATE mail_outbox SET state = 'queued', claimed_by = '', attempts = attempts - 1 " \
		"WHERE id = ? AND claimed_by = ? AND state = 'sending'") \
	X(Q_OUTBOX_RETRY, "ssis", "UPDATE mail_outbox SET state = 'queued', next_attempt_at = ?, last_error = ?, " \
		"claimed_by = '' WHERE id = ? AND claimed_by = ? AND state = 'sending'") \
	X(Q_OUTBOX_END, "ssis", "UPDATE mail_outbox SET state = ?, last_error = ?, claimed_by = '' " \
		"WHERE id = ? AND claimed_by = ? AND state = 'sending'") \
	/* a sender that died during a transfer: its message is not sent again */ \
	X(Q_OUTBOX_STALE, "s", "SELECT id FROM mail_outbox WHERE state = 'sending' AND claimed_until < ? LIMIT 500") \
	X(Q_OUTBOX_ABANDON, "sis", "UPDATE mail_outbox SET state = 'failed', last_error = ?, claimed_by = '' " \
		"WHERE id = ? AND state = 'sending' AND claimed_until < ?") \
	X(Q_ROBOT_USER, "i", "SELECT robot_kind, robot_key, robot_secret FROM mail_prefs WHERE user_id = ?") \
	X(Q_ROBOT_DEPT, "i", "SELECT robot_kind, robot_key, robot_secret FROM mail_dept_robots WHERE dept_id = ?") \
	X(Q_DIGEST_WANTED, "i", "SELECT u.disabled, COALESCE(p.digest, 1) FROM users u " \
		"LEFT JOIN mail_prefs p ON p.user_id = u.id WHERE u.id = ?") \
	/* ---- the daily digest (digest.c) ---- */ \
	X(Q_DIGEST_USERS, "isi", "SELECT u.id, COALESCE(u.lang, ''), " \
		"(SELECT MAX(g.built_at) FROM mail_digests g WHERE g.user_id = u.id), u.display_name FROM users u " \
		"LEFT JOIN mail_prefs p ON p.user_id = u.id WHERE u.id > ? AND u.disabled = 0 " \
		"AND COALESCE(p.digest, 1) = 1 " \
		"AND NOT EXISTS (SELECT 1 FROM mail_digests g WHERE g.user_id = u.id AND g.day = ?) " \
		"ORDER BY u.id LIMIT ?") \
	/* ---- keeping the tables small (purge.c) ---- */ \
	X(Q_OUTBOX_PURGE, "s", "DELETE FROM mail_outbox WHERE state IN ('sent', 'dropped') AND created_at < ? LIMIT 5000") \
	X(Q_DIGESTS_PURGE, "s", "DELETE FROM mail_digests WHERE day < ? LIMIT 5000") \
	X(Q_DIGEST_MARK, "issi", "INSERT INTO mail_digests (user_id, day, built_at, sections) VALUES (?, ?, ?, ?)") \
	/* ---- pages (pages.c) ---- */ \
	X(Q_OUTBOX_LIST, "ssii", OUTBOX_LIST_COLS "WHERE (? = '' OR o.state = ?) AND o.id < ? ORDER BY o.id DESC LIMIT ?") \
	X(Q_OUTBOX_RESEND, "si", "UPDATE mail_outbox SET state = 'queued', next_attempt_at = ?, attempts = 0, " \
		"claimed_by = '', last_error = '' WHERE id = ? AND state IN ('failed', 'dropped', 'sent')") \
	X(Q_PREFS_GET, "i", "SELECT by_mail, by_chat, digest, robot_kind, robot_key <> '', robot_secret <> '' " \
		"FROM mail_prefs WHERE user_id = ?") \
	X(Q_PREFS_SET, "iiiisss", "INSERT INTO mail_prefs (user_id, by_mail, by_chat, digest, robot_kind, robot_key, " \
		"robot_secret, updated_at) VALUES (?, ?, ?, ?, ?, ?, '', ?) ON DUPLICATE KEY UPDATE by_mail = VALUES(by_mail), " \
		"by_chat = VALUES(by_chat), digest = VALUES(digest), robot_kind = VALUES(robot_kind), " \
		"robot_key = IF(VALUES(robot_key) = '', robot_key, VALUES(robot_key)), updated_at = VALUES(updated_at)") \
	X(Q_PREFS_SECRET, "si", "UPDATE mail_prefs SET robot_secret = ? WHERE user_id = ?") \
	X(Q_PREFS_CLEAR_ROBOT, "i", "UPDATE mail_prefs SET robot_kind = '', robot_key = '', robot_secret = '' " \
		"WHERE user_id = ?") \
	X(Q_DEPT_ROBOTS, "", "SELECT d.id, d.name, d.code, COALESCE(b.robot_kind, ''), COALESCE(b.robot_key <> '', 0), " \
		"COALESCE(b.robot_secret <> '', 0) FROM departments d LEFT JOIN mail_dept_robots b ON b.dept_id = d.id " \
		"WHERE d.disabled = 0 ORDER BY d.id LIMIT 500") \
	X(Q_DEPT_EXISTS, "i", "SELECT id FROM departments WHERE id = ?") \
	X(Q_DEPT_ROBOT_SET, "issss", "INSERT INTO mail_dept_robots (dept_id, robot_kind, robot_key, robot_secret, " \
		"updated_at) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE robot_kind = VALUES(robot_kind), " \
		"robot_key = IF(VALUES(robot_key) = '', robot_key, VALUES(robot_key)), " \
		"robot_secret = IF(VALUES(robot_secret) = '', robot_secret, VALUES(robot_secret)), " \
		"updated_at = VALUES(updated_at)") \
	X(Q_DEPT_ROBOT_DELETE, "i", "DELETE FROM mail_dept_robots WHERE dept_id = ?")

SQL_DECLARE(MAIL_SQL)
extern struct sql *const mail_sql[];

#endif
