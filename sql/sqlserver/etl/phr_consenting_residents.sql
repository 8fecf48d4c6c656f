-- Residents whose latest PHR consent record is 'given' (a withdrawal on a later date ends it).
WITH latest AS (
    SELECT resident_key, consent_status,
           ROW_NUMBER() OVER (PARTITION BY resident_key ORDER BY recorded_on DESC) AS recency
    FROM dbo.consent
    WHERE consent_scope = N'phr'
)
SELECT resident_key FROM latest WHERE recency = 1 AND consent_status = N'given';
