-- A board_alight.txt read by DuckDB's own reader and checked as it is read, into board_alight_checked: one row per
-- record in file order, so rowid + 1 is the record number. CREATE TABLE … AS keeps the order of a single scan only
-- through projections and filters (DuckDB's "order preservation"): nothing here is joined, and each trip and stop id is
-- looked up by a cast to an ENUM of the feed's ids instead. {columns} is filled in by CsvStaging from
-- BoardAlightImporter's fixed column list, never from the file: a column the header lacks is NULL. The reader is told
-- the format rather than left to guess it (a guessed comment character or skipped first lines would lose records);
-- $parallel is false for a file with a line break inside quotes, which the parallel reader cannot combine with
-- NULL-padding short records. Returns the number of records.
--
-- Values are read as CsvSource reads them: trimmed of .NET white space ([\t-\r\x{85}\p{Z}]), integers as int.TryParse
-- (an optional sign and ASCII digits), days as YYYYMMDD, GTFS times H:MM:SS up to 47:59:59 as minutes after the service
-- day's start. Most fields need none of that: a text that DuckDB's cast reads back unchanged ('7', not ' 7', '+7', '7.0'
-- or '7e0', which the cast also takes) is already what int.TryParse would read, and only the rest go through the
-- regular expressions, which would cost more than the reading if every field took them. The table holds numbers only,
-- which DuckDB writes at a fraction of the cost of text.
CREATE OR REPLACE TEMP MACRO board_alight_file(path, in_parallel) AS TABLE
    SELECT {columns}
    FROM read_csv(path, header = true, delim = ',', quote = '"', escape = '"', comment = '', skip = 0,
        all_varchar = true, null_padding = true, parallel = in_parallel);

CREATE OR REPLACE TEMP MACRO board_alight_trim(t) AS
    NULLIF(regexp_replace(t, '^[\t-\r\x{85}\p{Z}]+|[\t-\r\x{85}\p{Z}]+$', '', 'g'), '');
-- An id needs trimming only if it could: one that starts and ends with a printable ASCII character does not.
CREATE OR REPLACE TEMP MACRO board_alight_id(t) AS
    CASE WHEN regexp_full_match(t, '(?s)[!-~](.*[!-~])?') THEN t ELSE board_alight_trim(t) END;
CREATE OR REPLACE TEMP MACRO board_alight_int(t) AS
    CASE WHEN regexp_full_match(t, '[+-]?[0-9]+') THEN TRY_CAST(t AS INTEGER) END;
-- A count (boardings, alightings, current_load) is broken when it has a value that is not an integer ≥ 0.
CREATE OR REPLACE TEMP MACRO board_alight_count_broken(t) AS
    board_alight_trim(t) IS NOT NULL AND COALESCE(board_alight_int(board_alight_trim(t)) < 0, true);
CREATE OR REPLACE TEMP MACRO board_alight_day(t) AS
    CASE WHEN regexp_full_match(t, '[0-9]{8}') AND t >= '00010101' AND try_strptime(t, '%Y%m%d') IS NOT NULL THEN CAST(t AS INTEGER) END;
CREATE OR REPLACE TEMP MACRO board_alight_minute(t) AS
    CASE WHEN regexp_full_match(t, '[0-9]+:[0-5][0-9]:[0-5][0-9]') AND TRY_CAST(split_part(t, ':', 1) AS INTEGER) <= 47
        THEN CAST(split_part(t, ':', 1) AS INTEGER) * 60 + CAST(split_part(t, ':', 2) AS INTEGER) END;

-- The ids a record may name: the loaded feed's, or for a feed not loaded yet (which is not checked) the file's own,
-- each distinct text trimmed once. Only then is the file read an extra time.
CREATE OR REPLACE TEMP TABLE board_alight_file_id AS
SELECT DISTINCT trip_id, stop_id FROM board_alight_file($path, $parallel) WHERE NOT $feed_loaded;
CREATE OR REPLACE TEMP TYPE board_alight_trip_id AS ENUM (
    SELECT trip_id FROM dim_trip WHERE feed_key = $feed_key AND $feed_loaded
    UNION
    SELECT id FROM (SELECT board_alight_trim(trip_id) AS id FROM (SELECT DISTINCT trip_id FROM board_alight_file_id)) WHERE id IS NOT NULL
    ORDER BY 1);
CREATE OR REPLACE TEMP TYPE board_alight_stop_id AS ENUM (
    SELECT stop_id FROM dim_stop WHERE feed_key = $feed_key AND $feed_loaded
    UNION
    SELECT id FROM (SELECT board_alight_trim(stop_id) AS id FROM (SELECT DISTINCT stop_id FROM board_alight_file_id)) WHERE id IS NOT NULL
    ORDER BY 1);

CREATE OR REPLACE TEMP TABLE board_alight_checked AS
WITH casts AS (
    SELECT *,
        CAST(enum_code(TRY_CAST(trip_id AS board_alight_trip_id)) AS INTEGER) AS trip_exact,
        CAST(enum_code(TRY_CAST(stop_id AS board_alight_stop_id)) AS INTEGER) AS stop_exact,
        TRY_CAST(stop_sequence AS INTEGER) AS sequence_cast, TRY_CAST(service_date AS INTEGER) AS day_cast,
        TRY_CAST(boardings AS INTEGER) AS boardings_cast, TRY_CAST(alightings AS INTEGER) AS alightings_cast,
        TRY_CAST(current_load AS INTEGER) AS current_load_cast,
        service_arrival_time GLOB '[0-4][0-9]:[0-5][0-9]:[0-5][0-9]' AS arrival_plain
    FROM board_alight_file($path, $parallel)
),
plain AS (
    SELECT *,
        -- An id that is not exactly one of the feed's may be padded (a few records, if any).
        CASE WHEN trip_exact IS NULL THEN board_alight_id(trip_id) END AS trip_trimmed,
        CASE WHEN stop_exact IS NULL THEN board_alight_id(stop_id) END AS stop_trimmed,
        CAST(sequence_cast AS VARCHAR) = stop_sequence AS sequence_plain,
        CAST(day_cast AS VARCHAR) = service_date AND day_cast BETWEEN 10000101 AND 99991231 AS day_plain,
        boardings IS NULL OR CAST(boardings_cast AS VARCHAR) = boardings AS boardings_plain,
        alightings IS NULL OR CAST(alightings_cast AS VARCHAR) = alightings AS alightings_plain,
        current_load IS NULL OR CAST(current_load_cast AS VARCHAR) = current_load AS current_load_plain
    FROM casts
),
parsed AS (
    SELECT
        CASE WHEN trip_exact IS NOT NULL THEN trip_exact
            ELSE CAST(enum_code(TRY_CAST(trip_trimmed AS board_alight_trip_id)) AS INTEGER) END AS trip_code,
        CASE WHEN stop_exact IS NOT NULL THEN stop_exact
            ELSE CAST(enum_code(TRY_CAST(stop_trimmed AS board_alight_stop_id)) AS INTEGER) END AS stop_code,
        trip_exact IS NULL AND trip_trimmed IS NULL AS trip_blank,
        CASE WHEN sequence_plain THEN sequence_cast ELSE board_alight_int(board_alight_trim(stop_sequence)) END AS stop_sequence,
        CASE
            WHEN day_plain AND day_cast % 100 BETWEEN 1 AND 28 AND day_cast // 100 % 100 BETWEEN 1 AND 12 THEN day_cast
            WHEN day_plain THEN CASE WHEN try_strptime(service_date, '%Y%m%d') IS NOT NULL THEN day_cast END
            ELSE board_alight_day(board_alight_trim(service_date))
        END AS date_key,
        CASE WHEN boardings_plain THEN boardings_cast ELSE board_alight_int(board_alight_trim(boardings)) END AS boardings,
        CASE WHEN alightings_plain THEN alightings_cast ELSE board_alight_int(board_alight_trim(alightings)) END AS alightings,
        CASE WHEN current_load_plain THEN current_load_cast ELSE board_alight_int(board_alight_trim(current_load)) END AS current_load,
        CASE WHEN boardings_plain THEN boardings_cast < 0 ELSE board_alight_count_broken(boardings) END AS boardings_broken,
        CASE WHEN alightings_plain THEN alightings_cast < 0 ELSE board_alight_count_broken(alightings) END AS alightings_broken,
        CASE WHEN current_load_plain THEN current_load_cast < 0 ELSE board_alight_count_broken(current_load) END AS current_load_broken,
        -- service_arrival_time when it has a value, else service_departure_time.
        CASE
            WHEN arrival_plain THEN CASE WHEN service_arrival_time < '48' THEN CAST(epoch(CAST(service_arrival_time AS INTERVAL)) AS INTEGER) // 60 END
            WHEN board_alight_trim(service_arrival_time) IS NULL THEN board_alight_minute(board_alight_trim(service_departure_time))
            ELSE board_alight_minute(board_alight_trim(service_arrival_time))
        END AS minute_of_day
    FROM plain
)
-- The rules a record can break on its own, numbered as in BoardAlightImporter.Rejects; the first one it breaks is its
-- reject. A non-blank id without a code is one the loaded feed lacks (a feed not loaded has them all).
-- etl/board_alight_check adds 10, a repeated visit.
SELECT trip_code, stop_code, stop_sequence, date_key, minute_of_day, boardings, alightings, current_load,
    CASE
        WHEN trip_blank THEN 1
        WHEN trip_code IS NULL THEN 2
        WHEN stop_code IS NULL THEN 3
        WHEN stop_sequence IS NULL OR stop_sequence < 0 THEN 4
        WHEN date_key IS NULL OR date_key > $today_key THEN 5
        WHEN boardings_broken THEN 6
        WHEN alightings_broken THEN 7
        WHEN current_load_broken THEN 8
        WHEN boardings IS NULL AND alightings IS NULL THEN 9
    END AS broken_rule
FROM parsed;

SELECT count(*) FROM board_alight_checked;
