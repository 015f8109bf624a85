-- 032_destruction.sql — retention and destruction (DESIGN.md §6, issue 11 point 7).
-- An item is due for destruction when its document date plus its retention
-- years is past (permanent: never). A legal hold on a client keeps all its
-- items out of any destruction (set and lifted by the director or the
-- archivist, with a reason, audited).
ALTER TABLE clients ADD COLUMN IF NOT EXISTS legal_hold TINYINT(1) NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS legal_hold_reason VARCHAR(500) NOT NULL DEFAULT '';

-- The end of an item's destruction hold (status destruction_hold), and its batch.
ALTER TABLE archive_items ADD COLUMN IF NOT EXISTS hold_until DATETIME NULL,
  ADD COLUMN IF NOT EXISTS batch_id BIGINT UNSIGNED NULL,
  ADD INDEX IF NOT EXISTS ix_archive_items_retention (status, retention, doc_date);

-- A destruction batch registered by the archivist from the items due.
CREATE TABLE IF NOT EXISTS destruction_batches (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  status       ENUM('appraisal','approved','rejected','recorded','destroyed') NOT NULL DEFAULT 'appraisal',
  request_id   BIGINT UNSIGNED NULL,
  dept_id      INT UNSIGNED NULL,
  created_by   INT UNSIGNED NOT NULL,
  created_at   DATETIME     NOT NULL,
  hold_until   DATETIME     NULL,
  place        VARCHAR(200) NOT NULL DEFAULT '',
  destroyed_on DATE         NULL,
  executor     VARCHAR(100) NOT NULL DEFAULT '',
  supervisor_id INT UNSIGNED NULL,
  confirmed_at DATETIME     NULL,
  KEY ix_destruction_batches_status (status, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS destruction_batch_items (
  batch_id  BIGINT UNSIGNED NOT NULL,
  item_id   BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (batch_id, item_id),
  KEY ix_destruction_batch_items_item (item_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The destruction register (销毁清册): one line per item destroyed, kept for
-- ever. The application may only add lines (migrate grants SELECT, INSERT).
CREATE TABLE IF NOT EXISTS destruction_register (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  batch_id      BIGINT UNSIGNED NOT NULL,
  item_id       BIGINT UNSIGNED NOT NULL,
  archive_no    VARCHAR(64)  NOT NULL,
  title         VARCHAR(200) NOT NULL,
  client_name   VARCHAR(200) NOT NULL,
  doc_date      DATE         NOT NULL,
  retention     VARCHAR(16)  NOT NULL,
  secrecy       VARCHAR(16)  NOT NULL,
  place         VARCHAR(200) NOT NULL,
  destroyed_on  DATE         NOT NULL,
  executor      VARCHAR(100) NOT NULL,
  supervisor_id INT UNSIGNED NOT NULL,
  confirmed_at  DATETIME     NOT NULL,
  recorded_by   INT UNSIGNED NOT NULL,
  UNIQUE KEY uq_destruction_register_item (item_id),
  KEY ix_destruction_register_batch (batch_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- A batch's approval (archive/destroy.c): the customer-service manager (step 1,
-- over the department cs_dept_code), the head of the creating department (step 2),
-- then the marketing director, or the GM when any item is secret or above.
INSERT INTO approval_routes (req_type, secrecy, step_no, role, over_subject_dept)
SELECT * FROM (
  SELECT 'archive_destroy' AS t, 'ordinary' AS x, 1 AS n, 'dept_manager' AS r, 1 AS o UNION ALL
  SELECT 'archive_destroy', 'ordinary', 2, 'dept_manager', 1 UNION ALL
  SELECT 'archive_destroy', 'ordinary', 3, 'director', 0 UNION ALL
  SELECT 'archive_destroy', 'secret', 1, 'dept_manager', 1 UNION ALL
  SELECT 'archive_destroy', 'secret', 2, 'dept_manager', 1 UNION ALL
  SELECT 'archive_destroy', 'secret', 3, 'gm', 0
) d WHERE NOT EXISTS (SELECT 1 FROM approval_routes WHERE req_type = 'archive_destroy');
