-- 011_login_throttle.sql — sign-in throttling without a per-address lock:
-- failures are counted per account (ix_login_attempts_user) and per client
-- address and account name (this index), which both lock; the per-address
-- count (ix_login_attempts_addr) only slows down past its ceiling. Each of the
-- three reads only the rows of its own key, newest first within the window.
ALTER TABLE login_attempts
  ADD INDEX IF NOT EXISTS ix_login_attempts_addr_user (addr, username, outcome, at);
