-- demo/001_organisation.sql — the demo company, its departments and users.
-- Every demo user's password is "dossier-demo" (this is its Argon2id hash).

SET @t = '2026-01-05 09:00:00';
SET @pw = '$argon2id$v=19$m=19456,t=2,p=1$Jh193IgDFsaX11O3uGn0Gg$X45DmBRBENKbDFK3fXAIR48KO1QtYUjmdNvGs4G++Zk';

INSERT INTO departments (parent_id, name, code, kind, created_at) VALUES (NULL, '华信实业有限公司', 'HQ', 'company', @t);
SET @hq = LAST_INSERT_ID();
INSERT INTO departments (parent_id, name, code, kind, created_at) VALUES (@hq, '总经理办公室', 'GO', 'department', @t);
SET @go = LAST_INSERT_ID();
INSERT INTO departments (parent_id, name, code, kind, created_at) VALUES (@go, '档案室', 'ARC', 'team', @t);
SET @arc = LAST_INSERT_ID();
INSERT INTO departments (parent_id, name, code, kind, created_at) VALUES (@hq, '营销中心', 'MKT', 'department', @t);
SET @mkt = LAST_INSERT_ID();
INSERT INTO departments (parent_id, name, code, kind, created_at) VALUES (@mkt, '销售一部', 'S1', 'department', @t);
SET @s1 = LAST_INSERT_ID();
INSERT INTO departments (parent_id, name, code, kind, created_at) VALUES (@mkt, '销售二部', 'S2', 'department', @t);
SET @s2 = LAST_INSERT_ID();
INSERT INTO departments (parent_id, name, code, kind, created_at) VALUES (@mkt, '客户服务部', 'CS', 'department', @t);
SET @cs = LAST_INSERT_ID();
INSERT INTO departments (parent_id, name, code, kind, created_at) VALUES (@hq, '信息技术部', 'IT', 'department', @t);
SET @it = LAST_INSERT_ID();
INSERT INTO departments (parent_id, name, code, kind, created_at) VALUES (@hq, '人力资源部', 'HR', 'department', @t);
SET @hr = LAST_INSERT_ID();

INSERT INTO users (username, display_name, email, dept_id, password_hash, created_at, updated_at) VALUES
  ('admin',    '系统管理员', 'admin@huaxin.example',    @it,  @pw, @t, @t),
  ('gm',       '王建国',     'gm@huaxin.example',       @hq,  @pw, @t, @t),
  ('deputy',   '李明',       'deputy@huaxin.example',   @hq,  @pw, @t, @t),
  ('director', '张伟',       'director@huaxin.example', @mkt, @pw, @t, @t),
  ('archivist','赵丽',       'archive@huaxin.example',  @arc, @pw, @t, @t),
  ('manager1', '刘洋',       'manager1@huaxin.example', @s1,  @pw, @t, @t),
  ('staff1',   '陈静',       'staff1@huaxin.example',   @s1,  @pw, @t, @t),
  ('staff2',   '杨帆',       'staff2@huaxin.example',   @s1,  @pw, @t, @t),
  ('manager2', '黄磊',       'manager2@huaxin.example', @s2,  @pw, @t, @t),
  ('staff3',   '周敏',       'staff3@huaxin.example',   @s2,  @pw, @t, @t),
  ('csmanager','孙丽娟',     'cs@huaxin.example',       @cs,  @pw, @t, @t),
  ('auditor',  '吴芳',       'auditor@huaxin.example',  @hr,  @pw, @t, @t);

INSERT INTO user_roles (user_id, role)
  SELECT id, CASE username
    WHEN 'admin' THEN 'admin' WHEN 'gm' THEN 'gm' WHEN 'deputy' THEN 'deputy_gm'
    WHEN 'director' THEN 'director' WHEN 'archivist' THEN 'archivist'
    WHEN 'manager1' THEN 'dept_manager' WHEN 'manager2' THEN 'dept_manager'
    WHEN 'csmanager' THEN 'dept_manager' WHEN 'auditor' THEN 'auditor' ELSE 'staff' END
  FROM users WHERE username IN ('admin','gm','deputy','director','archivist','manager1',
                                'staff1','staff2','manager2','staff3','csmanager','auditor');
