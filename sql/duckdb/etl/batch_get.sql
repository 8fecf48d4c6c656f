SELECT batch_id AS BatchId, source_kind AS SourceKind, file_name AS FileName, batch_status AS Status,
       rows_read AS RowsRead, rows_loaded AS RowsLoaded, rows_rejected AS RowsRejected,
       started_at AS StartedAt, finished_at AS FinishedAt, started_by AS StartedBy, message AS Message
FROM etl_batch
WHERE batch_id = $batch_id;
