-- 056_report_mails.sql — the scheduled report mails (reports.mail) written
-- for a period: once a kind's period is done, later runs of the day skip it
-- without filling any report (the outbox key keeps each recipient's mail
-- single even when a run stopped half-way and the next one repeats it).
CREATE TABLE IF NOT EXISTS rpt_mail_runs (
  kind      VARCHAR(32)  NOT NULL,
  period    VARCHAR(16)  NOT NULL,
  done_at   DATETIME     NOT NULL,
  queued    INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, period)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
