-- 006_approvals.sql — one approval engine (DESIGN.md §7): requests with
-- ordered steps, the people who may decide each step, every decision, the
-- routing rules (data, editable by the admin) and delegations.

-- Which steps a request of a type needs. A row with scope/secrecy NULL
-- applies to any; the most specific rows win. over_subject_dept: the role's
-- holders over the subject's department (that department or one above it),
-- else every active holder of the role. need_all: every such person decides.
CREATE TABLE IF NOT EXISTS approval_routes (
  id                 INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  req_type           VARCHAR(32)  NOT NULL,
  scope              ENUM('personal','department','company') NULL,
  secrecy            ENUM('ordinary','secret','confidential') NULL,
  step_no            TINYINT UNSIGNED NOT NULL,
  role               ENUM('dept_manager','director','deputy_gm','gm','archivist','admin') NOT NULL,
  over_subject_dept  TINYINT(1)   NOT NULL DEFAULT 0,
  need_all           TINYINT(1)   NOT NULL DEFAULT 0,
  version            INT UNSIGNED NOT NULL DEFAULT 1,
  KEY ix_approval_routes_type (req_type, step_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS requests (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  req_type      VARCHAR(32)  NOT NULL,
  client_id     BIGINT UNSIGNED NULL,
  requester_id  INT UNSIGNED NOT NULL,
  reason        VARCHAR(500) NOT NULL,
  field         VARCHAR(32)  NULL,
  old_value     VARCHAR(500) NULL,
  new_value     VARCHAR(500) NULL,
  payload       MEDIUMTEXT   NULL,
  status        ENUM('pending','approved','rejected','withdrawn','expired') NOT NULL DEFAULT 'pending',
  cur_step      TINYINT UNSIGNED NOT NULL DEFAULT 1,
  created_at    DATETIME     NOT NULL,
  decided_at    DATETIME     NULL,
  expires_at    DATETIME     NOT NULL,
  KEY ix_requests_requester (requester_id, id),
  KEY ix_requests_client (client_id, id),
  KEY ix_requests_pending (status, expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS request_steps (
  request_id  BIGINT UNSIGNED NOT NULL,
  step_no     TINYINT UNSIGNED NOT NULL,
  role        ENUM('dept_manager','director','deputy_gm','gm','archivist','admin') NOT NULL,
  dept_id     INT UNSIGNED NULL,
  need_all    TINYINT(1)   NOT NULL DEFAULT 0,
  state       ENUM('waiting','open','approved','rejected','closed') NOT NULL DEFAULT 'waiting',
  PRIMARY KEY (request_id, step_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The people who may decide a step, fixed when the step opens (the inbox).
CREATE TABLE IF NOT EXISTS request_approvers (
  request_id  BIGINT UNSIGNED NOT NULL,
  step_no     TINYINT UNSIGNED NOT NULL,
  user_id     INT UNSIGNED NOT NULL,
  open        TINYINT(1)   NOT NULL DEFAULT 1,
  PRIMARY KEY (request_id, step_no, user_id),
  KEY ix_request_approvers_inbox (user_id, open, request_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS request_decisions (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  request_id    BIGINT UNSIGNED NOT NULL,
  step_no       TINYINT UNSIGNED NOT NULL,
  decider_id    INT UNSIGNED NULL,
  on_behalf_of  INT UNSIGNED NULL,
  decision      ENUM('approved','rejected','withdrawn','expired') NOT NULL,
  comment       VARCHAR(1000) NOT NULL DEFAULT '',
  at            DATETIME     NOT NULL,
  KEY ix_request_decisions_request (request_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE IF NOT EXISTS delegations (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  from_user   INT UNSIGNED NOT NULL,
  to_user     INT UNSIGNED NOT NULL,
  starts_at   DATETIME     NOT NULL,
  ends_at     DATETIME     NOT NULL,
  note        VARCHAR(200) NOT NULL DEFAULT '',
  created_at  DATETIME     NOT NULL,
  revoked_at  DATETIME     NULL,
  KEY ix_delegations_to (to_user, ends_at),
  KEY ix_delegations_from (from_user, ends_at),
  CONSTRAINT fk_delegations_from FOREIGN KEY (from_user) REFERENCES users (id),
  CONSTRAINT fk_delegations_to FOREIGN KEY (to_user) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Default routing (DESIGN.md §5, §4): the department manager over the card
-- decides views of personal and department cards, field changes, deletion,
-- transfers and the department blacklist; the marketing director decides
-- views of company cards and the company blacklist. Seeded once.
INSERT INTO approval_routes (req_type, scope, step_no, role, over_subject_dept)
SELECT * FROM (
  SELECT 'view' AS t, 'personal' AS s, 1 AS n, 'dept_manager' AS r, 1 AS o UNION ALL
  SELECT 'view', 'department', 1, 'dept_manager', 1 UNION ALL
  SELECT 'view', 'company', 1, 'director', 0 UNION ALL
  SELECT 'change', NULL, 1, 'dept_manager', 1 UNION ALL
  SELECT 'delete', NULL, 1, 'dept_manager', 1 UNION ALL
  SELECT 'transfer', NULL, 1, 'dept_manager', 1 UNION ALL
  SELECT 'blacklist_dept', NULL, 1, 'dept_manager', 1 UNION ALL
  SELECT 'blacklist_company', NULL, 1, 'director', 0
) d WHERE NOT EXISTS (SELECT 1 FROM approval_routes);

-- the quota check counts a department's clients by grade from the index alone
ALTER TABLE clients ADD INDEX IF NOT EXISTS ix_clients_dept_grade (dept_id, deleted_at, grade_id);
