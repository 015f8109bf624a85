-- 079_card_versions.sql — what a worker's kept copy of a drawn card is
-- checked against (README "Card pages kept"). A card page names
-- everything it shows by three numbers, and triggers keep them, so whatever
-- writes the rows (the app, a scheduled task, an import, a hand edit) moves
-- them in the writing transaction:
--   clients.shown_ver        every change of the card's own row
--   card_versions.ver        every change of a row the card shows that belongs
--                            to the card: key persons, history, product lines,
--                            visits, complaints, surveys, archive items and
--                            their volumes
--   data_versions 'card_refs' every change of a row the card shows that many
--                            cards share: a person's name, a department, a
--                            place in the archive
-- The classification lists and grades are the workers' own copies, renewed by
-- data_versions '*' (010), which the session reads.
-- test_card_tables_keep_versions (tests/test_http_clients.c) checks that every
-- table the card's statements read has these triggers.
ALTER TABLE clients ADD COLUMN shown_ver BIGINT UNSIGNED NOT NULL DEFAULT 0;

DROP TRIGGER IF EXISTS tr_clients_shown_upd;
CREATE TRIGGER tr_clients_shown_upd BEFORE UPDATE ON clients FOR EACH ROW
  SET NEW.shown_ver = OLD.shown_ver + 1;

CREATE TABLE IF NOT EXISTS card_versions (
  client_id  BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  ver        BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT IGNORE INTO data_versions (name, version) VALUES ('card_refs', 0);

-- the card's own rows: one trigger per table and event
DROP TRIGGER IF EXISTS tr_client_persons_card_ins;
CREATE TRIGGER tr_client_persons_card_ins AFTER INSERT ON client_persons FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (NEW.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;
DROP TRIGGER IF EXISTS tr_client_persons_card_upd;
CREATE TRIGGER tr_client_persons_card_upd AFTER UPDATE ON client_persons FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (OLD.client_id, 1), (NEW.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;
DROP TRIGGER IF EXISTS tr_client_persons_card_del;
CREATE TRIGGER tr_client_persons_card_del AFTER DELETE ON client_persons FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (OLD.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;

DROP TRIGGER IF EXISTS tr_client_history_card_ins;
CREATE TRIGGER tr_client_history_card_ins AFTER INSERT ON client_history FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (NEW.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;
DROP TRIGGER IF EXISTS tr_client_history_card_upd;
CREATE TRIGGER tr_client_history_card_upd AFTER UPDATE ON client_history FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (OLD.client_id, 1), (NEW.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;
DROP TRIGGER IF EXISTS tr_client_history_card_del;
CREATE TRIGGER tr_client_history_card_del AFTER DELETE ON client_history FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (OLD.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;

DROP TRIGGER IF EXISTS tr_client_product_lines_card_ins;
CREATE TRIGGER tr_client_product_lines_card_ins AFTER INSERT ON client_product_lines FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (NEW.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;
DROP TRIGGER IF EXISTS tr_client_product_lines_card_upd;
CREATE TRIGGER tr_client_product_lines_card_upd AFTER UPDATE ON client_product_lines FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (OLD.client_id, 1), (NEW.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;
DROP TRIGGER IF EXISTS tr_client_product_lines_card_del;
CREATE TRIGGER tr_client_product_lines_card_del AFTER DELETE ON client_product_lines FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (OLD.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;

DROP TRIGGER IF EXISTS tr_visits_card_ins;
CREATE TRIGGER tr_visits_card_ins AFTER INSERT ON visits FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (NEW.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;
DROP TRIGGER IF EXISTS tr_visits_card_upd;
CREATE TRIGGER tr_visits_card_upd AFTER UPDATE ON visits FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (OLD.client_id, 1), (NEW.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;
DROP TRIGGER IF EXISTS tr_visits_card_del;
CREATE TRIGGER tr_visits_card_del AFTER DELETE ON visits FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (OLD.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;

DROP TRIGGER IF EXISTS tr_complaints_card_ins;
CREATE TRIGGER tr_complaints_card_ins AFTER INSERT ON complaints FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (NEW.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;
DROP TRIGGER IF EXISTS tr_complaints_card_upd;
CREATE TRIGGER tr_complaints_card_upd AFTER UPDATE ON complaints FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (OLD.client_id, 1), (NEW.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;
DROP TRIGGER IF EXISTS tr_complaints_card_del;
CREATE TRIGGER tr_complaints_card_del AFTER DELETE ON complaints FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (OLD.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;

DROP TRIGGER IF EXISTS tr_surveys_card_ins;
CREATE TRIGGER tr_surveys_card_ins AFTER INSERT ON surveys FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (NEW.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;
DROP TRIGGER IF EXISTS tr_surveys_card_upd;
CREATE TRIGGER tr_surveys_card_upd AFTER UPDATE ON surveys FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (OLD.client_id, 1), (NEW.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;
DROP TRIGGER IF EXISTS tr_surveys_card_del;
CREATE TRIGGER tr_surveys_card_del AFTER DELETE ON surveys FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (OLD.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;

DROP TRIGGER IF EXISTS tr_archive_items_card_ins;
CREATE TRIGGER tr_archive_items_card_ins AFTER INSERT ON archive_items FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (NEW.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;
DROP TRIGGER IF EXISTS tr_archive_items_card_upd;
CREATE TRIGGER tr_archive_items_card_upd AFTER UPDATE ON archive_items FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (OLD.client_id, 1), (NEW.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;
DROP TRIGGER IF EXISTS tr_archive_items_card_del;
CREATE TRIGGER tr_archive_items_card_del AFTER DELETE ON archive_items FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (OLD.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;

DROP TRIGGER IF EXISTS tr_archive_volumes_card_ins;
CREATE TRIGGER tr_archive_volumes_card_ins AFTER INSERT ON archive_volumes FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (NEW.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;
DROP TRIGGER IF EXISTS tr_archive_volumes_card_upd;
CREATE TRIGGER tr_archive_volumes_card_upd AFTER UPDATE ON archive_volumes FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (OLD.client_id, 1), (NEW.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;
DROP TRIGGER IF EXISTS tr_archive_volumes_card_del;
CREATE TRIGGER tr_archive_volumes_card_del AFTER DELETE ON archive_volumes FOR EACH ROW
  INSERT INTO card_versions (client_id, ver) VALUES (OLD.client_id, 1) ON DUPLICATE KEY UPDATE ver = ver + 1;

-- rows many cards share. A person is shown on a card by name only (the owner,
-- who wrote a history line, who recorded a visit); the reader's own row is
-- read with the session at every request, so a sign-in's bookkeeping in
-- users renews nothing.
DROP TRIGGER IF EXISTS tr_users_card_upd;
CREATE TRIGGER tr_users_card_upd AFTER UPDATE ON users FOR EACH ROW
  UPDATE data_versions SET version = version + 1
  WHERE name = 'card_refs' AND NOT (NEW.display_name <=> OLD.display_name);
DROP TRIGGER IF EXISTS tr_users_card_del;
CREATE TRIGGER tr_users_card_del AFTER DELETE ON users FOR EACH ROW
  UPDATE data_versions SET version = version + 1 WHERE name = 'card_refs';

DROP TRIGGER IF EXISTS tr_departments_card_upd;
CREATE TRIGGER tr_departments_card_upd AFTER UPDATE ON departments FOR EACH ROW
  UPDATE data_versions SET version = version + 1 WHERE name = 'card_refs';
DROP TRIGGER IF EXISTS tr_departments_card_del;
CREATE TRIGGER tr_departments_card_del AFTER DELETE ON departments FOR EACH ROW
  UPDATE data_versions SET version = version + 1 WHERE name = 'card_refs';

DROP TRIGGER IF EXISTS tr_archive_locations_card_upd;
CREATE TRIGGER tr_archive_locations_card_upd AFTER UPDATE ON archive_locations FOR EACH ROW
  UPDATE data_versions SET version = version + 1 WHERE name = 'card_refs';
DROP TRIGGER IF EXISTS tr_archive_locations_card_del;
CREATE TRIGGER tr_archive_locations_card_del AFTER DELETE ON archive_locations FOR EACH ROW
  UPDATE data_versions SET version = version + 1 WHERE name = 'card_refs';
