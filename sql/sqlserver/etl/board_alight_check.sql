-- Checks the staged board_alight records by the importer's rules, in its order: the first rule a record breaks is its
-- reject, numbered as in BoardAlightImporter.Rejects. 1 trip_id empty, 2 trip not in the loaded feed, 3 stop_id empty
-- or not in the loaded feed, 4 stop_sequence not an integer ≥ 0, 5 service_date not a past YYYYMMDD, 6–8 boardings,
-- alightings, current_load not an integer ≥ 0, 9 neither boardings nor alightings, 10 a repeated visit.
-- The staged values are CsvSource's, already trimmed. Integers as int.TryParse reads them: an optional sign and ASCII
-- digits (LIKE under BIN2, so that no other digits match [0-9]); GTFS times H:MM:SS up to 47:59:59, as minutes.
WITH parsed AS (
    SELECT r.record_number, r.trip_id, r.stop_id, r.boardings AS boardings_text, r.alightings AS alightings_text,
        r.current_load AS current_load_text,
        t.trip_id AS feed_trip_id, t.route_key, s.stop_id AS feed_stop_id,
        CASE WHEN r.stop_sequence NOT LIKE '%[^0-9]%' OR (r.stop_sequence LIKE '[-+]_%' AND SUBSTRING(r.stop_sequence, 2, 4000) NOT LIKE '%[^0-9]%')
            THEN TRY_CONVERT(INT, r.stop_sequence) END AS stop_sequence,
        CASE WHEN r.service_date LIKE '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' AND TRY_CONVERT(DATE, r.service_date, 112) IS NOT NULL
            THEN CONVERT(INT, r.service_date) END AS date_key,
        CASE WHEN r.boardings NOT LIKE '%[^0-9]%' OR (r.boardings LIKE '[-+]_%' AND SUBSTRING(r.boardings, 2, 4000) NOT LIKE '%[^0-9]%')
            THEN TRY_CONVERT(INT, r.boardings) END AS boardings,
        CASE WHEN r.alightings NOT LIKE '%[^0-9]%' OR (r.alightings LIKE '[-+]_%' AND SUBSTRING(r.alightings, 2, 4000) NOT LIKE '%[^0-9]%')
            THEN TRY_CONVERT(INT, r.alightings) END AS alightings,
        CASE WHEN r.current_load NOT LIKE '%[^0-9]%' OR (r.current_load LIKE '[-+]_%' AND SUBSTRING(r.current_load, 2, 4000) NOT LIKE '%[^0-9]%')
            THEN TRY_CONVERT(INT, r.current_load) END AS current_load,
        -- The pattern comes first, on its own: it guarantees the hours' part that LEFT cuts out is not empty.
        CASE WHEN visit.gtfs_time LIKE '_%:[0-5][0-9]:[0-5][0-9]' THEN
            CASE WHEN LEFT(visit.gtfs_time, LEN(visit.gtfs_time) - 6) NOT LIKE '%[^0-9]%' AND TRY_CONVERT(INT, LEFT(visit.gtfs_time, LEN(visit.gtfs_time) - 6)) <= 47
                THEN CONVERT(INT, LEFT(visit.gtfs_time, LEN(visit.gtfs_time) - 6)) * 60 + CONVERT(INT, SUBSTRING(visit.gtfs_time, LEN(visit.gtfs_time) - 4, 2)) END
        END AS minute_of_day
    FROM #board_alight_raw r
    CROSS APPLY (SELECT COALESCE(r.service_arrival_time, r.service_departure_time) AS gtfs_time) visit
    LEFT JOIN dbo.dim_trip t ON t.feed_key = @feed_key AND t.trip_id COLLATE Latin1_General_100_BIN2 = r.trip_id
    LEFT JOIN dbo.dim_stop s ON s.feed_key = @feed_key AND s.stop_id COLLATE Latin1_General_100_BIN2 = r.stop_id
)
INSERT INTO #board_alight_checked (record_number, trip_id, route_key, stop_id, stop_sequence, date_key, minute_of_day,
    boardings, alightings, current_load, broken_rule)
SELECT record_number, trip_id, route_key, stop_id, stop_sequence, date_key, minute_of_day, boardings, alightings, current_load,
    CASE
        WHEN trip_id IS NULL THEN 1
        WHEN @feed_loaded = 1 AND feed_trip_id IS NULL THEN 2
        WHEN stop_id IS NULL OR (@feed_loaded = 1 AND feed_stop_id IS NULL) THEN 3
        WHEN stop_sequence IS NULL OR stop_sequence < 0 THEN 4
        WHEN date_key IS NULL OR date_key > @today_key THEN 5
        WHEN boardings_text IS NOT NULL AND (boardings IS NULL OR boardings < 0) THEN 6
        WHEN alightings_text IS NOT NULL AND (alightings IS NULL OR alightings < 0) THEN 7
        WHEN current_load_text IS NOT NULL AND (current_load IS NULL OR current_load < 0) THEN 8
        WHEN boardings IS NULL AND alightings IS NULL THEN 9
    END
FROM parsed;

-- A visit (day, trip, stop sequence) the file repeats: the first accepted record in file order stays, the later ones
-- are rejected. Grouping finds the few repeated visits; only their records are looked at again.
INSERT INTO #board_alight_repeat (date_key, trip_id, stop_sequence, first_record)
SELECT date_key, trip_id, stop_sequence, MIN(record_number)
FROM #board_alight_checked
WHERE broken_rule IS NULL
GROUP BY date_key, trip_id, stop_sequence
HAVING COUNT(*) > 1;

UPDATE c SET broken_rule = 10
FROM #board_alight_checked c
JOIN #board_alight_repeat p
  ON p.date_key = c.date_key AND p.trip_id = c.trip_id AND p.stop_sequence = c.stop_sequence AND c.record_number > p.first_record
WHERE c.broken_rule IS NULL;
