-- 007_prospects.sql — prospect protection, the private and the public pool
-- (DESIGN.md §4): a prospect is protected for its owner until protected_until
-- as long as progress is recorded (last_progress_on) at least monthly; then it
-- returns to the department pool (in_pool = 1) and others ask the department
-- manager to take it over. Cards registered before this migration carry no
-- protection dates and are left alone.
ALTER TABLE clients
  ADD COLUMN IF NOT EXISTS in_pool TINYINT(1) NOT NULL DEFAULT 0 AFTER scope,
  ADD COLUMN IF NOT EXISTS protected_until DATE NULL AFTER in_pool,
  ADD COLUMN IF NOT EXISTS last_progress_on DATE NULL AFTER protected_until,
  ADD COLUMN IF NOT EXISTS pool_since DATETIME NULL AFTER last_progress_on,
  ADD INDEX IF NOT EXISTS ix_clients_pool (dept_id, in_pool, id),
  ADD INDEX IF NOT EXISTS ix_clients_protection (in_pool, lifecycle, protected_until),
  ADD INDEX IF NOT EXISTS ix_clients_progress (in_pool, lifecycle, last_progress_on),
  ADD INDEX IF NOT EXISTS ix_clients_owner_prospects (owner_id, lifecycle, in_pool, protected_until);

INSERT INTO approval_routes (req_type, scope, step_no, role, over_subject_dept)
SELECT 'takeover', NULL, 1, 'dept_manager', 1 FROM DUAL
WHERE NOT EXISTS (SELECT 1 FROM approval_routes WHERE req_type = 'takeover');
