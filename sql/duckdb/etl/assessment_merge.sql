-- A corrected file replaces the same (test, pupil) rows; one row kept where a file repeats them.
DELETE FROM fact_assessment_result
WHERE EXISTS (SELECT 1 FROM stage_fact_assessment_result s
              WHERE s.assessment_id = fact_assessment_result.assessment_id AND s.pupil_key = fact_assessment_result.pupil_key);
INSERT INTO fact_assessment_result
SELECT * FROM stage_fact_assessment_result
QUALIFY row_number() OVER (PARTITION BY assessment_id, pupil_key) = 1;
DELETE FROM stage_fact_assessment_result;
