-- The current 年度 of the rosters: the latest one that has begun (a new roster in April takes over).
SELECT MAX(fiscal_year) FROM dbo.dim_class WHERE fiscal_year <= @today_fiscal_year;
