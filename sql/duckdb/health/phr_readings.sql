-- person-level; scope: residents living in the caller's areas (user_scope kind area), and only those whose latest
-- PHR consent is 'given' — a withdrawal recorded today hides every reading at once.
SELECT p.resident_key AS ResidentKey, p.measured_at AS MeasuredAt, p.code AS Code, p.reading_value AS ReadingValue, p.unit AS Unit
FROM fact_phr_reading p
JOIN dim_resident r ON r.resident_key = p.resident_key
JOIN dim_district d ON d.chome_code = r.chome_code
JOIN user_scope s ON s.user_name = $user_name AND s.scope_kind = 'area' AND s.scope_value = d.area_code
WHERE (SELECT c.consent_status FROM consent c
       WHERE c.resident_key = p.resident_key AND c.consent_scope = 'phr'
       ORDER BY c.recorded_on DESC LIMIT 1) = 'given'
  AND p.date_key BETWEEN $from_date_key AND $to_date_key
ORDER BY p.resident_key, p.measured_at;
