-- Last batch wins per (feed, day, record): a corrected file replaces the same trip-stop visits. The importers stage each
-- record once (GTFS-ride rejects a repeated visit, IC-card counts of one slot are summed first), so this is a plain copy.
DELETE f FROM dbo.fact_boarding f
WHERE EXISTS (
    SELECT 1 FROM dbo.stage_fact_boarding s
    WHERE s.feed_key = f.feed_key AND s.date_key = f.date_key AND s.record_key = f.record_key);
INSERT INTO dbo.fact_boarding (feed_key, date_key, record_key, boarding_source, stop_key, route_key, trip_key, stop_sequence,
    minute_of_day, boardings, alightings, current_load, batch_id)
SELECT feed_key, date_key, record_key, boarding_source, stop_key, route_key, trip_key, stop_sequence,
    minute_of_day, boardings, alightings, current_load, batch_id
FROM dbo.stage_fact_boarding;
DELETE FROM dbo.stage_fact_boarding;
