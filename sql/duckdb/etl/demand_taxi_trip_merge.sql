-- Last batch wins per trip_key; one row kept where a file repeats it.
DELETE FROM fact_demand_taxi_trip WHERE trip_key IN (SELECT trip_key FROM stage_fact_demand_taxi_trip);
INSERT INTO fact_demand_taxi_trip
SELECT * FROM stage_fact_demand_taxi_trip
QUALIFY row_number() OVER (PARTITION BY trip_key) = 1;
DELETE FROM stage_fact_demand_taxi_trip;
