-- Population by 町丁, sex and age band on a reference date (from the resident register), and the staging tables of
-- the districts and population importers. (0003 belongs to another line of work.)
CREATE TABLE dbo.fact_population (
    as_of_date      DATE NOT NULL,
    chome_code      NVARCHAR(64) NOT NULL,
    sex             NVARCHAR(16) NOT NULL,
    age_band        NVARCHAR(8) NOT NULL,
    population      INT NOT NULL,
    batch_id        BIGINT NOT NULL,
    CONSTRAINT pk_fact_population PRIMARY KEY NONCLUSTERED (as_of_date, chome_code, sex, age_band)
);
CREATE CLUSTERED COLUMNSTORE INDEX cci_fact_population ON dbo.fact_population;

SELECT TOP (0) * INTO dbo.stage_fact_population FROM dbo.fact_population;
SELECT TOP (0) * INTO dbo.stage_dim_district FROM dbo.dim_district;
SELECT TOP (0) * INTO dbo.stage_district_geometry FROM dbo.district_geometry;
