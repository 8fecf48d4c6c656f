-- person-level; scope: pupils of the caller's classes (user_class_scope), narrowed by @class_key / @pupil_key.
-- Each pupil's attendance rows from @from_date_key up to @to_date_key, in date order (the query classes count them
-- per period and week).
WITH pupils AS (
    -- A semi-join keeps the estimate of this side small, so the engine builds its hash table here, not on the facts.
    SELECT DISTINCT s.pupil_no, s.pupil_key
    FROM dbo.class_student s
    WHERE (@pupil_key IS NULL OR s.pupil_key = @pupil_key)
      AND s.class_no IN (SELECT u.class_no FROM dbo.user_class_scope u
                         WHERE u.user_name = @user_name AND u.fiscal_year = @fiscal_year
                           AND (@class_key IS NULL OR u.class_key = @class_key))
)
SELECT s.pupil_key AS PupilKey, d.calendar_date AS [Date], a.attendance_status AS Status, a.absence_reason AS Reason
FROM dbo.fact_attendance a
JOIN pupils s ON s.pupil_no = a.pupil_no
JOIN dbo.dim_date d ON d.date_key = a.date_key
WHERE a.date_key BETWEEN @from_date_key AND @to_date_key
ORDER BY s.pupil_key, a.date_key
OPTION (RECOMPILE);
