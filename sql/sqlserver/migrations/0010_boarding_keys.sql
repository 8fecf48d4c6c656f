-- fact_boarding names its feed, source, stop, route and trip by number instead of by text. DuckDB writes a VARCHAR
-- column of a city's 2 M stop visits at several times the cost of an INTEGER one, even a constant, and a
-- board_alight.txt must load within 2× of DuckDB's own reader (DESIGN.md §7, ADR 0003); both dialects keep one shape.
-- The view boarding gives the texts back, in the shape fact_boarding had. stage_fact_boarding keeps that shape: the
-- IC-card importer stages its rows by text, and boarding_merge numbers them.

-- Every text a boarding names (a feed key, a boarding source, a feed_key:id stop, route or trip key), numbered once
-- and never renumbered: the key of a feed imported again keeps its number. Compared byte for byte, as DuckDB does.
CREATE TABLE dbo.boarding_key (
    key_id          INT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    key_text        NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT uq_boarding_key_text UNIQUE (key_text)
);

SELECT * INTO #boarding_0007 FROM dbo.fact_boarding;

INSERT INTO dbo.boarding_key (key_text)
SELECT key_text FROM (
    SELECT feed_key COLLATE Latin1_General_100_BIN2 AS key_text FROM #boarding_0007
    UNION SELECT boarding_source COLLATE Latin1_General_100_BIN2 FROM #boarding_0007
    UNION SELECT stop_key COLLATE Latin1_General_100_BIN2 FROM #boarding_0007
    UNION SELECT route_key COLLATE Latin1_General_100_BIN2 FROM #boarding_0007
    UNION SELECT trip_key COLLATE Latin1_General_100_BIN2 FROM #boarding_0007
) named
WHERE key_text IS NOT NULL
ORDER BY key_text;

DROP TABLE dbo.fact_boarding;
GO

-- A visit, which a corrected file replaces, is (feed, day, source, trip, stop_sequence) for GTFS-ride and (feed, day,
-- source, minute, stop, route, trip) for IC-card: what record_key held before.
CREATE TABLE dbo.fact_boarding (
    feed_key_id     INT NOT NULL,  -- boarding_key
    date_key        INT NOT NULL,
    boarding_source_id INT NOT NULL,  -- boarding_key: gtfs-ride / ic-card
    stop_key_id     INT NOT NULL,  -- boarding_key
    route_key_id    INT NULL,  -- boarding_key
    trip_key_id     INT NULL,  -- boarding_key
    stop_sequence   INT NULL,
    minute_of_day   INT NULL,  -- may pass 1440 for trips after midnight
    boardings       INT NULL,
    alightings      INT NULL,
    current_load    INT NULL,
    batch_id        BIGINT NOT NULL
);
CREATE CLUSTERED COLUMNSTORE INDEX cci_fact_boarding ON dbo.fact_boarding;
GO

INSERT INTO dbo.fact_boarding (feed_key_id, date_key, boarding_source_id, stop_key_id, route_key_id, trip_key_id,
    stop_sequence, minute_of_day, boardings, alightings, current_load, batch_id)
SELECT feed.key_id, b.date_key, source.key_id, stop.key_id, route.key_id, trip.key_id, b.stop_sequence, b.minute_of_day,
    b.boardings, b.alightings, b.current_load, b.batch_id
FROM #boarding_0007 b
JOIN dbo.boarding_key feed ON feed.key_text = b.feed_key COLLATE Latin1_General_100_BIN2
JOIN dbo.boarding_key source ON source.key_text = b.boarding_source COLLATE Latin1_General_100_BIN2
JOIN dbo.boarding_key stop ON stop.key_text = b.stop_key COLLATE Latin1_General_100_BIN2
LEFT JOIN dbo.boarding_key route ON route.key_text = b.route_key COLLATE Latin1_General_100_BIN2
LEFT JOIN dbo.boarding_key trip ON trip.key_text = b.trip_key COLLATE Latin1_General_100_BIN2;

DROP TABLE #boarding_0007;
GO

CREATE VIEW dbo.boarding AS
SELECT feed.key_text AS feed_key, f.date_key, source.key_text AS boarding_source, stop.key_text AS stop_key,
    route.key_text AS route_key, trip.key_text AS trip_key, f.stop_sequence, f.minute_of_day, f.boardings, f.alightings,
    f.current_load, f.batch_id
FROM dbo.fact_boarding f
JOIN dbo.boarding_key feed ON feed.key_id = f.feed_key_id
JOIN dbo.boarding_key source ON source.key_id = f.boarding_source_id
JOIN dbo.boarding_key stop ON stop.key_id = f.stop_key_id
LEFT JOIN dbo.boarding_key route ON route.key_id = f.route_key_id
LEFT JOIN dbo.boarding_key trip ON trip.key_id = f.trip_key_id;
GO
