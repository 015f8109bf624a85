-- 018_complaints.sql — complaints (seed 003 篇二, DESIGN.md §8) and yearly
-- satisfaction surveys (seed 002). A complaint is answered within 15 days, an
-- urgent one within 3 working days (the calendar of 016); an unsatisfied client
-- reopens it. Survey averages are kept per year, department, grade and owner
-- (survey_stats, written with each survey), so the page never scans the surveys.
CREATE TABLE IF NOT EXISTS complaints (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  client_id      BIGINT UNSIGNED NOT NULL,
  received_at    DATETIME      NOT NULL,
  channel        ENUM('phone','visit','letter','mail','web','other') NOT NULL,
  urgent         TINYINT(1)    NOT NULL DEFAULT 0,
  content        VARCHAR(2000) NOT NULL,
  status         ENUM('open','answered','closed') NOT NULL DEFAULT 'open',
  due_on         DATE          NOT NULL,
  assignee_id    INT UNSIGNED  NULL,
  investigation  VARCHAR(2000) NOT NULL DEFAULT '',
  measures       VARCHAR(2000) NOT NULL DEFAULT '',
  result         VARCHAR(2000) NOT NULL DEFAULT '',
  answer         VARCHAR(2000) NOT NULL DEFAULT '',
  answered_at    DATETIME      NULL,
  feedback       ENUM('satisfied','unsatisfied') NULL,
  feedback_note  VARCHAR(1000) NOT NULL DEFAULT '',
  reopened       INT UNSIGNED  NOT NULL DEFAULT 0,
  registered_by  INT UNSIGNED  NOT NULL,
  registered_at  DATETIME      NOT NULL,
  updated_at     DATETIME      NOT NULL,
  version        INT UNSIGNED  NOT NULL DEFAULT 1,
  KEY ix_complaints_client (client_id, id),
  KEY ix_complaints_open (status, due_on, id),
  KEY ix_complaints_assignee (assignee_id, status, due_on),
  CONSTRAINT fk_complaints_client FOREIGN KEY (client_id) REFERENCES clients (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS surveys (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  client_id        BIGINT UNSIGNED NOT NULL,
  surveyed_on      DATE          NOT NULL,
  service_quality  TINYINT UNSIGNED NOT NULL,
  price            TINYINT UNSIGNED NOT NULL,
  overall          TINYINT UNSIGNED NOT NULL,
  comments         VARCHAR(1000) NOT NULL DEFAULT '',
  recorded_by      INT UNSIGNED  NOT NULL,
  recorded_at      DATETIME      NOT NULL,
  KEY ix_surveys_client (client_id, surveyed_on),
  CONSTRAINT fk_surveys_client FOREIGN KEY (client_id) REFERENCES clients (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS survey_stats (
  year      SMALLINT UNSIGNED NOT NULL,
  dept_id   INT UNSIGNED  NOT NULL,
  grade_id  INT UNSIGNED  NOT NULL DEFAULT 0,
  owner_id  INT UNSIGNED  NOT NULL,
  n         INT UNSIGNED  NOT NULL,
  service   INT UNSIGNED  NOT NULL,
  price     INT UNSIGNED  NOT NULL,
  overall   INT UNSIGNED  NOT NULL,
  PRIMARY KEY (year, dept_id, grade_id, owner_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE clients ADD COLUMN IF NOT EXISTS last_survey_on DATE NULL,
  ADD INDEX IF NOT EXISTS ix_clients_owner_survey (owner_id, last_survey_on, id);
