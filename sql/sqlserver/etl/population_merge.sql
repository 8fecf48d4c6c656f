-- Last batch wins per (reference date, 町丁, sex, age band): a corrected file replaces those rows and no others. The
-- importer has already rejected a second row with the same key in one file.
DELETE f FROM dbo.fact_population f
WHERE EXISTS (SELECT 1 FROM dbo.stage_fact_population s
              WHERE s.as_of_date = f.as_of_date AND s.chome_code = f.chome_code AND s.sex = f.sex AND s.age_band = f.age_band);
INSERT INTO dbo.fact_population (as_of_date, chome_code, sex, age_band, population, batch_id)
SELECT as_of_date, chome_code, sex, age_band, population, batch_id FROM dbo.stage_fact_population;
DELETE FROM dbo.stage_fact_population;
