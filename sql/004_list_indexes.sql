-- 004_list_indexes.sql — indexes that let each visibility branch of the client
-- list (own cards, department cards, managed departments) read its rows in
-- the list's order, so no page sorts or scans a large part of the table.
ALTER TABLE clients
  ADD INDEX IF NOT EXISTS ix_clients_owner_name (owner_id, name_norm, id),
  ADD INDEX IF NOT EXISTS ix_clients_owner_due (owner_id, next_visit_due, id),
  ADD INDEX IF NOT EXISTS ix_clients_dept_name (dept_id, scope, name_norm, id),
  ADD INDEX IF NOT EXISTS ix_clients_dept_due (dept_id, scope, next_visit_due, id);
