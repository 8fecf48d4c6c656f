-- Checks the staged board_alight records by the importer's rules, in its order: the first rule a record breaks is its
-- reject, numbered as in BoardAlightImporter.Rejects. 1 trip_id empty, 2 trip not in the loaded feed, 3 stop_id empty
-- or not in the loaded feed, 4 stop_sequence not an integer ≥ 0, 5 service_date not a past YYYYMMDD, 6–8 boardings,
-- alightings, current_load not an integer ≥ 0, 9 neither boardings nor alightings, 10 a repeated visit.
-- Each distinct text of a column is trimmed the way CsvSource trims (.NET white space: [\t-\r\x{85}\p{Z}]) and parsed
-- once, in a small table; the records are only joined to those. Integers as int.TryParse reads them: an optional sign
-- and ASCII digits.
CREATE OR REPLACE TEMP TABLE board_alight_trip AS
WITH texts AS (SELECT DISTINCT trip_id AS text FROM board_alight_raw WHERE trip_id IS NOT NULL),
ids AS (SELECT text, NULLIF(regexp_replace(text, '^[\t-\r\x{85}\p{Z}]+|[\t-\r\x{85}\p{Z}]+$', '', 'g'), '') AS trip_id FROM texts)
SELECT ids.text, ids.trip_id, t.trip_id IS NOT NULL AS in_feed, t.route_key,
    dense_rank() OVER (ORDER BY ids.trip_id) AS trip_number
FROM ids
LEFT JOIN dim_trip t ON t.feed_key = $feed_key AND t.trip_id = ids.trip_id;

CREATE OR REPLACE TEMP TABLE board_alight_stop AS
WITH texts AS (SELECT DISTINCT stop_id AS text FROM board_alight_raw WHERE stop_id IS NOT NULL),
ids AS (SELECT text, NULLIF(regexp_replace(text, '^[\t-\r\x{85}\p{Z}]+|[\t-\r\x{85}\p{Z}]+$', '', 'g'), '') AS stop_id FROM texts)
SELECT ids.text, ids.stop_id, s.stop_id IS NOT NULL AS in_feed
FROM ids
LEFT JOIN dim_stop s ON s.feed_key = $feed_key AND s.stop_id = ids.stop_id;

CREATE OR REPLACE TEMP TABLE board_alight_number AS
WITH texts AS (
    SELECT stop_sequence AS text FROM board_alight_raw
    UNION SELECT boardings FROM board_alight_raw
    UNION SELECT alightings FROM board_alight_raw
    UNION SELECT current_load FROM board_alight_raw
),
trimmed AS (
    SELECT text, NULLIF(regexp_replace(text, '^[\t-\r\x{85}\p{Z}]+|[\t-\r\x{85}\p{Z}]+$', '', 'g'), '') AS number
    FROM texts WHERE text IS NOT NULL
)
SELECT text, number IS NULL AS blank,
    CASE WHEN regexp_full_match(number, '[+-]?[0-9]+') THEN TRY_CAST(number AS INTEGER) END AS value
FROM trimmed;

CREATE OR REPLACE TEMP TABLE board_alight_day AS
WITH texts AS (SELECT DISTINCT service_date AS text FROM board_alight_raw WHERE service_date IS NOT NULL),
trimmed AS (SELECT text, regexp_replace(text, '^[\t-\r\x{85}\p{Z}]+|[\t-\r\x{85}\p{Z}]+$', '', 'g') AS day FROM texts)
SELECT text,
    CASE WHEN regexp_full_match(day, '[0-9]{8}') AND day >= '00010101' AND try_strptime(day, '%Y%m%d') IS NOT NULL
        THEN CAST(day AS INTEGER) END AS date_key
FROM trimmed;

-- GTFS times H:MM:SS up to 47:59:59, as minutes after the service day's start; service_arrival_time when it has a
-- value, else service_departure_time.
CREATE OR REPLACE TEMP TABLE board_alight_time AS
WITH texts AS (
    SELECT service_arrival_time AS text FROM board_alight_raw
    UNION SELECT service_departure_time FROM board_alight_raw
),
trimmed AS (
    SELECT text, NULLIF(regexp_replace(text, '^[\t-\r\x{85}\p{Z}]+|[\t-\r\x{85}\p{Z}]+$', '', 'g'), '') AS time
    FROM texts WHERE text IS NOT NULL
)
SELECT text, time IS NULL AS blank,
    CASE WHEN regexp_full_match(time, '[0-9]+:[0-5][0-9]:[0-5][0-9]') AND TRY_CAST(split_part(time, ':', 1) AS INTEGER) <= 47
        THEN CAST(split_part(time, ':', 1) AS INTEGER) * 60 + CAST(split_part(time, ':', 2) AS INTEGER) END AS minute_of_day
FROM trimmed;

CREATE OR REPLACE TEMP TABLE board_alight_checked AS
WITH looked_up AS (
    SELECT r.rowid + 1 AS record_number,
        trip.trip_id, trip.in_feed AS trip_in_feed, trip.route_key, trip.trip_number,
        stop.stop_id, stop.in_feed AS stop_in_feed,
        sequence.value AS stop_sequence, day.date_key,
        boardings.value AS boardings, alightings.value AS alightings, current_load.value AS current_load,
        boardings.text IS NOT NULL AND NOT boardings.blank AND COALESCE(boardings.value < 0, true) AS boardings_bad,
        alightings.text IS NOT NULL AND NOT alightings.blank AND COALESCE(alightings.value < 0, true) AS alightings_bad,
        current_load.text IS NOT NULL AND NOT current_load.blank AND COALESCE(current_load.value < 0, true) AS current_load_bad,
        CASE WHEN arrival.text IS NULL OR arrival.blank THEN departure.minute_of_day ELSE arrival.minute_of_day END AS minute_of_day
    FROM board_alight_raw r
    LEFT JOIN board_alight_trip trip ON trip.text = r.trip_id
    LEFT JOIN board_alight_stop stop ON stop.text = r.stop_id
    LEFT JOIN board_alight_number sequence ON sequence.text = r.stop_sequence
    LEFT JOIN board_alight_day day ON day.text = r.service_date
    LEFT JOIN board_alight_number boardings ON boardings.text = r.boardings
    LEFT JOIN board_alight_number alightings ON alightings.text = r.alightings
    LEFT JOIN board_alight_number current_load ON current_load.text = r.current_load
    LEFT JOIN board_alight_time arrival ON arrival.text = r.service_arrival_time
    LEFT JOIN board_alight_time departure ON departure.text = r.service_departure_time
)
SELECT record_number, trip_id, route_key, trip_number, stop_id, stop_sequence, date_key, minute_of_day,
    boardings, alightings, current_load,
    CASE
        WHEN trip_id IS NULL THEN 1
        WHEN $feed_loaded AND NOT trip_in_feed THEN 2
        WHEN stop_id IS NULL OR ($feed_loaded AND NOT stop_in_feed) THEN 3
        WHEN stop_sequence IS NULL OR stop_sequence < 0 THEN 4
        WHEN date_key IS NULL OR date_key > $today_key THEN 5
        WHEN boardings_bad THEN 6
        WHEN alightings_bad THEN 7
        WHEN current_load_bad THEN 8
        WHEN boardings IS NULL AND alightings IS NULL THEN 9
    END AS broken_rule
FROM looked_up;

-- A visit (day, trip, stop sequence) the file repeats: the first accepted record in file order stays, the later ones
-- are rejected. Grouping finds the few repeated visits; only their records are looked at again.
CREATE OR REPLACE TEMP TABLE board_alight_repeat AS
SELECT date_key, trip_number, stop_sequence, min(record_number) AS first_record
FROM board_alight_checked
WHERE broken_rule IS NULL
GROUP BY date_key, trip_number, stop_sequence
HAVING count(*) > 1;

UPDATE board_alight_checked SET broken_rule = 10
FROM board_alight_repeat p
WHERE board_alight_checked.broken_rule IS NULL
  AND board_alight_checked.date_key = p.date_key AND board_alight_checked.trip_number = p.trip_number
  AND board_alight_checked.stop_sequence = p.stop_sequence AND board_alight_checked.record_number > p.first_record;
