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

-- The read models that follow the roster: numbers for new pupils and classes (never changed once given), the pupils'
-- enrollments by class number, the teachers' classes, and the school figures of every 年度 it holds.
-- (The importer then refreshes user_class_scope.)
INSERT INTO pupil_number
SELECT pupil_key, CAST((SELECT coalesce(max(pupil_no), 0) FROM pupil_number)
                       + row_number() OVER (ORDER BY school_key NULLS LAST, grade NULLS LAST, pupil_key) AS INTEGER)
FROM (
    SELECT pupil_key, school_key, grade FROM dim_pupil
    UNION ALL
    SELECT DISTINCT person_key, NULL, NULL FROM class_enrollment
    WHERE enrollment_role = 'student' AND person_key NOT IN (SELECT pupil_key FROM dim_pupil))
WHERE pupil_key NOT IN (SELECT pupil_key FROM pupil_number);

INSERT INTO class_number
SELECT class_key, CAST((SELECT coalesce(max(class_no), 0) FROM class_number)
                       + row_number() OVER (ORDER BY fiscal_year NULLS LAST, school_key NULLS LAST, class_key) AS INTEGER)
FROM (
    SELECT class_key, fiscal_year, school_key FROM dim_class
    UNION ALL
    SELECT DISTINCT class_key, NULL, NULL FROM class_enrollment WHERE class_key NOT IN (SELECT class_key FROM dim_class))
WHERE class_key NOT IN (SELECT class_key FROM class_number);

DELETE FROM class_student;
INSERT INTO class_student SELECT * FROM class_student_rule ORDER BY class_no, shusseki_no, pupil_no;

DELETE FROM teacher_class;
INSERT INTO teacher_class
SELECT DISTINCT class_key, person_key FROM class_enrollment WHERE enrollment_role = 'teacher';

INSERT INTO stage_learning_year SELECT DISTINCT fiscal_year FROM dim_class WHERE fiscal_year IS NOT NULL;
DELETE FROM agg_unit_best WHERE fiscal_year IN (SELECT fiscal_year FROM stage_learning_year);
INSERT INTO agg_unit_best SELECT * FROM unit_best_by_school WHERE fiscal_year IN (SELECT fiscal_year FROM stage_learning_year);
DELETE FROM stage_learning_year;
