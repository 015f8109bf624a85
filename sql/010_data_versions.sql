-- 010_data_versions.sql — a version per kind of data that each worker keeps
-- in memory (classification lists and grades): an admin edit bumps it in its
-- transaction, the session query reads all versions, so a worker sees an
-- edit at the next request without asking the database for the lists.
CREATE TABLE IF NOT EXISTS data_versions (
  name     VARCHAR(32)     NOT NULL PRIMARY KEY,
  version  BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
