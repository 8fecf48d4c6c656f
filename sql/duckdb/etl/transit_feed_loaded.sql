-- Whether a feed has been imported (it has stops): only then are boardings checked against it.
SELECT EXISTS (SELECT 1 FROM dim_stop WHERE feed_key = $feed_key);
