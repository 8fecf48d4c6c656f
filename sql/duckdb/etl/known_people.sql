SELECT pupil_key AS person_key FROM dim_pupil UNION ALL SELECT teacher_key FROM dim_teacher;
