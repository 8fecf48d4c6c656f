-- Numbers, in boarding_key, the texts the accepted board_alight records name that have no number yet: the feed, the
-- source, and the feed's stops, routes and trips as the GTFS importer keys them (<feed key>:<id>).
INSERT INTO dbo.boarding_key (key_text)
SELECT key_text FROM (
    SELECT @feed_key COLLATE Latin1_General_100_BIN2 AS key_text
    UNION SELECT @boarding_source COLLATE Latin1_General_100_BIN2
    UNION SELECT CONCAT(@feed_key, N':', trip_id) COLLATE Latin1_General_100_BIN2 FROM #board_alight_checked WHERE broken_rule IS NULL
    UNION SELECT route_key COLLATE Latin1_General_100_BIN2 FROM #board_alight_checked WHERE broken_rule IS NULL AND route_key IS NOT NULL
    UNION SELECT CONCAT(@feed_key, N':', stop_id) COLLATE Latin1_General_100_BIN2 FROM #board_alight_checked WHERE broken_rule IS NULL
) named
WHERE NOT EXISTS (SELECT 1 FROM dbo.boarding_key k WHERE k.key_text = named.key_text)
ORDER BY key_text;
