-- Rows of earlier batches for the same feed within the days a board_alight file covers: only then can it replace any.
SELECT CAST(COUNT(*) AS BIGINT) FROM fact_boarding
WHERE feed_key_id = (SELECT key_id FROM boarding_key WHERE key_text = $feed_key)
  AND date_key BETWEEN $first_date_key AND $last_date_key AND batch_id <> $batch_id;
