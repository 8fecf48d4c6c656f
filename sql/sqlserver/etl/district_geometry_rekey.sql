-- A 中学校区 polygon takes the code the 町丁 master gives the same name.
UPDATE dbo.district_geometry SET geo_code = @new_code WHERE geo_level = 'district' AND geo_code = @old_code;
