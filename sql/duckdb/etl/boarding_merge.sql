-- The staged IC-card boardings into the fact, their texts numbered in boarding_key. Last batch wins per visit (feed,
-- day, source, time, stop, route, trip): a corrected file replaces the same slots. ic_card_merge has summed each
-- slot's rows already, so this is a plain copy.
INSERT INTO boarding_key (key_text)
SELECT key_text FROM (
    SELECT feed_key AS key_text FROM stage_fact_boarding
    UNION SELECT boarding_source FROM stage_fact_boarding
    UNION SELECT stop_key FROM stage_fact_boarding
    UNION SELECT route_key FROM stage_fact_boarding
    UNION SELECT trip_key FROM stage_fact_boarding
) named
WHERE key_text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM boarding_key k WHERE k.key_text = named.key_text)
ORDER BY key_text;

CREATE OR REPLACE TEMP TABLE boarding_staged AS
SELECT feed.key_id AS feed_key_id, s.date_key, source.key_id AS boarding_source_id, stop.key_id AS stop_key_id,
    route.key_id AS route_key_id, trip.key_id AS trip_key_id, s.stop_sequence, s.minute_of_day, s.boardings,
    s.alightings, s.current_load, s.batch_id
FROM stage_fact_boarding s
JOIN boarding_key feed ON feed.key_text = s.feed_key
JOIN boarding_key source ON source.key_text = s.boarding_source
JOIN boarding_key stop ON stop.key_text = s.stop_key
LEFT JOIN boarding_key route ON route.key_text = s.route_key
LEFT JOIN boarding_key trip ON trip.key_text = s.trip_key;

DELETE FROM fact_boarding
WHERE EXISTS (
    SELECT 1 FROM boarding_staged s
    WHERE s.feed_key_id = fact_boarding.feed_key_id AND s.date_key = fact_boarding.date_key
      AND s.boarding_source_id = fact_boarding.boarding_source_id AND s.stop_key_id = fact_boarding.stop_key_id
      AND s.minute_of_day IS NOT DISTINCT FROM fact_boarding.minute_of_day
      AND s.route_key_id IS NOT DISTINCT FROM fact_boarding.route_key_id
      AND s.trip_key_id IS NOT DISTINCT FROM fact_boarding.trip_key_id);
INSERT INTO fact_boarding SELECT * FROM boarding_staged;
DROP TABLE boarding_staged;
DELETE FROM stage_fact_boarding;
