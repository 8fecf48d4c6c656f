-- A districts batch: 町丁 and geometries replace those with the same keys (last batch wins). The importer has already
-- rejected a second feature with the same key in one file.
DELETE t FROM dbo.dim_district t WHERE EXISTS (SELECT 1 FROM dbo.stage_dim_district s WHERE s.chome_code = t.chome_code);
INSERT INTO dbo.dim_district (chome_code, chome_name, district_code, district_name, area_code, area_name, is_urban, population, households, longitude, latitude, batch_id)
SELECT chome_code, chome_name, district_code, district_name, area_code, area_name, is_urban, population, households, longitude, latitude, batch_id
FROM dbo.stage_dim_district;
DELETE t FROM dbo.district_geometry t
WHERE EXISTS (SELECT 1 FROM dbo.stage_district_geometry s WHERE s.geo_level = t.geo_level AND s.geo_code = t.geo_code);
INSERT INTO dbo.district_geometry (geo_level, geo_code, geo_name, geojson, batch_id)
SELECT geo_level, geo_code, geo_name, geojson, batch_id FROM dbo.stage_district_geometry;
DELETE FROM dbo.stage_dim_district;
DELETE FROM dbo.stage_district_geometry;
