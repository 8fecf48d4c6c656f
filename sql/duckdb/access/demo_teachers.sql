-- Roster teachers of homerooms in the latest 年度, for the demo accounts: the first of each school, by school.
SELECT t.username AS UserName, t.email AS Email, t.family_name AS FamilyName, t.given_name AS GivenName, c.school_key AS SchoolKey
FROM teacher_identity t
JOIN class_enrollment e ON e.person_key = t.teacher_key AND e.enrollment_role = 'teacher'
JOIN dim_class c ON c.class_key = e.class_key AND c.class_type = 'homeroom'
WHERE t.username IS NOT NULL AND c.fiscal_year = (SELECT max(fiscal_year) FROM dim_class)
ORDER BY c.school_key, c.class_title, t.username;
