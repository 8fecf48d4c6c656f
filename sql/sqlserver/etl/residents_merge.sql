-- The register: a newer file updates the same residents (last batch wins); the importer has rejected repeated ids.
DELETE r FROM dbo.dim_resident r WHERE EXISTS (SELECT 1 FROM dbo.stage_dim_resident s WHERE s.resident_key = r.resident_key);
INSERT INTO dbo.dim_resident (resident_key, chome_code, sex, birth_year, batch_id)
SELECT resident_key, chome_code, sex, birth_year, batch_id FROM dbo.stage_dim_resident;
DELETE FROM dbo.stage_dim_resident;
