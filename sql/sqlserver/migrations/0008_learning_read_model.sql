-- Small tables the learning pages read instead of scanning the big ones (DESIGN §7: each dashboard query under 100 ms
-- at city scale). The merges keep them in step inside each batch's transaction; this migration fills them once.

-- The teachers' classes out of class_enrollment (oneroster_merge refreshes it): user_class_scope, which every
-- person-level query joins, no longer reads every pupil's enrollment to find a teacher's few.
CREATE TABLE dbo.teacher_class (
    class_key       NVARCHAR(200) NOT NULL,
    teacher_key     NVARCHAR(64) NOT NULL,
    CONSTRAINT pk_teacher_class PRIMARY KEY (class_key, teacher_key)
);

INSERT INTO dbo.teacher_class (class_key, teacher_key)
SELECT DISTINCT class_key, person_key FROM dbo.class_enrollment WHERE enrollment_role = N'teacher';
GO

CREATE OR ALTER VIEW dbo.user_class_scope AS
SELECT u.user_name, c.class_key, c.school_key, c.fiscal_year
FROM dbo.app_user u
JOIN dbo.app_user_role r ON r.user_name = u.user_name AND r.role_name = N'Teacher'
JOIN dbo.teacher_identity t ON t.username = u.user_name OR (u.email IS NOT NULL AND LOWER(t.email) = LOWER(u.email))
JOIN dbo.teacher_class e ON e.teacher_key = t.teacher_key
JOIN dbo.dim_class c ON c.class_key = e.class_key
UNION
SELECT u.user_name, c.class_key, c.school_key, c.fiscal_year
FROM dbo.app_user u
JOIN dbo.app_user_role r ON r.user_name = u.user_name AND r.role_name = N'SchoolAdmin'
JOIN dbo.teacher_identity t ON t.username = u.user_name OR (u.email IS NOT NULL AND LOWER(t.email) = LOWER(u.email))
JOIN dbo.dim_teacher d ON d.teacher_key = t.teacher_key
JOIN dbo.dim_class c ON c.school_key = d.school_key
UNION
SELECT s.user_name, c.class_key, c.school_key, c.fiscal_year
FROM dbo.user_scope s
JOIN dbo.dim_class c ON (s.scope_kind = N'class' AND c.class_key = s.scope_value) OR (s.scope_kind = N'school' AND c.school_key = s.scope_value);
GO

-- Pupils' enrollments, looked up by class.
CREATE VIEW dbo.class_student AS
SELECT class_key, person_key AS pupil_key, shusseki_no, begin_date, end_date
FROM dbo.class_enrollment
WHERE enrollment_role = N'student';
GO

-- xAPI statements per pupil, day and 単元 (xapi_merge recomputes the pupil-days a batch touches).
CREATE TABLE dbo.agg_learning_day (
    pupil_key       NVARCHAR(64) NOT NULL,
    date_key        INT NOT NULL,
    unit_key        NVARCHAR(400) NULL,
    statements      INT NOT NULL,
    seconds         FLOAT NOT NULL,               -- sum of duration_seconds, 0 when none has one
    scored          INT NOT NULL,                 -- statements with a score.scaled
    score_sum       FLOAT NULL,
    score_best      FLOAT NULL
);
CREATE CLUSTERED COLUMNSTORE INDEX cci_agg_learning_day ON dbo.agg_learning_day;

CREATE TABLE dbo.stage_learning_day_touched (
    pupil_key       NVARCHAR(64) NOT NULL,
    date_key        INT NOT NULL
);

INSERT INTO dbo.agg_learning_day (pupil_key, date_key, unit_key, statements, seconds, scored, score_sum, score_best)
SELECT pupil_key, date_key, unit_key, COUNT(*), COALESCE(SUM(duration_seconds), 0), COUNT(score_scaled), SUM(score_scaled), MAX(score_scaled)
FROM dbo.fact_learning_activity
GROUP BY pupil_key, date_key, unit_key;

-- Per 年度, 学期 (0: the whole 年度) and 単元: the pupils with a score and the sum of their best score.scaled, per school
-- (its pupils: enrolled in any of its classes that 年度) and city-wide (school_key ''). The class overview compares a
-- class with these. The merges recompute the 年度 an xAPI or roster batch touches.
CREATE TABLE dbo.agg_unit_best (
    fiscal_year     SMALLINT NOT NULL,
    school_term     SMALLINT NOT NULL,
    unit_key        NVARCHAR(400) NOT NULL,
    school_key      NVARCHAR(200) NOT NULL,
    pupils          INT NOT NULL,
    best_sum        FLOAT NOT NULL
);
CREATE CLUSTERED COLUMNSTORE INDEX cci_agg_unit_best ON dbo.agg_unit_best;
GO

-- What agg_unit_best holds, computed from agg_learning_day and the roster. Every 学期 row reads the days of that 学期;
-- the 年度 row (school_term 0) reads every day of the 年度, the August holiday included.
CREATE VIEW dbo.unit_best_by_school AS
WITH best AS (
    SELECT a.pupil_key, a.unit_key, d.fiscal_year, d.school_term, MAX(a.score_best) AS best
    FROM dbo.agg_learning_day a
    JOIN dbo.dim_date d ON d.date_key = a.date_key
    WHERE a.score_best IS NOT NULL AND a.unit_key IS NOT NULL
    GROUP BY a.pupil_key, a.unit_key, d.fiscal_year, d.school_term
),
periods AS (
    SELECT pupil_key, unit_key, fiscal_year, school_term, best FROM best WHERE school_term IS NOT NULL
    UNION ALL
    SELECT pupil_key, unit_key, fiscal_year, CAST(0 AS SMALLINT), MAX(best) FROM best GROUP BY pupil_key, unit_key, fiscal_year
),
school_pupils AS (
    SELECT DISTINCT e.person_key AS pupil_key, c.school_key, c.fiscal_year
    FROM dbo.class_enrollment e
    JOIN dbo.dim_class c ON c.class_key = e.class_key
    WHERE e.enrollment_role = N'student'
)
SELECT p.fiscal_year, p.school_term, p.unit_key, s.school_key, COUNT(*) AS pupils, SUM(p.best) AS best_sum
FROM periods p
JOIN school_pupils s ON s.pupil_key = p.pupil_key AND s.fiscal_year = p.fiscal_year
GROUP BY p.fiscal_year, p.school_term, p.unit_key, s.school_key
UNION ALL
SELECT fiscal_year, school_term, unit_key, N'', COUNT(*), SUM(best)
FROM periods
GROUP BY fiscal_year, school_term, unit_key;
GO

-- The 年度 a batch touched, for the merges to recompute their rows of agg_unit_best.
CREATE TABLE dbo.stage_learning_year (
    fiscal_year     SMALLINT NOT NULL
);

INSERT INTO dbo.agg_unit_best (fiscal_year, school_term, unit_key, school_key, pupils, best_sum)
SELECT fiscal_year, school_term, unit_key, school_key, pupils, best_sum FROM dbo.unit_best_by_school;
