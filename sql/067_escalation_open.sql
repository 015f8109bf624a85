-- 067_escalation_open.sql — the cards visits.escalate may still have to
-- escalate, in their own index. escalation_open is 1 for a live card in no
-- pool whose due day has not been escalated yet (escalated_due, sql/019);
-- ix_clients_escalation holds, per department, those cards by due day with
-- their grade, so a run reads only the cards still to escalate: a VIP's
-- grade and the due day are checked in the index. Through
-- ix_clients_dept_live_due a run read every overdue card of the window, the
-- escalated ones too (270,000 row reads a run on the generated archive).
-- Stored (PERSISTENT): a backup restores it as it was.
ALTER TABLE clients
  ADD COLUMN IF NOT EXISTS escalation_open TINYINT AS
    (deleted_at IS NULL AND in_pool = 0 AND NOT (escalated_due <=> next_visit_due)) PERSISTENT,
  ADD INDEX IF NOT EXISTS ix_clients_escalation (dept_id, escalation_open, next_visit_due, grade_id);
