-- dim_district.population follows the register: each 町丁's total at its latest reference date in fact_population.
-- 町丁 without register figures keep the population their districts file gave (the census).
UPDATE dim_district SET population = latest.total
FROM (
    SELECT f.chome_code, CAST(SUM(f.population) AS INTEGER) AS total
    FROM fact_population f
    WHERE f.as_of_date = (SELECT MAX(l.as_of_date) FROM fact_population l WHERE l.chome_code = f.chome_code)
    GROUP BY f.chome_code
) latest
WHERE dim_district.chome_code = latest.chome_code AND dim_district.population IS DISTINCT FROM latest.total;
