-- A corrected file replaces the same (test, pupil) rows; one row kept where a file repeats them.
DELETE f FROM dbo.fact_assessment_result f
WHERE EXISTS (SELECT 1 FROM dbo.stage_fact_assessment_result s WHERE s.assessment_id = f.assessment_id AND s.pupil_key = f.pupil_key);
WITH ranked AS (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY assessment_id, pupil_key ORDER BY (SELECT NULL)) AS copy_number
    FROM dbo.stage_fact_assessment_result
)
INSERT INTO dbo.fact_assessment_result (assessment_id, pupil_key, date_key, subject, unit_key, score, max_score, batch_id)
SELECT assessment_id, pupil_key, date_key, subject, unit_key, score, max_score, batch_id FROM ranked WHERE copy_number = 1;
DELETE FROM dbo.stage_fact_assessment_result;
