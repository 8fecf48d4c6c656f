-- Last batch wins per record_key; one row kept where a file repeats it.
DELETE FROM dbo.fact_waste_weighing WHERE record_key IN (SELECT record_key FROM dbo.stage_fact_waste_weighing);
WITH ranked AS (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY record_key ORDER BY (SELECT NULL)) AS copy_number
    FROM dbo.stage_fact_waste_weighing
)
INSERT INTO dbo.fact_waste_weighing (record_key, date_key, truck_id, collection_route, district_code, waste_type, weight_kg, batch_id)
SELECT record_key, date_key, truck_id, collection_route, district_code, waste_type, weight_kg, batch_id FROM ranked WHERE copy_number = 1;
DELETE FROM dbo.stage_fact_waste_weighing;
