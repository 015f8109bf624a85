-- 019_escalation.sql — a card's follow-up escalated to its department's managers
-- (visits/remind.c) is escalated once per due day: the due day it was escalated for.
ALTER TABLE clients ADD COLUMN IF NOT EXISTS escalated_due DATE NULL;
