-- A roster batch: staged rows replace the rows with the same keys (last batch wins); delta tobedeleted rows go.
DELETE t FROM dbo.academic_session t WHERE EXISTS (SELECT 1 FROM dbo.stage_academic_session s WHERE s.session_key = t.session_key);
WITH ranked AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY session_key ORDER BY (SELECT NULL)) AS copy_number FROM dbo.stage_academic_session)
INSERT INTO dbo.academic_session SELECT session_key, title, session_type, start_date, end_date, parent_key, school_year, batch_id FROM ranked WHERE copy_number = 1;
DELETE t FROM dbo.dim_school t WHERE EXISTS (SELECT 1 FROM dbo.stage_dim_school s WHERE s.school_key = t.school_key);
WITH ranked AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY school_key ORDER BY (SELECT NULL)) AS copy_number FROM dbo.stage_dim_school)
INSERT INTO dbo.dim_school SELECT school_key, school_code, school_name, school_kind, district_code, chome_code, batch_id FROM ranked WHERE copy_number = 1;
DELETE t FROM dbo.dim_class t WHERE EXISTS (SELECT 1 FROM dbo.stage_dim_class s WHERE s.class_key = t.class_key);
WITH ranked AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY class_key ORDER BY (SELECT NULL)) AS copy_number FROM dbo.stage_dim_class)
INSERT INTO dbo.dim_class SELECT class_key, school_key, fiscal_year, class_title, class_code, class_type, grades, subject, course_title, is_special_needs, batch_id FROM ranked WHERE copy_number = 1;
DELETE t FROM dbo.dim_pupil t WHERE EXISTS (SELECT 1 FROM dbo.stage_dim_pupil s WHERE s.pupil_key = t.pupil_key);
WITH ranked AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY pupil_key ORDER BY (SELECT NULL)) AS copy_number FROM dbo.stage_dim_pupil)
INSERT INTO dbo.dim_pupil SELECT pupil_key, school_key, grade, sex, birth_year, chome_code, is_active, batch_id FROM ranked WHERE copy_number = 1;
DELETE t FROM dbo.pupil_identity t WHERE EXISTS (SELECT 1 FROM dbo.stage_pupil_identity s WHERE s.pupil_key = t.pupil_key);
WITH ranked AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY pupil_key ORDER BY (SELECT NULL)) AS copy_number FROM dbo.stage_pupil_identity)
INSERT INTO dbo.pupil_identity SELECT pupil_key, source_id, user_master_identifier, username, email, family_name, given_name, kana_family_name, kana_given_name, batch_id FROM ranked WHERE copy_number = 1;
DELETE t FROM dbo.dim_teacher t WHERE EXISTS (SELECT 1 FROM dbo.stage_dim_teacher s WHERE s.teacher_key = t.teacher_key);
WITH ranked AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY teacher_key ORDER BY (SELECT NULL)) AS copy_number FROM dbo.stage_dim_teacher)
INSERT INTO dbo.dim_teacher SELECT teacher_key, school_key, is_active, batch_id FROM ranked WHERE copy_number = 1;
DELETE t FROM dbo.teacher_identity t WHERE EXISTS (SELECT 1 FROM dbo.stage_teacher_identity s WHERE s.teacher_key = t.teacher_key);
WITH ranked AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY teacher_key ORDER BY (SELECT NULL)) AS copy_number FROM dbo.stage_teacher_identity)
INSERT INTO dbo.teacher_identity SELECT teacher_key, source_id, username, email, family_name, given_name, kana_family_name, kana_given_name, batch_id FROM ranked WHERE copy_number = 1;
DELETE t FROM dbo.class_enrollment t WHERE EXISTS (SELECT 1 FROM dbo.stage_class_enrollment s WHERE s.class_key = t.class_key AND s.person_key = t.person_key AND s.enrollment_role = t.enrollment_role);
WITH ranked AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY class_key, person_key, enrollment_role ORDER BY (SELECT NULL)) AS copy_number FROM dbo.stage_class_enrollment)
INSERT INTO dbo.class_enrollment SELECT class_key, person_key, enrollment_role, is_primary, shusseki_no, begin_date, end_date, batch_id FROM ranked WHERE copy_number = 1;

DELETE FROM dbo.academic_session WHERE session_key IN (SELECT key_value FROM dbo.stage_deleted_key WHERE table_name = 'academic_session');
DELETE FROM dbo.dim_school WHERE school_key IN (SELECT key_value FROM dbo.stage_deleted_key WHERE table_name = 'dim_school');
DELETE FROM dbo.dim_class WHERE class_key IN (SELECT key_value FROM dbo.stage_deleted_key WHERE table_name = 'dim_class');
DELETE FROM dbo.pupil_identity WHERE pupil_key IN (SELECT key_value FROM dbo.stage_deleted_key WHERE table_name = 'person');
DELETE FROM dbo.dim_pupil WHERE pupil_key IN (SELECT key_value FROM dbo.stage_deleted_key WHERE table_name = 'person');
DELETE FROM dbo.teacher_identity WHERE teacher_key IN (SELECT key_value FROM dbo.stage_deleted_key WHERE table_name = 'person');
DELETE FROM dbo.dim_teacher WHERE teacher_key IN (SELECT key_value FROM dbo.stage_deleted_key WHERE table_name = 'person');
DELETE FROM dbo.class_enrollment
WHERE CONCAT(class_key, '|', person_key, '|', enrollment_role) IN (SELECT key_value FROM dbo.stage_deleted_key WHERE table_name = 'class_enrollment');

-- The read models that follow the roster: numbers for new pupils and classes (never changed once given), the pupils'
-- enrollments by class number, the teachers' classes, and the school figures of every 年度 it holds.
-- (The importer then refreshes user_class_scope.)
INSERT INTO dbo.pupil_number (pupil_key, pupil_no)
SELECT pupil_key, CAST((SELECT COALESCE(MAX(pupil_no), 0) FROM dbo.pupil_number)
                       + ROW_NUMBER() OVER (ORDER BY CASE WHEN school_key IS NULL THEN 1 ELSE 0 END, school_key,
                                                     CASE WHEN grade IS NULL THEN 1 ELSE 0 END, grade, pupil_key) AS INT)
FROM (
    SELECT pupil_key, school_key, grade FROM dbo.dim_pupil
    UNION ALL
    SELECT DISTINCT person_key, NULL, NULL FROM dbo.class_enrollment
    WHERE enrollment_role = N'student' AND person_key NOT IN (SELECT pupil_key FROM dbo.dim_pupil)) p
WHERE pupil_key NOT IN (SELECT pupil_key FROM dbo.pupil_number);

INSERT INTO dbo.class_number (class_key, class_no)
SELECT class_key, CAST((SELECT COALESCE(MAX(class_no), 0) FROM dbo.class_number)
                       + ROW_NUMBER() OVER (ORDER BY CASE WHEN fiscal_year IS NULL THEN 1 ELSE 0 END, fiscal_year,
                                                     CASE WHEN school_key IS NULL THEN 1 ELSE 0 END, school_key, class_key) AS INT)
FROM (
    SELECT class_key, fiscal_year, school_key FROM dbo.dim_class
    UNION ALL
    SELECT DISTINCT class_key, NULL, NULL FROM dbo.class_enrollment WHERE class_key NOT IN (SELECT class_key FROM dbo.dim_class)) c
WHERE class_key NOT IN (SELECT class_key FROM dbo.class_number);

DELETE FROM dbo.class_student;
INSERT INTO dbo.class_student (class_no, class_key, pupil_no, pupil_key, shusseki_no, begin_date, end_date)
SELECT class_no, class_key, pupil_no, pupil_key, shusseki_no, begin_date, end_date FROM dbo.class_student_rule;

DELETE FROM dbo.teacher_class;
INSERT INTO dbo.teacher_class (class_key, teacher_key)
SELECT DISTINCT class_key, person_key FROM dbo.class_enrollment WHERE enrollment_role = N'teacher';

INSERT INTO dbo.stage_learning_year (fiscal_year) SELECT DISTINCT fiscal_year FROM dbo.dim_class WHERE fiscal_year IS NOT NULL;
DELETE FROM dbo.agg_unit_best WHERE fiscal_year IN (SELECT fiscal_year FROM dbo.stage_learning_year);
INSERT INTO dbo.agg_unit_best (fiscal_year, school_term, unit_key, school_key, pupils, best_sum)
SELECT fiscal_year, school_term, unit_key, school_key, pupils, best_sum FROM dbo.unit_best_by_school
WHERE fiscal_year IN (SELECT fiscal_year FROM dbo.stage_learning_year);
DELETE FROM dbo.stage_learning_year;
