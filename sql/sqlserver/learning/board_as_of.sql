-- The data's as-of date for a period: the latest day any education fact holds within it (yyyymmdd), or NULL.
SELECT MAX(date_key) FROM (
    SELECT MAX(date_key) AS date_key FROM dbo.fact_attendance WHERE date_key BETWEEN @from_date_key AND @to_date_key
    UNION ALL
    SELECT MAX(date_key) FROM dbo.fact_learning_activity WHERE date_key BETWEEN @from_date_key AND @to_date_key
    UNION ALL
    SELECT MAX(date_key) FROM dbo.fact_assessment_result WHERE date_key BETWEEN @from_date_key AND @to_date_key
) latest;
