-- Residents whose latest PHR consent record is 'given' (a withdrawal on a later date ends it).
SELECT resident_key
FROM consent
WHERE consent_scope = 'phr'
QUALIFY row_number() OVER (PARTITION BY resident_key ORDER BY recorded_on DESC) = 1 AND consent_status = 'given';
