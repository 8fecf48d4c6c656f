-- Last batch wins per (feed, day, record): a corrected file replaces the same trip-stop visits. Where a GTFS-ride file
-- repeats a visit, one row is kept; IC-card rows of the same stop, route and time were summed by the importer's stage.
DELETE FROM fact_boarding
WHERE EXISTS (
    SELECT 1 FROM stage_fact_boarding s
    WHERE s.feed_key = fact_boarding.feed_key AND s.date_key = fact_boarding.date_key AND s.record_key = fact_boarding.record_key);
INSERT INTO fact_boarding
SELECT * FROM stage_fact_boarding
QUALIFY row_number() OVER (PARTITION BY feed_key, date_key, record_key) = 1;
DELETE FROM stage_fact_boarding;
