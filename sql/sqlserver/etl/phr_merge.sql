-- Last batch wins per (resident, measure, moment): a device that sends the same reading again, or a corrected export,
-- replaces it; a file that repeats a reading keeps one row.
DELETE f FROM dbo.fact_phr_reading f
WHERE EXISTS (SELECT 1 FROM dbo.stage_fact_phr_reading s
              WHERE s.resident_key = f.resident_key AND s.code = f.code AND s.measured_at = f.measured_at);
WITH ranked AS (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY resident_key, code, measured_at ORDER BY (SELECT NULL)) AS copy_number
    FROM dbo.stage_fact_phr_reading
)
INSERT INTO dbo.fact_phr_reading (resident_key, date_key, measured_at, code, reading_value, unit, batch_id)
SELECT resident_key, date_key, measured_at, code, reading_value, unit, batch_id FROM ranked WHERE copy_number = 1;
DELETE FROM dbo.stage_fact_phr_reading;
