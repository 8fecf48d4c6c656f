-- The register: a newer file updates the same residents (last batch wins); the importer has rejected repeated ids.
INSERT OR REPLACE INTO dim_resident SELECT * FROM stage_dim_resident;
DELETE FROM stage_dim_resident;
