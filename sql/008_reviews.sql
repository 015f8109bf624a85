-- 008_reviews.sql — the semi-annual grade review (DESIGN.md §4, seed 003 3.2):
-- every half-year a cycle opens per department (dossier cron); its manager
-- proposes up- and downgrades (review_lines) with the quotas shown; the whole
-- cycle is one request (type review) and is applied at once on approval.
CREATE TABLE IF NOT EXISTS review_cycles (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  dept_id     INT UNSIGNED NOT NULL,
  period      CHAR(6)      NOT NULL,
  opened_at   DATETIME     NOT NULL,
  status      ENUM('open','approved') NOT NULL DEFAULT 'open',
  request_id  BIGINT UNSIGNED NULL,
  UNIQUE KEY uq_review_cycles (dept_id, period)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS review_lines (
  cycle_id      INT UNSIGNED NOT NULL,
  client_id     BIGINT UNSIGNED NOT NULL,
  old_grade_id  INT UNSIGNED NULL,
  new_grade_id  INT UNSIGNED NULL,
  PRIMARY KEY (cycle_id, client_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

ALTER TABLE clients ADD INDEX IF NOT EXISTS ix_clients_dept_id (dept_id, id);

INSERT INTO approval_routes (req_type, scope, step_no, role, over_subject_dept)
SELECT 'review', NULL, 1, 'director', 0 FROM DUAL
WHERE NOT EXISTS (SELECT 1 FROM approval_routes WHERE req_type = 'review');
