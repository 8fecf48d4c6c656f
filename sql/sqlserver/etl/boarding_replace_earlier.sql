-- Last batch wins per (feed, day, record): the visits this batch appended replace the same visits of earlier batches.
DELETE f FROM dbo.fact_boarding f
WHERE f.feed_key = @feed_key AND f.date_key BETWEEN @first_date_key AND @last_date_key AND f.batch_id <> @batch_id
  AND EXISTS (
    SELECT 1 FROM dbo.fact_boarding s
    WHERE s.batch_id = @batch_id AND s.feed_key = f.feed_key AND s.date_key = f.date_key AND s.record_key = f.record_key);
