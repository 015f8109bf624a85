-- 020_mail.sql — the outbox the scheduled job delivers (DESIGN.md §9), each
-- person's notification settings, the departments' chat robots and the
-- daily digests written.

-- One row per message and channel. The key (kind, subject, recipient, day,
-- channel) makes queuing idempotent: a re-run queues nothing new. A sender
-- claims a row (claimed_by, claimed_until) and marks it 'sending' in its own
-- committed transaction before the transfer; a row found 'sending' after its
-- claim ran out is marked failed, never sent again (README: Mail and chat).
CREATE TABLE IF NOT EXISTS mail_outbox (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind             VARCHAR(64)  NOT NULL,
  subject_ref      VARCHAR(64)  NOT NULL,
  recipient_id     INT UNSIGNED NOT NULL,
  day              DATE         NOT NULL,
  channel          ENUM('mail','wecom','dingtalk','json') NOT NULL,
  state            ENUM('queued','sending','sent','failed','dropped') NOT NULL DEFAULT 'queued',
  attempts         INT UNSIGNED NOT NULL DEFAULT 0,
  next_attempt_at  DATETIME     NOT NULL,
  claimed_by       VARCHAR(32)  NOT NULL DEFAULT '',
  claimed_until    DATETIME     NOT NULL DEFAULT '2000-01-01 00:00:00',
  last_error       VARCHAR(500) NOT NULL DEFAULT '',
  created_at       DATETIME     NOT NULL,
  sent_at          DATETIME     NULL,
  language         VARCHAR(8)   NOT NULL,
  address          VARCHAR(500) NOT NULL DEFAULT '',
  title            VARCHAR(255) NOT NULL,
  body_text        MEDIUMTEXT   NOT NULL,
  body_html        MEDIUMTEXT   NOT NULL,
  UNIQUE KEY uq_mail_outbox_key (kind, subject_ref, recipient_id, day, channel),
  KEY ix_mail_outbox_due (state, next_attempt_at),
  KEY ix_mail_outbox_state (state, id),
  KEY ix_mail_outbox_claim (state, claimed_until)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A person's choices: mail and/or chat, the digest or not (escalations are
-- always sent), and an own chat robot (else the department's is used).
CREATE TABLE IF NOT EXISTS mail_prefs (
  user_id      INT UNSIGNED NOT NULL PRIMARY KEY,
  by_mail      TINYINT(1)   NOT NULL DEFAULT 1,
  by_chat      TINYINT(1)   NOT NULL DEFAULT 0,
  digest       TINYINT(1)   NOT NULL DEFAULT 1,
  robot_kind   ENUM('','wecom','dingtalk','json') NOT NULL DEFAULT '',
  robot_key    VARCHAR(500) NOT NULL DEFAULT '',
  robot_secret VARCHAR(200) NOT NULL DEFAULT '',
  updated_at   DATETIME     NOT NULL,
  CONSTRAINT fk_mail_prefs_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A department's group robot (set by the administrator).
CREATE TABLE IF NOT EXISTS mail_dept_robots (
  dept_id      INT UNSIGNED NOT NULL PRIMARY KEY,
  robot_kind   ENUM('wecom','dingtalk','json') NOT NULL,
  robot_key    VARCHAR(500) NOT NULL,
  robot_secret VARCHAR(200) NOT NULL DEFAULT '',
  updated_at   DATETIME     NOT NULL,
  CONSTRAINT fk_mail_dept_robots_dept FOREIGN KEY (dept_id) REFERENCES departments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The digest of a person for a day was written (queued or, with nothing to
-- say, not): once per day, and "since the last digest" for its contents.
CREATE TABLE IF NOT EXISTS mail_digests (
  user_id   INT UNSIGNED NOT NULL,
  day       DATE         NOT NULL,
  built_at  DATETIME     NOT NULL,
  sections  INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
