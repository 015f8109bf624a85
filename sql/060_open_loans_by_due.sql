-- 060_open_loans_by_due.sql — the loans still out, in the order of their due
-- time, without sorting them. The desk's lists (Q_LOANS_OUT, Q_LOANS_OVERDUE,
-- the managers' _TREE variants) and the reminders (Q_LOANS_TO_REMIND) show the
-- open lines by due time, 500 at most; through uq_archive_loans_open they read
-- every open line and sort them all (with scripts/gen-archive's 10,000,000
-- lines, 100,000 are out). open_due is due_at while the line is out and NULL
-- once it is returned (open_item is NULL then), so its index holds the open
-- lines in due order and a list reads its first 500 entries. It is stored
-- (PERSISTENT): a backup restores it as it was. (MariaDB's CHECKSUM TABLE
-- is not stable for a table with a generated column, so scripts/restore-drill
-- sums this table over its other columns.)
ALTER TABLE archive_loans
  ADD COLUMN IF NOT EXISTS open_due DATETIME AS (IF(open_item IS NULL, NULL, due_at)) PERSISTENT,
  ADD INDEX IF NOT EXISTS ix_archive_loans_open_due (open_due, id);
