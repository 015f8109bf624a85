-- 013_backups.sql — one row per run of `dossier backup`, good or failed, so
-- the admin page lists them and the admin's home page warns when the last
-- good one is old. The archive's file lives in backup_dir; removed_at is set
-- when retention deletes it.
CREATE TABLE IF NOT EXISTS backups (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  started_at  DATETIME        NOT NULL,
  finished_at DATETIME        NOT NULL,
  kind        ENUM('weekly','monthly') NOT NULL,
  file        VARCHAR(255)    NOT NULL,           -- the archive's name in backup_dir
  size        BIGINT          NOT NULL DEFAULT 0, -- bytes of the archive (0 when failed)
  sha256      CHAR(64)        NULL,               -- as written in <file>.sha256
  ok          TINYINT(1)      NOT NULL,
  error       VARCHAR(1000)   NULL,               -- why it failed
  removed_at  DATETIME        NULL,               -- the file was pruned by retention
  KEY ix_backups_ok_started (ok, started_at),
  KEY ix_backups_started (started_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
