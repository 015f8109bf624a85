-- 009_cron_leases.sql — one row per scheduled task: who runs it and until
-- when. `dossier cron` takes a lease with a conditional UPDATE instead of
-- GET_LOCK, which a Galera cluster does not share between nodes.
CREATE TABLE IF NOT EXISTS cron_leases (
  name    VARCHAR(64)  NOT NULL PRIMARY KEY,
  holder  VARCHAR(32)  NOT NULL,
  until   DATETIME     NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
