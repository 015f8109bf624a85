-- 077_dept_overdue_counts.sql — the company's overdue visits per department,
-- counted by `dossier cron` (visits.overdue_counts) for the home page of the
-- company's heads (README "Managers' dashboard"). Counting them at each view
-- planned one derived table per department: 6 ms of the GM's 29. A row is
-- used only while it is fresh (the day it was counted for is today, counted
-- within the last 15 minutes) and every department has one; otherwise the
-- page counts as a department manager's does.
CREATE TABLE IF NOT EXISTS dept_overdue_counts (
  dept_id     INT UNSIGNED NOT NULL PRIMARY KEY,
  n           INT UNSIGNED NOT NULL,   -- live cards of any scope due before `day`, up to the cap + 1
  day         DATE         NOT NULL,   -- the day counted for
  counted_at  DATETIME     NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
