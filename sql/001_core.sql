-- 001_core.sql — organisation, users, sessions, sign-in attempts, audit log.
-- Times are DATETIME in the company's time zone, always passed in by the
-- application (its one clock), never taken from the server's NOW().
-- Safe to run twice: every statement is IF NOT EXISTS.

CREATE TABLE IF NOT EXISTS departments (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  parent_id   INT UNSIGNED NULL,
  name        VARCHAR(100) NOT NULL,
  code        VARCHAR(32)  NOT NULL,
  kind        ENUM('company','department','team') NOT NULL DEFAULT 'department',
  disabled    TINYINT(1)   NOT NULL DEFAULT 0,
  created_at  DATETIME     NOT NULL,
  version     INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY uq_departments_code (code),
  KEY ix_departments_parent (parent_id),
  CONSTRAINT fk_departments_parent FOREIGN KEY (parent_id) REFERENCES departments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS users (
  id                    INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username              VARCHAR(64)  NOT NULL,
  display_name          VARCHAR(100) NOT NULL,
  email                 VARCHAR(190) NOT NULL DEFAULT '',
  dept_id               INT UNSIGNED NOT NULL,
  password_hash         VARCHAR(255) NOT NULL,
  must_change_password  TINYINT(1)   NOT NULL DEFAULT 0,
  lang                  VARCHAR(8)   NULL,
  disabled              TINYINT(1)   NOT NULL DEFAULT 0,
  created_at            DATETIME     NOT NULL,
  updated_at            DATETIME     NOT NULL,
  version               INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY uq_users_username (username),
  KEY ix_users_dept (dept_id, username),
  CONSTRAINT fk_users_dept FOREIGN KEY (dept_id) REFERENCES departments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS user_roles (
  user_id  INT UNSIGNED NOT NULL,
  role     ENUM('staff','dept_manager','director','deputy_gm','gm','archivist','admin') NOT NULL,
  PRIMARY KEY (user_id, role),
  KEY ix_user_roles_role (role),
  CONSTRAINT fk_user_roles_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- id is the SHA-256 of the cookie token: the token itself is never stored.
CREATE TABLE IF NOT EXISTS sessions (
  id            CHAR(64)     NOT NULL PRIMARY KEY,
  user_id       INT UNSIGNED NOT NULL,
  csrf          CHAR(64)     NOT NULL,
  created_at    DATETIME     NOT NULL,
  last_seen_at  DATETIME     NOT NULL,
  addr          VARCHAR(45)  NOT NULL DEFAULT '',
  KEY ix_sessions_user (user_id),
  KEY ix_sessions_seen (last_seen_at),
  CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

CREATE TABLE IF NOT EXISTS login_attempts (
  id        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username  VARCHAR(64)  NOT NULL,
  addr      VARCHAR(45)  NOT NULL,
  at        DATETIME     NOT NULL,
  outcome   ENUM('ok','fail','locked') NOT NULL,
  KEY ix_login_attempts_user (username, outcome, at),
  KEY ix_login_attempts_addr (addr, outcome, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The application's database user may only SELECT and INSERT here
-- (`dossier migrate` grants by this table comment).
CREATE TABLE IF NOT EXISTS audit_log (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at           DATETIME     NOT NULL,
  actor_id     INT UNSIGNED NULL,
  actor_name   VARCHAR(64)  NULL,
  action       VARCHAR(64)  NOT NULL,
  object_type  VARCHAR(32)  NULL,
  object_id    BIGINT UNSIGNED NULL,
  detail       TEXT         NULL,
  addr         VARCHAR(45)  NOT NULL DEFAULT '',
  request_id   CHAR(16)     NOT NULL DEFAULT '',
  KEY ix_audit_actor (actor_id, id),
  KEY ix_audit_action (action, id),
  KEY ix_audit_actor_name (actor_name, id),
  KEY ix_audit_object (object_type, object_id, id),
  KEY ix_audit_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';
