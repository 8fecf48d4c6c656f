UPDATE dbo.dim_district SET district_code = @district_code, district_name = @district_name WHERE chome_code = @chome_code;
