-- Whether a feed has been imported (it has stops): only then are boardings checked against it.
SELECT CAST(CASE WHEN EXISTS (SELECT 1 FROM dbo.dim_stop WHERE feed_key = @feed_key) THEN 1 ELSE 0 END AS BIT);
