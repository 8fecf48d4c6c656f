-- The 年度 that have classes, newest first: what a board report can be made for.
SELECT DISTINCT CAST(fiscal_year AS INT) AS fiscal_year FROM dbo.dim_class WHERE fiscal_year IS NOT NULL ORDER BY fiscal_year DESC;
