-- 017_filing.sql — filing deadlines (seed 004 篇1 1.4, DESIGN.md §8): a new client
-- is registered within 5 working days of the first contact, and a card's changes
-- are reported within 5 working days of the event. The card keeps the deadline and
-- whether it was missed; each change in the history keeps the day of the event and
-- whether it was reported late. Counted per person.
ALTER TABLE clients
  ADD COLUMN IF NOT EXISTS filing_due DATE NULL,
  ADD COLUMN IF NOT EXISTS filed_late TINYINT(1) NOT NULL DEFAULT 0,
  ADD INDEX IF NOT EXISTS ix_clients_filed_late (registered_by, filed_late, registered_at);
ALTER TABLE client_history
  ADD COLUMN IF NOT EXISTS event_on DATE NULL,
  ADD COLUMN IF NOT EXISTS late TINYINT(1) NOT NULL DEFAULT 0,
  ADD INDEX IF NOT EXISTS ix_client_history_late (actor_id, late, at);
