-- Rows left in the boarding stage once the IC-card counts were summed: what the batch loads.
SELECT COUNT_BIG(*) FROM dbo.stage_fact_boarding;
