-- 015_unserved.sql — clients nobody serves (seed 004 篇2 顾客服务 2.2; DESIGN.md §4):
-- the day a client was last served — the later of its registration, its last
-- visit and its last progress note — kept by the database itself, so every
-- path that records a visit or progress moves it. A manager lists the cards
-- not served for `unserved_months` and has them reassigned through the
-- approval "reassign", routed to the manager over the card's department.
ALTER TABLE clients
  ADD COLUMN IF NOT EXISTS last_service_on DATE AS
    (GREATEST(DATE(registered_at), COALESCE(last_visit_on, '1000-01-01'), COALESCE(last_progress_on, '1000-01-01')))
    STORED,
  ADD INDEX IF NOT EXISTS ix_clients_service (last_service_on, id),
  ADD INDEX IF NOT EXISTS ix_clients_dept_service (dept_id, last_service_on, id);

INSERT INTO approval_routes (req_type, scope, step_no, role, over_subject_dept)
SELECT 'reassign', NULL, 1, 'dept_manager', 1 FROM DUAL
WHERE NOT EXISTS (SELECT 1 FROM approval_routes WHERE req_type = 'reassign');
