-- 021_register_locks.sql — lock rows for the duplicate check of a
-- registration. The check is a plain read; without a lock two people
-- registering the same client at once both found no earlier card and both
-- saved one. A registration (and a save that changes a card's name or phone)
-- first updates the rows of its normalised name's and phone digits' buckets
-- (a hash modulo 4096, in one statement, in key order): a second registration
-- of the same name waits on one node, and on a Galera cluster its commit fails
-- certification (1213) and is retried; either way its check then sees the first
-- card. A row per bucket, not per name: the table stays 4096 rows.
CREATE TABLE IF NOT EXISTS client_dup_locks (
  bucket  SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
  n       BIGINT UNSIGNED   NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT IGNORE INTO client_dup_locks (bucket) SELECT seq FROM seq_0_to_4095;
