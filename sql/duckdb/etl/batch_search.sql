-- The データ page's import history: newest first; each filter is optional (NULL matches everything).
SELECT batch_id AS BatchId, source_kind AS SourceKind, file_name AS FileName, batch_status AS Status,
       rows_read AS RowsRead, rows_loaded AS RowsLoaded, rows_rejected AS RowsRejected,
       started_at AS StartedAt, finished_at AS FinishedAt, started_by AS StartedBy, message AS Message
FROM etl_batch
WHERE ($source_kind IS NULL OR source_kind = $source_kind)
  AND ($batch_status IS NULL OR batch_status = $batch_status)
  AND ($from_time IS NULL OR started_at >= $from_time)
  AND ($to_time IS NULL OR started_at < $to_time)
ORDER BY batch_id DESC
LIMIT $max_rows;
