-- A loaded feed's trips with their routes, to check boardings against.
SELECT trip_id AS Id, route_key AS RouteKey FROM dbo.dim_trip WHERE feed_key = @feed_key;
