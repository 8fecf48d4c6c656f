-- Whole-number stand-ins for the pupil and class keys in the tables the learning pages filter by pupil or class, as
-- in the DuckDB twin (there the long namespaced text keys were the cost of each dashboard query).

-- A number per pupil and per class, given once and never reused or changed (a deleted pupil's facts keep theirs).
CREATE TABLE dbo.pupil_number (
    pupil_key       NVARCHAR(64) NOT NULL PRIMARY KEY,
    pupil_no        INT NOT NULL UNIQUE
);

CREATE TABLE dbo.class_number (
    class_key       NVARCHAR(200) NOT NULL PRIMARY KEY,
    class_no        INT NOT NULL UNIQUE
);

INSERT INTO dbo.pupil_number (pupil_key, pupil_no)
SELECT pupil_key, CAST(ROW_NUMBER() OVER (ORDER BY CASE WHEN school_key IS NULL THEN 1 ELSE 0 END, school_key,
                                                   CASE WHEN grade IS NULL THEN 1 ELSE 0 END, grade, pupil_key) AS INT)
FROM (
    SELECT pupil_key, school_key, grade FROM dbo.dim_pupil
    UNION ALL
    SELECT pupil_key, NULL, NULL FROM (
        SELECT person_key AS pupil_key FROM dbo.class_enrollment WHERE enrollment_role = N'student'
        UNION SELECT pupil_key FROM dbo.fact_attendance
        UNION SELECT pupil_key FROM dbo.fact_learning_activity) k
    WHERE pupil_key NOT IN (SELECT pupil_key FROM dbo.dim_pupil)) p;

INSERT INTO dbo.class_number (class_key, class_no)
SELECT class_key, CAST(ROW_NUMBER() OVER (ORDER BY CASE WHEN fiscal_year IS NULL THEN 1 ELSE 0 END, fiscal_year,
                                                   CASE WHEN school_key IS NULL THEN 1 ELSE 0 END, school_key, class_key) AS INT)
FROM (
    SELECT class_key, fiscal_year, school_key FROM dbo.dim_class
    UNION ALL
    SELECT DISTINCT class_key, NULL, NULL FROM dbo.class_enrollment WHERE class_key NOT IN (SELECT class_key FROM dbo.dim_class)) c;
GO

-- Pupils' enrollments by class number (oneroster_merge rewrites it).
DROP VIEW dbo.class_student;
CREATE TABLE dbo.class_student (
    class_no        INT NOT NULL,
    class_key       NVARCHAR(200) NOT NULL,
    pupil_no        INT NOT NULL,
    pupil_key       NVARCHAR(64) NOT NULL,
    shusseki_no     SMALLINT NULL,
    begin_date      DATE NULL,
    end_date        DATE NULL
);
CREATE CLUSTERED INDEX cx_class_student ON dbo.class_student (class_no, pupil_no);
GO

-- The rows class_student holds, from the roster.
CREATE VIEW dbo.class_student_rule AS
SELECT c.class_no, e.class_key, p.pupil_no, e.person_key AS pupil_key, e.shusseki_no, e.begin_date, e.end_date
FROM dbo.class_enrollment e
JOIN dbo.class_number c ON c.class_key = e.class_key
JOIN dbo.pupil_number p ON p.pupil_key = e.person_key
WHERE e.enrollment_role = N'student';
GO

INSERT INTO dbo.class_student (class_no, class_key, pupil_no, pupil_key, shusseki_no, begin_date, end_date)
SELECT class_no, class_key, pupil_no, pupil_key, shusseki_no, begin_date, end_date FROM dbo.class_student_rule;

-- Who may see which class, kept as a table: AppUserStore refreshes a user's rows with each change of their roles or
-- scopes, and the roster import refreshes every user's (access/user_class_scope_refresh), in the same transaction.
DROP VIEW dbo.user_class_scope;
GO

CREATE VIEW dbo.user_class_scope_rule AS
SELECT u.user_name, c.class_key, n.class_no, c.school_key, c.fiscal_year
FROM dbo.app_user u
JOIN dbo.app_user_role r ON r.user_name = u.user_name AND r.role_name = N'Teacher'
JOIN dbo.teacher_identity t ON t.username = u.user_name OR (u.email IS NOT NULL AND LOWER(t.email) = LOWER(u.email))
JOIN dbo.teacher_class e ON e.teacher_key = t.teacher_key
JOIN dbo.dim_class c ON c.class_key = e.class_key
JOIN dbo.class_number n ON n.class_key = c.class_key
UNION
SELECT u.user_name, c.class_key, n.class_no, c.school_key, c.fiscal_year
FROM dbo.app_user u
JOIN dbo.app_user_role r ON r.user_name = u.user_name AND r.role_name = N'SchoolAdmin'
JOIN dbo.teacher_identity t ON t.username = u.user_name OR (u.email IS NOT NULL AND LOWER(t.email) = LOWER(u.email))
JOIN dbo.dim_teacher d ON d.teacher_key = t.teacher_key
JOIN dbo.dim_class c ON c.school_key = d.school_key
JOIN dbo.class_number n ON n.class_key = c.class_key
UNION
SELECT s.user_name, c.class_key, n.class_no, c.school_key, c.fiscal_year
FROM dbo.user_scope s
JOIN dbo.dim_class c ON (s.scope_kind = N'class' AND c.class_key = s.scope_value) OR (s.scope_kind = N'school' AND c.school_key = s.scope_value)
JOIN dbo.class_number n ON n.class_key = c.class_key;
GO

CREATE TABLE dbo.user_class_scope (
    user_name       NVARCHAR(200) NOT NULL,
    class_key       NVARCHAR(200) NOT NULL,
    class_no        INT NOT NULL,
    school_key      NVARCHAR(200) NOT NULL,
    fiscal_year     SMALLINT NULL,
    CONSTRAINT pk_user_class_scope PRIMARY KEY (user_name, class_key)
);

INSERT INTO dbo.user_class_scope (user_name, class_key, class_no, school_key, fiscal_year)
SELECT user_name, class_key, class_no, school_key, fiscal_year FROM dbo.user_class_scope_rule;
GO

-- agg_learning_day by pupil number, rebuilt from the facts.
DROP VIEW dbo.unit_best_by_school;
DROP TABLE dbo.agg_learning_day;
DROP TABLE dbo.stage_learning_day_touched;
GO

CREATE TABLE dbo.agg_learning_day (
    pupil_no        INT NOT NULL,
    date_key        INT NOT NULL,
    unit_key        NVARCHAR(400) NULL,
    statements      INT NOT NULL,
    seconds         FLOAT NOT NULL,               -- sum of duration_seconds, 0 when none has one
    scored          INT NOT NULL,                 -- statements with a score.scaled
    score_sum       FLOAT NULL,
    score_best      FLOAT NULL
);
CREATE CLUSTERED COLUMNSTORE INDEX cci_agg_learning_day ON dbo.agg_learning_day;

INSERT INTO dbo.agg_learning_day (pupil_no, date_key, unit_key, statements, seconds, scored, score_sum, score_best)
SELECT n.pupil_no, f.date_key, f.unit_key, COUNT(*), COALESCE(SUM(f.duration_seconds), 0), COUNT(f.score_scaled), SUM(f.score_scaled), MAX(f.score_scaled)
FROM dbo.fact_learning_activity f
JOIN dbo.pupil_number n ON n.pupil_key = f.pupil_key
GROUP BY n.pupil_no, f.date_key, f.unit_key;

CREATE TABLE dbo.stage_learning_day_touched (
    pupil_no        INT NOT NULL,
    date_key        INT NOT NULL
);
GO

-- Each pupil's best score.scaled per 単元 in each 学期 and in the whole 年度 (school_term 0, the August holiday
-- included): what the school and city comparison and the board's mastery views start from. xapi_merge recomputes the
-- 年度 a batch touches.
CREATE TABLE dbo.agg_pupil_unit_best (
    fiscal_year     SMALLINT NOT NULL,
    school_term     SMALLINT NOT NULL,
    pupil_no        INT NOT NULL,
    unit_key        NVARCHAR(400) NOT NULL,
    best            FLOAT NOT NULL
);
CREATE CLUSTERED COLUMNSTORE INDEX cci_agg_pupil_unit_best ON dbo.agg_pupil_unit_best;
GO

-- What agg_pupil_unit_best holds, from agg_learning_day.
CREATE VIEW dbo.pupil_unit_best_rule AS
WITH best AS (
    SELECT d.fiscal_year, d.school_term, a.pupil_no, a.unit_key, MAX(a.score_best) AS best
    FROM dbo.agg_learning_day a
    JOIN dbo.dim_date d ON d.date_key = a.date_key
    WHERE a.score_best IS NOT NULL AND a.unit_key IS NOT NULL
    GROUP BY d.fiscal_year, d.school_term, a.pupil_no, a.unit_key
)
SELECT fiscal_year, school_term, pupil_no, unit_key, best FROM best WHERE school_term IS NOT NULL
UNION ALL
SELECT fiscal_year, CAST(0 AS SMALLINT), pupil_no, unit_key, MAX(best) FROM best GROUP BY fiscal_year, pupil_no, unit_key;
GO

INSERT INTO dbo.agg_pupil_unit_best (fiscal_year, school_term, pupil_no, unit_key, best)
SELECT fiscal_year, school_term, pupil_no, unit_key, best FROM dbo.pupil_unit_best_rule;
GO

-- What agg_unit_best holds: per school (its pupils: enrolled in any of its classes that 年度) and city-wide.
CREATE VIEW dbo.unit_best_by_school AS
WITH school_pupils AS (
    SELECT DISTINCT s.pupil_no, c.school_key, c.fiscal_year
    FROM dbo.class_student s
    JOIN dbo.dim_class c ON c.class_key = s.class_key
)
SELECT p.fiscal_year, p.school_term, p.unit_key, s.school_key, COUNT(*) AS pupils, SUM(p.best) AS best_sum
FROM dbo.agg_pupil_unit_best p
JOIN school_pupils s ON s.pupil_no = p.pupil_no AND s.fiscal_year = p.fiscal_year
GROUP BY p.fiscal_year, p.school_term, p.unit_key, s.school_key
UNION ALL
SELECT fiscal_year, school_term, unit_key, N'', COUNT(*), SUM(best)
FROM dbo.agg_pupil_unit_best
GROUP BY fiscal_year, school_term, unit_key;
GO

-- Attendance carries the pupil's number beside the key (attendance_merge sets it).
ALTER TABLE dbo.fact_attendance ADD pupil_no INT NULL;
GO

UPDATE f SET pupil_no = n.pupil_no
FROM dbo.fact_attendance f
JOIN dbo.pupil_number n ON n.pupil_key = f.pupil_key;
