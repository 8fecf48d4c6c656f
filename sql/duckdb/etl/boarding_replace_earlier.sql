-- Last batch wins per (feed, day, record): the visits this batch appended replace the same visits of earlier batches.
DELETE FROM fact_boarding
WHERE feed_key = $feed_key AND date_key BETWEEN $first_date_key AND $last_date_key AND batch_id <> $batch_id
  AND EXISTS (
    SELECT 1 FROM fact_boarding s
    WHERE s.batch_id = $batch_id AND s.feed_key = fact_boarding.feed_key AND s.date_key = fact_boarding.date_key
      AND s.record_key = fact_boarding.record_key);
