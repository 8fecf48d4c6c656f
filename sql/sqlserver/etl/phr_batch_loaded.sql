SELECT CAST(COUNT_BIG(*) AS BIGINT) FROM dbo.fact_phr_reading WHERE batch_id = @batch_id;
