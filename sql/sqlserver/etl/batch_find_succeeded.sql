SELECT TOP (1) batch_id FROM dbo.etl_batch
WHERE source_kind = @source_kind AND file_sha256 = @file_sha256 AND batch_status = 'succeeded'
ORDER BY batch_id;
