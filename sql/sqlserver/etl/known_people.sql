SELECT pupil_key AS person_key FROM dbo.dim_pupil UNION ALL SELECT teacher_key FROM dbo.dim_teacher;
