-- 005_imports.sql — an import is previewed (dry run) before it is committed:
-- the uploaded file's text is kept with the import, so committing re-checks
-- exactly what was previewed; an import can be undone as a whole.
ALTER TABLE imports
  ADD COLUMN IF NOT EXISTS status ENUM('preview','done','undone') NOT NULL DEFAULT 'preview' AFTER at,
  ADD COLUMN IF NOT EXISTS content MEDIUMTEXT NULL AFTER rejected_csv,
  ADD COLUMN IF NOT EXISTS committed_at DATETIME NULL AFTER content;
