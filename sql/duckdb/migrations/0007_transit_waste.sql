-- Transit and waste: the GTFS / GTFS-JP network, boardings, demand-taxi trips, garbage-truck weighings and 粗大ごみ
-- requests, with their staging tables. (0006 belongs to another line of work.)
-- Every GTFS key is namespaced by its feed (feed_key = the agency_id of the feed's first agency, e.g. the 法人番号 a
-- GTFS-JP feed carries): stop_key = feed_key || ':' || stop_id, so two feeds may both have stop 1. A feed is a
-- snapshot: importing a feed again replaces every row of that feed_key.

-- Network (GTFS / GTFS-JP) ----------------------------------------------------------------------------------
CREATE TABLE dim_agency (
    agency_key      VARCHAR PRIMARY KEY,          -- feed_key:agency_id
    feed_key        VARCHAR NOT NULL,
    agency_id       VARCHAR NOT NULL,
    agency_name     VARCHAR NOT NULL,
    agency_url      VARCHAR,
    agency_timezone VARCHAR,
    agency_lang     VARCHAR,
    agency_phone    VARCHAR,
    official_name   VARCHAR,                      -- agency_jp.txt
    zip_number      VARCHAR,
    address         VARCHAR,
    batch_id        BIGINT NOT NULL
);

CREATE TABLE transit_office (
    office_key      VARCHAR PRIMARY KEY,          -- office_jp.txt: 営業所
    feed_key        VARCHAR NOT NULL,
    office_id       VARCHAR NOT NULL,
    office_name     VARCHAR NOT NULL,
    office_url      VARCHAR,
    office_phone    VARCHAR,
    batch_id        BIGINT NOT NULL
);

CREATE TABLE dim_stop (
    stop_key        VARCHAR PRIMARY KEY,
    feed_key        VARCHAR NOT NULL,
    stop_id         VARCHAR NOT NULL,
    stop_code       VARCHAR,
    stop_name       VARCHAR NOT NULL,
    stop_desc       VARCHAR,
    latitude        DOUBLE,
    longitude       DOUBLE,
    zone_id         VARCHAR,
    location_type   SMALLINT NOT NULL,            -- 0 stop, 1 station, 2 entrance …
    parent_station_key VARCHAR,
    platform_code   VARCHAR,
    batch_id        BIGINT NOT NULL
);

CREATE TABLE dim_route (
    route_key       VARCHAR PRIMARY KEY,
    feed_key        VARCHAR NOT NULL,
    route_id        VARCHAR NOT NULL,
    agency_key      VARCHAR,
    route_short_name VARCHAR,
    route_long_name VARCHAR,
    route_desc      VARCHAR,
    route_type      SMALLINT NOT NULL,            -- 3 = bus
    route_color     VARCHAR,
    route_text_color VARCHAR,
    jp_parent_route_id VARCHAR,
    origin_stop     VARCHAR,                      -- routes_jp.txt
    via_stop        VARCHAR,
    destination_stop VARCHAR,
    route_update_date DATE,
    batch_id        BIGINT NOT NULL
);

CREATE TABLE transit_calendar (
    service_key     VARCHAR PRIMARY KEY,
    feed_key        VARCHAR NOT NULL,
    service_id      VARCHAR NOT NULL,
    monday          BOOLEAN NOT NULL,
    tuesday         BOOLEAN NOT NULL,
    wednesday       BOOLEAN NOT NULL,
    thursday        BOOLEAN NOT NULL,
    friday          BOOLEAN NOT NULL,
    saturday        BOOLEAN NOT NULL,
    sunday          BOOLEAN NOT NULL,
    start_date      DATE NOT NULL,
    end_date        DATE NOT NULL,
    batch_id        BIGINT NOT NULL
);

CREATE TABLE transit_calendar_date (
    service_key     VARCHAR NOT NULL,
    service_date    DATE NOT NULL,
    exception_type  SMALLINT NOT NULL,            -- 1 added, 2 removed
    feed_key        VARCHAR NOT NULL,
    batch_id        BIGINT NOT NULL,
    PRIMARY KEY (service_key, service_date)
);

CREATE TABLE dim_trip (
    trip_key        VARCHAR PRIMARY KEY,
    feed_key        VARCHAR NOT NULL,
    trip_id         VARCHAR NOT NULL,
    route_key       VARCHAR NOT NULL,
    service_key     VARCHAR NOT NULL,
    trip_headsign   VARCHAR,
    trip_short_name VARCHAR,
    direction_id    SMALLINT,
    block_id        VARCHAR,
    shape_key       VARCHAR,
    office_key      VARCHAR,                      -- jp_office_id
    batch_id        BIGINT NOT NULL
);

CREATE TABLE transit_stop_time (
    trip_key        VARCHAR NOT NULL,
    stop_sequence   INTEGER NOT NULL,
    stop_key        VARCHAR NOT NULL,
    arrival_seconds INTEGER,                      -- seconds after the service day's noon minus 12 h; may pass 24:00:00
    departure_seconds INTEGER,
    stop_headsign   VARCHAR,
    pickup_type     SMALLINT,
    drop_off_type   SMALLINT,
    shape_dist_traveled DOUBLE,
    feed_key        VARCHAR NOT NULL,
    batch_id        BIGINT NOT NULL,
    PRIMARY KEY (trip_key, stop_sequence)
);

CREATE TABLE transit_shape_point (
    shape_key       VARCHAR NOT NULL,
    shape_pt_sequence INTEGER NOT NULL,
    latitude        DOUBLE NOT NULL,
    longitude       DOUBLE NOT NULL,
    shape_dist_traveled DOUBLE,
    feed_key        VARCHAR NOT NULL,
    batch_id        BIGINT NOT NULL,
    PRIMARY KEY (shape_key, shape_pt_sequence)
);

-- Transit facts ---------------------------------------------------------------------------------------------
-- Boardings from GTFS-ride board_alight.txt (per trip and stop visit) and IC-card CSV (per stop, route and time).
-- record_key is the row's natural key within its feed and day, so a corrected file replaces the same rows.
CREATE TABLE fact_boarding (
    feed_key        VARCHAR NOT NULL,
    date_key        INTEGER NOT NULL,
    record_key      VARCHAR NOT NULL,
    boarding_source VARCHAR NOT NULL,             -- gtfs-ride / ic-card
    stop_key        VARCHAR NOT NULL,
    route_key       VARCHAR,
    trip_key        VARCHAR,
    stop_sequence   INTEGER,
    minute_of_day   INTEGER,                      -- may pass 1440 for trips after midnight
    boardings       INTEGER,
    alightings      INTEGER,
    current_load    INTEGER,
    batch_id        BIGINT NOT NULL
);

CREATE TABLE fact_demand_taxi_trip (
    trip_key        VARCHAR PRIMARY KEY,          -- demand-taxi:予約番号
    date_key        INTEGER NOT NULL,
    minute_of_day   INTEGER,
    area_code       VARCHAR NOT NULL,             -- 地域 of the service
    origin_chome_code VARCHAR NOT NULL,
    destination_chome_code VARCHAR NOT NULL,
    passengers      SMALLINT NOT NULL,
    batch_id        BIGINT NOT NULL
);

-- Waste facts -----------------------------------------------------------------------------------------------
CREATE TABLE fact_waste_weighing (
    record_key      VARCHAR PRIMARY KEY,          -- date|truck|route|district|type|ticket
    date_key        INTEGER NOT NULL,
    truck_id        VARCHAR NOT NULL,
    collection_route VARCHAR NOT NULL,
    district_code   VARCHAR NOT NULL,             -- 中学校区
    waste_type      VARCHAR NOT NULL,             -- 可燃 / 不燃 / 資源 / 粗大
    weight_kg       DOUBLE NOT NULL,
    batch_id        BIGINT NOT NULL
);

CREATE TABLE fact_bulky_waste_request (
    request_key     VARCHAR PRIMARY KEY,          -- bulky:受付番号
    date_key        INTEGER NOT NULL,             -- 受付日
    collection_date_key INTEGER,                  -- 収集日
    chome_code      VARCHAR NOT NULL,
    district_code   VARCHAR NOT NULL,
    item_name       VARCHAR NOT NULL,
    quantity        SMALLINT NOT NULL,
    fee_yen         INTEGER NOT NULL,
    batch_id        BIGINT NOT NULL
);

-- Staging ----------------------------------------------------------------------------------------------------
CREATE TABLE stage_dim_agency AS SELECT * FROM dim_agency LIMIT 0;
CREATE TABLE stage_transit_office AS SELECT * FROM transit_office LIMIT 0;
CREATE TABLE stage_dim_stop AS SELECT * FROM dim_stop LIMIT 0;
CREATE TABLE stage_dim_route AS SELECT * FROM dim_route LIMIT 0;
CREATE TABLE stage_transit_calendar AS SELECT * FROM transit_calendar LIMIT 0;
CREATE TABLE stage_transit_calendar_date AS SELECT * FROM transit_calendar_date LIMIT 0;
CREATE TABLE stage_dim_trip AS SELECT * FROM dim_trip LIMIT 0;
CREATE TABLE stage_transit_stop_time AS SELECT * FROM transit_stop_time LIMIT 0;
CREATE TABLE stage_transit_shape_point AS SELECT * FROM transit_shape_point LIMIT 0;
CREATE TABLE stage_fact_boarding AS SELECT * FROM fact_boarding LIMIT 0;
CREATE TABLE stage_fact_demand_taxi_trip AS SELECT * FROM fact_demand_taxi_trip LIMIT 0;
CREATE TABLE stage_fact_waste_weighing AS SELECT * FROM fact_waste_weighing LIMIT 0;
CREATE TABLE stage_fact_bulky_waste_request AS SELECT * FROM fact_bulky_waste_request LIMIT 0;
