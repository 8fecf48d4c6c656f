-- SQL Server has no reader of the workbench's files (DuckDB's twin reads the file with read_csv): CsvStaging streams
-- CsvSource's records into #board_alight_raw through SqlBulkCopy, numbered in file order, each value trimmed and an
-- empty one NULL. The check's tables are made here too. This batch runs without parameters, so its #tables last as long
-- as the connection: one made inside a parameterised call (sp_executesql) would end with that call.
-- Text compares byte for byte (BIN2), as the importer compared ids.
DROP TABLE IF EXISTS #board_alight_raw;
DROP TABLE IF EXISTS #board_alight_checked;
DROP TABLE IF EXISTS #board_alight_repeat;

CREATE TABLE #board_alight_raw (
    record_number           BIGINT NOT NULL PRIMARY KEY,
    trip_id                 NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL,
    stop_id                 NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL,
    stop_sequence           NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL,
    service_date            NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL,
    boardings               NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL,
    alightings              NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL,
    current_load            NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL,
    service_arrival_time    NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL,
    service_departure_time  NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL
);

CREATE TABLE #board_alight_checked (
    record_number   BIGINT NOT NULL PRIMARY KEY,
    trip_id         NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL,
    route_key       NVARCHAR(400) NULL,
    stop_id         NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NULL,
    stop_sequence   INT NULL,
    date_key        INT NULL,
    minute_of_day   INT NULL,
    boardings       INT NULL,
    alightings      INT NULL,
    current_load    INT NULL,
    broken_rule     INT NULL
);

CREATE TABLE #board_alight_repeat (
    date_key        INT NOT NULL,
    trip_id         NVARCHAR(4000) COLLATE Latin1_General_100_BIN2 NOT NULL,
    stop_sequence   INT NOT NULL,
    first_record    BIGINT NOT NULL
);
