-- person-level; scope: pupils of the caller's classes (user_class_scope), narrowed by $class_key / $pupil_key.
-- Per pupil and week (Monday start) from $from_date_key up to $to_date_key (optionally one subject): statements and
-- minutes, from agg_learning_day. The weeks' school days come from the attendance rows the caller reads anyway.
WITH pupils AS (
    -- A semi-join keeps the estimate of this side small, so the engine builds its hash table here, not on the facts.
    SELECT DISTINCT s.pupil_no, s.pupil_key
    FROM class_student s
    WHERE ($pupil_key IS NULL OR s.pupil_key = $pupil_key)
      AND s.class_no IN (SELECT u.class_no FROM user_class_scope u
                         WHERE u.user_name = $user_name AND u.fiscal_year = $fiscal_year
                           AND ($class_key IS NULL OR u.class_key = $class_key))
)
SELECT s.pupil_key AS PupilKey, d.calendar_date - CAST(d.iso_weekday - 1 AS INTEGER) AS WeekStart,
       CAST(sum(a.statements) AS BIGINT) AS Statements, CAST(sum(a.seconds) / 60.0 AS DOUBLE) AS Minutes
FROM agg_learning_day a
JOIN pupils s ON s.pupil_no = a.pupil_no
JOIN dim_date d ON d.date_key = a.date_key
LEFT JOIN dim_learning_unit lu ON lu.unit_key = a.unit_key
WHERE a.date_key BETWEEN $from_date_key AND $to_date_key AND ($subject IS NULL OR lu.subject = $subject)
GROUP BY s.pupil_key, WeekStart
ORDER BY PupilKey, WeekStart;
