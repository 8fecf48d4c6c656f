-- The data's as-of date for a period: the latest day any education fact holds within it (yyyymmdd), or NULL.
SELECT max(date_key) FROM (
    SELECT max(date_key) AS date_key FROM fact_attendance WHERE date_key BETWEEN $from_date_key AND $to_date_key
    UNION ALL
    SELECT max(date_key) FROM fact_learning_activity WHERE date_key BETWEEN $from_date_key AND $to_date_key
    UNION ALL
    SELECT max(date_key) FROM fact_assessment_result WHERE date_key BETWEEN $from_date_key AND $to_date_key
) latest;
