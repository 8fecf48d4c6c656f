-- person-level; scope: pupils of the caller's classes (user_class_scope), narrowed by $class_key / $pupil_key.
-- Attendance rows per pupil and status in the 年度 (optionally one 学期, up to $to_date_key).
WITH pupils AS (
    -- A semi-join keeps the estimate of this side small, so the engine builds its hash table here, not on the facts.
    SELECT DISTINCT e.person_key AS pupil_key
    FROM class_enrollment e
    WHERE e.enrollment_role = 'student'
      AND ($pupil_key IS NULL OR e.person_key = $pupil_key)
      AND e.class_key IN (SELECT u.class_key FROM user_class_scope u
                          WHERE u.user_name = $user_name AND u.fiscal_year = $fiscal_year
                            AND ($class_key IS NULL OR u.class_key = $class_key))
)
SELECT a.pupil_key AS PupilKey,
       CAST(sum(CASE WHEN a.attendance_status = '出席' THEN 1 ELSE 0 END) AS INTEGER) AS Present,
       CAST(sum(CASE WHEN a.attendance_status = '遅刻' THEN 1 ELSE 0 END) AS INTEGER) AS Late,
       CAST(sum(CASE WHEN a.attendance_status = '早退' THEN 1 ELSE 0 END) AS INTEGER) AS LeftEarly,
       CAST(sum(CASE WHEN a.attendance_status = '欠席' THEN 1 ELSE 0 END) AS INTEGER) AS Absent,
       CAST(sum(CASE WHEN a.attendance_status = '出席停止' THEN 1 ELSE 0 END) AS INTEGER) AS Suspended,
       CAST(sum(CASE WHEN a.attendance_status = '忌引' THEN 1 ELSE 0 END) AS INTEGER) AS Mourning
FROM fact_attendance a
JOIN pupils s ON s.pupil_key = a.pupil_key
JOIN dim_date d ON d.date_key = a.date_key
WHERE d.fiscal_year = $fiscal_year AND ($term IS NULL OR d.school_term = $term) AND a.date_key <= $to_date_key
GROUP BY a.pupil_key;
