-- Last batch wins per record_key; one row kept where a file repeats it.
DELETE FROM fact_waste_weighing WHERE record_key IN (SELECT record_key FROM stage_fact_waste_weighing);
INSERT INTO fact_waste_weighing
SELECT * FROM stage_fact_waste_weighing
QUALIFY row_number() OVER (PARTITION BY record_key) = 1;
DELETE FROM stage_fact_waste_weighing;
