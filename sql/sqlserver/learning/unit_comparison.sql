-- scope: the class must be in the caller's user_class_scope for the 年度. Per 単元 in the 年度 (or one 学期), the pupils
-- with a score and the sum of their best score.scaled in the class's school and in the city (agg_unit_best). The
-- query class sets the class's own figures beside them and suppresses these by their counts (SmallCellSuppression).
WITH the_school AS (
    SELECT DISTINCT u.school_key
    FROM dbo.user_class_scope u
    WHERE u.user_name = @user_name AND u.fiscal_year = @fiscal_year AND u.class_key = @class_key
)
SELECT b.unit_key AS UnitKey,
       CAST(COALESCE(SUM(CASE WHEN b.school_key <> N'' THEN b.pupils END), 0) AS BIGINT) AS SchoolPupils,
       CAST(SUM(CASE WHEN b.school_key <> N'' THEN b.best_sum END) AS FLOAT) AS SchoolBestSum,
       CAST(COALESCE(SUM(CASE WHEN b.school_key = N'' THEN b.pupils END), 0) AS BIGINT) AS CityPupils,
       CAST(SUM(CASE WHEN b.school_key = N'' THEN b.best_sum END) AS FLOAT) AS CityBestSum
FROM dbo.agg_unit_best b
WHERE b.fiscal_year = @fiscal_year AND b.school_term = COALESCE(@term, 0)
  AND (b.school_key IN (SELECT school_key FROM the_school) OR (b.school_key = N'' AND EXISTS (SELECT 1 FROM the_school)))
GROUP BY b.unit_key
ORDER BY b.unit_key
OPTION (RECOMPILE);
