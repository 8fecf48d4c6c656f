-- The transit and waste importers empty their staging tables at the start of each batch, in case an earlier one was cut off.
DELETE FROM dbo.stage_dim_agency;
DELETE FROM dbo.stage_transit_office;
DELETE FROM dbo.stage_dim_stop;
DELETE FROM dbo.stage_dim_route;
DELETE FROM dbo.stage_transit_calendar;
DELETE FROM dbo.stage_transit_calendar_date;
DELETE FROM dbo.stage_dim_trip;
DELETE FROM dbo.stage_transit_stop_time;
DELETE FROM dbo.stage_transit_shape_point;
DELETE FROM dbo.stage_fact_boarding;
DELETE FROM dbo.stage_fact_demand_taxi_trip;
DELETE FROM dbo.stage_fact_waste_weighing;
DELETE FROM dbo.stage_fact_bulky_waste_request;
