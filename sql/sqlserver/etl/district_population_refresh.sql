-- dim_district.population follows the register: each 町丁's total at its latest reference date in fact_population.
-- 町丁 without register figures keep the population their districts file gave (the census).
WITH latest AS (
    SELECT f.chome_code, SUM(f.population) AS total
    FROM dbo.fact_population f
    WHERE f.as_of_date = (SELECT MAX(l.as_of_date) FROM dbo.fact_population l WHERE l.chome_code = f.chome_code)
    GROUP BY f.chome_code
)
UPDATE d SET population = latest.total
FROM dbo.dim_district d
JOIN latest ON latest.chome_code = d.chome_code
WHERE d.population IS NULL OR d.population <> latest.total;
