SELECT DISTINCT CAST(fiscal_year AS INTEGER) AS fiscal_year FROM dim_date ORDER BY fiscal_year;
