-- The 年度 that have classes, newest first: what a board report can be made for.
SELECT DISTINCT CAST(fiscal_year AS INTEGER) AS fiscal_year FROM dim_class WHERE fiscal_year IS NOT NULL ORDER BY fiscal_year DESC;
