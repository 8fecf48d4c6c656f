SELECT DISTINCT CAST(fiscal_year AS INT) AS fiscal_year FROM dbo.dim_date ORDER BY fiscal_year;
