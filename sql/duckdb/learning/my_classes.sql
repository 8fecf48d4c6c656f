-- scope: the caller's classes in the 年度 (user_class_scope).
SELECT c.class_key AS ClassKey, c.class_title AS ClassTitle, c.class_type AS ClassType, c.grades AS Grades,
       c.subject AS Subject, c.is_special_needs AS IsSpecialNeeds, s.school_name AS SchoolName,
       (SELECT CAST(COUNT(*) AS BIGINT) FROM class_student e WHERE e.class_no = u.class_no) AS Pupils
FROM user_class_scope u
JOIN dim_class c ON c.class_key = u.class_key
JOIN dim_school s ON s.school_key = c.school_key
WHERE u.user_name = $user_name AND u.fiscal_year = $fiscal_year
ORDER BY s.school_name, c.class_type, c.class_title;
