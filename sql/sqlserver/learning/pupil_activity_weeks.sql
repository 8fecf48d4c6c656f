-- person-level; scope: pupils of the caller's classes (user_class_scope), narrowed by @class_key / @pupil_key.
-- Per pupil and week (Monday start) from @from_date_key up to @to_date_key (optionally one subject): statements and
-- minutes, from agg_learning_day. The weeks' school days come from the attendance rows the caller reads anyway.
WITH pupils AS (
    -- A semi-join keeps the estimate of this side small, so the engine builds its hash table here, not on the facts.
    SELECT DISTINCT s.pupil_no, s.pupil_key
    FROM dbo.class_student s
    WHERE (@pupil_key IS NULL OR s.pupil_key = @pupil_key)
      AND s.class_no IN (SELECT u.class_no FROM dbo.user_class_scope u
                         WHERE u.user_name = @user_name AND u.fiscal_year = @fiscal_year
                           AND (@class_key IS NULL OR u.class_key = @class_key))
)
SELECT s.pupil_key AS PupilKey, DATEADD(day, 1 - d.iso_weekday, d.calendar_date) AS WeekStart,
       CAST(SUM(a.statements) AS BIGINT) AS Statements, CAST(SUM(a.seconds) / 60.0 AS FLOAT) AS Minutes
FROM dbo.agg_learning_day a
JOIN pupils s ON s.pupil_no = a.pupil_no
JOIN dbo.dim_date d ON d.date_key = a.date_key
LEFT JOIN dbo.dim_learning_unit lu ON lu.unit_key = a.unit_key
WHERE a.date_key BETWEEN @from_date_key AND @to_date_key AND (@subject IS NULL OR lu.subject = @subject)
GROUP BY s.pupil_key, DATEADD(day, 1 - d.iso_weekday, d.calendar_date)
ORDER BY PupilKey, WeekStart
OPTION (RECOMPILE);
