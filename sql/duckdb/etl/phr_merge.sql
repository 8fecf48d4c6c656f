-- Last batch wins per (resident, measure, moment): a device that sends the same reading again, or a corrected export,
-- replaces it; a file that repeats a reading keeps one row.
DELETE FROM fact_phr_reading
WHERE EXISTS (SELECT 1 FROM stage_fact_phr_reading s
              WHERE s.resident_key = fact_phr_reading.resident_key AND s.code = fact_phr_reading.code AND s.measured_at = fact_phr_reading.measured_at);
INSERT INTO fact_phr_reading
SELECT * FROM stage_fact_phr_reading
QUALIFY row_number() OVER (PARTITION BY resident_key, code, measured_at) = 1;
DELETE FROM stage_fact_phr_reading;
