-- 069_rpt_archive.sql — the summary tables of the archive's reports
-- (circulation, retention), built by reports.rollup like those of 040: with
-- the generator's 5,000,000 items and 10,000,000 register lines, counting
-- them for a page took 11–30 s (a gateway timeout).

-- the loans out now by the item's department and secrecy and the borrower:
-- out, and of them overdue at the build (due before it); rebuilt whole at
-- each run from the open loans (one index range)
CREATE TABLE IF NOT EXISTS rpt_loans_open (
  dept_id      INT UNSIGNED NOT NULL,
  secrecy      VARCHAR(16)  NOT NULL,
  borrower_id  INT UNSIGNED NOT NULL,
  n            INT UNSIGNED NOT NULL,
  overdue      INT UNSIGNED NOT NULL,
  PRIMARY KEY (dept_id, secrecy, borrower_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- the register lines by the day they went out, the item's department and
-- secrecy (summed once each by id, day and month grains as in 040)
CREATE TABLE IF NOT EXISTS rpt_loans (
  grain    CHAR(1)      NOT NULL,
  day      DATE         NOT NULL,
  dept_id  INT UNSIGNED NOT NULL,
  secrecy  VARCHAR(16)  NOT NULL,
  n        INT UNSIGNED NOT NULL,
  PRIMARY KEY (grain, day, dept_id, secrecy)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- the items on the shelf with a limited retention by the last day of their
-- term (grain 'd'; grain 'm': by its month, day = the month's first day),
-- department and retention: the items whose term ends by a day are the month
-- rows before its month and the day rows of its month up to it. Rebuilt whole
-- once a day (a term ends by the day; a scan of every item at each run would
-- push the cards out of the buffer pool)
CREATE TABLE IF NOT EXISTS rpt_retention (
  grain      CHAR(1)      NOT NULL,
  day        DATE         NOT NULL,
  dept_id    INT UNSIGNED NOT NULL,
  retention  ENUM('permanent','30','10','3') NOT NULL,
  n          INT UNSIGNED NOT NULL,
  PRIMARY KEY (grain, day, dept_id, retention)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
