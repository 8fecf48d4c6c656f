-- person-level; scope: pupils of the caller's classes (user_class_scope), narrowed by @class_key / @pupil_key.
-- Attendance rows per pupil and status in the 年度 (optionally one 学期, up to @to_date_key).
WITH pupils AS (
    -- A semi-join keeps the estimate of this side small, so the engine builds its hash table here, not on the facts.
    SELECT DISTINCT e.person_key AS pupil_key
    FROM dbo.class_enrollment e
    WHERE e.enrollment_role = N'student'
      AND (@pupil_key IS NULL OR e.person_key = @pupil_key)
      AND e.class_key IN (SELECT u.class_key FROM dbo.user_class_scope u
                          WHERE u.user_name = @user_name AND u.fiscal_year = @fiscal_year
                            AND (@class_key IS NULL OR u.class_key = @class_key))
)
SELECT a.pupil_key AS PupilKey,
       SUM(CASE WHEN a.attendance_status = N'出席' THEN 1 ELSE 0 END) AS Present,
       SUM(CASE WHEN a.attendance_status = N'遅刻' THEN 1 ELSE 0 END) AS Late,
       SUM(CASE WHEN a.attendance_status = N'早退' THEN 1 ELSE 0 END) AS LeftEarly,
       SUM(CASE WHEN a.attendance_status = N'欠席' THEN 1 ELSE 0 END) AS Absent,
       SUM(CASE WHEN a.attendance_status = N'出席停止' THEN 1 ELSE 0 END) AS Suspended,
       SUM(CASE WHEN a.attendance_status = N'忌引' THEN 1 ELSE 0 END) AS Mourning
FROM dbo.fact_attendance a
JOIN pupils s ON s.pupil_key = a.pupil_key
JOIN dbo.dim_date d ON d.date_key = a.date_key
WHERE d.fiscal_year = @fiscal_year AND (@term IS NULL OR d.school_term = @term) AND a.date_key <= @to_date_key
GROUP BY a.pupil_key
OPTION (RECOMPILE);
