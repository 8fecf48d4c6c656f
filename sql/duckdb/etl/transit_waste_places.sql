-- The 町丁 master with its 中学校区 and 地域, for the demand-taxi, weighing and 粗大ごみ importers to resolve places by code or name.
SELECT chome_code AS ChomeCode, chome_name AS ChomeName, district_code AS DistrictCode, district_name AS DistrictName,
    area_code AS AreaCode, area_name AS AreaName
FROM dim_district;
