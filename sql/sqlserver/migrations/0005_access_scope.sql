-- Which classes each signed-in user may see person by person, and in which 年度.
-- Teachers: the classes their roster enrollments (role teacher) name, matched by username or e-mail, so April's
-- roster moves them. School admins: every class of the school their roster entry belongs to. Hand-edited scopes
-- (user_scope kind class or school) add exceptions. Person-level queries join this view on the caller's user_name.
CREATE VIEW dbo.user_class_scope AS
SELECT u.user_name, c.class_key, c.school_key, c.fiscal_year
FROM dbo.app_user u
JOIN dbo.app_user_role r ON r.user_name = u.user_name AND r.role_name = N'Teacher'
JOIN dbo.teacher_identity t ON t.username = u.user_name OR (u.email IS NOT NULL AND LOWER(t.email) = LOWER(u.email))
JOIN dbo.class_enrollment e ON e.person_key = t.teacher_key AND e.enrollment_role = N'teacher'
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

-- Residents and their PHR readings (opt-in app data). The health ETL fills them; consent decides who is visible.
CREATE TABLE dbo.dim_resident (
    resident_key    NVARCHAR(64) NOT NULL PRIMARY KEY,
    chome_code      NVARCHAR(16) NULL,
    sex             NVARCHAR(16) NULL,
    birth_year      SMALLINT NULL,
    batch_id        BIGINT NULL
);

CREATE TABLE dbo.fact_phr_reading (
    resident_key    NVARCHAR(64) NOT NULL,
    date_key        INT NOT NULL,
    measured_at     DATETIME2(0) NOT NULL,
    code            NVARCHAR(32) NOT NULL,
    reading_value   FLOAT NOT NULL,
    unit            NVARCHAR(32) NULL,
    batch_id        BIGINT NOT NULL
);
CREATE CLUSTERED COLUMNSTORE INDEX cci_fact_phr_reading ON dbo.fact_phr_reading;
