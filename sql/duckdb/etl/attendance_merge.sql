-- Last batch wins per (pupil, day); one row kept where a file repeats a day.
DELETE FROM fact_attendance
WHERE EXISTS (SELECT 1 FROM stage_fact_attendance s WHERE s.pupil_key = fact_attendance.pupil_key AND s.date_key = fact_attendance.date_key);
INSERT INTO fact_attendance (pupil_key, date_key, attendance_status, absence_reason, batch_id, pupil_no)
SELECT s.pupil_key, s.date_key, s.attendance_status, s.absence_reason, s.batch_id, n.pupil_no
FROM stage_fact_attendance s
LEFT JOIN pupil_number n ON n.pupil_key = s.pupil_key
QUALIFY row_number() OVER (PARTITION BY s.pupil_key, s.date_key) = 1;
DELETE FROM stage_fact_attendance;
