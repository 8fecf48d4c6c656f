-- The current 年度 of the rosters: the latest one that has begun (a new roster in April takes over).
SELECT max(fiscal_year) FROM dim_class WHERE fiscal_year <= $today_fiscal_year;
