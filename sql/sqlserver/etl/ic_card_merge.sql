-- IC-card counts: rows of the same stop, route, trip and time in one file add up (one row per tap is a row of 1), then
-- last batch wins per (feed, day, record) as for every boarding.
SELECT feed_key, date_key, record_key, MAX(boarding_source) AS boarding_source, MAX(stop_key) AS stop_key,
    MAX(route_key) AS route_key, MAX(trip_key) AS trip_key, MAX(stop_sequence) AS stop_sequence,
    MAX(minute_of_day) AS minute_of_day, SUM(boardings) AS boardings, SUM(alightings) AS alightings,
    MAX(current_load) AS current_load, MAX(batch_id) AS batch_id
INTO #ic_card_summed
FROM dbo.stage_fact_boarding
GROUP BY feed_key, date_key, record_key;
DELETE FROM dbo.stage_fact_boarding;
INSERT INTO dbo.stage_fact_boarding (feed_key, date_key, record_key, boarding_source, stop_key, route_key, trip_key, stop_sequence,
    minute_of_day, boardings, alightings, current_load, batch_id)
SELECT feed_key, date_key, record_key, boarding_source, stop_key, route_key, trip_key, stop_sequence,
    minute_of_day, boardings, alightings, current_load, batch_id
FROM #ic_card_summed;
DROP TABLE #ic_card_summed;
