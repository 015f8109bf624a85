-- 073_user_state.sql — a version per person of what each worker keeps about
-- them between requests: their roles and the domains' session fields that
-- are read through a join (the approvals they wait on, the delegations they
-- hold). The session's statement reads this version instead of joining and
-- grouping those tables on every page (README "Session fields").
--
-- Triggers bump it in the statement that changes one of those rows, so the
-- change and the bump commit or roll back together, whatever writes the row.
CREATE TABLE IF NOT EXISTS user_state (
  user_id  INT UNSIGNED    NOT NULL PRIMARY KEY,
  version  BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DROP TRIGGER IF EXISTS tr_user_roles_ins;
CREATE TRIGGER tr_user_roles_ins AFTER INSERT ON user_roles FOR EACH ROW
  INSERT INTO user_state (user_id, version) VALUES (NEW.user_id, 1) ON DUPLICATE KEY UPDATE version = version + 1;
DROP TRIGGER IF EXISTS tr_user_roles_upd;
CREATE TRIGGER tr_user_roles_upd AFTER UPDATE ON user_roles FOR EACH ROW
  INSERT INTO user_state (user_id, version) VALUES (OLD.user_id, 1), (NEW.user_id, 1)
  ON DUPLICATE KEY UPDATE version = version + 1;
DROP TRIGGER IF EXISTS tr_user_roles_del;
CREATE TRIGGER tr_user_roles_del AFTER DELETE ON user_roles FOR EACH ROW
  INSERT INTO user_state (user_id, version) VALUES (OLD.user_id, 1) ON DUPLICATE KEY UPDATE version = version + 1;

DROP TRIGGER IF EXISTS tr_delegations_ins;
CREATE TRIGGER tr_delegations_ins AFTER INSERT ON delegations FOR EACH ROW
  INSERT INTO user_state (user_id, version) VALUES (NEW.to_user, 1) ON DUPLICATE KEY UPDATE version = version + 1;
DROP TRIGGER IF EXISTS tr_delegations_upd;
CREATE TRIGGER tr_delegations_upd AFTER UPDATE ON delegations FOR EACH ROW
  INSERT INTO user_state (user_id, version) VALUES (OLD.to_user, 1), (NEW.to_user, 1)
  ON DUPLICATE KEY UPDATE version = version + 1;
DROP TRIGGER IF EXISTS tr_delegations_del;
CREATE TRIGGER tr_delegations_del AFTER DELETE ON delegations FOR EACH ROW
  INSERT INTO user_state (user_id, version) VALUES (OLD.to_user, 1) ON DUPLICATE KEY UPDATE version = version + 1;

DROP TRIGGER IF EXISTS tr_request_approvers_ins;
CREATE TRIGGER tr_request_approvers_ins AFTER INSERT ON request_approvers FOR EACH ROW
  INSERT INTO user_state (user_id, version) VALUES (NEW.user_id, 1) ON DUPLICATE KEY UPDATE version = version + 1;
DROP TRIGGER IF EXISTS tr_request_approvers_upd;
CREATE TRIGGER tr_request_approvers_upd AFTER UPDATE ON request_approvers FOR EACH ROW
  INSERT INTO user_state (user_id, version) VALUES (OLD.user_id, 1), (NEW.user_id, 1)
  ON DUPLICATE KEY UPDATE version = version + 1;
DROP TRIGGER IF EXISTS tr_request_approvers_del;
CREATE TRIGGER tr_request_approvers_del AFTER DELETE ON request_approvers FOR EACH ROW
  INSERT INTO user_state (user_id, version) VALUES (OLD.user_id, 1) ON DUPLICATE KEY UPDATE version = version + 1;
