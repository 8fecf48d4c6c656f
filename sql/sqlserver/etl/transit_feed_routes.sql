-- A loaded feed's route ids, to check IC-card boardings against.
SELECT route_id FROM dbo.dim_route WHERE feed_key = @feed_key;
