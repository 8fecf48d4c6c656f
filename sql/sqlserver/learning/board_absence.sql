-- scope: every school with @city_wide (BoardOfEducation, Analyst), else the schools of the caller's user_class_scope.
-- Board views: absence per school from @from_date_key to @to_date_key (aggregates only). Only 欠席 days count
-- (出席停止, 忌引, 遅刻 and 早退 are not absences). 長期欠席: @long_absence_days or more; 不登校: of those, absent that
-- long for reasons other than 病気 and 経済的理由; 不登校リスク: such absences from @risk_days days, below that line.
-- Every pupil of the school in the 年度 counts in Enrolled, with or without attendance rows.
WITH enrolled AS (
    SELECT e.person_key AS pupil_key, c.school_key,
           ROW_NUMBER() OVER (
               PARTITION BY e.person_key
               ORDER BY CASE WHEN c.class_type = N'homeroom' AND c.is_special_needs = 0 THEN 0 WHEN c.class_type = N'homeroom' THEN 1 ELSE 2 END,
                        COALESCE(e.begin_date, CAST('19000101' AS date)) DESC, c.class_key) AS pick
    FROM dbo.class_enrollment e
    JOIN dbo.dim_class c ON c.class_key = e.class_key
    WHERE e.enrollment_role = N'student' AND c.fiscal_year = @fiscal_year
      AND (@city_wide = 1 OR c.school_key IN (SELECT u.school_key FROM dbo.user_class_scope u WHERE u.user_name = @user_name))
),
pupil_year AS (
    SELECT pupil_key, school_key FROM enrolled WHERE pick = 1
),
absence AS (
    SELECT f.pupil_key,
           SUM(CASE WHEN f.attendance_status = N'欠席' THEN 1 ELSE 0 END) AS absent_days,
           SUM(CASE WHEN f.attendance_status = N'欠席' AND COALESCE(f.absence_reason, N'') NOT IN (N'病気', N'経済的理由') THEN 1 ELSE 0 END) AS futoko_days
    FROM dbo.fact_attendance f
    WHERE f.date_key BETWEEN @from_date_key AND @to_date_key
    GROUP BY f.pupil_key
)
SELECT p.school_key AS SchoolKey,
       CAST(COUNT(*) AS BIGINT) AS Enrolled,
       CAST(SUM(CASE WHEN a.absent_days >= @long_absence_days THEN 1 ELSE 0 END) AS BIGINT) AS LongAbsent,
       CAST(SUM(CASE WHEN a.absent_days >= @long_absence_days AND a.futoko_days >= @long_absence_days THEN 1 ELSE 0 END) AS BIGINT) AS Futoko,
       CAST(SUM(CASE WHEN a.futoko_days >= @risk_days AND a.futoko_days < @long_absence_days THEN 1 ELSE 0 END) AS BIGINT) AS AtRisk
FROM pupil_year p
LEFT JOIN absence a ON a.pupil_key = p.pupil_key
GROUP BY p.school_key
ORDER BY SchoolKey;
