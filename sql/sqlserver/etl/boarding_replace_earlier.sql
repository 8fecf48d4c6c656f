-- Last batch wins per GTFS-ride visit (feed, day, trip, stop sequence): the visits this batch appended replace the
-- same visits of earlier batches.
DELETE f FROM dbo.fact_boarding f
WHERE f.feed_key_id = (SELECT key_id FROM dbo.boarding_key WHERE key_text = @feed_key)
  AND f.boarding_source_id = (SELECT key_id FROM dbo.boarding_key WHERE key_text = @boarding_source)
  AND f.date_key BETWEEN @first_date_key AND @last_date_key AND f.batch_id <> @batch_id
  AND EXISTS (
    SELECT 1 FROM dbo.fact_boarding s
    WHERE s.batch_id = @batch_id AND s.feed_key_id = f.feed_key_id AND s.date_key = f.date_key
      AND s.trip_key_id = f.trip_key_id AND s.stop_sequence = f.stop_sequence);
