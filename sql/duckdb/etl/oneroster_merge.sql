-- A roster batch: staged rows replace the rows with the same keys (last batch wins); delta tobedeleted rows go.
INSERT OR REPLACE INTO academic_session SELECT * FROM stage_academic_session QUALIFY row_number() OVER (PARTITION BY session_key) = 1;
INSERT OR REPLACE INTO dim_school SELECT * FROM stage_dim_school QUALIFY row_number() OVER (PARTITION BY school_key) = 1;
INSERT OR REPLACE INTO dim_class SELECT * FROM stage_dim_class QUALIFY row_number() OVER (PARTITION BY class_key) = 1;
INSERT OR REPLACE INTO dim_pupil SELECT * FROM stage_dim_pupil QUALIFY row_number() OVER (PARTITION BY pupil_key) = 1;
INSERT OR REPLACE INTO pupil_identity SELECT * FROM stage_pupil_identity QUALIFY row_number() OVER (PARTITION BY pupil_key) = 1;
INSERT OR REPLACE INTO dim_teacher SELECT * FROM stage_dim_teacher QUALIFY row_number() OVER (PARTITION BY teacher_key) = 1;
INSERT OR REPLACE INTO teacher_identity SELECT * FROM stage_teacher_identity QUALIFY row_number() OVER (PARTITION BY teacher_key) = 1;
INSERT OR REPLACE INTO class_enrollment SELECT * FROM stage_class_enrollment
    QUALIFY row_number() OVER (PARTITION BY class_key, person_key, enrollment_role) = 1;

DELETE FROM academic_session WHERE session_key IN (SELECT key_value FROM stage_deleted_key WHERE table_name = 'academic_session');
DELETE FROM dim_school WHERE school_key IN (SELECT key_value FROM stage_deleted_key WHERE table_name = 'dim_school');
DELETE FROM dim_class WHERE class_key IN (SELECT key_value FROM stage_deleted_key WHERE table_name = 'dim_class');
DELETE FROM pupil_identity WHERE pupil_key IN (SELECT key_value FROM stage_deleted_key WHERE table_name = 'person');
DELETE FROM dim_pupil WHERE pupil_key IN (SELECT key_value FROM stage_deleted_key WHERE table_name = 'person');
DELETE FROM teacher_identity WHERE teacher_key IN (SELECT key_value FROM stage_deleted_key WHERE table_name = 'person');
DELETE FROM dim_teacher WHERE teacher_key IN (SELECT key_value FROM stage_deleted_key WHERE table_name = 'person');
DELETE FROM class_enrollment
WHERE class_key || '|' || person_key || '|' || enrollment_role IN (SELECT key_value FROM stage_deleted_key WHERE table_name = 'class_enrollment');

-- The read models that follow the roster: the teachers' classes, and the school figures of every 年度 it holds.
DELETE FROM teacher_class;
INSERT INTO teacher_class
SELECT DISTINCT class_key, person_key FROM class_enrollment WHERE enrollment_role = 'teacher';

INSERT INTO stage_learning_year SELECT DISTINCT fiscal_year FROM dim_class WHERE fiscal_year IS NOT NULL;
DELETE FROM agg_unit_best WHERE fiscal_year IN (SELECT fiscal_year FROM stage_learning_year);
INSERT INTO agg_unit_best SELECT * FROM unit_best_by_school WHERE fiscal_year IN (SELECT fiscal_year FROM stage_learning_year);
DELETE FROM stage_learning_year;
