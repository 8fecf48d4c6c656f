-- Whole-number stand-ins for the pupil and class keys in the tables the learning pages filter by pupil or class
-- (DESIGN §7: each dashboard query under 100 ms at city scale). The keys are long namespaced texts that all begin
-- with the same 8 bytes, so DuckDB compares them in full, compressed, row by row; a number compares at once.

-- A number per pupil and per class, given once and never reused or changed (a deleted pupil's facts keep theirs).
-- New pupils are numbered in school and grade order, classes in 年度 and school order, so that a class's pupils and
-- a school's classes have numbers close together.
CREATE TABLE pupil_number (
    pupil_key       VARCHAR PRIMARY KEY,
    pupil_no        INTEGER NOT NULL UNIQUE
);

CREATE TABLE class_number (
    class_key       VARCHAR PRIMARY KEY,
    class_no        INTEGER NOT NULL UNIQUE
);

INSERT INTO pupil_number
SELECT pupil_key, CAST(row_number() OVER (ORDER BY school_key NULLS LAST, grade NULLS LAST, pupil_key) AS INTEGER)
FROM (
    SELECT pupil_key, school_key, grade FROM dim_pupil
    UNION ALL
    SELECT DISTINCT pupil_key, NULL, NULL FROM (
        SELECT person_key AS pupil_key FROM class_enrollment WHERE enrollment_role = 'student'
        UNION SELECT pupil_key FROM fact_attendance
        UNION SELECT pupil_key FROM fact_learning_activity)
    WHERE pupil_key NOT IN (SELECT pupil_key FROM dim_pupil));

INSERT INTO class_number
SELECT class_key, CAST(row_number() OVER (ORDER BY fiscal_year NULLS LAST, school_key NULLS LAST, class_key) AS INTEGER)
FROM (
    SELECT class_key, fiscal_year, school_key FROM dim_class
    UNION ALL
    SELECT DISTINCT class_key, NULL, NULL FROM class_enrollment WHERE class_key NOT IN (SELECT class_key FROM dim_class));

-- Pupils' enrollments by class number, in class order (oneroster_merge rewrites it): one class is a few adjacent rows.
DROP VIEW class_student;
CREATE TABLE class_student (
    class_no        INTEGER NOT NULL,
    class_key       VARCHAR NOT NULL,
    pupil_no        INTEGER NOT NULL,
    pupil_key       VARCHAR NOT NULL,
    shusseki_no     SMALLINT,
    begin_date      DATE,
    end_date        DATE
);

-- The rows class_student holds, from the roster.
CREATE VIEW class_student_rule AS
SELECT c.class_no, e.class_key, p.pupil_no, e.person_key AS pupil_key, e.shusseki_no, e.begin_date, e.end_date
FROM class_enrollment e
JOIN class_number c ON c.class_key = e.class_key
JOIN pupil_number p ON p.pupil_key = e.person_key
WHERE e.enrollment_role = 'student';

INSERT INTO class_student SELECT * FROM class_student_rule ORDER BY class_no, shusseki_no, pupil_no;

-- Who may see which class, kept as a table: the rule, a union of three joins, cost each person-level query about
-- 10 ms at city scale. AppUserStore refreshes a user's rows with each change of their roles or scopes, and the roster
-- import refreshes every user's (access/user_class_scope_refresh), in the same transaction as the change.
DROP VIEW user_class_scope;
CREATE VIEW user_class_scope_rule AS
SELECT u.user_name, c.class_key, n.class_no, c.school_key, c.fiscal_year
FROM app_user u
JOIN app_user_role r ON r.user_name = u.user_name AND r.role_name = 'Teacher'
JOIN teacher_identity t ON t.username = u.user_name OR (u.email IS NOT NULL AND lower(t.email) = lower(u.email))
JOIN teacher_class e ON e.teacher_key = t.teacher_key
JOIN dim_class c ON c.class_key = e.class_key
JOIN class_number n ON n.class_key = c.class_key
UNION
SELECT u.user_name, c.class_key, n.class_no, c.school_key, c.fiscal_year
FROM app_user u
JOIN app_user_role r ON r.user_name = u.user_name AND r.role_name = 'SchoolAdmin'
JOIN teacher_identity t ON t.username = u.user_name OR (u.email IS NOT NULL AND lower(t.email) = lower(u.email))
JOIN dim_teacher d ON d.teacher_key = t.teacher_key
JOIN dim_class c ON c.school_key = d.school_key
JOIN class_number n ON n.class_key = c.class_key
UNION
SELECT s.user_name, c.class_key, n.class_no, c.school_key, c.fiscal_year
FROM user_scope s
JOIN dim_class c ON (s.scope_kind = 'class' AND c.class_key = s.scope_value) OR (s.scope_kind = 'school' AND c.school_key = s.scope_value)
JOIN class_number n ON n.class_key = c.class_key;

CREATE TABLE user_class_scope (
    user_name       VARCHAR NOT NULL,
    class_key       VARCHAR NOT NULL,
    class_no        INTEGER NOT NULL,
    school_key      VARCHAR NOT NULL,
    fiscal_year     SMALLINT,
    PRIMARY KEY (user_name, class_key)
);

INSERT INTO user_class_scope SELECT * FROM user_class_scope_rule;

-- agg_learning_day by pupil number, rebuilt from the facts.
DROP VIEW unit_best_by_school;
DROP TABLE agg_learning_day;
CREATE TABLE agg_learning_day (
    pupil_no        INTEGER NOT NULL,
    date_key        INTEGER NOT NULL,
    unit_key        VARCHAR,
    statements      INTEGER NOT NULL,
    seconds         DOUBLE NOT NULL,              -- sum of duration_seconds, 0 when none has one
    scored          INTEGER NOT NULL,             -- statements with a score.scaled
    score_sum       DOUBLE,
    score_best      DOUBLE
);

INSERT INTO agg_learning_day
SELECT n.pupil_no, f.date_key, f.unit_key, CAST(count(*) AS INTEGER), coalesce(sum(f.duration_seconds), 0),
       CAST(count(f.score_scaled) AS INTEGER), sum(f.score_scaled), max(f.score_scaled)
FROM fact_learning_activity f
JOIN pupil_number n ON n.pupil_key = f.pupil_key
GROUP BY n.pupil_no, f.date_key, f.unit_key
ORDER BY f.date_key, n.pupil_no;

DROP TABLE stage_learning_day_touched;
CREATE TABLE stage_learning_day_touched (
    pupil_no        INTEGER NOT NULL,
    date_key        INTEGER NOT NULL
);

-- Each pupil's best score.scaled per 単元 in each 学期 and in the whole 年度 (school_term 0, the August holiday
-- included): what the school and city comparison and the board's mastery views start from. xapi_merge recomputes the
-- 年度 a batch touches.
CREATE TABLE agg_pupil_unit_best (
    fiscal_year     SMALLINT NOT NULL,
    school_term     SMALLINT NOT NULL,
    pupil_no        INTEGER NOT NULL,
    unit_key        VARCHAR NOT NULL,
    best            DOUBLE NOT NULL
);

-- What agg_pupil_unit_best holds, from agg_learning_day.
CREATE VIEW pupil_unit_best_rule AS
WITH best AS (
    SELECT d.fiscal_year, d.school_term, a.pupil_no, a.unit_key, max(a.score_best) AS best
    FROM agg_learning_day a
    JOIN dim_date d ON d.date_key = a.date_key
    WHERE a.score_best IS NOT NULL AND a.unit_key IS NOT NULL
    GROUP BY d.fiscal_year, d.school_term, a.pupil_no, a.unit_key
)
SELECT fiscal_year, school_term, pupil_no, unit_key, best FROM best WHERE school_term IS NOT NULL
UNION ALL
SELECT fiscal_year, 0, pupil_no, unit_key, max(best) FROM best GROUP BY fiscal_year, pupil_no, unit_key;

INSERT INTO agg_pupil_unit_best SELECT * FROM pupil_unit_best_rule ORDER BY fiscal_year, school_term, pupil_no;

-- What agg_unit_best holds: per school (its pupils: enrolled in any of its classes that 年度) and city-wide.
CREATE VIEW unit_best_by_school AS
WITH school_pupils AS (
    SELECT DISTINCT s.pupil_no, c.school_key, c.fiscal_year
    FROM class_student s
    JOIN dim_class c ON c.class_key = s.class_key
)
SELECT p.fiscal_year, p.school_term, p.unit_key, s.school_key, CAST(count(*) AS INTEGER) AS pupils, sum(p.best) AS best_sum
FROM agg_pupil_unit_best p
JOIN school_pupils s ON s.pupil_no = p.pupil_no AND s.fiscal_year = p.fiscal_year
GROUP BY p.fiscal_year, p.school_term, p.unit_key, s.school_key
UNION ALL
SELECT fiscal_year, school_term, unit_key, '', CAST(count(*) AS INTEGER), sum(best)
FROM agg_pupil_unit_best
GROUP BY fiscal_year, school_term, unit_key;

-- Attendance carries the pupil's number beside the key (attendance_merge sets it).
ALTER TABLE fact_attendance ADD COLUMN pupil_no INTEGER;
UPDATE fact_attendance SET pupil_no = n.pupil_no FROM pupil_number n WHERE n.pupil_key = fact_attendance.pupil_key;
