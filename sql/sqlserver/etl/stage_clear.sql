-- Staging is emptied at the start of every batch too, in case an earlier one was cut off.
DELETE FROM dbo.stage_fact_attendance;
DELETE FROM dbo.stage_fact_learning_activity;
DELETE FROM dbo.stage_fact_assessment_result;
DELETE FROM dbo.stage_dim_school;
DELETE FROM dbo.stage_dim_class;
DELETE FROM dbo.stage_dim_pupil;
DELETE FROM dbo.stage_pupil_identity;
DELETE FROM dbo.stage_dim_teacher;
DELETE FROM dbo.stage_teacher_identity;
DELETE FROM dbo.stage_class_enrollment;
DELETE FROM dbo.stage_academic_session;
DELETE FROM dbo.stage_deleted_key;
DELETE FROM dbo.stage_fact_population;
DELETE FROM dbo.stage_dim_district;
DELETE FROM dbo.stage_district_geometry;
DELETE FROM dbo.stage_xapi_voided_statement;
DELETE FROM dbo.stage_dim_learning_unit;
