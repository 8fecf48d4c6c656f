-- Last batch wins per (feed, day, record): a corrected file replaces the same trip-stop visits. Where a GTFS-ride file
-- repeats a visit, one row is kept; IC-card rows of the same stop, route and time were summed by the importer's stage.
DELETE f FROM dbo.fact_boarding f
WHERE EXISTS (
    SELECT 1 FROM dbo.stage_fact_boarding s
    WHERE s.feed_key = f.feed_key AND s.date_key = f.date_key AND s.record_key = f.record_key);
WITH ranked AS (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY feed_key, date_key, record_key ORDER BY (SELECT NULL)) AS copy_number
    FROM dbo.stage_fact_boarding
)
INSERT INTO dbo.fact_boarding (feed_key, date_key, record_key, boarding_source, stop_key, route_key, trip_key, stop_sequence,
    minute_of_day, boardings, alightings, current_load, batch_id)
SELECT feed_key, date_key, record_key, boarding_source, stop_key, route_key, trip_key, stop_sequence,
    minute_of_day, boardings, alightings, current_load, batch_id
FROM ranked WHERE copy_number = 1;
DELETE FROM dbo.stage_fact_boarding;
