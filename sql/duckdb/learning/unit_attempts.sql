-- person-level; scope: the pupil must be a student of the class, and the class in the caller's user_class_scope for
-- the 年度. One pupil's statements on one 単元 in the 年度 (its first to last day; optionally one 学期), oldest first.
SELECT f.occurred_at AS OccurredAt, f.verb AS Verb, f.activity_id AS ActivityId, f.score_scaled AS ScoreScaled,
       f.score_raw AS ScoreRaw, f.score_max AS ScoreMax, f.success AS Success, f.completion AS Completion,
       f.duration_seconds AS DurationSeconds
FROM user_class_scope u
JOIN class_student e ON e.class_no = u.class_no AND e.pupil_key = $pupil_key
JOIN fact_learning_activity f ON f.pupil_key = e.pupil_key AND f.unit_key = $unit_key
JOIN dim_date d ON d.date_key = f.date_key
WHERE u.user_name = $user_name AND u.fiscal_year = $fiscal_year AND u.class_key = $class_key
  AND f.date_key BETWEEN $from_date_key AND $to_date_key AND ($term IS NULL OR d.school_term = $term)
ORDER BY f.occurred_at, f.statement_id;
