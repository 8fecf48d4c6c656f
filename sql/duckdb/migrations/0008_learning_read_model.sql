-- Small tables the learning pages read instead of scanning the big ones (DESIGN §7: each dashboard query under 100 ms
-- at city scale). The merges keep them in step inside each batch's transaction; this migration fills them once.

-- The teachers' classes out of class_enrollment (oneroster_merge refreshes it): user_class_scope, which every
-- person-level query joins, no longer reads every pupil's enrollment to find a teacher's few.
CREATE TABLE teacher_class (
    class_key       VARCHAR NOT NULL,
    teacher_key     VARCHAR NOT NULL,
    PRIMARY KEY (class_key, teacher_key)
);

INSERT INTO teacher_class
SELECT DISTINCT class_key, person_key FROM class_enrollment WHERE enrollment_role = 'teacher';

CREATE OR REPLACE VIEW user_class_scope AS
SELECT u.user_name, c.class_key, c.school_key, c.fiscal_year
FROM app_user u
JOIN app_user_role r ON r.user_name = u.user_name AND r.role_name = 'Teacher'
JOIN teacher_identity t ON t.username = u.user_name OR (u.email IS NOT NULL AND lower(t.email) = lower(u.email))
JOIN teacher_class e ON e.teacher_key = t.teacher_key
JOIN dim_class c ON c.class_key = e.class_key
UNION
SELECT u.user_name, c.class_key, c.school_key, c.fiscal_year
FROM app_user u
JOIN app_user_role r ON r.user_name = u.user_name AND r.role_name = 'SchoolAdmin'
JOIN teacher_identity t ON t.username = u.user_name OR (u.email IS NOT NULL AND lower(t.email) = lower(u.email))
JOIN dim_teacher d ON d.teacher_key = t.teacher_key
JOIN dim_class c ON c.school_key = d.school_key
UNION
SELECT s.user_name, c.class_key, c.school_key, c.fiscal_year
FROM user_scope s
JOIN dim_class c ON (s.scope_kind = 'class' AND c.class_key = s.scope_value) OR (s.scope_kind = 'school' AND c.school_key = s.scope_value);

-- Pupils' enrollments, looked up by class.
CREATE VIEW class_student AS
SELECT class_key, person_key AS pupil_key, shusseki_no, begin_date, end_date
FROM class_enrollment
WHERE enrollment_role = 'student';

-- xAPI statements per pupil, day and 単元 (xapi_merge recomputes the pupil-days a batch touches): a quarter of the
-- statements' rows, in date order so that a 年度's pages read only that 年度's row groups.
CREATE TABLE agg_learning_day (
    pupil_key       VARCHAR NOT NULL,
    date_key        INTEGER NOT NULL,
    unit_key        VARCHAR,
    statements      INTEGER NOT NULL,
    seconds         DOUBLE NOT NULL,              -- sum of duration_seconds, 0 when none has one
    scored          INTEGER NOT NULL,             -- statements with a score.scaled
    score_sum       DOUBLE,
    score_best      DOUBLE
);

CREATE TABLE stage_learning_day_touched (
    pupil_key       VARCHAR NOT NULL,
    date_key        INTEGER NOT NULL
);

INSERT INTO agg_learning_day
SELECT pupil_key, date_key, unit_key, CAST(count(*) AS INTEGER), coalesce(sum(duration_seconds), 0),
       CAST(count(score_scaled) AS INTEGER), sum(score_scaled), max(score_scaled)
FROM fact_learning_activity
GROUP BY pupil_key, date_key, unit_key
ORDER BY date_key, pupil_key;

-- Per 年度, 学期 (0: the whole 年度) and 単元: the pupils with a score and the sum of their best score.scaled, per school
-- (its pupils: enrolled in any of its classes that 年度) and city-wide (school_key ''). The class overview compares a
-- class with these. The merges recompute the 年度 an xAPI or roster batch touches.
CREATE TABLE agg_unit_best (
    fiscal_year     SMALLINT NOT NULL,
    school_term     SMALLINT NOT NULL,
    unit_key        VARCHAR NOT NULL,
    school_key      VARCHAR NOT NULL,
    pupils          INTEGER NOT NULL,
    best_sum        DOUBLE NOT NULL
);

-- What agg_unit_best holds, computed from agg_learning_day and the roster. Every 学期 row reads the days of that 学期;
-- the 年度 row (school_term 0) reads every day of the 年度, the August holiday included.
CREATE VIEW unit_best_by_school AS
WITH best AS (
    SELECT a.pupil_key, a.unit_key, d.fiscal_year, d.school_term, max(a.score_best) AS best
    FROM agg_learning_day a
    JOIN dim_date d ON d.date_key = a.date_key
    WHERE a.score_best IS NOT NULL AND a.unit_key IS NOT NULL
    GROUP BY a.pupil_key, a.unit_key, d.fiscal_year, d.school_term
),
periods AS (
    SELECT pupil_key, unit_key, fiscal_year, school_term, best FROM best WHERE school_term IS NOT NULL
    UNION ALL
    SELECT pupil_key, unit_key, fiscal_year, 0, max(best) FROM best GROUP BY pupil_key, unit_key, fiscal_year
),
school_pupils AS (
    SELECT DISTINCT e.person_key AS pupil_key, c.school_key, c.fiscal_year
    FROM class_enrollment e
    JOIN dim_class c ON c.class_key = e.class_key
    WHERE e.enrollment_role = 'student'
)
SELECT p.fiscal_year, p.school_term, p.unit_key, s.school_key, CAST(count(*) AS INTEGER) AS pupils, sum(p.best) AS best_sum
FROM periods p
JOIN school_pupils s ON s.pupil_key = p.pupil_key AND s.fiscal_year = p.fiscal_year
GROUP BY p.fiscal_year, p.school_term, p.unit_key, s.school_key
UNION ALL
SELECT fiscal_year, school_term, unit_key, '', CAST(count(*) AS INTEGER), sum(best)
FROM periods
GROUP BY fiscal_year, school_term, unit_key;

-- The 年度 a batch touched, for the merges to recompute their rows of agg_unit_best.
CREATE TABLE stage_learning_year (
    fiscal_year     SMALLINT NOT NULL
);

INSERT INTO agg_unit_best SELECT * FROM unit_best_by_school;
