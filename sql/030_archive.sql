-- 030_archive.sql — archive items and volumes, filing, borrowing and the
-- check-out desk (DESIGN.md §6, seed 000 三, 七). An item's archive number
-- (档号) is unique and never reused: its sequence comes from a counter row
-- per (client, year, type) taken in the filing transaction, and a number once
-- given stays with its item whatever becomes of it. A register line that is
-- open carries the item's id in open_item (NULL once closed), so the database
-- itself refuses an item out twice.

CREATE TABLE IF NOT EXISTS archive_types (
  id        INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code      VARCHAR(8)   NOT NULL,
  name_zh   VARCHAR(40)  NOT NULL,
  name_en   VARCHAR(60)  NOT NULL,
  sort      INT          NOT NULL DEFAULT 0,
  UNIQUE KEY uq_archive_types_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO archive_types (code, name_zh, name_en, sort) VALUES
  ('HT', '合同', 'Contract', 10),
  ('XY', '信用报告', 'Credit report', 20),
  ('BF', '拜访记录', 'Visit record', 30),
  ('ZZ', '资质证照', 'Licence or qualification', 40),
  ('XI', '协议', 'Agreement', 50),
  ('JB', '基本信息表', 'Basic information sheet', 60),
  ('TS', '投诉记录', 'Complaint record', 70),
  ('FK', '付款记录', 'Payment record', 80);

-- Rooms, cabinets, shelves and boxes: one list, each place inside its parent.
CREATE TABLE IF NOT EXISTS archive_locations (
  id         INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind       ENUM('room','cabinet','shelf','box') NOT NULL,
  parent_id  INT UNSIGNED NULL,
  name       VARCHAR(60)  NOT NULL,
  UNIQUE KEY uq_archive_locations (parent_id, name),
  KEY ix_archive_locations_kind (kind, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The last sequence given per client, year and type (the filing transaction
-- raises it under its row lock; never MAX()+1).
CREATE TABLE IF NOT EXISTS archive_counters (
  client_id  BIGINT UNSIGNED NOT NULL,
  year       SMALLINT UNSIGNED NOT NULL,
  type_id    INT UNSIGNED NOT NULL,
  last_seq   INT UNSIGNED NOT NULL,
  PRIMARY KEY (client_id, year, type_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A volume (案卷) per client per year (按年度立卷).
CREATE TABLE IF NOT EXISTS archive_volumes (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  client_id   BIGINT UNSIGNED NOT NULL,
  year        SMALLINT UNSIGNED NOT NULL,
  created_at  DATETIME     NOT NULL,
  UNIQUE KEY uq_archive_volumes (client_id, year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS archive_items (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  archive_no      VARCHAR(64)  NOT NULL,
  client_id       BIGINT UNSIGNED NOT NULL,
  volume_id       BIGINT UNSIGNED NOT NULL,
  type_id         INT UNSIGNED NOT NULL,
  seq             INT UNSIGNED NOT NULL,
  title           VARCHAR(200) NOT NULL,
  author          VARCHAR(100) NOT NULL DEFAULT '',
  doc_date        DATE         NOT NULL,
  pages           INT UNSIGNED NOT NULL DEFAULT 1,
  copies          INT UNSIGNED NOT NULL DEFAULT 1,
  secrecy         ENUM('ordinary','secret','confidential','top_secret') NOT NULL DEFAULT 'ordinary',
  retention       ENUM('permanent','30','10','3') NOT NULL DEFAULT '10',
  medium          ENUM('paper','electronic','both') NOT NULL DEFAULT 'paper',
  other_no        VARCHAR(64)  NOT NULL DEFAULT '',
  other_location  VARCHAR(200) NOT NULL DEFAULT '',
  remarks         VARCHAR(500) NOT NULL DEFAULT '',
  location_id     INT UNSIGNED NULL,
  status          ENUM('submitted','on_shelf','checked_out','reading_room','destruction_hold','destroyed','lost')
                  NOT NULL DEFAULT 'submitted',
  dept_id         INT UNSIGNED NOT NULL,
  request_id      BIGINT UNSIGNED NULL,
  filed_by        INT UNSIGNED NOT NULL,
  filed_at        DATETIME     NOT NULL,
  approved_by     INT UNSIGNED NULL,
  approved_at     DATETIME     NULL,
  placed_by       INT UNSIGNED NULL,
  placed_at       DATETIME     NULL,
  UNIQUE KEY uq_archive_items_no (archive_no),
  KEY ix_archive_items_client (client_id, archive_no),
  KEY ix_archive_items_volume (volume_id, doc_date, id),
  KEY ix_archive_items_waiting (status, dept_id, approved_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What lets the archivist hand an item out: an approved request, or a
-- direct loan of those who borrow ordinary items without asking. Used once.
CREATE TABLE IF NOT EXISTS archive_auths (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  item_id     BIGINT UNSIGNED NOT NULL,
  user_id     INT UNSIGNED NOT NULL,
  via         ENUM('request','direct') NOT NULL,
  request_id  BIGINT UNSIGNED NULL,
  mode        ENUM('loan','reading') NOT NULL,
  loan_secs   INT UNSIGNED NOT NULL,
  reason      VARCHAR(500) NOT NULL,
  created_at  DATETIME     NOT NULL,
  expires_at  DATETIME     NOT NULL,
  used_at     DATETIME     NULL,
  KEY ix_archive_auths_item (item_id, used_at, expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The register (借阅登记): one line per loan or reading-room session.
CREATE TABLE IF NOT EXISTS archive_loans (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  item_id         BIGINT UNSIGNED NOT NULL,
  auth_id         BIGINT UNSIGNED NOT NULL,
  kind            ENUM('loan','reading') NOT NULL,
  borrower_id     INT UNSIGNED NOT NULL,
  copies          INT UNSIGNED NOT NULL DEFAULT 1,
  reason          VARCHAR(500) NOT NULL,
  out_at          DATETIME     NOT NULL,
  due_at          DATETIME     NOT NULL,
  out_by          INT UNSIGNED NOT NULL,
  returned_at     DATETIME     NULL,
  returned_to     INT UNSIGNED NULL,
  cond            ENUM('intact','damaged','lost') NULL,
  overdue         TINYINT(1)   NOT NULL DEFAULT 0,
  closed_by_job   TINYINT(1)   NOT NULL DEFAULT 0,
  open_item       BIGINT UNSIGNED NULL,
  UNIQUE KEY uq_archive_loans_open (open_item),
  KEY ix_archive_loans_item (item_id, id),
  KEY ix_archive_loans_borrower (borrower_id, id),
  KEY ix_archive_loans_out (out_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS archive_incidents (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  item_id     BIGINT UNSIGNED NOT NULL,
  loan_id     BIGINT UNSIGNED NOT NULL,
  kind        ENUM('lost','damaged') NOT NULL,
  noted_by    INT UNSIGNED NOT NULL,
  noted_at    DATETIME     NOT NULL,
  KEY ix_archive_incidents_item (item_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Routing (DESIGN.md §6): filing by the filer's department manager; ordinary
-- loans by the requester's department manager, secret ones by the GM (the
-- deputy GM in charge decides through the GM's delegation), confidential
-- reading by the marketing director. Top secret is refused before routing.
INSERT INTO approval_routes (req_type, secrecy, step_no, role, over_subject_dept)
SELECT * FROM (
  SELECT 'archive_file' AS t, NULL AS x, 1 AS n, 'dept_manager' AS r, 1 AS o UNION ALL
  SELECT 'archive_borrow', 'ordinary', 1, 'dept_manager', 1 UNION ALL
  SELECT 'archive_borrow', 'secret', 1, 'gm', 0 UNION ALL
  SELECT 'archive_borrow', 'confidential', 1, 'director', 0
) d WHERE NOT EXISTS (SELECT 1 FROM approval_routes WHERE req_type IN ('archive_file', 'archive_borrow'));
