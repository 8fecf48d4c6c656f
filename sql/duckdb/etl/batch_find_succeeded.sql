SELECT batch_id FROM etl_batch
WHERE source_kind = $source_kind AND file_sha256 = $file_sha256 AND batch_status = 'succeeded'
ORDER BY batch_id
LIMIT 1;
