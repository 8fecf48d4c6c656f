-- The accepted board_alight records into the fact, inside the batch's transaction (a refused batch rolls them back).
-- Keys as the GTFS importer writes them: <feed key>:<id>; record_key trip_id|stop_sequence.
INSERT INTO dbo.fact_boarding (feed_key, date_key, record_key, boarding_source, stop_key, route_key, trip_key, stop_sequence,
    minute_of_day, boardings, alightings, current_load, batch_id)
SELECT @feed_key, date_key, CONCAT(trip_id, N'|', stop_sequence), @boarding_source, CONCAT(@feed_key, N':', stop_id), route_key,
    CONCAT(@feed_key, N':', trip_id), stop_sequence, minute_of_day, boardings, alightings, current_load, @batch_id
FROM #board_alight_checked
WHERE broken_rule IS NULL;
