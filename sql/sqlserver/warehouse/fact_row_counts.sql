-- One row per fact table; a test checks that every fact_* table of the schema is listed here.
SELECT 'fact_learning_activity' AS TableName, CAST(COUNT_BIG(*) AS BIGINT) AS RowTotal FROM dbo.fact_learning_activity
UNION ALL
SELECT 'fact_assessment_result', CAST(COUNT_BIG(*) AS BIGINT) FROM dbo.fact_assessment_result
UNION ALL
SELECT 'fact_attendance', CAST(COUNT_BIG(*) AS BIGINT) FROM dbo.fact_attendance
UNION ALL
SELECT 'fact_checklist_answer', CAST(COUNT_BIG(*) AS BIGINT) FROM dbo.fact_checklist_answer
UNION ALL
SELECT 'fact_checkup_result', CAST(COUNT_BIG(*) AS BIGINT) FROM dbo.fact_checkup_result
UNION ALL
SELECT 'fact_phr_reading', CAST(COUNT_BIG(*) AS BIGINT) FROM dbo.fact_phr_reading
UNION ALL
SELECT 'fact_population', CAST(COUNT_BIG(*) AS BIGINT) FROM dbo.fact_population;
