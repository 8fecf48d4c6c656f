-- scope: every pupil with $city_wide (BoardOfEducation, Analyst), else the pupils of the caller's user_class_scope.
-- The data's as-of date for a period: the latest day any education fact of the scope holds within it (yyyymmdd), or NULL.
SELECT max(date_key) FROM (
    SELECT max(date_key) AS date_key FROM fact_attendance
    WHERE date_key BETWEEN $from_date_key AND $to_date_key AND ($city_wide OR pupil_key IN (SELECT e.person_key FROM class_enrollment e JOIN user_class_scope u ON u.class_key = e.class_key WHERE u.user_name = $user_name))
    UNION ALL
    SELECT max(date_key) FROM fact_learning_activity
    WHERE date_key BETWEEN $from_date_key AND $to_date_key AND ($city_wide OR pupil_key IN (SELECT e.person_key FROM class_enrollment e JOIN user_class_scope u ON u.class_key = e.class_key WHERE u.user_name = $user_name))
    UNION ALL
    SELECT max(date_key) FROM fact_assessment_result
    WHERE date_key BETWEEN $from_date_key AND $to_date_key AND ($city_wide OR pupil_key IN (SELECT e.person_key FROM class_enrollment e JOIN user_class_scope u ON u.class_key = e.class_key WHERE u.user_name = $user_name))
) latest;
