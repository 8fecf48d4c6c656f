-- Last batch wins per (feed, day, record): a corrected file replaces the same trip-stop visits. The importers stage each
-- record once (GTFS-ride rejects a repeated visit, IC-card counts of one slot are summed first), so this is a plain copy.
DELETE FROM fact_boarding
WHERE EXISTS (
    SELECT 1 FROM stage_fact_boarding s
    WHERE s.feed_key = fact_boarding.feed_key AND s.date_key = fact_boarding.date_key AND s.record_key = fact_boarding.record_key);
INSERT INTO fact_boarding SELECT * FROM stage_fact_boarding;
DELETE FROM stage_fact_boarding;
