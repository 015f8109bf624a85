-- 072_recent_sign_ins.sql — each person's five newest sign-ins and password
-- changes, on their users row, so that the home page reads them with the
-- session's own statement: the UNION of two reads of audit_log it ran
-- instead cost about as much as the session's statement.
--
-- The audit log stays the record. The summary is kept by a trigger on it, so
-- that whatever writes an audit row (the app's sign-in, a password change,
-- an import) keeps it in the same statement; a sign-in's audit row and its
-- summary commit or roll back together.
--
-- Format: up to five lines, newest first (by audit row), joined by LF:
--   at TAB action TAB address
ALTER TABLE users ADD COLUMN IF NOT EXISTS recent_sign_ins VARCHAR(600) NOT NULL DEFAULT '';

UPDATE users u SET u.recent_sign_ins = COALESCE((
  SELECT GROUP_CONCAT(CONCAT(a.at, CHAR(9), a.action, CHAR(9), a.addr) ORDER BY a.id DESC SEPARATOR '\n' LIMIT 5)
  FROM audit_log a WHERE a.actor_id = u.id AND a.action IN ('login.ok', 'password.changed')), '');

DROP TRIGGER IF EXISTS tr_audit_log_sign_ins;
CREATE TRIGGER tr_audit_log_sign_ins AFTER INSERT ON audit_log FOR EACH ROW
  UPDATE users SET recent_sign_ins = SUBSTRING_INDEX(CONCAT_WS(CHAR(10),
      CONCAT(NEW.at, CHAR(9), NEW.action, CHAR(9), NEW.addr), NULLIF(recent_sign_ins, '')), CHAR(10), 5)
  WHERE id = NEW.actor_id AND NEW.action IN ('login.ok', 'password.changed');
