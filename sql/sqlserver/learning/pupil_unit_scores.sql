-- person-level; scope: pupils of the caller's classes (user_class_scope), narrowed by @class_key / @pupil_key.
-- Per pupil and 単元 in the 年度 (optionally one 学期 and subject, from @from_date_key up to @to_date_key): statements,
-- seconds, and the mean and best score.scaled of the scored ones; when the pupil began the unit orders units for the
-- warnings. Read from agg_learning_day.
WITH pupils AS (
    -- A semi-join keeps the estimate of this side small, so the engine builds its hash table here, not on the facts.
    SELECT DISTINCT s.pupil_no, s.pupil_key
    FROM dbo.class_student s
    WHERE (@pupil_key IS NULL OR s.pupil_key = @pupil_key)
      AND s.class_no IN (SELECT u.class_no FROM dbo.user_class_scope u
                         WHERE u.user_name = @user_name AND u.fiscal_year = @fiscal_year
                           AND (@class_key IS NULL OR u.class_key = @class_key))
)
SELECT s.pupil_key AS PupilKey, a.unit_key AS UnitKey, lu.unit_title AS UnitTitle, lu.subject AS Subject,
       CAST(SUM(a.statements) AS BIGINT) AS Statements, CAST(SUM(a.seconds) AS FLOAT) AS Seconds,
       CAST(SUM(a.scored) AS BIGINT) AS ScoredStatements,
       CAST(SUM(a.score_sum) / NULLIF(SUM(a.scored), 0) AS FLOAT) AS Mean, CAST(MAX(a.score_best) AS FLOAT) AS Best,
       MIN(d.calendar_date) AS FirstActivity
FROM dbo.agg_learning_day a
JOIN pupils s ON s.pupil_no = a.pupil_no
JOIN dbo.dim_date d ON d.date_key = a.date_key
LEFT JOIN dbo.dim_learning_unit lu ON lu.unit_key = a.unit_key
WHERE a.date_key BETWEEN @from_date_key AND @to_date_key AND (@term IS NULL OR d.school_term = @term)
  AND (@subject IS NULL OR lu.subject = @subject)
GROUP BY s.pupil_key, a.unit_key, lu.unit_title, lu.subject
ORDER BY s.pupil_key, FirstActivity, a.unit_key
OPTION (RECOMPILE);
