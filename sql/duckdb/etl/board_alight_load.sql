-- The accepted board_alight records into the fact, inside the batch's transaction (a refused batch rolls them back).
-- Reads only tables made before the transaction began, which DuckDB scans on every core, and joins their small
-- integer codes to the numbers etl/board_alight_keys gave.
INSERT INTO fact_boarding (feed_key_id, date_key, boarding_source_id, stop_key_id, route_key_id, trip_key_id, stop_sequence,
    minute_of_day, boardings, alightings, current_load, batch_id)
WITH trip AS (
    SELECT t.trip_code, trip.key_id AS trip_key_id, route.key_id AS route_key_id
    FROM board_alight_trip t
    JOIN boarding_key trip ON trip.key_text = $feed_key || ':' || t.trip_id
    LEFT JOIN boarding_key route ON route.key_text = t.route_key
),
stop AS (
    SELECT s.stop_code, stop.key_id AS stop_key_id
    FROM board_alight_stop s
    JOIN boarding_key stop ON stop.key_text = $feed_key || ':' || s.stop_id
)
SELECT (SELECT key_id FROM boarding_key WHERE key_text = $feed_key), c.date_key,
    (SELECT key_id FROM boarding_key WHERE key_text = $boarding_source), stop.stop_key_id, trip.route_key_id,
    trip.trip_key_id, c.stop_sequence, c.minute_of_day, c.boardings, c.alightings, c.current_load, $batch_id
FROM board_alight_checked c
JOIN trip ON trip.trip_code = c.trip_code
JOIN stop ON stop.stop_code = c.stop_code
WHERE c.broken_rule IS NULL;
