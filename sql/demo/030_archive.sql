-- demo/030_archive.sql — the archive room's places: one room, two cabinets, shelves and boxes.
INSERT INTO archive_locations (kind, parent_id, name) VALUES ('room', NULL, '档案室 A101');
SET @room = LAST_INSERT_ID();
INSERT INTO archive_locations (kind, parent_id, name) VALUES ('cabinet', @room, '1号柜');
SET @c1 = LAST_INSERT_ID();
INSERT INTO archive_locations (kind, parent_id, name) VALUES ('cabinet', @room, '2号柜');
SET @c2 = LAST_INSERT_ID();
INSERT INTO archive_locations (kind, parent_id, name) VALUES ('shelf', @c1, '第1层');
SET @s1 = LAST_INSERT_ID();
INSERT INTO archive_locations (kind, parent_id, name) VALUES ('shelf', @c2, '第1层');
SET @s2 = LAST_INSERT_ID();
INSERT INTO archive_locations (kind, parent_id, name) VALUES
  ('box', @s1, '001盒'), ('box', @s1, '002盒'), ('box', @s2, '003盒');
