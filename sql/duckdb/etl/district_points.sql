-- 町丁 with a representative point, for the point-in-polygon assignment to 中学校区.
SELECT chome_code AS ChomeCode, chome_name AS ChomeName, district_code AS DistrictCode, district_name AS DistrictName,
       longitude AS Longitude, latitude AS Latitude
FROM dim_district
WHERE longitude IS NOT NULL AND latitude IS NOT NULL
ORDER BY chome_code;
