SELECT chome_code FROM dbo.dim_district;
