-- Roster teachers of homerooms in the latest 年度, for the demo accounts: the first of each school, by school.
SELECT t.username AS UserName, t.email AS Email, t.family_name AS FamilyName, t.given_name AS GivenName, c.school_key AS SchoolKey
FROM dbo.teacher_identity t
JOIN dbo.class_enrollment e ON e.person_key = t.teacher_key AND e.enrollment_role = N'teacher'
JOIN dbo.dim_class c ON c.class_key = e.class_key AND c.class_type = N'homeroom'
WHERE t.username IS NOT NULL AND c.fiscal_year = (SELECT MAX(fiscal_year) FROM dbo.dim_class)
ORDER BY c.school_key, c.class_title, t.username;
