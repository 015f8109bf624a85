-- 055_mail_attachments.sql — one attachment per outbox message (a report's
-- workbook), kept base64-encoded (lines of 76) as the message will carry it,
-- and the kinds of message a person switched off on /me/notifications (the
-- kinds a domain declares with an opt-out switch, e.g. report.weekly).
ALTER TABLE mail_outbox
  ADD COLUMN IF NOT EXISTS attach_name VARCHAR(200) NOT NULL DEFAULT '',
  ADD COLUMN IF NOT EXISTS attach_type VARCHAR(100) NOT NULL DEFAULT '',
  ADD COLUMN IF NOT EXISTS attach_b64  LONGTEXT     NULL;

CREATE TABLE IF NOT EXISTS mail_optouts (
  user_id    INT UNSIGNED NOT NULL,
  kind       VARCHAR(64)  NOT NULL,
  updated_at DATETIME     NOT NULL,
  PRIMARY KEY (user_id, kind),
  CONSTRAINT fk_mail_optouts_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
