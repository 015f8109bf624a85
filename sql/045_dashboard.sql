-- 045_dashboard.sql — the managers' dashboard on the home page (README
-- "Managers' dashboard").
--
-- Overdue visits per department: a range of this index (one department's
-- live cards whose next visit is before today), read only as far as the
-- figure's cap, never the department's other cards; scope is in it so the
-- count reads no row (a department manager does not count company cards).
ALTER TABLE clients
  ADD INDEX IF NOT EXISTS ix_clients_dept_live_due (dept_id, deleted_at, next_visit_due, scope);

-- Quota shares per department: how many live cards each department has in
-- each grade (grade 0: none), counted by the clients.quota_counts task of
-- `dossier cron` (every run, from ix_clients_dept_grade) so that no page
-- counts a department's cards; counted_at says how fresh the figures are.
-- Granting a grade still counts exactly (clients/kinds.c quota_breaks).
CREATE TABLE IF NOT EXISTS dept_grade_counts (
  dept_id     INT UNSIGNED NOT NULL,
  grade_id    INT UNSIGNED NOT NULL,
  n           INT UNSIGNED NOT NULL,
  counted_at  DATETIME     NOT NULL,
  PRIMARY KEY (dept_id, grade_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
