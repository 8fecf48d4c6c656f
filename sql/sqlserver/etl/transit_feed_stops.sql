-- A loaded feed's stop ids, to check boardings against.
SELECT stop_id FROM dbo.dim_stop WHERE feed_key = @feed_key;
