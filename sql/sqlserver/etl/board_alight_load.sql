-- The accepted board_alight records into the fact, inside the batch's transaction (a refused batch rolls them back),
-- by the numbers etl/board_alight_keys gave their texts.
INSERT INTO dbo.fact_boarding (feed_key_id, date_key, boarding_source_id, stop_key_id, route_key_id, trip_key_id,
    stop_sequence, minute_of_day, boardings, alightings, current_load, batch_id)
SELECT feed.key_id, c.date_key, source.key_id, stop.key_id, route.key_id, trip.key_id, c.stop_sequence, c.minute_of_day,
    c.boardings, c.alightings, c.current_load, @batch_id
FROM #board_alight_checked c
JOIN dbo.boarding_key feed ON feed.key_text = @feed_key
JOIN dbo.boarding_key source ON source.key_text = @boarding_source
JOIN dbo.boarding_key trip ON trip.key_text = CONCAT(@feed_key, N':', c.trip_id) COLLATE Latin1_General_100_BIN2
JOIN dbo.boarding_key stop ON stop.key_text = CONCAT(@feed_key, N':', c.stop_id) COLLATE Latin1_General_100_BIN2
LEFT JOIN dbo.boarding_key route ON route.key_text = c.route_key COLLATE Latin1_General_100_BIN2
WHERE c.broken_rule IS NULL;
