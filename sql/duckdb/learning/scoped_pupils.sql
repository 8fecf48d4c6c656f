-- person-level; scope: pupils of the classes in the caller's user_class_scope for the 年度 — one class ($class_key),
-- one pupil of it ($pupil_key), or all the caller's classes (both NULL). Names only when $with_names (never analysts).
SELECT c.class_key AS ClassKey, c.class_title AS ClassTitle, c.class_type AS ClassType,
       e.pupil_key AS PupilKey, e.shusseki_no AS ShussekiNo,
       CASE WHEN $with_names THEN i.family_name || ' ' || i.given_name END AS Name,
       CASE WHEN $with_names THEN i.kana_family_name || ' ' || i.kana_given_name END AS Kana,
       p.grade AS Grade, e.begin_date AS BeginDate, e.end_date AS EndDate
FROM user_class_scope u
JOIN dim_class c ON c.class_key = u.class_key
JOIN class_student e ON e.class_no = u.class_no
JOIN dim_pupil p ON p.pupil_key = e.pupil_key
LEFT JOIN pupil_identity i ON i.pupil_key = e.pupil_key
WHERE u.user_name = $user_name AND u.fiscal_year = $fiscal_year
  AND ($class_key IS NULL OR u.class_key = $class_key)
  AND ($pupil_key IS NULL OR e.pupil_key = $pupil_key)
ORDER BY c.class_type, c.class_title, c.class_key, e.shusseki_no NULLS LAST, i.kana_family_name, i.kana_given_name, e.pupil_key;
