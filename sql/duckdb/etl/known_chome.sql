SELECT chome_code FROM dim_district;
