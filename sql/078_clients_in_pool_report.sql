-- 078_clients_in_pool_report.sql — the pool report's "in the pool now, per
-- department" (reports/table.c fill_pool) read every pooled card's row, at
-- random, to test deleted_at and read pool_since: 28,000 cards of the bench
-- archive, 333 ms. The live pooled cards, their departments and the day
-- each came back, in one index that answers alone (18 ms).
ALTER TABLE clients
  ADD INDEX IF NOT EXISTS ix_clients_in_pool (in_pool, deleted_at, dept_id, pool_since);
