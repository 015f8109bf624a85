-- 066_loan_reminders.sql — when an open loan next needs the overdue job
-- (cgi/archive/remind.c): its due time at the check-out (a reading-room
-- session: never), then the day its borrower's managers are to be told, then
-- NULL once they have been (or the loan is returned). archive.remind reads
-- the loans whose time has come through the index, the most urgent first,
-- and never again those it has dealt with: before, it read the 500 oldest
-- overdue loans at every run, and with more overdue than that the newer ones
-- were never reminded.
ALTER TABLE archive_loans
  ADD COLUMN IF NOT EXISTS remind_at DATETIME NULL,
  ADD INDEX IF NOT EXISTS ix_archive_loans_remind (remind_at, id);
UPDATE archive_loans SET remind_at = due_at WHERE open_item IS NOT NULL AND kind = 'loan' AND remind_at IS NULL;
