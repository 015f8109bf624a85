-- 002_clients.sql — client cards (客户档案卡): classification tables, the card,
-- key persons, history, view log, search n-grams, imports.

-- Classification lists the admin edits: natures (with subtypes), industries,
-- regions (province → city), product lines.
CREATE TABLE IF NOT EXISTS class_items (
  id         INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind       ENUM('nature','industry','region','product_line') NOT NULL,
  parent_id  INT UNSIGNED NULL,
  code       VARCHAR(32)  NOT NULL,
  name_zh    VARCHAR(100) NOT NULL,
  name_en    VARCHAR(100) NOT NULL,
  sort       INT          NOT NULL DEFAULT 0,
  disabled   TINYINT(1)   NOT NULL DEFAULT 0,
  version    INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY uq_class_items_code (kind, code),
  KEY ix_class_items_kind (kind, sort, id),
  CONSTRAINT fk_class_items_parent FOREIGN KEY (parent_id) REFERENCES class_items (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Grades with their quota (share of a department's clients) and visit cadence.
CREATE TABLE IF NOT EXISTS grades (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code        VARCHAR(16)  NOT NULL,
  name_zh     VARCHAR(50)  NOT NULL,
  name_en     VARCHAR(50)  NOT NULL,
  quota_pct   DECIMAL(5,2) NULL,
  visit_days  INT UNSIGNED NOT NULL,
  sort        INT          NOT NULL DEFAULT 0,
  version     INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY uq_grades_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO grades (code, name_zh, name_en, quota_pct, visit_days, sort) VALUES
  ('vip', 'VIP客户', 'VIP', 15.00, 30, 1),
  ('preferred', '优选客户', 'Preferred', 30.00, 90, 2),
  ('qualified', '合格客户', 'Qualified', NULL, 180, 3);

CREATE TABLE IF NOT EXISTS clients (
  id                    BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  card_type             ENUM('dealer','end') NOT NULL,
  -- 1. base data
  name                  VARCHAR(200) NOT NULL,
  name_norm             VARCHAR(200) NOT NULL,
  short_name            VARCHAR(100) NOT NULL DEFAULT '',
  credit_code           CHAR(18)     NULL,
  legal_rep             VARCHAR(100) NOT NULL DEFAULT '',
  org_form              ENUM('state','private','foreign','individual','government','other') NULL,
  industry_id           INT UNSIGNED NULL,
  registered_capital    DECIMAL(16,2) NULL,
  founded_on            DATE         NULL,
  first_trade_on        DATE         NULL,
  address               VARCHAR(300) NOT NULL DEFAULT '',
  postcode              VARCHAR(10)  NOT NULL DEFAULT '',
  region_id             INT UNSIGNED NULL,
  phone                 VARCHAR(50)  NOT NULL DEFAULT '',
  phone_digits          VARCHAR(30)  NOT NULL DEFAULT '',
  fax                   VARCHAR(50)  NOT NULL DEFAULT '',
  email                 VARCHAR(190) NOT NULL DEFAULT '',
  website               VARCHAR(300) NOT NULL DEFAULT '',
  employees             INT UNSIGNED NULL,
  annual_sales          DECIMAL(16,2) NULL,
  source                ENUM('visit','referral','exhibition','web','phone','other') NULL,
  referrer_id           BIGINT UNSIGNED NULL,
  -- 3. characteristics
  service_area          TEXT NULL,
  sales_capacity        TEXT NULL,
  potential             TEXT NULL,
  philosophy            TEXT NULL,
  management            TEXT NULL,
  -- 4. business status
  sales_results         TEXT NULL,
  staff_quality         TEXT NULL,
  competitor_relations  TEXT NULL,
  cooperation_attitude  TEXT NULL,
  -- 5. transaction status
  sales_activity        TEXT NULL,
  problems              TEXT NULL,
  strengths             TEXT NULL,
  strategy              TEXT NULL,
  reputation            TEXT NULL,
  credit_status         TEXT NULL,
  credit_rating         VARCHAR(16)  NOT NULL DEFAULT '',
  credit_limit          DECIMAL(16,2) NULL,
  payment_terms         VARCHAR(200) NOT NULL DEFAULT '',
  receivables           DECIMAL(16,2) NULL,
  credit_problems       TEXT NULL,
  -- 6. classification
  nature_id             INT UNSIGNED NULL,
  lifecycle             ENUM('prospect','new','established','problem','former') NOT NULL DEFAULT 'prospect',
  size                  ENUM('large','medium','small') NULL,
  profitability         ENUM('high','reasonable','micro','loss') NULL,
  grade_id              INT UNSIGNED NULL,
  tags                  VARCHAR(300) NOT NULL DEFAULT '',
  blacklist             ENUM('none','department','company') NOT NULL DEFAULT 'none',
  blacklist_reason      VARCHAR(500) NOT NULL DEFAULT '',
  -- 7. bookkeeping
  owner_id              INT UNSIGNED NOT NULL,
  dept_id               INT UNSIGNED NOT NULL,
  scope                 ENUM('personal','department','company') NOT NULL DEFAULT 'personal',
  first_contact_on      DATE         NULL,
  registered_at         DATETIME     NOT NULL,
  registered_by         INT UNSIGNED NOT NULL,
  updated_at            DATETIME     NOT NULL,
  last_visit_on         DATE         NULL,
  next_visit_due        DATE         NULL,
  import_id             BIGINT UNSIGNED NULL,
  deleted_at            DATETIME     NULL,
  version               INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY uq_clients_credit_code (credit_code),
  KEY ix_clients_name_norm (name_norm, id),
  KEY ix_clients_phone (phone_digits),
  KEY ix_clients_owner (owner_id, id),
  KEY ix_clients_dept (dept_id, scope, id),
  KEY ix_clients_next_visit (next_visit_due, id),
  KEY ix_clients_grade (grade_id, id),
  KEY ix_clients_blacklist (blacklist, id),
  KEY ix_clients_import (import_id),
  CONSTRAINT fk_clients_owner FOREIGN KEY (owner_id) REFERENCES users (id),
  CONSTRAINT fk_clients_dept FOREIGN KEY (dept_id) REFERENCES departments (id),
  CONSTRAINT fk_clients_grade FOREIGN KEY (grade_id) REFERENCES grades (id),
  CONSTRAINT fk_clients_industry FOREIGN KEY (industry_id) REFERENCES class_items (id),
  CONSTRAINT fk_clients_region FOREIGN KEY (region_id) REFERENCES class_items (id),
  CONSTRAINT fk_clients_nature FOREIGN KEY (nature_id) REFERENCES class_items (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS client_persons (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  client_id       BIGINT UNSIGNED NOT NULL,
  name            VARCHAR(100) NOT NULL,
  title           VARCHAR(100) NOT NULL DEFAULT '',
  phone           VARCHAR(50)  NOT NULL DEFAULT '',
  mobile          VARCHAR(50)  NOT NULL DEFAULT '',
  email           VARCHAR(190) NOT NULL DEFAULT '',
  purchase_role   VARCHAR(100) NOT NULL DEFAULT '',
  personal_notes  TEXT NULL,
  removed         TINYINT(1)   NOT NULL DEFAULT 0,
  KEY ix_client_persons_client (client_id, id),
  KEY ix_client_persons_name (name(20)),
  CONSTRAINT fk_client_persons_client FOREIGN KEY (client_id) REFERENCES clients (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS client_product_lines (
  client_id  BIGINT UNSIGNED NOT NULL,
  item_id    INT UNSIGNED NOT NULL,
  PRIMARY KEY (client_id, item_id),
  KEY ix_client_product_lines_item (item_id, client_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Every change of a card or its key persons, with the reason. Never edited.
CREATE TABLE IF NOT EXISTS client_history (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  client_id   BIGINT UNSIGNED NOT NULL,
  person_id   BIGINT UNSIGNED NULL,
  field       VARCHAR(64)  NOT NULL,
  old_value   TEXT NULL,
  new_value   TEXT NULL,
  actor_id    INT UNSIGNED NOT NULL,
  at          DATETIME     NOT NULL,
  reason      VARCHAR(500) NOT NULL,
  KEY ix_client_history_client (client_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- Every view of a card and every denied attempt (DESIGN.md §5).
CREATE TABLE IF NOT EXISTS client_views (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  client_id   BIGINT UNSIGNED NOT NULL,
  user_id     INT UNSIGNED NOT NULL,
  at          DATETIME     NOT NULL,
  via         ENUM('owner','member','manager','company','grant','denied') NOT NULL,
  page        VARCHAR(16)  NOT NULL DEFAULT 'card',
  KEY ix_client_views_client (client_id, id),
  KEY ix_client_views_user (user_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='append-only';

-- View grants given by approval (issue: approvals); read by the visibility check.
CREATE TABLE IF NOT EXISTS client_grants (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  client_id   BIGINT UNSIGNED NOT NULL,
  user_id     INT UNSIGNED NOT NULL,
  expires_at  DATETIME     NOT NULL,
  granted_by  INT UNSIGNED NOT NULL,
  KEY ix_client_grants_user (user_id, client_id, expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Character bigrams of names, short names and key-person names for substring
-- search in Chinese without scanning the table. gram is 1–2 characters.
CREATE TABLE IF NOT EXISTS client_grams (
  gram       VARCHAR(2) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  client_id  BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (gram, client_id),
  KEY ix_client_grams_client (client_id)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS imports (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id     INT UNSIGNED NOT NULL,
  at          DATETIME     NOT NULL,
  filename    VARCHAR(255) NOT NULL,
  encoding    VARCHAR(8)   NOT NULL,
  rows_total  INT UNSIGNED NOT NULL,
  rows_added  INT UNSIGNED NOT NULL,
  rows_rejected INT UNSIGNED NOT NULL,
  rejected_csv MEDIUMTEXT NULL,
  undone_at   DATETIME     NULL,
  undone_by   INT UNSIGNED NULL,
  KEY ix_imports_user (user_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
