-- 012_auditor.sql — the auditor role (HR, DESIGN.md §2): reads the view logs,
-- changes nothing.
ALTER TABLE user_roles
  MODIFY role ENUM('staff','dept_manager','director','deputy_gm','gm','archivist','admin','auditor') NOT NULL;
