SELECT geo_code AS Code, geo_name AS Name, geojson AS GeoJson FROM district_geometry WHERE geo_level = 'district' ORDER BY geo_code;
