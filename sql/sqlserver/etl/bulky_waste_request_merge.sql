-- Last batch wins per request_key; one row kept where a file repeats it.
DELETE FROM dbo.fact_bulky_waste_request WHERE request_key IN (SELECT request_key FROM dbo.stage_fact_bulky_waste_request);
WITH ranked AS (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY request_key ORDER BY (SELECT NULL)) AS copy_number
    FROM dbo.stage_fact_bulky_waste_request
)
INSERT INTO dbo.fact_bulky_waste_request (request_key, date_key, collection_date_key, chome_code, district_code, item_name, quantity, fee_yen, batch_id)
SELECT request_key, date_key, collection_date_key, chome_code, district_code, item_name, quantity, fee_yen, batch_id FROM ranked WHERE copy_number = 1;
DELETE FROM dbo.stage_fact_bulky_waste_request;
