-- Rows left in the boarding stage once the IC-card counts were summed: what the batch loads.
SELECT CAST(COUNT(*) AS BIGINT) FROM stage_fact_boarding;
