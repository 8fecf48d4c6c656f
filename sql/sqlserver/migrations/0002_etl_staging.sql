-- OneRoster academic sessions (年度 and 学期), and the staging tables the ETL loads each batch into before it
-- merges them into the warehouse in the same transaction. Staging tables mirror their targets' columns.
CREATE TABLE dbo.academic_session (
    session_key     NVARCHAR(200) NOT NULL PRIMARY KEY,
    title           NVARCHAR(200) NOT NULL,
    session_type    NVARCHAR(32) NOT NULL,
    start_date      DATE NOT NULL,
    end_date        DATE NOT NULL,
    parent_key      NVARCHAR(200) NULL,
    school_year     SMALLINT NOT NULL,
    batch_id        BIGINT NULL
);

SELECT TOP (0) * INTO dbo.stage_fact_attendance FROM dbo.fact_attendance;
SELECT TOP (0) * INTO dbo.stage_fact_learning_activity FROM dbo.fact_learning_activity;
SELECT TOP (0) * INTO dbo.stage_fact_assessment_result FROM dbo.fact_assessment_result;
SELECT TOP (0) * INTO dbo.stage_dim_school FROM dbo.dim_school;
SELECT TOP (0) * INTO dbo.stage_dim_class FROM dbo.dim_class;
SELECT TOP (0) * INTO dbo.stage_dim_pupil FROM dbo.dim_pupil;
SELECT TOP (0) * INTO dbo.stage_pupil_identity FROM dbo.pupil_identity;
SELECT TOP (0) * INTO dbo.stage_dim_teacher FROM dbo.dim_teacher;
SELECT TOP (0) * INTO dbo.stage_teacher_identity FROM dbo.teacher_identity;
SELECT TOP (0) * INTO dbo.stage_class_enrollment FROM dbo.class_enrollment;
SELECT TOP (0) * INTO dbo.stage_academic_session FROM dbo.academic_session;

CREATE TABLE dbo.stage_deleted_key (
    table_name      NVARCHAR(128) NOT NULL,
    key_value       NVARCHAR(400) NOT NULL
);
