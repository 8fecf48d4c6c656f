-- Last batch wins per (pupil, day); one row kept where a file repeats a day.
DELETE FROM fact_attendance
WHERE EXISTS (SELECT 1 FROM stage_fact_attendance s WHERE s.pupil_key = fact_attendance.pupil_key AND s.date_key = fact_attendance.date_key);
INSERT INTO fact_attendance
SELECT * FROM stage_fact_attendance
QUALIFY row_number() OVER (PARTITION BY pupil_key, date_key) = 1;
DELETE FROM stage_fact_attendance;
