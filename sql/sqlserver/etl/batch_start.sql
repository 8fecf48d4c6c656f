INSERT INTO dbo.etl_batch (source_kind, file_name, file_sha256, batch_status, rows_read, rows_loaded, rows_rejected, started_at, started_by)
OUTPUT INSERTED.batch_id
VALUES (@source_kind, @file_name, @file_sha256, 'running', 0, 0, 0, @started_at, @started_by);
