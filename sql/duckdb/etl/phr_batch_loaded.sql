SELECT CAST(COUNT(*) AS BIGINT) FROM fact_phr_reading WHERE batch_id = $batch_id;
