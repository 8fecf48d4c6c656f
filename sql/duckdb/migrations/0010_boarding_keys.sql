-- fact_boarding names its feed, source, stop, route and trip by number instead of by text. DuckDB writes a VARCHAR
-- column of a city's 2 M stop visits at several times the cost of an INTEGER one, even a constant, and a
-- board_alight.txt must load within 2× of DuckDB's own reader (DESIGN.md §7, ADR 0003). The view boarding gives the
-- texts back, in the shape fact_boarding had. stage_fact_boarding keeps that shape: the IC-card importer stages its
-- rows by text, and boarding_merge numbers them.

-- Every text a boarding names (a feed key, a boarding source, a feed_key:id stop, route or trip key), numbered once
-- and never renumbered: the key of a feed imported again keeps its number.
CREATE SEQUENCE boarding_key_id_seq START 1;

CREATE TABLE boarding_key (
    key_id          INTEGER PRIMARY KEY DEFAULT nextval('boarding_key_id_seq'),
    key_text        VARCHAR NOT NULL UNIQUE
);

CREATE TEMP TABLE boarding_0007 AS SELECT * FROM fact_boarding;

INSERT INTO boarding_key (key_text)
SELECT key_text FROM (
    SELECT feed_key AS key_text FROM boarding_0007
    UNION SELECT boarding_source FROM boarding_0007
    UNION SELECT stop_key FROM boarding_0007
    UNION SELECT route_key FROM boarding_0007
    UNION SELECT trip_key FROM boarding_0007
) named
WHERE key_text IS NOT NULL
ORDER BY key_text;

DROP TABLE fact_boarding;

-- A visit, which a corrected file replaces, is (feed, day, source, trip, stop_sequence) for GTFS-ride and (feed, day,
-- source, minute, stop, route, trip) for IC-card: what record_key held before.
CREATE TABLE fact_boarding (
    feed_key_id     INTEGER NOT NULL,             -- boarding_key
    date_key        INTEGER NOT NULL,
    boarding_source_id INTEGER NOT NULL,          -- boarding_key: gtfs-ride / ic-card
    stop_key_id     INTEGER NOT NULL,             -- boarding_key
    route_key_id    INTEGER,                      -- boarding_key
    trip_key_id     INTEGER,                      -- boarding_key
    stop_sequence   INTEGER,
    minute_of_day   INTEGER,                      -- may pass 1440 for trips after midnight
    boardings       INTEGER,
    alightings      INTEGER,
    current_load    INTEGER,
    batch_id        BIGINT NOT NULL
);

INSERT INTO fact_boarding
SELECT feed.key_id, b.date_key, source.key_id, stop.key_id, route.key_id, trip.key_id, b.stop_sequence, b.minute_of_day,
    b.boardings, b.alightings, b.current_load, b.batch_id
FROM boarding_0007 b
JOIN boarding_key feed ON feed.key_text = b.feed_key
JOIN boarding_key source ON source.key_text = b.boarding_source
JOIN boarding_key stop ON stop.key_text = b.stop_key
LEFT JOIN boarding_key route ON route.key_text = b.route_key
LEFT JOIN boarding_key trip ON trip.key_text = b.trip_key;

DROP TABLE boarding_0007;

CREATE VIEW boarding AS
SELECT feed.key_text AS feed_key, f.date_key, source.key_text AS boarding_source, stop.key_text AS stop_key,
    route.key_text AS route_key, trip.key_text AS trip_key, f.stop_sequence, f.minute_of_day, f.boardings, f.alightings,
    f.current_load, f.batch_id
FROM fact_boarding f
JOIN boarding_key feed ON feed.key_id = f.feed_key_id
JOIN boarding_key source ON source.key_id = f.boarding_source_id
JOIN boarding_key stop ON stop.key_id = f.stop_key_id
LEFT JOIN boarding_key route ON route.key_id = f.route_key_id
LEFT JOIN boarding_key trip ON trip.key_id = f.trip_key_id;
