-- A loaded feed's stop ids, to check boardings against.
SELECT stop_id FROM dim_stop WHERE feed_key = $feed_key;
