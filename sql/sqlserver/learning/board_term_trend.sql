-- scope: every school with @city_wide (BoardOfEducation, Analyst), else the schools of the caller's user_class_scope.
-- Board views: mastery per school, 年度 and 学期 from @from_year to @to_year (aggregates only), as in board_mastery
-- but per 学期: a pupil's best score per unit within the 学期, averaged over all their units of the 学期. The pupil
-- belongs to their school of that 年度.
WITH enrolled AS (
    SELECT e.pupil_no, c.fiscal_year, c.school_key,
           ROW_NUMBER() OVER (
               PARTITION BY e.pupil_no, c.fiscal_year
               ORDER BY CASE WHEN c.class_type = N'homeroom' AND c.is_special_needs = 0 THEN 0 WHEN c.class_type = N'homeroom' THEN 1 ELSE 2 END,
                        COALESCE(e.begin_date, CAST('19000101' AS date)) DESC, c.class_key) AS pick
    FROM dbo.class_student e
    JOIN dbo.dim_class c ON c.class_key = e.class_key
    WHERE c.fiscal_year BETWEEN @from_year AND @to_year
      AND (@city_wide = 1 OR c.school_key IN (SELECT u.school_key FROM dbo.user_class_scope u WHERE u.user_name = @user_name))
),
pupil_year AS (
    SELECT pupil_no, fiscal_year, school_key FROM enrolled WHERE pick = 1
),
best AS (
    SELECT b.pupil_no, b.fiscal_year, b.school_term, b.unit_key, b.best AS best_score
    FROM dbo.agg_pupil_unit_best b
    WHERE b.fiscal_year BETWEEN @from_year AND @to_year AND b.school_term > 0
),
pupil_term AS (
    SELECT pupil_no, fiscal_year, school_term, ROUND(AVG(best_score), 6) AS mastery
    FROM best
    GROUP BY pupil_no, fiscal_year, school_term
)
SELECT p.school_key AS SchoolKey, CAST(t.fiscal_year AS INT) AS FiscalYear, CAST(t.school_term AS INT) AS Term,
       CAST(COUNT(*) AS BIGINT) AS Pupils,
       CAST(SUM(CASE WHEN t.mastery < @support_below THEN 1 ELSE 0 END) AS BIGINT) AS NeedsSupport,
       CAST(SUM(CASE WHEN t.mastery >= @support_below AND t.mastery < @secure_from THEN 1 ELSE 0 END) AS BIGINT) AS Almost,
       CAST(SUM(CASE WHEN t.mastery >= @secure_from THEN 1 ELSE 0 END) AS BIGINT) AS Secure,
       SUM(t.mastery) AS MasterySum
FROM pupil_term t
JOIN pupil_year p ON p.pupil_no = t.pupil_no AND p.fiscal_year = t.fiscal_year
GROUP BY p.school_key, t.fiscal_year, t.school_term
ORDER BY SchoolKey, FiscalYear, Term;
