-- 040_reports.sql — the reports' summary tables (DESIGN.md §10, issue 12).
-- A report page never counts a large table: the figures that would need the
-- whole clients or view-log table come from these rollups, rebuilt by the
-- reports domain's task in `dossier cron` (reports.rollup, under its lease);
-- each page says how fresh they are (rpt_rollups.built_at). Figures over a
-- period read index ranges of the period instead.

-- when each rollup was last built (the "as of" of the figures from it). Those
-- summed up incrementally by id keep the last id summed, and the highest id
-- seen at the previous run (seen_id at seen_at): a run sums up to the previous
-- run's highest id only, so a row whose transaction was still open then (an
-- id below one already committed) is in by now; built_at is then seen_at.
CREATE TABLE IF NOT EXISTS rpt_rollups (
  name      VARCHAR(32) NOT NULL PRIMARY KEY,
  built_at  DATETIME    NOT NULL,
  last_id   BIGINT UNSIGNED NOT NULL DEFAULT 0,
  seen_id   BIGINT UNSIGNED NOT NULL DEFAULT 0,
  seen_at   DATETIME    NULL
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

-- The append-only sources are summed up incrementally by id (each row once,
-- with the card's or viewer's department when it was summed), per day
-- (grain 'd') and per month (grain 'm', day = its first day): a period reads
-- its whole months from the month rows and only its edges from the day rows.
-- views of cards per viewer and way (denied attempts are via 'denied')
CREATE TABLE IF NOT EXISTS rpt_views (
  grain    CHAR(1)      NOT NULL,
  day      DATE         NOT NULL,
  user_id  INT UNSIGNED NOT NULL,
  dept_id  INT UNSIGNED NOT NULL,
  via      VARCHAR(16)  NOT NULL,
  n        INT UNSIGNED NOT NULL,
  PRIMARY KEY (grain, day, user_id, via)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- visits by the day of the visit, owner and department of the card: all, and
-- on time (no earlier visit, or on or before the day the earlier one made due)
CREATE TABLE IF NOT EXISTS rpt_visits (
  grain     CHAR(1)      NOT NULL,
  day       DATE         NOT NULL,
  owner_id  INT UNSIGNED NOT NULL,
  dept_id   INT UNSIGNED NOT NULL,
  visits    INT UNSIGNED NOT NULL,
  on_time   INT UNSIGNED NOT NULL,
  PRIMARY KEY (grain, day, owner_id, dept_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- cards registered by day, department and person who registered them; filed late
CREATE TABLE IF NOT EXISTS rpt_new (
  grain          CHAR(1)      NOT NULL,
  day            DATE         NOT NULL,
  dept_id        INT UNSIGNED NOT NULL,
  registered_by  INT UNSIGNED NOT NULL,
  n              INT UNSIGNED NOT NULL,
  late           INT UNSIGNED NOT NULL,
  PRIMARY KEY (grain, day, dept_id, registered_by)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- changes of cards reported with the day of their event (017_filing) by day,
-- department of the card and person who reported them; reported late. A change
-- is a card's fields changed at one time (one history row each).
CREATE TABLE IF NOT EXISTS rpt_changes (
  grain     CHAR(1)      NOT NULL,
  day       DATE         NOT NULL,
  dept_id   INT UNSIGNED NOT NULL,
  actor_id  INT UNSIGNED NOT NULL,
  n         INT UNSIGNED NOT NULL,
  late      INT UNSIGNED NOT NULL,
  PRIMARY KEY (grain, day, dept_id, actor_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- index ranges over a period for the rollup and the live figures
-- (the view log's covers the cards viewed most: no row is read for it)
ALTER TABLE client_views ADD INDEX IF NOT EXISTS ix_client_views_at (at, client_id, user_id, via);
ALTER TABLE archive_file_log ADD INDEX IF NOT EXISTS ix_archive_file_log_at (at);
ALTER TABLE archive_incidents ADD INDEX IF NOT EXISTS ix_archive_incidents_at (noted_at);
ALTER TABLE requests ADD INDEX IF NOT EXISTS ix_requests_decided (decided_at);
ALTER TABLE complaints ADD INDEX IF NOT EXISTS ix_complaints_received (received_at);
ALTER TABLE destruction_register ADD INDEX IF NOT EXISTS ix_destruction_register_day (destroyed_on);
