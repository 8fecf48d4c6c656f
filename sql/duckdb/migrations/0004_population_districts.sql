-- Population by 町丁, sex and age band on a reference date (from the resident register), and the staging tables of
-- the districts and population importers. (0003 belongs to another line of work.)
CREATE TABLE fact_population (
    as_of_date      DATE NOT NULL,                -- the register's reference date, e.g. 2025-04-01
    chome_code      VARCHAR NOT NULL,
    sex             VARCHAR NOT NULL,             -- male / female
    age_band        VARCHAR NOT NULL,             -- 0-4 … 80-84, 85+
    population      INTEGER NOT NULL,
    batch_id        BIGINT NOT NULL,
    PRIMARY KEY (as_of_date, chome_code, sex, age_band)
);

CREATE TABLE stage_fact_population AS SELECT * FROM fact_population LIMIT 0;
CREATE TABLE stage_dim_district AS SELECT * FROM dim_district LIMIT 0;
CREATE TABLE stage_district_geometry AS SELECT * FROM district_geometry LIMIT 0;
