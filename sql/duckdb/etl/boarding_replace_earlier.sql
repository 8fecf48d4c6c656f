-- Last batch wins per GTFS-ride visit (feed, day, trip, stop sequence): the visits this batch appended replace the
-- same visits of earlier batches.
DELETE FROM fact_boarding
WHERE feed_key_id = (SELECT key_id FROM boarding_key WHERE key_text = $feed_key)
  AND boarding_source_id = (SELECT key_id FROM boarding_key WHERE key_text = $boarding_source)
  AND date_key BETWEEN $first_date_key AND $last_date_key AND batch_id <> $batch_id
  AND EXISTS (
    SELECT 1 FROM fact_boarding s
    WHERE s.batch_id = $batch_id AND s.feed_key_id = fact_boarding.feed_key_id AND s.date_key = fact_boarding.date_key
      AND s.trip_key_id = fact_boarding.trip_key_id AND s.stop_sequence = fact_boarding.stop_sequence);
