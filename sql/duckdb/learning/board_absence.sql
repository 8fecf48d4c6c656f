-- scope: every school with $city_wide (BoardOfEducation, Analyst), else the schools of the caller's user_class_scope.
-- Board views: absence per school from $from_date_key to $to_date_key (aggregates only). Only 欠席 days count
-- (出席停止, 忌引, 遅刻 and 早退 are not absences). 長期欠席: $long_absence_days or more; 不登校: of those, absent that
-- long for reasons other than 病気 and 経済的理由; 不登校リスク: such absences from $risk_days days, below that line.
-- Every pupil of the school in the 年度 counts in Enrolled, with or without attendance rows.
WITH pupil_year AS (
    SELECT e.pupil_no,
           arg_min(c.school_key, (CASE WHEN c.class_type = 'homeroom' AND NOT c.is_special_needs THEN 0 WHEN c.class_type = 'homeroom' THEN 1 ELSE 2 END,
                                  -epoch(coalesce(e.begin_date, DATE '1900-01-01')), c.class_key)) AS school_key -- as in board_mastery
    FROM class_student e
    JOIN dim_class c ON c.class_key = e.class_key
    WHERE c.fiscal_year = $fiscal_year
      AND ($city_wide OR c.school_key IN (SELECT u.school_key FROM user_class_scope u WHERE u.user_name = $user_name))
    GROUP BY e.pupil_no
),
absence AS (
    SELECT f.pupil_no,
           count(*) AS absent_days,
           sum(CASE WHEN coalesce(f.absence_reason, '') NOT IN ('病気', '経済的理由') THEN 1 ELSE 0 END) AS futoko_days
    FROM fact_attendance f
    WHERE f.date_key BETWEEN $from_date_key AND $to_date_key AND f.attendance_status = '欠席'
    GROUP BY f.pupil_no
)
SELECT p.school_key AS SchoolKey,
       CAST(count(*) AS BIGINT) AS Enrolled,
       CAST(sum(CASE WHEN a.absent_days >= $long_absence_days THEN 1 ELSE 0 END) AS BIGINT) AS LongAbsent,
       CAST(sum(CASE WHEN a.absent_days >= $long_absence_days AND a.futoko_days >= $long_absence_days THEN 1 ELSE 0 END) AS BIGINT) AS Futoko,
       CAST(sum(CASE WHEN a.futoko_days >= $risk_days AND a.futoko_days < $long_absence_days THEN 1 ELSE 0 END) AS BIGINT) AS AtRisk
FROM pupil_year p
LEFT JOIN absence a ON a.pupil_no = p.pupil_no
GROUP BY p.school_key
ORDER BY SchoolKey;
