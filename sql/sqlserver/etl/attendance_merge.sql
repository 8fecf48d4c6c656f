-- Last batch wins per (pupil, day); one row kept where a file repeats a day.
DELETE f FROM dbo.fact_attendance f
WHERE EXISTS (SELECT 1 FROM dbo.stage_fact_attendance s WHERE s.pupil_key = f.pupil_key AND s.date_key = f.date_key);
WITH ranked AS (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY pupil_key, date_key ORDER BY (SELECT NULL)) AS copy_number
    FROM dbo.stage_fact_attendance
)
INSERT INTO dbo.fact_attendance (pupil_key, date_key, attendance_status, absence_reason, batch_id, pupil_no)
SELECT r.pupil_key, r.date_key, r.attendance_status, r.absence_reason, r.batch_id, n.pupil_no
FROM ranked r
LEFT JOIN dbo.pupil_number n ON n.pupil_key = r.pupil_key
WHERE r.copy_number = 1;
DELETE FROM dbo.stage_fact_attendance;
