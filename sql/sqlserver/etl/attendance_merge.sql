-- Last batch wins per (pupil, day); one row kept where a file repeats a day.
DELETE f FROM dbo.fact_attendance f
WHERE EXISTS (SELECT 1 FROM dbo.stage_fact_attendance s WHERE s.pupil_key = f.pupil_key AND s.date_key = f.date_key);
WITH ranked AS (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY pupil_key, date_key ORDER BY (SELECT NULL)) AS copy_number
    FROM dbo.stage_fact_attendance
)
INSERT INTO dbo.fact_attendance (pupil_key, date_key, attendance_status, absence_reason, batch_id)
SELECT pupil_key, date_key, attendance_status, absence_reason, batch_id FROM ranked WHERE copy_number = 1;
DELETE FROM dbo.stage_fact_attendance;
