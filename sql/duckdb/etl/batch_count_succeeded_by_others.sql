SELECT CAST(COUNT(*) AS BIGINT) FROM etl_batch WHERE batch_status = 'succeeded' AND started_by <> $started_by;
