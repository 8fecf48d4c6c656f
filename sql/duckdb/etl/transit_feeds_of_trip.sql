-- The feeds that have a trip of this id: a board_alight file without its own agency.txt belongs to the one feed found.
SELECT DISTINCT feed_key FROM dim_trip WHERE trip_id = $trip_id;
