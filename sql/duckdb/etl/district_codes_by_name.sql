-- 中学校区 codes already in use, by name, for boundary files that name a district but carry no code of ours (A32).
-- The 町丁 master's codes come first.
SELECT DISTINCT district_name AS Name, district_code AS Code, 1 AS Preference FROM dim_district
UNION
SELECT geo_name, geo_code, 2 FROM district_geometry WHERE geo_level = 'district';
