-- scope: the class must be in the caller's user_class_scope for the 年度; it decides the units compared. Per 単元 the
-- mean of pupils' best score.scaled in the class, its school and the city, with the pupils behind each. The school and
-- city figures leave the class: the query class suppresses them by these counts (SmallCellSuppression).
WITH the_class AS (
    SELECT u.class_key, u.school_key
    FROM dbo.user_class_scope u
    WHERE u.user_name = @user_name AND u.fiscal_year = @fiscal_year AND u.class_key = @class_key
),
class_pupils AS (
    SELECT DISTINCT e.person_key AS pupil_key
    FROM dbo.class_enrollment e
    JOIN the_class t ON t.class_key = e.class_key
    WHERE e.enrollment_role = N'student'
),
school_pupils AS (
    SELECT DISTINCT e.person_key AS pupil_key
    FROM dbo.class_enrollment e
    JOIN dbo.dim_class c ON c.class_key = e.class_key
    JOIN the_class t ON t.school_key = c.school_key
    WHERE e.enrollment_role = N'student' AND c.fiscal_year = @fiscal_year
),
class_units AS (
    -- The units the class has scores on: read from the class's own rows first, so the city-wide scan below is narrowed
    -- to them.
    SELECT DISTINCT f.unit_key
    FROM dbo.fact_learning_activity f
    JOIN dbo.dim_date d ON d.date_key = f.date_key
    LEFT JOIN dbo.dim_learning_unit lu ON lu.unit_key = f.unit_key
    WHERE f.pupil_key IN (SELECT pupil_key FROM class_pupils)
      AND f.score_scaled IS NOT NULL AND d.fiscal_year = @fiscal_year AND (@term IS NULL OR d.school_term = @term)
      AND f.date_key <= @to_date_key AND (@subject IS NULL OR lu.subject = @subject)
),
best AS (
    SELECT f.pupil_key, f.unit_key, MAX(f.score_scaled) AS best
    FROM dbo.fact_learning_activity f
    JOIN dbo.dim_date d ON d.date_key = f.date_key
    WHERE f.unit_key IN (SELECT unit_key FROM class_units)
      AND f.score_scaled IS NOT NULL AND d.fiscal_year = @fiscal_year AND (@term IS NULL OR d.school_term = @term)
      AND f.date_key <= @to_date_key
    GROUP BY f.pupil_key, f.unit_key
)
SELECT b.unit_key AS UnitKey,
       COUNT_BIG(cp.pupil_key) AS ClassPupils,
       CAST(AVG(CASE WHEN cp.pupil_key IS NOT NULL THEN b.best END) AS FLOAT) AS ClassMean,
       COUNT_BIG(sp.pupil_key) AS SchoolPupils,
       CAST(AVG(CASE WHEN sp.pupil_key IS NOT NULL THEN b.best END) AS FLOAT) AS SchoolMean,
       COUNT_BIG(*) AS CityPupils,
       CAST(AVG(b.best) AS FLOAT) AS CityMean
FROM best b
LEFT JOIN class_pupils cp ON cp.pupil_key = b.pupil_key
LEFT JOIN school_pupils sp ON sp.pupil_key = b.pupil_key
GROUP BY b.unit_key
ORDER BY b.unit_key
OPTION (RECOMPILE);
