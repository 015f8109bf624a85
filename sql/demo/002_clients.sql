-- demo/002_clients.sql — 300 client cards for the demo: both card types, every
-- grade, lifecycle and scope, owners in both sales departments, some
-- blacklisted, visits due and overdue, one or two key persons each; dealer cards
-- are never of individual consumers (those are end customers). Names are
-- city × trade word, so each is distinct; name_norm is the name without its
-- company suffix (what name_normalize() gives for these names).
-- Uses MariaDB's sequence engine (seq_1_to_N).

SET @t0 = '2024-01-08 09:00:00';
SET @s1 = (SELECT id FROM departments WHERE code = 'S1');
SET @s2 = (SELECT id FROM departments WHERE code = 'S2');
SET @mkt = (SELECT id FROM departments WHERE code = 'MKT');
SET @vip = (SELECT id FROM grades WHERE code = 'vip');
SET @pref = (SELECT id FROM grades WHERE code = 'preferred');
SET @qual = (SELECT id FROM grades WHERE code = 'qualified');

INSERT INTO clients (card_type, name, name_norm, short_name, legal_rep, org_form, industry_id,
  registered_capital, founded_on, first_trade_on, address, postcode, region_id, phone, phone_digits,
  email, employees, annual_sales, source, nature_id, lifecycle, size, profitability, grade_id, tags,
  blacklist, blacklist_reason, owner_id, dept_id, scope, first_contact_on, registered_at, registered_by,
  updated_at, last_visit_on, next_visit_due, credit_rating, payment_terms, cooperation_attitude)
SELECT
  IF(s.seq % 4 = 0, 'end', 'dealer'),
  CONCAT(city, word, IF(s.seq % 4 = 0, '科技', '商贸'), IF(s.seq % 3 = 0, '股份有限公司', '有限公司')),
  CONCAT(city, word, IF(s.seq % 4 = 0, '科技', '商贸')),
  CONCAT(city, word),
  CONCAT(ELT(1 + s.seq % 12, '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'),
         ELT(1 + (s.seq DIV 12) % 10, '建国', '志强', '秀英', '国华', '海燕', '振华', '晓明', '丽娟', '德胜', '文杰')),
  ELT(1 + s.seq % 6, 'private', 'private', 'state', 'foreign', 'individual', 'other'),
  (SELECT id FROM class_items WHERE kind = 'industry' AND sort = 1 + s.seq % 13),
  100000 * (1 + s.seq % 50),
  DATE_ADD('1995-01-01', INTERVAL (s.seq * 37) % 9000 DAY),
  IF(s.seq % 5 = 0, NULL, DATE_ADD('2018-01-01', INTERVAL (s.seq * 13) % 2500 DAY)),
  CONCAT(city, ELT(1 + s.seq % 5, '高新区', '经济开发区', '工业园', '中山路', '人民路'), s.seq % 200 + 1, '号'),
  LPAD(100000 + (s.seq * 7919) % 899999, 6, '0'),
  (SELECT id FROM class_items WHERE kind = 'region' AND name_zh = CONCAT(city, '市') LIMIT 1),
  CONCAT('0', 10 + s.seq % 89, '-', 60000000 + s.seq * 131),
  CONCAT('0', 10 + s.seq % 89, 60000000 + s.seq * 131),
  CONCAT('contact', s.seq, '@client', s.seq % 97, '.example'),
  10 * (1 + s.seq % 80),
  1000000 * (1 + s.seq % 30),
  ELT(1 + s.seq % 6, 'visit', 'referral', 'exhibition', 'web', 'phone', 'other'),
  (SELECT id FROM class_items WHERE kind = 'nature' AND code = ELT(1 + s.seq % 4, 'individual', 'manufacturer', 'government', 'intermediary')),
  ELT(1 + s.seq % 10, 'established', 'established', 'new', 'new', 'prospect', 'prospect', 'prospect', 'established', 'problem', 'former'),
  ELT(1 + s.seq % 3, 'large', 'medium', 'small'),
  ELT(1 + s.seq % 4, 'high', 'reasonable', 'micro', 'loss'),
  CASE WHEN s.seq % 10 = 1 AND s.seq % 6 <> 5 THEN @vip WHEN s.seq % 10 IN (2, 3) THEN @pref WHEN s.seq % 10 = 4 THEN NULL ELSE @qual END,
  ELT(1 + s.seq % 5, '重点', '展会,华东', '', '老客户', ''),
  CASE WHEN s.seq IN (17, 88, 151) THEN 'department' WHEN s.seq IN (42, 205) THEN 'company' ELSE 'none' END,
  CASE WHEN s.seq IN (17, 88, 151) THEN '多次拖欠货款' WHEN s.seq IN (42, 205) THEN '经核实存在恶意欺诈行为' ELSE '' END,
  (SELECT id FROM users WHERE username = ELT(1 + s.seq % 6, 'staff1', 'staff2', 'staff3', 'manager1', 'staff3', 'director')),
  CASE s.seq % 6 WHEN 0 THEN @s1 WHEN 1 THEN @s1 WHEN 2 THEN @s2 WHEN 3 THEN @s1 WHEN 4 THEN @s2 ELSE @mkt END,
  CASE WHEN s.seq % 6 = 5 THEN 'company' WHEN s.seq % 7 = 0 THEN 'department' ELSE 'personal' END,
  DATE_ADD('2024-01-01', INTERVAL (s.seq * 3) % 1000 DAY),
  DATE_ADD(@t0, INTERVAL (s.seq * 3) % 1000 DAY),
  (SELECT id FROM users WHERE username = ELT(1 + s.seq % 6, 'staff1', 'staff2', 'staff3', 'manager1', 'staff3', 'director')),
  DATE_ADD(@t0, INTERVAL (s.seq * 3) % 1000 + 5 DAY),
  DATE_ADD('2026-05-01', INTERVAL (s.seq * 11) % 200 DAY),
  DATE_ADD(DATE_ADD('2026-05-01', INTERVAL (s.seq * 11) % 200 DAY),
           INTERVAL CASE WHEN s.seq % 10 = 1 AND s.seq % 6 <> 5 THEN 30 WHEN s.seq % 10 IN (2, 3) THEN 90 ELSE 180 END DAY),
  ELT(1 + s.seq % 4, 'AAA', 'AA', 'A', 'B'),
  ELT(1 + s.seq % 3, '月结30天', '款到发货', '月结60天'),
  ELT(1 + s.seq % 3, '积极', '一般', '观望')
FROM (
  SELECT seq,
         ELT(1 + seq % 20, '北京', '上海', '广州', '深圳', '杭州', '南京', '苏州', '成都', '武汉', '西安',
             '天津', '重庆', '青岛', '厦门', '宁波', '长沙', '郑州', '济南', '合肥', '昆明') AS city,
         ELT(1 + (seq DIV 20) % 15, '华信', '东方', '恒通', '瑞丰', '金桥', '新元', '宏达', '佳和', '远航',
             '鼎盛', '永安', '博雅', '天成', '海川', '联创') AS word
  FROM seq_1_to_300
) s;

-- key persons: one for every client, a second for every third
INSERT INTO client_persons (client_id, name, title, phone, mobile, email, purchase_role, personal_notes)
SELECT c.id,
  CONCAT(ELT(1 + c.id % 10, '赵', '钱', '孙', '李', '周', '吴', '郑', '王', '冯', '陈'),
         ELT(1 + (c.id DIV 10) % 8, '伟', '芳', '娜', '敏', '静', '磊', '洋', '勇')),
  ELT(1 + c.id % 4, '采购经理', '总经理', '财务总监', '技术主管'),
  c.phone, CONCAT('13', LPAD((c.id * 7919) % 1000000000, 9, '0')), CONCAT('buyer', c.id, '@client.example'),
  ELT(1 + c.id % 3, '决策者', '影响者', '使用者'),
  ELT(1 + c.id % 3, '喜欢打羽毛球，周末常去郊游', '毕业于浙江大学，做事严谨', '孩子在读高中，关心教育')
FROM clients c;

INSERT INTO client_persons (client_id, name, title, phone, mobile, email, purchase_role)
SELECT c.id, CONCAT(ELT(1 + c.id % 6, '林', '何', '郭', '马', '罗', '梁'), ELT(1 + c.id % 5, '小红', '建军', '丽华', '志远', '春梅')),
  '业务对接人', c.phone, CONCAT('139', LPAD((c.id * 104729) % 100000000, 8, '0')), '', '使用者'
FROM clients c WHERE c.id % 3 = 0;

-- product lines
INSERT IGNORE INTO client_product_lines (client_id, item_id)
SELECT c.id, p.id FROM clients c JOIN class_items p ON p.kind = 'product_line' AND (c.id + p.sort) % 3 = 0;

-- the search index: every two-character window of the normalised name, the
-- short name and the key persons' names (as grams_rebuild() does)
INSERT IGNORE INTO client_grams (gram, client_id)
SELECT SUBSTRING(c.name_norm, s.seq, 2), c.id FROM clients c JOIN seq_1_to_100 s ON s.seq < CHAR_LENGTH(c.name_norm);
INSERT IGNORE INTO client_grams (gram, client_id)
SELECT SUBSTRING(c.short_name, s.seq, 2), c.id FROM clients c JOIN seq_1_to_100 s ON s.seq < CHAR_LENGTH(c.short_name);
INSERT IGNORE INTO client_grams (gram, client_id)
SELECT SUBSTRING(p.name, s.seq, 2), p.client_id FROM client_persons p JOIN seq_1_to_20 s ON s.seq < CHAR_LENGTH(p.name);

INSERT INTO client_history (client_id, field, old_value, new_value, actor_id, at, reason)
SELECT id, 'created', NULL, name, registered_by, registered_at, 'lang:client.history.created' FROM clients;
