-- Last batch wins per (resident, day); the importer has rejected a second row with the same key in one file.
DELETE FROM fact_checkup_result
WHERE EXISTS (SELECT 1 FROM stage_fact_checkup_result s WHERE s.resident_key = fact_checkup_result.resident_key AND s.date_key = fact_checkup_result.date_key);
INSERT INTO fact_checkup_result SELECT * FROM stage_fact_checkup_result;
DELETE FROM stage_fact_checkup_result;
