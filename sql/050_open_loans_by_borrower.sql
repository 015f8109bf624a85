-- 050_open_loans_by_borrower.sql — a borrower's open loans without reading
-- their whole register history. The daily digest asks, for every person, their
-- loans still out past due (Q_LOANS_OVERDUE_OF: borrower_id = ? AND open_item
-- IS NOT NULL AND due_at < ?); with ix_archive_loans_borrower alone that reads
-- every line the person ever borrowed (with scripts/gen-archive's 10,000,000
-- lines over 200 borrowers: 50,000 a person, for each of them, every day).
-- This index reads only the lines still out (open_item is NULL once returned).
ALTER TABLE archive_loans ADD INDEX IF NOT EXISTS ix_archive_loans_borrower_open (borrower_id, open_item);
