-- person-level; scope: pupils of the caller's classes (user_class_scope), narrowed by @class_key / @pupil_key.
-- Per pupil and week (Monday start) in the 年度 (optionally one 学期 and subject, up to @to_date_key): statements,
-- minutes, and the pupil's school days that week (days with an attendance row, whatever the status).
WITH pupils AS (
    -- A semi-join keeps the estimate of this side small, so the engine builds its hash table here, not on the facts.
    SELECT DISTINCT e.person_key AS pupil_key
    FROM dbo.class_enrollment e
    WHERE e.enrollment_role = N'student'
      AND (@pupil_key IS NULL OR e.person_key = @pupil_key)
      AND e.class_key IN (SELECT u.class_key FROM dbo.user_class_scope u
                          WHERE u.user_name = @user_name AND u.fiscal_year = @fiscal_year
                            AND (@class_key IS NULL OR u.class_key = @class_key))
),
days AS (
    SELECT d.date_key, DATEADD(day, 1 - d.iso_weekday, d.calendar_date) AS week_start
    FROM dbo.dim_date d
    WHERE d.fiscal_year = @fiscal_year AND (@term IS NULL OR d.school_term = @term) AND d.date_key <= @to_date_key
),
school_days AS (
    SELECT a.pupil_key, y.week_start, COUNT(*) AS school_days
    FROM dbo.fact_attendance a
    JOIN pupils s ON s.pupil_key = a.pupil_key
    JOIN days y ON y.date_key = a.date_key
    GROUP BY a.pupil_key, y.week_start
),
activity AS (
    SELECT f.pupil_key, y.week_start, COUNT_BIG(*) AS statements, COALESCE(SUM(f.duration_seconds), 0) / 60.0 AS minutes
    FROM dbo.fact_learning_activity f
    JOIN pupils s ON s.pupil_key = f.pupil_key
    JOIN days y ON y.date_key = f.date_key
    LEFT JOIN dbo.dim_learning_unit lu ON lu.unit_key = f.unit_key
    WHERE @subject IS NULL OR lu.subject = @subject
    GROUP BY f.pupil_key, y.week_start
)
SELECT COALESCE(w.pupil_key, a.pupil_key) AS PupilKey, COALESCE(w.week_start, a.week_start) AS WeekStart,
       COALESCE(a.statements, 0) AS Statements, CAST(COALESCE(a.minutes, 0) AS FLOAT) AS Minutes,
       COALESCE(w.school_days, 0) AS SchoolDays
FROM school_days w
FULL OUTER JOIN activity a ON a.pupil_key = w.pupil_key AND a.week_start = w.week_start
ORDER BY PupilKey, WeekStart
OPTION (RECOMPILE);
