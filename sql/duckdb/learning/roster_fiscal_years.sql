-- The 年度 that have rosters and have begun, newest first (the filter bar's 年度 choices).
SELECT DISTINCT CAST(fiscal_year AS INTEGER) AS fiscal_year FROM dim_class WHERE fiscal_year <= $today_fiscal_year ORDER BY fiscal_year DESC;
