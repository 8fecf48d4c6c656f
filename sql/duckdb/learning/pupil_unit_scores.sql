-- person-level; scope: pupils of the caller's classes (user_class_scope), narrowed by $class_key / $pupil_key.
-- Per pupil and 単元 in the 年度 (optionally one 学期 and subject, up to $to_date_key): statements, seconds, and the
-- mean and best score.scaled of the scored ones; when the pupil began the unit orders units for the warnings.
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
SELECT f.pupil_key AS PupilKey, f.unit_key AS UnitKey, lu.unit_title AS UnitTitle, lu.subject AS Subject,
       CAST(count(*) AS BIGINT) AS Statements, CAST(coalesce(sum(f.duration_seconds), 0) AS DOUBLE) AS Seconds,
       CAST(count(f.score_scaled) AS BIGINT) AS ScoredStatements,
       CAST(avg(f.score_scaled) AS DOUBLE) AS Mean, CAST(max(f.score_scaled) AS DOUBLE) AS Best,
       min(d.calendar_date) AS FirstActivity
FROM fact_learning_activity f
JOIN pupils s ON s.pupil_key = f.pupil_key
JOIN dim_date d ON d.date_key = f.date_key
LEFT JOIN dim_learning_unit lu ON lu.unit_key = f.unit_key
WHERE d.fiscal_year = $fiscal_year AND ($term IS NULL OR d.school_term = $term) AND f.date_key <= $to_date_key
  AND ($subject IS NULL OR lu.subject = $subject)
GROUP BY f.pupil_key, f.unit_key, lu.unit_title, lu.subject
ORDER BY f.pupil_key, FirstActivity, f.unit_key;
