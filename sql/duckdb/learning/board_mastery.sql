-- scope: every school with $city_wide (BoardOfEducation, Analyst), else the schools of the caller's user_class_scope.
-- Board views: mastery per school, grade and subject in a 年度 or one of its 学期 ($term) (aggregates only; no pupil
-- leaves the query).
-- A pupil's mastery of a subject is the mean, over the subject's units, of their best score.scaled on each unit in
-- the period, banded: < $support_below 要支援, < $secure_from もう少し, else 定着. A pupil belongs to the school and
-- grade of their homeroom in the 年度 (a regular homeroom first, then the latest enrollment). The mean is rounded to
-- 6 places before banding: a parallel sum adds in any order, and a pupil on a band's edge must keep their band.
WITH pupil_year AS (
    -- arg_min picks each pupil's homeroom in that order: a sort per pupil (a window) took most of the query's time.
    SELECT pupil_no, homeroom.school_key AS school_key, homeroom.grade AS grade
    FROM (
        SELECT e.pupil_no,
               arg_min({'school_key': c.school_key, 'grade': c.grades},
                       (CASE WHEN c.class_type = 'homeroom' AND NOT c.is_special_needs THEN 0 WHEN c.class_type = 'homeroom' THEN 1 ELSE 2 END,
                        -epoch(coalesce(e.begin_date, DATE '1900-01-01')), c.class_key)) AS homeroom
        FROM class_student e
        JOIN dim_class c ON c.class_key = e.class_key
        WHERE c.fiscal_year = $fiscal_year
          AND (c.grades IS NULL OR c.grades NOT LIKE '%,%')
          AND ($city_wide OR c.school_key IN (SELECT u.school_key FROM user_class_scope u WHERE u.user_name = $user_name))
        GROUP BY e.pupil_no)
),
best AS (
    SELECT b.pupil_no, b.unit_key, b.best AS best_score
    FROM agg_pupil_unit_best b
    WHERE b.fiscal_year = $fiscal_year AND b.school_term = coalesce($term, 0)
),
pupil_subject AS (
    SELECT b.pupil_no, coalesce(u.subject, 'その他') AS subject, round(avg(b.best_score), 6) AS mastery
    FROM best b
    LEFT JOIN dim_learning_unit u ON u.unit_key = b.unit_key
    GROUP BY b.pupil_no, coalesce(u.subject, 'その他')
)
SELECT p.school_key AS SchoolKey, coalesce(p.grade, '') AS Grade, s.subject AS Subject,
       CAST(count(*) AS BIGINT) AS Pupils,
       CAST(sum(CASE WHEN s.mastery < $support_below THEN 1 ELSE 0 END) AS BIGINT) AS NeedsSupport,
       CAST(sum(CASE WHEN s.mastery >= $support_below AND s.mastery < $secure_from THEN 1 ELSE 0 END) AS BIGINT) AS Almost,
       CAST(sum(CASE WHEN s.mastery >= $secure_from THEN 1 ELSE 0 END) AS BIGINT) AS Secure,
       sum(s.mastery) AS MasterySum
FROM pupil_subject s
JOIN pupil_year p ON p.pupil_no = s.pupil_no
GROUP BY p.school_key, coalesce(p.grade, ''), s.subject
ORDER BY SchoolKey, Grade, Subject;
