-- Filing periods (seed 000 五.1, issue 11 point 2): a period whose managers'
-- reminders were queued (archive.periods in `dossier cron`). The outbox's key
-- (day = the period's first day) makes each reminder once per manager and
-- period; this row only spares the job its queries for the rest of the period.
CREATE TABLE IF NOT EXISTS archive_period_runs (
  period_start  DATE      NOT NULL PRIMARY KEY,
  queued        INT UNSIGNED NOT NULL,
  done_at       DATETIME  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The periods page and the reminders read items by department and time.
ALTER TABLE archive_items
  ADD INDEX IF NOT EXISTS ix_archive_items_dept_filed (dept_id, filed_at),
  ADD INDEX IF NOT EXISTS ix_archive_items_dept_placed (dept_id, placed_at),
  ADD INDEX IF NOT EXISTS ix_archive_items_client_date (client_id, doc_date);
