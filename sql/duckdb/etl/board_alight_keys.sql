-- Numbers, in boarding_key, the texts a board_alight file's records may name that have no number yet: the feed, the
-- source, and the trips, routes and stops etl/board_alight_check keeps by code (the loaded feed's, or the file's own
-- for a feed not loaded), keyed as the GTFS importer keys them (<feed key>:<id>).
INSERT INTO boarding_key (key_text)
SELECT key_text FROM (
    SELECT $feed_key AS key_text
    UNION SELECT $boarding_source
    UNION SELECT $feed_key || ':' || trip_id FROM board_alight_trip
    UNION SELECT route_key FROM board_alight_trip WHERE route_key IS NOT NULL
    UNION SELECT $feed_key || ':' || stop_id FROM board_alight_stop
) named
WHERE NOT EXISTS (SELECT 1 FROM boarding_key k WHERE k.key_text = named.key_text)
ORDER BY key_text;
