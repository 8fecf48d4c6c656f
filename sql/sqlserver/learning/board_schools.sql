-- scope: every school with @city_wide (BoardOfEducation, Analyst), else the schools of the caller's user_class_scope.
-- Board views: the schools in the caller's scope (all with @city_wide, else the schools of the caller's
-- user_class_scope), each with its 中学校区 and its size: regular homerooms (通常の学級) and pupils in the 年度.
-- A school without classes in the 年度 takes its size from the latest earlier 年度 that has some.
WITH scope_school AS (
    SELECT s.school_key, s.school_name, s.school_kind, s.district_code
    FROM dbo.dim_school s
    WHERE @city_wide = 1 OR s.school_key IN (SELECT u.school_key FROM dbo.user_class_scope u WHERE u.user_name = @user_name)
),
regular_classes AS (
    SELECT c.school_key, c.fiscal_year, CAST(COUNT(*) AS INT) AS classes,
           ROW_NUMBER() OVER (PARTITION BY c.school_key ORDER BY c.fiscal_year DESC) AS recency
    FROM dbo.dim_class c
    WHERE c.class_type = N'homeroom' AND c.is_special_needs = 0 AND c.fiscal_year <= @fiscal_year
    GROUP BY c.school_key, c.fiscal_year
),
pupils AS (
    SELECT c.school_key, CAST(COUNT(DISTINCT e.person_key) AS BIGINT) AS pupils
    FROM dbo.class_enrollment e
    JOIN dbo.dim_class c ON c.class_key = e.class_key
    WHERE e.enrollment_role = N'student' AND c.class_type = N'homeroom' AND c.fiscal_year = @fiscal_year
    GROUP BY c.school_key
)
SELECT s.school_key AS SchoolKey, s.school_name AS SchoolName, s.school_kind AS SchoolKind,
       s.district_code AS DistrictCode,
       (SELECT MAX(d.district_name) FROM dbo.dim_district d WHERE d.district_code = s.district_code) AS DistrictName,
       COALESCE(z.classes, 0) AS RegularClasses, COALESCE(p.pupils, 0) AS Pupils
FROM scope_school s
LEFT JOIN regular_classes z ON z.school_key = s.school_key AND z.recency = 1
LEFT JOIN pupils p ON p.school_key = s.school_key
ORDER BY s.school_kind, s.school_name;
