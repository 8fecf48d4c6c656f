-- person-level; scope: only a class in the caller's user_class_scope for the 年度 returns rows.
-- Names only when @with_names (never for analysts).
SELECT e.pupil_key AS PupilKey, e.shusseki_no AS ShussekiNo,
       CASE WHEN @with_names = 1 THEN i.family_name + N' ' + i.given_name END AS Name,
       CASE WHEN @with_names = 1 THEN i.kana_family_name + N' ' + i.kana_given_name END AS Kana,
       p.grade AS Grade, p.sex AS Sex, e.begin_date AS BeginDate, e.end_date AS EndDate
FROM dbo.user_class_scope u
JOIN dbo.class_student e ON e.class_no = u.class_no
JOIN dbo.dim_pupil p ON p.pupil_key = e.pupil_key
LEFT JOIN dbo.pupil_identity i ON i.pupil_key = e.pupil_key
WHERE u.user_name = @user_name AND u.fiscal_year = @fiscal_year AND u.class_key = @class_key
ORDER BY CASE WHEN e.shusseki_no IS NULL THEN 1 ELSE 0 END, e.shusseki_no, i.kana_family_name, i.kana_given_name;
