-- Last batch wins per (reference date, 町丁, sex, age band): a corrected file replaces those rows and no others. The
-- importer has already rejected a second row with the same key in one file.
INSERT OR REPLACE INTO fact_population SELECT * FROM stage_fact_population;
DELETE FROM stage_fact_population;
