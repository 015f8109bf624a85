-- 040_reports.sql — the reports' summary tables (DESIGN.md §10, issue 12).
-- A report page never counts a large table: the figures that would need the
-- whole clients or view-log table come from these rollups, rebuilt by the
-- reports domain's task in `dossier cron` (reports.rollup, under its lease);
-- each page says how fresh they are (rpt_rollups.built_at). Figures over a
-- period read index ranges of the period instead.

-- when each rollup was last built (the "as of" of the figures from it)
CREATE TABLE IF NOT EXISTS rpt_rollups (
  name      VARCHAR(32) NOT NULL PRIMARY KEY,
  built_at  DATETIME    NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- the cards not deleted, counted by department × owner × grade × nature ×
-- region × lifecycle (0 for an empty grade, nature or region); overdue: out of
-- the pool, the next visit was due before the day of the build; pool: in the
-- public pool
CREATE TABLE IF NOT EXISTS rpt_clients (
  dept_id    INT UNSIGNED NOT NULL,
  owner_id   INT UNSIGNED NOT NULL,
  grade_id   INT UNSIGNED NOT NULL,
  nature_id  INT UNSIGNED NOT NULL,
  region_id  INT UNSIGNED NOT NULL,
  lifecycle  VARCHAR(16)  NOT NULL,
  n          INT UNSIGNED NOT NULL,
  overdue    INT UNSIGNED NOT NULL,
  pool       INT UNSIGNED NOT NULL,
  PRIMARY KEY (dept_id, owner_id, grade_id, nature_id, region_id, lifecycle)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- views of cards per day, viewer and way (denied attempts are via 'denied'),
-- with the viewer's department at the build
CREATE TABLE IF NOT EXISTS rpt_views_days (
  day      DATE         NOT NULL,
  user_id  INT UNSIGNED NOT NULL,
  dept_id  INT UNSIGNED NOT NULL,
  via      VARCHAR(16)  NOT NULL,
  n        INT UNSIGNED NOT NULL,
  PRIMARY KEY (day, user_id, via),
  KEY ix_rpt_views_days_dept (dept_id, day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- index ranges over a period for the rollup and the live figures
ALTER TABLE client_views ADD INDEX IF NOT EXISTS ix_client_views_at (at);
ALTER TABLE visits ADD INDEX IF NOT EXISTS ix_visits_day (visited_on, client_id);
ALTER TABLE archive_file_log ADD INDEX IF NOT EXISTS ix_archive_file_log_at (at);
ALTER TABLE archive_incidents ADD INDEX IF NOT EXISTS ix_archive_incidents_at (noted_at);
ALTER TABLE requests ADD INDEX IF NOT EXISTS ix_requests_decided (decided_at);
ALTER TABLE clients ADD INDEX IF NOT EXISTS ix_clients_registered (registered_at);
ALTER TABLE complaints ADD INDEX IF NOT EXISTS ix_complaints_received (received_at);
ALTER TABLE destruction_register ADD INDEX IF NOT EXISTS ix_destruction_register_day (destroyed_on);
