-- Last batch wins per (resident, day); the importer has rejected a second row with the same key in one file.
DELETE FROM fact_checklist_answer
WHERE EXISTS (SELECT 1 FROM stage_fact_checklist_answer s WHERE s.resident_key = fact_checklist_answer.resident_key AND s.date_key = fact_checklist_answer.date_key);
INSERT INTO fact_checklist_answer SELECT * FROM stage_fact_checklist_answer;
DELETE FROM stage_fact_checklist_answer;
