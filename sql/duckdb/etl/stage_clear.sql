-- Staging is emptied at the start of every batch too, in case an earlier one was cut off.
DELETE FROM stage_fact_attendance;
DELETE FROM stage_fact_learning_activity;
DELETE FROM stage_fact_assessment_result;
DELETE FROM stage_dim_school;
DELETE FROM stage_dim_class;
DELETE FROM stage_dim_pupil;
DELETE FROM stage_pupil_identity;
DELETE FROM stage_dim_teacher;
DELETE FROM stage_teacher_identity;
DELETE FROM stage_class_enrollment;
DELETE FROM stage_academic_session;
DELETE FROM stage_deleted_key;
DELETE FROM stage_fact_population;
DELETE FROM stage_dim_district;
DELETE FROM stage_district_geometry;
DELETE FROM stage_xapi_voided_statement;
DELETE FROM stage_dim_learning_unit;
