-- scope: every pupil with @city_wide (BoardOfEducation, Analyst), else the pupils of the caller's user_class_scope.
-- The data's as-of date for a period: the latest day any education fact of the scope holds within it (yyyymmdd), or NULL.
SELECT MAX(date_key) FROM (
    SELECT MAX(date_key) AS date_key FROM dbo.fact_attendance
    WHERE date_key BETWEEN @from_date_key AND @to_date_key AND (@city_wide = 1 OR pupil_key IN (SELECT e.person_key FROM dbo.class_enrollment e JOIN dbo.user_class_scope u ON u.class_key = e.class_key WHERE u.user_name = @user_name))
    UNION ALL
    SELECT MAX(date_key) FROM dbo.fact_learning_activity
    WHERE date_key BETWEEN @from_date_key AND @to_date_key AND (@city_wide = 1 OR pupil_key IN (SELECT e.person_key FROM dbo.class_enrollment e JOIN dbo.user_class_scope u ON u.class_key = e.class_key WHERE u.user_name = @user_name))
    UNION ALL
    SELECT MAX(date_key) FROM dbo.fact_assessment_result
    WHERE date_key BETWEEN @from_date_key AND @to_date_key AND (@city_wide = 1 OR pupil_key IN (SELECT e.person_key FROM dbo.class_enrollment e JOIN dbo.user_class_scope u ON u.class_key = e.class_key WHERE u.user_name = @user_name))
) latest;
