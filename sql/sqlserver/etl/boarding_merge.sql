-- The staged IC-card boardings into the fact, their texts numbered in boarding_key. Last batch wins per visit (feed,
-- day, source, time, stop, route, trip): a corrected file replaces the same slots. ic_card_merge has summed each
-- slot's rows already, so this is a plain copy.
INSERT INTO dbo.boarding_key (key_text)
SELECT key_text FROM (
    SELECT feed_key COLLATE Latin1_General_100_BIN2 AS key_text FROM dbo.stage_fact_boarding
    UNION SELECT boarding_source COLLATE Latin1_General_100_BIN2 FROM dbo.stage_fact_boarding
    UNION SELECT stop_key COLLATE Latin1_General_100_BIN2 FROM dbo.stage_fact_boarding
    UNION SELECT route_key COLLATE Latin1_General_100_BIN2 FROM dbo.stage_fact_boarding
    UNION SELECT trip_key COLLATE Latin1_General_100_BIN2 FROM dbo.stage_fact_boarding
) named
WHERE key_text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dbo.boarding_key k WHERE k.key_text = named.key_text)
ORDER BY key_text;

SELECT feed.key_id AS feed_key_id, s.date_key, source.key_id AS boarding_source_id, stop.key_id AS stop_key_id,
    route.key_id AS route_key_id, trip.key_id AS trip_key_id, s.stop_sequence, s.minute_of_day, s.boardings,
    s.alightings, s.current_load, s.batch_id
INTO #boarding_staged
FROM dbo.stage_fact_boarding s
JOIN dbo.boarding_key feed ON feed.key_text = s.feed_key COLLATE Latin1_General_100_BIN2
JOIN dbo.boarding_key source ON source.key_text = s.boarding_source COLLATE Latin1_General_100_BIN2
JOIN dbo.boarding_key stop ON stop.key_text = s.stop_key COLLATE Latin1_General_100_BIN2
LEFT JOIN dbo.boarding_key route ON route.key_text = s.route_key COLLATE Latin1_General_100_BIN2
LEFT JOIN dbo.boarding_key trip ON trip.key_text = s.trip_key COLLATE Latin1_General_100_BIN2;

DELETE f FROM dbo.fact_boarding f
WHERE EXISTS (
    SELECT 1 FROM #boarding_staged s
    WHERE s.feed_key_id = f.feed_key_id AND s.date_key = f.date_key AND s.boarding_source_id = f.boarding_source_id
      AND s.stop_key_id = f.stop_key_id
      AND (s.minute_of_day = f.minute_of_day OR (s.minute_of_day IS NULL AND f.minute_of_day IS NULL))
      AND (s.route_key_id = f.route_key_id OR (s.route_key_id IS NULL AND f.route_key_id IS NULL))
      AND (s.trip_key_id = f.trip_key_id OR (s.trip_key_id IS NULL AND f.trip_key_id IS NULL)));
INSERT INTO dbo.fact_boarding (feed_key_id, date_key, boarding_source_id, stop_key_id, route_key_id, trip_key_id,
    stop_sequence, minute_of_day, boardings, alightings, current_load, batch_id)
SELECT feed_key_id, date_key, boarding_source_id, stop_key_id, route_key_id, trip_key_id, stop_sequence, minute_of_day,
    boardings, alightings, current_load, batch_id
FROM #boarding_staged;
DROP TABLE #boarding_staged;
DELETE FROM dbo.stage_fact_boarding;
