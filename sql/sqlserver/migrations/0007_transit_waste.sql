-- Transit and waste: the GTFS / GTFS-JP network, boardings, demand-taxi trips, garbage-truck weighings and 粗大ごみ
-- requests, with their staging tables. (0006 belongs to another line of work.)
-- Every GTFS key is namespaced by its feed (feed_key = the agency_id of the feed's first agency, e.g. the 法人番号 a
-- GTFS-JP feed carries): stop_key = feed_key || ':' || stop_id, so two feeds may both have stop 1. A feed is a
-- snapshot: importing a feed again replaces every row of that feed_key. Facts get clustered columnstore indexes.

-- Network (GTFS / GTFS-JP) ----------------------------------------------------------------------------------
CREATE TABLE dbo.dim_agency (
    agency_key      NVARCHAR(400) NOT NULL PRIMARY KEY,  -- feed_key:agency_id
    feed_key        NVARCHAR(400) NOT NULL,
    agency_id       NVARCHAR(400) NOT NULL,
    agency_name     NVARCHAR(400) NOT NULL,
    agency_url      NVARCHAR(1000) NULL,
    agency_timezone NVARCHAR(400) NULL,
    agency_lang     NVARCHAR(400) NULL,
    agency_phone    NVARCHAR(400) NULL,
    official_name   NVARCHAR(400) NULL,  -- agency_jp.txt
    zip_number      NVARCHAR(400) NULL,
    address         NVARCHAR(1000) NULL,
    batch_id        BIGINT NOT NULL
);

CREATE TABLE dbo.transit_office (
    office_key      NVARCHAR(400) NOT NULL PRIMARY KEY,  -- office_jp.txt: 営業所
    feed_key        NVARCHAR(400) NOT NULL,
    office_id       NVARCHAR(400) NOT NULL,
    office_name     NVARCHAR(400) NOT NULL,
    office_url      NVARCHAR(1000) NULL,
    office_phone    NVARCHAR(400) NULL,
    batch_id        BIGINT NOT NULL
);

CREATE TABLE dbo.dim_stop (
    stop_key        NVARCHAR(400) NOT NULL PRIMARY KEY,
    feed_key        NVARCHAR(400) NOT NULL,
    stop_id         NVARCHAR(400) NOT NULL,
    stop_code       NVARCHAR(400) NULL,
    stop_name       NVARCHAR(400) NOT NULL,
    stop_desc       NVARCHAR(1000) NULL,
    latitude        FLOAT NULL,
    longitude       FLOAT NULL,
    zone_id         NVARCHAR(400) NULL,
    location_type   SMALLINT NOT NULL,  -- 0 stop, 1 station, 2 entrance …
    parent_station_key NVARCHAR(400) NULL,
    platform_code   NVARCHAR(400) NULL,
    batch_id        BIGINT NOT NULL
);

CREATE TABLE dbo.dim_route (
    route_key       NVARCHAR(400) NOT NULL PRIMARY KEY,
    feed_key        NVARCHAR(400) NOT NULL,
    route_id        NVARCHAR(400) NOT NULL,
    agency_key      NVARCHAR(400) NULL,
    route_short_name NVARCHAR(400) NULL,
    route_long_name NVARCHAR(400) NULL,
    route_desc      NVARCHAR(1000) NULL,
    route_type      SMALLINT NOT NULL,  -- 3 = bus
    route_color     NVARCHAR(400) NULL,
    route_text_color NVARCHAR(400) NULL,
    jp_parent_route_id NVARCHAR(400) NULL,
    origin_stop     NVARCHAR(400) NULL,  -- routes_jp.txt
    via_stop        NVARCHAR(400) NULL,
    destination_stop NVARCHAR(400) NULL,
    route_update_date DATE NULL,
    batch_id        BIGINT NOT NULL
);

CREATE TABLE dbo.transit_calendar (
    service_key     NVARCHAR(400) NOT NULL PRIMARY KEY,
    feed_key        NVARCHAR(400) NOT NULL,
    service_id      NVARCHAR(400) NOT NULL,
    monday          BIT NOT NULL,
    tuesday         BIT NOT NULL,
    wednesday       BIT NOT NULL,
    thursday        BIT NOT NULL,
    friday          BIT NOT NULL,
    saturday        BIT NOT NULL,
    sunday          BIT NOT NULL,
    start_date      DATE NOT NULL,
    end_date        DATE NOT NULL,
    batch_id        BIGINT NOT NULL
);

CREATE TABLE dbo.transit_calendar_date (
    service_key     NVARCHAR(400) NOT NULL,
    service_date    DATE NOT NULL,
    exception_type  SMALLINT NOT NULL,  -- 1 added, 2 removed
    feed_key        NVARCHAR(400) NOT NULL,
    batch_id        BIGINT NOT NULL,
    CONSTRAINT pk_transit_calendar_date PRIMARY KEY (service_key, service_date)
);

CREATE TABLE dbo.dim_trip (
    trip_key        NVARCHAR(400) NOT NULL PRIMARY KEY,
    feed_key        NVARCHAR(400) NOT NULL,
    trip_id         NVARCHAR(400) NOT NULL,
    route_key       NVARCHAR(400) NOT NULL,
    service_key     NVARCHAR(400) NOT NULL,
    trip_headsign   NVARCHAR(400) NULL,
    trip_short_name NVARCHAR(400) NULL,
    direction_id    SMALLINT NULL,
    block_id        NVARCHAR(400) NULL,
    shape_key       NVARCHAR(400) NULL,
    office_key      NVARCHAR(400) NULL,  -- jp_office_id
    batch_id        BIGINT NOT NULL
);

CREATE TABLE dbo.transit_stop_time (
    trip_key        NVARCHAR(400) NOT NULL,
    stop_sequence   INT NOT NULL,
    stop_key        NVARCHAR(400) NOT NULL,
    arrival_seconds INT NULL,  -- seconds after the service day's noon minus 12 h; may pass 24:00:00
    departure_seconds INT NULL,
    stop_headsign   NVARCHAR(400) NULL,
    pickup_type     SMALLINT NULL,
    drop_off_type   SMALLINT NULL,
    shape_dist_traveled FLOAT NULL,
    feed_key        NVARCHAR(400) NOT NULL,
    batch_id        BIGINT NOT NULL,
    CONSTRAINT pk_transit_stop_time PRIMARY KEY (trip_key, stop_sequence)
);

CREATE TABLE dbo.transit_shape_point (
    shape_key       NVARCHAR(400) NOT NULL,
    shape_pt_sequence INT NOT NULL,
    latitude        FLOAT NOT NULL,
    longitude       FLOAT NOT NULL,
    shape_dist_traveled FLOAT NULL,
    feed_key        NVARCHAR(400) NOT NULL,
    batch_id        BIGINT NOT NULL,
    CONSTRAINT pk_transit_shape_point PRIMARY KEY (shape_key, shape_pt_sequence)
);

-- Transit facts ---------------------------------------------------------------------------------------------
-- Boardings from GTFS-ride board_alight.txt (per trip and stop visit) and IC-card CSV (per stop, route and time).
-- record_key is the row's natural key within its feed and day, so a corrected file replaces the same rows.
CREATE TABLE dbo.fact_boarding (
    feed_key        NVARCHAR(400) NOT NULL,
    date_key        INT NOT NULL,
    record_key      NVARCHAR(400) NOT NULL,
    boarding_source NVARCHAR(400) NOT NULL,  -- gtfs-ride / ic-card
    stop_key        NVARCHAR(400) NOT NULL,
    route_key       NVARCHAR(400) NULL,
    trip_key        NVARCHAR(400) NULL,
    stop_sequence   INT NULL,
    minute_of_day   INT NULL,  -- may pass 1440 for trips after midnight
    boardings       INT NULL,
    alightings      INT NULL,
    current_load    INT NULL,
    batch_id        BIGINT NOT NULL
);
CREATE CLUSTERED COLUMNSTORE INDEX cci_fact_boarding ON dbo.fact_boarding;

CREATE TABLE dbo.fact_demand_taxi_trip (
    trip_key        NVARCHAR(400) NOT NULL,  -- demand-taxi:予約番号
    date_key        INT NOT NULL,
    minute_of_day   INT NULL,
    area_code       NVARCHAR(400) NOT NULL,  -- 地域 of the service
    origin_chome_code NVARCHAR(400) NOT NULL,
    destination_chome_code NVARCHAR(400) NOT NULL,
    passengers      SMALLINT NOT NULL,
    batch_id        BIGINT NOT NULL,
    CONSTRAINT pk_fact_demand_taxi_trip PRIMARY KEY NONCLUSTERED (trip_key)
);
CREATE CLUSTERED COLUMNSTORE INDEX cci_fact_demand_taxi_trip ON dbo.fact_demand_taxi_trip;

-- Waste facts -----------------------------------------------------------------------------------------------
CREATE TABLE dbo.fact_waste_weighing (
    record_key      NVARCHAR(400) NOT NULL,  -- date|truck|route|district|type|ticket
    date_key        INT NOT NULL,
    truck_id        NVARCHAR(400) NOT NULL,
    collection_route NVARCHAR(400) NOT NULL,
    district_code   NVARCHAR(400) NOT NULL,  -- 中学校区
    waste_type      NVARCHAR(400) NOT NULL,  -- 可燃 / 不燃 / 資源 / 粗大
    weight_kg       FLOAT NOT NULL,
    batch_id        BIGINT NOT NULL,
    CONSTRAINT pk_fact_waste_weighing PRIMARY KEY NONCLUSTERED (record_key)
);
CREATE CLUSTERED COLUMNSTORE INDEX cci_fact_waste_weighing ON dbo.fact_waste_weighing;

CREATE TABLE dbo.fact_bulky_waste_request (
    request_key     NVARCHAR(400) NOT NULL,  -- bulky:受付番号
    date_key        INT NOT NULL,  -- 受付日
    collection_date_key INT NULL,  -- 収集日
    chome_code      NVARCHAR(400) NOT NULL,
    district_code   NVARCHAR(400) NOT NULL,
    item_name       NVARCHAR(400) NOT NULL,
    quantity        SMALLINT NOT NULL,
    fee_yen         INT NOT NULL,
    batch_id        BIGINT NOT NULL,
    CONSTRAINT pk_fact_bulky_waste_request PRIMARY KEY NONCLUSTERED (request_key)
);
CREATE CLUSTERED COLUMNSTORE INDEX cci_fact_bulky_waste_request ON dbo.fact_bulky_waste_request;

-- Staging ----------------------------------------------------------------------------------------------------
SELECT TOP (0) * INTO dbo.stage_dim_agency FROM dbo.dim_agency;
SELECT TOP (0) * INTO dbo.stage_transit_office FROM dbo.transit_office;
SELECT TOP (0) * INTO dbo.stage_dim_stop FROM dbo.dim_stop;
SELECT TOP (0) * INTO dbo.stage_dim_route FROM dbo.dim_route;
SELECT TOP (0) * INTO dbo.stage_transit_calendar FROM dbo.transit_calendar;
SELECT TOP (0) * INTO dbo.stage_transit_calendar_date FROM dbo.transit_calendar_date;
SELECT TOP (0) * INTO dbo.stage_dim_trip FROM dbo.dim_trip;
SELECT TOP (0) * INTO dbo.stage_transit_stop_time FROM dbo.transit_stop_time;
SELECT TOP (0) * INTO dbo.stage_transit_shape_point FROM dbo.transit_shape_point;
SELECT TOP (0) * INTO dbo.stage_fact_boarding FROM dbo.fact_boarding;
SELECT TOP (0) * INTO dbo.stage_fact_demand_taxi_trip FROM dbo.fact_demand_taxi_trip;
SELECT TOP (0) * INTO dbo.stage_fact_waste_weighing FROM dbo.fact_waste_weighing;
SELECT TOP (0) * INTO dbo.stage_fact_bulky_waste_request FROM dbo.fact_bulky_waste_request;
