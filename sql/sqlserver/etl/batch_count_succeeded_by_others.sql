SELECT CAST(COUNT(*) AS BIGINT) FROM dbo.etl_batch WHERE batch_status = 'succeeded' AND started_by <> @started_by;
