-- scope: every school with @city_wide (BoardOfEducation, Analyst), else the schools of the caller's user_class_scope.
-- Board views: mastery per school, grade and subject in a 年度 or one of its 学期 (@term) (aggregates only; no pupil
-- leaves the query).
-- A pupil's mastery of a subject is the mean, over the subject's units, of their best score.scaled on each unit in
-- the period, banded: < @support_below 要支援, < @secure_from もう少し, else 定着. A pupil belongs to the school and
-- grade of their homeroom in the 年度 (a regular homeroom first, then the latest enrollment). The mean is rounded to
-- 6 places before banding: a parallel sum adds in any order, and a pupil on a band's edge must keep their band.
WITH enrolled AS (
    SELECT e.pupil_no, c.school_key, c.grades AS grade,
           ROW_NUMBER() OVER (
               PARTITION BY e.pupil_no
               ORDER BY CASE WHEN c.class_type = N'homeroom' AND c.is_special_needs = 0 THEN 0 WHEN c.class_type = N'homeroom' THEN 1 ELSE 2 END,
                        COALESCE(e.begin_date, CAST('19000101' AS date)) DESC, c.class_key) AS pick
    FROM dbo.class_student e
    JOIN dbo.dim_class c ON c.class_key = e.class_key
    WHERE c.fiscal_year = @fiscal_year
      AND (c.grades IS NULL OR c.grades NOT LIKE N'%,%')
      AND (@city_wide = 1 OR c.school_key IN (SELECT u.school_key FROM dbo.user_class_scope u WHERE u.user_name = @user_name))
),
pupil_year AS (
    SELECT pupil_no, school_key, grade FROM enrolled WHERE pick = 1
),
best AS (
    SELECT b.pupil_no, b.unit_key, b.best AS best_score
    FROM dbo.agg_pupil_unit_best b
    WHERE b.fiscal_year = @fiscal_year AND b.school_term = COALESCE(@term, 0)
),
pupil_subject AS (
    SELECT b.pupil_no, COALESCE(u.subject, N'その他') AS subject, ROUND(AVG(b.best_score), 6) AS mastery
    FROM best b
    LEFT JOIN dbo.dim_learning_unit u ON u.unit_key = b.unit_key
    GROUP BY b.pupil_no, COALESCE(u.subject, N'その他')
)
SELECT p.school_key AS SchoolKey, COALESCE(p.grade, N'') AS Grade, s.subject AS Subject,
       CAST(COUNT(*) AS BIGINT) AS Pupils,
       CAST(SUM(CASE WHEN s.mastery < @support_below THEN 1 ELSE 0 END) AS BIGINT) AS NeedsSupport,
       CAST(SUM(CASE WHEN s.mastery >= @support_below AND s.mastery < @secure_from THEN 1 ELSE 0 END) AS BIGINT) AS Almost,
       CAST(SUM(CASE WHEN s.mastery >= @secure_from THEN 1 ELSE 0 END) AS BIGINT) AS Secure,
       SUM(s.mastery) AS MasterySum
FROM pupil_subject s
JOIN pupil_year p ON p.pupil_no = s.pupil_no
GROUP BY p.school_key, COALESCE(p.grade, N''), s.subject
ORDER BY SchoolKey, Grade, Subject;
