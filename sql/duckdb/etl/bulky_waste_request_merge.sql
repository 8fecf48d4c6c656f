-- Last batch wins per request_key; one row kept where a file repeats it.
DELETE FROM fact_bulky_waste_request WHERE request_key IN (SELECT request_key FROM stage_fact_bulky_waste_request);
INSERT INTO fact_bulky_waste_request
SELECT * FROM stage_fact_bulky_waste_request
QUALIFY row_number() OVER (PARTITION BY request_key) = 1;
DELETE FROM stage_fact_bulky_waste_request;
