UPDATE dbo.etl_batch
SET batch_status = @batch_status, rows_read = @rows_read, rows_loaded = @rows_loaded, rows_rejected = @rows_rejected,
    finished_at = @finished_at, message = @message
WHERE batch_id = @batch_id;
