-- IC-card counts: rows of the same stop, route, trip and time in one file add up (one row per tap is a row of 1), then
-- last batch wins per (feed, day, record) as for every boarding.
CREATE TEMP TABLE ic_card_summed AS
SELECT feed_key, date_key, record_key, any_value(boarding_source) AS boarding_source, any_value(stop_key) AS stop_key,
    any_value(route_key) AS route_key, any_value(trip_key) AS trip_key, any_value(stop_sequence) AS stop_sequence,
    any_value(minute_of_day) AS minute_of_day, CAST(SUM(boardings) AS INTEGER) AS boardings, CAST(SUM(alightings) AS INTEGER) AS alightings,
    any_value(current_load) AS current_load, any_value(batch_id) AS batch_id
FROM stage_fact_boarding
GROUP BY feed_key, date_key, record_key;
DELETE FROM stage_fact_boarding;
INSERT INTO stage_fact_boarding SELECT * FROM ic_card_summed;
DROP TABLE ic_card_summed;
