-- 070_register_dept.sql — the destruction register keeps the department of
-- each item destroyed (the item's at its destruction), so that the retention
-- report reads the year's lines by their day alone: joining every line to
-- its item for the department read 20,000 random rows of archive_items for a
-- year's register at full scale.
ALTER TABLE destruction_register ADD COLUMN IF NOT EXISTS dept_id INT UNSIGNED NOT NULL DEFAULT 0 AFTER item_id;
UPDATE destruction_register g JOIN archive_items i ON i.id = g.item_id SET g.dept_id = i.dept_id WHERE g.dept_id = 0;
