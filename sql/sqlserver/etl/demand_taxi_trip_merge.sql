-- Last batch wins per trip_key; one row kept where a file repeats it.
DELETE FROM dbo.fact_demand_taxi_trip WHERE trip_key IN (SELECT trip_key FROM dbo.stage_fact_demand_taxi_trip);
WITH ranked AS (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY trip_key ORDER BY (SELECT NULL)) AS copy_number
    FROM dbo.stage_fact_demand_taxi_trip
)
INSERT INTO dbo.fact_demand_taxi_trip (trip_key, date_key, minute_of_day, area_code, origin_chome_code, destination_chome_code, passengers, batch_id)
SELECT trip_key, date_key, minute_of_day, area_code, origin_chome_code, destination_chome_code, passengers, batch_id FROM ranked WHERE copy_number = 1;
DELETE FROM dbo.stage_fact_demand_taxi_trip;
