-- 065_escalation_batches.sql — an overdue follow-up is escalated in a batch
-- per department: each run of visits.escalate tells the department's managers
-- once about every card of the department that has become overdue by the set
-- days (a VIP's at once) since the last batch, in one message listing the
-- first of them (cgi/visits/remind.c). escalated_in is the batch a card was
-- escalated in (the batch's first card); the message of the batch is dropped
-- when none of its cards is still overdue when it is about to be sent.
ALTER TABLE clients ADD COLUMN IF NOT EXISTS escalated_in BIGINT UNSIGNED NULL;
