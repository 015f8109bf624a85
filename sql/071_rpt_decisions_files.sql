-- 071_rpt_decisions_files.sql — the approvals decided, for the approvals and access
-- reports: with the generator's 1,000,000 decided requests, counting a year's
-- decisions took 1.4 s a page. A request is decided once (pending → approved
-- or rejected, decided_at the time of it), so reports.rollup sums the
-- decisions of each day that has ended (15 minutes' margin for a decision
-- still committing), per day and per month as in 040, by the requester (and
-- the requester's department when summed), kind and outcome, with the minutes
-- from request to decision. rpt_rollups 'decisions'.seen_at is the time up to
-- which they are summed; a page adds the decisions since then from requests
-- (an index range of decided_at). Decisions written with an earlier time than
-- that (an import of history) are summed only after a rebuild: delete the
-- table's rows and the state row, and the next run sums everything again.
CREATE TABLE IF NOT EXISTS rpt_decisions (
  grain         CHAR(1)         NOT NULL,
  day           DATE            NOT NULL,
  requester_id  INT UNSIGNED    NOT NULL,
  dept_id       INT UNSIGNED    NOT NULL,
  req_type      VARCHAR(32)     NOT NULL,
  status        VARCHAR(16)     NOT NULL,
  n             INT UNSIGNED    NOT NULL,
  minutes       BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (grain, day, requester_id, req_type, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- the electronic copies opened (archive_file_log: downloads, views in the
-- browser, refusals) per day and month, reader (and the reader's department
-- when summed) and outcome, summed once each by id as in 040: report 6 reads
-- a year of them per reader from here, not from the log
CREATE TABLE IF NOT EXISTS rpt_files (
  grain    CHAR(1)      NOT NULL,
  day      DATE         NOT NULL,
  user_id  INT UNSIGNED NOT NULL,
  dept_id  INT UNSIGNED NOT NULL,
  outcome  VARCHAR(16)  NOT NULL,
  n        INT UNSIGNED NOT NULL,
  PRIMARY KEY (grain, day, user_id, outcome)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
