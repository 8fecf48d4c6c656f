-- scope: every school with $city_wide (BoardOfEducation, Analyst), else the schools of the caller's user_class_scope.
-- Board views: the schools in the caller's scope (all with $city_wide, else the schools of the caller's
-- user_class_scope), each with its 中学校区 and its size: regular homerooms (通常の学級) and pupils in the 年度.
-- A school without classes in the 年度 takes its size from the latest earlier 年度 that has some.
WITH scope_school AS (
    SELECT s.school_key, s.school_name, s.school_kind, s.district_code
    FROM dim_school s
    WHERE $city_wide OR s.school_key IN (SELECT u.school_key FROM user_class_scope u WHERE u.user_name = $user_name)
),
regular_classes AS (
    SELECT c.school_key, c.fiscal_year, CAST(count(*) AS INTEGER) AS classes
    FROM dim_class c
    WHERE c.class_type = 'homeroom' AND NOT c.is_special_needs AND c.fiscal_year <= $fiscal_year
    GROUP BY c.school_key, c.fiscal_year
),
latest_size AS (
    SELECT school_key, classes
    FROM regular_classes
    QUALIFY row_number() OVER (PARTITION BY school_key ORDER BY fiscal_year DESC) = 1
),
pupils AS (
    SELECT c.school_key, CAST(count(DISTINCT e.person_key) AS BIGINT) AS pupils
    FROM class_enrollment e
    JOIN dim_class c ON c.class_key = e.class_key
    WHERE e.enrollment_role = 'student' AND c.class_type = 'homeroom' AND c.fiscal_year = $fiscal_year
    GROUP BY c.school_key
)
SELECT s.school_key AS SchoolKey, s.school_name AS SchoolName, s.school_kind AS SchoolKind,
       s.district_code AS DistrictCode,
       (SELECT max(d.district_name) FROM dim_district d WHERE d.district_code = s.district_code) AS DistrictName,
       coalesce(z.classes, 0) AS RegularClasses, coalesce(p.pupils, 0) AS Pupils
FROM scope_school s
LEFT JOIN latest_size z ON z.school_key = s.school_key
LEFT JOIN pupils p ON p.school_key = s.school_key
ORDER BY s.school_kind, s.school_name;
