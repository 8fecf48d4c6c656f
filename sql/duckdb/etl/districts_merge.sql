-- A districts batch: 町丁 and geometries replace those with the same keys (last batch wins). The importer has already
-- rejected a second feature with the same key in one file.
INSERT OR REPLACE INTO dim_district SELECT * FROM stage_dim_district;
INSERT OR REPLACE INTO district_geometry SELECT * FROM stage_district_geometry;
DELETE FROM stage_dim_district;
DELETE FROM stage_district_geometry;
