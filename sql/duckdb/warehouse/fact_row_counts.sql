-- One row per fact table; a test checks that every fact_* table of the schema is listed here.
SELECT 'fact_learning_activity' AS TableName, CAST(COUNT(*) AS BIGINT) AS RowTotal FROM fact_learning_activity
UNION ALL
SELECT 'fact_assessment_result', CAST(COUNT(*) AS BIGINT) FROM fact_assessment_result
UNION ALL
SELECT 'fact_attendance', CAST(COUNT(*) AS BIGINT) FROM fact_attendance
UNION ALL
SELECT 'fact_checklist_answer', CAST(COUNT(*) AS BIGINT) FROM fact_checklist_answer
UNION ALL
SELECT 'fact_checkup_result', CAST(COUNT(*) AS BIGINT) FROM fact_checkup_result
UNION ALL
SELECT 'fact_phr_reading', CAST(COUNT(*) AS BIGINT) FROM fact_phr_reading
UNION ALL
SELECT 'fact_population', CAST(COUNT(*) AS BIGINT) FROM fact_population
UNION ALL
SELECT 'fact_boarding', CAST(COUNT(*) AS BIGINT) FROM fact_boarding
UNION ALL
SELECT 'fact_demand_taxi_trip', CAST(COUNT(*) AS BIGINT) FROM fact_demand_taxi_trip
UNION ALL
SELECT 'fact_waste_weighing', CAST(COUNT(*) AS BIGINT) FROM fact_waste_weighing
UNION ALL
SELECT 'fact_bulky_waste_request', CAST(COUNT(*) AS BIGINT) FROM fact_bulky_waste_request;
