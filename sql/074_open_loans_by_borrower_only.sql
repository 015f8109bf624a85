-- 074_open_loans_by_borrower_only.sql — the open loans of a set of borrowers
-- without their returned lines. The managers' dashboard joins the people of
-- their departments to their loans (Q_DASH_LOANS); a join reads
-- ix_archive_loans_borrower_open by its first part only, so every line a
-- borrower ever had was read to find the few still out (a GM's count read
-- 75,000 index entries, 17 ms, with scripts/gen-archive's 10,000,000 lines).
-- open_borrower is borrower_id while the line is out and NULL once it is
-- returned, so its index holds only the open lines, with their due time.
-- Stored (PERSISTENT) like open_due (060): a backup restores it as it was.
ALTER TABLE archive_loans
  ADD COLUMN IF NOT EXISTS open_borrower INT UNSIGNED AS (IF(open_item IS NULL, NULL, borrower_id)) PERSISTENT,
  ADD INDEX IF NOT EXISTS ix_archive_loans_open_borrower (open_borrower, open_due);
