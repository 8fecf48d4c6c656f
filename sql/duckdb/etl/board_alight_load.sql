-- The accepted board_alight records into the fact, inside the batch's transaction (a refused batch rolls them back),
-- by the numbers etl/board_alight_keys gave their texts.
INSERT INTO fact_boarding (feed_key_id, date_key, boarding_source_id, stop_key_id, route_key_id, trip_key_id, stop_sequence,
    minute_of_day, boardings, alightings, current_load, batch_id)
SELECT (SELECT key_id FROM boarding_key WHERE key_text = $feed_key), c.date_key,
    (SELECT key_id FROM boarding_key WHERE key_text = $boarding_source), stop.key_id, route.key_id, trip.key_id,
    c.stop_sequence, c.minute_of_day, c.boardings, c.alightings, c.current_load, $batch_id
FROM board_alight_checked c
JOIN boarding_key trip ON trip.key_text = $feed_key || ':' || c.trip_id
JOIN boarding_key stop ON stop.key_text = $feed_key || ':' || c.stop_id
LEFT JOIN boarding_key route ON route.key_text = c.route_key
WHERE c.broken_rule IS NULL;
