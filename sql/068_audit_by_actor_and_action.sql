-- 068_audit_by_actor_and_action.sql — a person's own recent sign-ins and
-- password changes (the home page, Q_AUDIT_MY_LOGINS): the newest five of
-- each action through this index, instead of every row the person ever
-- wrote through ix_audit_actor (with the generator's 10,000,000 audit rows,
-- 45,000 rows and 3–5 s for a department manager's home page).
ALTER TABLE audit_log ADD INDEX IF NOT EXISTS ix_audit_actor_action (actor_id, action, id);
