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

-- Four items of staff1's first client, one per secrecy level, filed in 2026,
-- signed off by manager1 and placed in the first box; the counter and the
-- volume as filing would have left them.
SET @t = '2026-01-12 10:00:00';
SET @staff1 = (SELECT id FROM users WHERE username = 'staff1');
SET @m1 = (SELECT id FROM users WHERE username = 'manager1');
SET @arc = (SELECT id FROM users WHERE username = 'archivist');
SET @c = (SELECT id FROM clients WHERE owner_id = @staff1 ORDER BY id LIMIT 1);
SET @ht = (SELECT id FROM archive_types WHERE code = 'HT');
SET @box = (SELECT MIN(id) FROM archive_locations WHERE kind = 'box');
INSERT INTO archive_volumes (client_id, year, created_at) VALUES (@c, 2026, @t);
SET @v = LAST_INSERT_ID();
INSERT INTO archive_counters (client_id, year, type_id, last_seq) VALUES (@c, 2026, @ht, 4);
INSERT INTO archive_items (archive_no, client_id, volume_id, type_id, seq, title, author, doc_date, pages, copies,
  secrecy, retention, medium, location_id, status, dept_id, filed_by, filed_at, approved_by, approved_at, placed_by,
  placed_at)
SELECT CONCAT('C', LPAD(@c, 6, '0'), '-2026-HT-', LPAD(s.seq, 3, '0')), @c, @v, @ht, s.seq,
  ELT(s.seq, '年度购销合同', '价格补充协议', '独家代理协议', '股权质押合同'), '销售一部',
  '2026-01-10', 6 * s.seq, 1, ELT(s.seq, 'ordinary', 'secret', 'confidential', 'top_secret'), '10', 'paper', @box,
  'on_shelf', u.dept_id, @staff1, @t, @m1, @t, @arc, @t
FROM seq_1_to_4 s JOIN users u ON u.id = @staff1;
