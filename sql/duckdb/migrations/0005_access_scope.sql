-- Which classes each signed-in user may see person by person, and in which 年度.
-- Teachers: the classes their roster enrollments (role teacher) name, matched by username or e-mail, so April's
-- roster moves them. School admins: every class of the school their roster entry belongs to. Hand-edited scopes
-- (user_scope kind class or school) add exceptions. Person-level queries join this view on the caller's user_name.
CREATE VIEW user_class_scope AS
SELECT u.user_name, c.class_key, c.school_key, c.fiscal_year
FROM app_user u
JOIN app_user_role r ON r.user_name = u.user_name AND r.role_name = 'Teacher'
JOIN teacher_identity t ON t.username = u.user_name OR (u.email IS NOT NULL AND lower(t.email) = lower(u.email))
JOIN class_enrollment e ON e.person_key = t.teacher_key AND e.enrollment_role = 'teacher'
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

-- Residents and their PHR readings (opt-in app data). The health ETL fills them; consent decides who is visible.
CREATE TABLE dim_resident (
    resident_key    VARCHAR PRIMARY KEY,
    chome_code      VARCHAR,
    sex             VARCHAR,
    birth_year      SMALLINT,
    batch_id        BIGINT
);

CREATE TABLE fact_phr_reading (
    resident_key    VARCHAR NOT NULL,
    date_key        INTEGER NOT NULL,
    measured_at     TIMESTAMP NOT NULL,
    code            VARCHAR NOT NULL,             -- LOINC, e.g. 8480-6 systolic blood pressure
    reading_value   DOUBLE NOT NULL,
    unit            VARCHAR,
    batch_id        BIGINT NOT NULL
);
