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
SELECT 'fact_population', CAST(COUNT_BIG(*) AS BIGINT) FROM dbo.fact_population
UNION ALL
SELECT 'fact_boarding', CAST(COUNT_BIG(*) AS BIGINT) FROM dbo.fact_boarding
UNION ALL
SELECT 'fact_demand_taxi_trip', CAST(COUNT_BIG(*) AS BIGINT) FROM dbo.fact_demand_taxi_trip
UNION ALL
SELECT 'fact_waste_weighing', CAST(COUNT_BIG(*) AS BIGINT) FROM dbo.fact_waste_weighing
UNION ALL
SELECT 'fact_bulky_waste_request', CAST(COUNT_BIG(*) AS BIGINT) FROM dbo.fact_bulky_waste_request;
