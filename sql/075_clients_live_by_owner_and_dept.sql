-- 075_clients_live_by_owner_and_dept.sql — the client list's first two
-- visibility branches (own cards; the department's cards of scope
-- 'department') and their capped counts read the live cards alone, in id
-- order, from the index: deleted_at sits before id. Through (owner_id, id)
-- and (dept_id, scope, id) each entry cost a read of the card's row to test
-- deleted_at (the count of a salesperson's 1,001 cards plus 1,001 of the
-- department's: 16 ms), and MariaDB read the department's branch through
-- the primary key instead (5,001 rows for 51: 7.6 ms).
ALTER TABLE clients
  ADD INDEX IF NOT EXISTS ix_clients_owner_live (owner_id, deleted_at, id),
  ADD INDEX IF NOT EXISTS ix_clients_dept_scope_live (dept_id, scope, deleted_at, id),
  DROP INDEX IF EXISTS ix_clients_owner,
  DROP INDEX IF EXISTS ix_clients_dept;
