-- Electronic copies of archive items (DESIGN.md §6, issue 11 point 3).
-- The bytes live in files_dir/ab/cd/<sha256> (outside the web root, one file
-- per content, shared by every item that holds it); a row per item and file.
CREATE TABLE IF NOT EXISTS archive_files (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  item_id      BIGINT UNSIGNED NOT NULL,
  sha256       CHAR(64)     NOT NULL,
  size         BIGINT UNSIGNED NOT NULL,
  mime         VARCHAR(100) NOT NULL,
  name         VARCHAR(200) NOT NULL COMMENT 'sanitised display name, never a path',
  uploaded_by  INT UNSIGNED NOT NULL,
  uploaded_at  DATETIME     NOT NULL,
  UNIQUE KEY uq_archive_files_item (item_id, sha256),
  KEY ix_archive_files_sha (sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every download, reading-room view and refusal of a copy.
CREATE TABLE IF NOT EXISTS archive_file_log (
  id        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  file_id   BIGINT UNSIGNED NOT NULL,
  item_id   BIGINT UNSIGNED NOT NULL,
  user_id   INT UNSIGNED NOT NULL,
  at        DATETIME     NOT NULL,
  outcome   ENUM('download','inline','refused') NOT NULL,
  reason    VARCHAR(32)  NOT NULL DEFAULT '',
  KEY ix_archive_file_log_file (file_id, id),
  KEY ix_archive_file_log_user (user_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='append-only';
