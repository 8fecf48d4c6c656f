-- OneRoster academic sessions (年度 and 学期), and the staging tables the ETL loads each batch into before it
-- merges them into the warehouse in the same transaction. Staging tables mirror their targets' columns.
CREATE TABLE academic_session (
    session_key     VARCHAR PRIMARY KEY,
    title           VARCHAR NOT NULL,
    session_type    VARCHAR NOT NULL,             -- schoolYear / term / semester / gradingPeriod
    start_date      DATE NOT NULL,
    end_date        DATE NOT NULL,
    parent_key      VARCHAR,
    school_year     SMALLINT NOT NULL,
    batch_id        BIGINT
);

CREATE TABLE stage_fact_attendance AS SELECT * FROM fact_attendance LIMIT 0;
CREATE TABLE stage_fact_learning_activity AS SELECT * FROM fact_learning_activity LIMIT 0;
CREATE TABLE stage_fact_assessment_result AS SELECT * FROM fact_assessment_result LIMIT 0;
CREATE TABLE stage_dim_school AS SELECT * FROM dim_school LIMIT 0;
CREATE TABLE stage_dim_class AS SELECT * FROM dim_class LIMIT 0;
CREATE TABLE stage_dim_pupil AS SELECT * FROM dim_pupil LIMIT 0;
CREATE TABLE stage_pupil_identity AS SELECT * FROM pupil_identity LIMIT 0;
CREATE TABLE stage_dim_teacher AS SELECT * FROM dim_teacher LIMIT 0;
CREATE TABLE stage_teacher_identity AS SELECT * FROM teacher_identity LIMIT 0;
CREATE TABLE stage_class_enrollment AS SELECT * FROM class_enrollment LIMIT 0;
CREATE TABLE stage_academic_session AS SELECT * FROM academic_session LIMIT 0;

-- Keys a OneRoster delta marks tobedeleted, per target table.
CREATE TABLE stage_deleted_key (
    table_name      VARCHAR NOT NULL,
    key_value       VARCHAR NOT NULL
);
