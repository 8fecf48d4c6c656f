-- Finishes the check etl/board_alight_stage began on the records of a board_alight.txt with rule 10, a repeated visit
-- (numbered as in BoardAlightImporter.Rejects), and keeps the trips and stops the records name by their codes.
CREATE OR REPLACE TEMP TABLE board_alight_trip AS
SELECT CAST(enum_code(CAST(ids.trip_id AS board_alight_trip_id)) AS INTEGER) AS trip_code, ids.trip_id, t.route_key
FROM (SELECT unnest(enum_range(NULL::board_alight_trip_id)) AS trip_id) ids
LEFT JOIN dim_trip t ON t.feed_key = $feed_key AND t.trip_id = ids.trip_id AND $feed_loaded;

CREATE OR REPLACE TEMP TABLE board_alight_stop AS
SELECT CAST(enum_code(CAST(stop_id AS board_alight_stop_id)) AS INTEGER) AS stop_code, stop_id
FROM (SELECT unnest(enum_range(NULL::board_alight_stop_id)) AS stop_id);

-- A visit (day, trip, stop sequence) the file repeats: the first accepted record in file order stays, the later ones
-- are rejected. Each day's trip counts its accepted records per 64 stop sequences and sets a bit for each sequence:
-- only where the count passes the bits is a visit repeated, and only those records are looked at again. (Integers
-- only, so this costs a fraction of grouping by each visit.)
CREATE OR REPLACE TEMP TABLE board_alight_repeat AS
WITH suspect AS (
    SELECT date_key, trip_code, stop_sequence // 64 AS block
    FROM board_alight_checked
    WHERE broken_rule IS NULL
    GROUP BY ALL
    HAVING count(*) > bit_count(bit_or(CAST(1 AS UBIGINT) << CAST(stop_sequence % 64 AS UBIGINT)))
)
SELECT c.rowid AS row_id
FROM board_alight_checked c
JOIN suspect s ON s.date_key = c.date_key AND s.trip_code = c.trip_code AND s.block = c.stop_sequence // 64
WHERE c.broken_rule IS NULL
QUALIFY c.rowid > min(c.rowid) OVER (PARTITION BY c.date_key, c.trip_code, c.stop_sequence);

UPDATE board_alight_checked SET broken_rule = 10 WHERE rowid IN (SELECT row_id FROM board_alight_repeat);
