-- 016_visits.sql — visits (回访/拜访, DESIGN.md §8) and the working-day calendar.
-- A visit moves the card's last visit, its next visit due (the grade's cadence,
-- never more than a year, or the follow-up date the visit set) and its last
-- progress (a visit counts for prospect protection), in the visit's transaction.
CREATE TABLE IF NOT EXISTS visits (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  client_id       BIGINT UNSIGNED NOT NULL,
  visited_on      DATE          NOT NULL,
  kind            ENUM('onsite','phone','mail','meeting','service') NOT NULL,
  attendees       VARCHAR(200)  NOT NULL DEFAULT '',
  contact         VARCHAR(100)  NOT NULL DEFAULT '',
  summary         VARCHAR(2000) NOT NULL,
  feedback        VARCHAR(1000) NOT NULL DEFAULT '',
  satisfaction    TINYINT UNSIGNED NULL,
  problems        VARCHAR(1000) NOT NULL DEFAULT '',
  next_follow_up  DATE          NULL,
  recorded_by     INT UNSIGNED  NOT NULL,
  recorded_at     DATETIME      NOT NULL,
  KEY ix_visits_client (client_id, visited_on, id),
  KEY ix_visits_recorder (recorded_by, id),
  CONSTRAINT fk_visits_client FOREIGN KEY (client_id) REFERENCES clients (id),
  CONSTRAINT fk_visits_user FOREIGN KEY (recorded_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- a person's agenda: their cards by the day the next visit is due
ALTER TABLE clients ADD INDEX IF NOT EXISTS ix_clients_owner_due (owner_id, next_visit_due, id);

-- Days that break the Monday–Friday rule: public holidays (a weekday off) and
-- make-up working days (调休: a Saturday or Sunday worked). The admin edits them.
CREATE TABLE IF NOT EXISTS calendar_days (
  day         DATE        NOT NULL PRIMARY KEY,
  kind        ENUM('holiday','workday') NOT NULL,
  name        VARCHAR(50) NOT NULL DEFAULT '',
  updated_at  DATETIME    NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
